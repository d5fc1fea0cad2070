/*
 * cat - concatenate files to standard output.
 *
 *   cat [-AbeEnstTuv] [FILE...]
 *
 * With no option the bytes are copied with read(2)/write(2) in large
 * chunks: cat is the pump of most pipelines, so it must not cost a stdio
 * call per byte. A regular file going into a pipe does not even pass
 * through cat: splice(2) moves it inside the kernel, one copy instead of
 * two. The options that look at the text (-n, -b, -s, -v, -E, -T) take a
 * slower path through stdout's buffer. "-" or no FILE means standard
 * input. An unreadable file is reported and skipped; the exit status is
 * then 1.
 */
#define _GNU_SOURCE                 /* splice, in glibc's <fcntl.h> */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

static int opt_number, opt_nonblank, opt_squeeze, opt_ends, opt_tabs, opt_visible;

/* Line state carries over from one file to the next, as in GNU cat: a
 * last line without a newline continues into the next file. */
static long long line_no;
static int at_line_start = 1;
static int blank_run;          /* empty lines seen in a row */

static char buf[CHUNK];

static void usage(void)
{
    fprintf(stderr, "usage: cat [-AbeEnstTuv] [file...]\n");
    exit(1);
}

static void warn_file(const char *name)
{
    int e = errno;
    fflush(stdout);            /* what came before the error shows first */
    fprintf(stderr, "cat: %s: %s\n", name, strerror(e));
}

/* write(2) until everything is out: a pipe may take only part of it. */
static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The fastest path, a regular file into a pipe, spliced. Returns -1 when
 * the kernel cannot splice this pair (EINVAL at the first call: another
 * kind of file, or Duplex's kernel with a pipe as the input), and read
 * and write do the work. */
static int copy_spliced(int fd, const char *name)
{
    for (int first = 1;; first = 0) {
        ssize_t n = splice(fd, NULL, STDOUT_FILENO, NULL, CHUNK, 0);
        if (n > 0 || (n < 0 && errno == EINTR))
            continue;
        if (n == 0)
            return 0;
        if (first && (errno == EINVAL || errno == ENOSYS))
            return -1;
        if (errno == EPIPE || errno == EAGAIN) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            exit(1);
        }
        warn_file(name);
        return 1;
    }
}

/* The fast path: bytes in, same bytes out. */
static int copy_raw(int fd, const char *name)
{
    int r = copy_spliced(fd, name);
    if (r >= 0)
        return r;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_file(name);
            return 1;
        }
        if (n == 0)
            return 0;
        if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            exit(1);
        }
    }
}

/* -v: control characters as ^X, DEL as ^?, high bytes as M-x. */
static void put_visible(unsigned char c)
{
    if (c >= 128) {
        fputs("M-", stdout);
        c -= 128;
    }
    if (c < 32) {
        putchar('^');
        putchar(c + 64);
    } else if (c == 127) {
        fputs("^?", stdout);
    } else {
        putchar(c);
    }
}

/* Start of a line: squeeze blank runs and print the line number. Returns 0
 * when the (empty) line is to be dropped by -s. */
static int begin_line(int empty)
{
    blank_run = empty ? blank_run + 1 : 0;
    if (opt_squeeze && blank_run > 1)
        return 0;
    if (opt_number && !(opt_nonblank && empty))
        printf("%6lld\t", ++line_no);
    return 1;
}

static void put_char(unsigned char c)
{
    if (c == '\t' && opt_tabs)
        fputs("^I", stdout);
    else if (c != '\t' && opt_visible)
        put_visible(c);
    else
        putchar(c);
}

/* The slow path, byte by byte through stdout's buffer. */
static int copy_cooked(int fd, const char *name)
{
    static int keep = 1;       /* whether the current line is printed */
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_file(name);
            return 1;
        }
        if (n == 0)
            return 0;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)buf[i];
            if (at_line_start) {
                keep = begin_line(c == '\n');
                at_line_start = 0;
            }
            if (c == '\n') {
                if (keep) {
                    if (opt_ends)
                        putchar('$');
                    putchar('\n');
                }
                at_line_start = 1;
            } else {
                put_char(c);
            }
        }
    }
}

static int cat_file(const char *name, int cooked)
{
    int fd = STDIN_FILENO;
    if (strcmp(name, "-") != 0) {
        fd = open(name, O_RDONLY);
        if (fd < 0) {
            warn_file(name);
            return 1;
        }
    }
    int rc = cooked ? copy_cooked(fd, name) : copy_raw(fd, name);
    if (fd != STDIN_FILENO)
        close(fd);
    return rc;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "cat: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "cat: invalid option -- '%c'\n", optopt);
}

static void parse_options(int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, ":AbeEnstTuv")) != -1) {
        switch (c) {
        case 'A': opt_visible = opt_ends = opt_tabs = 1; break;
        case 'b': opt_number = opt_nonblank = 1; break;
        case 'e': opt_visible = opt_ends = 1; break;
        case 'E': opt_ends = 1; break;
        case 'n': opt_number = 1; break;
        case 's': opt_squeeze = 1; break;
        case 't': opt_visible = opt_tabs = 1; break;
        case 'T': opt_tabs = 1; break;
        case 'u': break;           /* output is never delayed anyway */
        case 'v': opt_visible = 1; break;
        default:
            bad_option(c);
            usage();
        }
    }
}

int main(int argc, char **argv)
{
    parse_options(argc, argv);
    int cooked = opt_number || opt_squeeze || opt_ends || opt_tabs || opt_visible;
    int rc = 0;
    if (optind == argc)
        rc = cat_file("-", cooked);
    for (int i = optind; i < argc; i++)
        rc |= cat_file(argv[i], cooked);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "cat: write error: %s\n", strerror(errno));
        return 1;
    }
    return rc;
}
