/*
 * head - print the first lines (or bytes) of files.
 *
 *   head [-n [-]LINES | -c [-]BYTES | -LINES] [-qv] [FILE...]
 *
 * The default is 10 lines; a negative count (GNU) prints all but the last
 * LINES lines (BYTES bytes). With several files each gets a header
 * "==> FILE <==" (-q: never, -v: always). head reads with read(2) and
 * exits as soon as it has what it needs, so `yes | head -n 3` ends: the
 * writer gets SIGPIPE on its next write. When the input is a regular
 * file, the file offset is moved back to just after the last byte
 * printed, as POSIX asks, so `(head -n 1; cat) < file` shows every line
 * once.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

static char buf[CHUNK];

static void usage(void)
{
    fprintf(stderr, "usage: head [-n lines | -c bytes | -lines] [-qv] [file...]\n");
    exit(1);
}

static int write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            fprintf(stderr, "head: write error: %s\n", strerror(errno));
            exit(1);
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A count is a decimal number; a negative one (GNU) means "all but the
 * last N". */
static long long parse_count(const char *s, const char *what, int *all_but)
{
    char *end;
    const char *digits = *s == '-' ? s + 1 : s;
    *all_but = *s == '-';
    errno = 0;
    long long v = strtoll(digits, &end, 10);
    if (end == digits || *end != '\0' || v < 0 || errno == ERANGE || *digits == '+' ||
        *digits == '-') {
        fprintf(stderr, "head: invalid number of %s: '%s'\n", what, s);
        exit(1);
    }
    return v;
}

/* How many of the n bytes at p to print, given `left` lines (or bytes)
 * still wanted; decrements *left. */
static size_t take(const char *p, size_t n, long long *left, int bytes)
{
    if (bytes) {
        size_t k = (unsigned long long)*left < n ? (size_t)*left : n;
        *left -= (long long)k;
        return k;
    }
    size_t k = 0;
    while (k < n && *left > 0) {
        const char *nl = memchr(p + k, '\n', n - k);
        if (!nl)
            return n;
        k = (size_t)(nl - p) + 1;
        (*left)--;
    }
    return k;
}

static int head_fd(int fd, const char *name, long long count, int bytes)
{
    long long left = count;
    while (left > 0) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
            return 1;
        }
        if (n == 0)
            break;
        size_t k = take(buf, (size_t)n, &left, bytes);
        write_all(buf, k);
        /* Give back what was read but not printed (fails harmlessly on
         * pipes and terminals). */
        if (k < (size_t)n)
            lseek(fd, (off_t)k - (off_t)n, SEEK_CUR);
    }
    return 0;
}

/* -c -N: print all but the last n bytes, holding back n bytes. */
static int all_but_bytes(int fd, const char *name, long long n)
{
    char *held = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
            rc = 1;
        }
        if (r <= 0)
            break;
        if (len + (size_t)r > cap) {
            cap = (len + (size_t)r) * 2;
            held = realloc(held, cap);
            if (!held) {
                fprintf(stderr, "head: out of memory\n");
                exit(1);
            }
        }
        memcpy(held + len, buf, (size_t)r);
        len += (size_t)r;
        if ((long long)len > n) {
            size_t out = len - (size_t)n;
            write_all(held, out);
            memmove(held, held + out, len - out);
            len -= out;
        }
    }
    free(held);
    return rc;
}

/* -n -N: the last lines read, held back: `count` of them from `first` on
 * (circularly), at most `max`. */
struct ring {
    struct held { char *s; size_t len; } *v;
    size_t size, count, first, max;
};

/* Hold a line (taking over its buffer); if `max` lines are held already,
 * the oldest one is printed to make room. */
static void hold(struct ring *r, char *s, size_t len)
{
    if (r->count == r->max) {
        struct held *old = &r->v[r->first];
        write_all(old->s, old->len);
        free(old->s);
        *old = (struct held){ s, len };
        r->first = (r->first + 1) % r->size;
        return;
    }
    if (r->count == r->size) {         /* grow, up to max entries */
        r->size = r->size ? r->size * 2 : 64;
        if (r->size > r->max)
            r->size = r->max;
        r->v = realloc(r->v, r->size * sizeof *r->v);
        if (!r->v) {
            fprintf(stderr, "head: out of memory\n");
            exit(1);
        }
    }
    r->v[r->count++] = (struct held){ s, len };
}

/* -n -N: print all but the last n lines. */
static int all_but_lines(int fd, const char *name, long long n)
{
    FILE *f = fdopen(dup(fd), "r");
    if (!f) {
        fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
        return 1;
    }
    size_t max = (unsigned long long)n > SIZE_MAX ? SIZE_MAX : (size_t)n;
    struct ring r = { NULL, 0, 0, 0, max };
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (n == 0) {
            write_all(line, (size_t)len);
            continue;
        }
        hold(&r, line, (size_t)len);
        line = NULL;
        cap = 0;
    }
    int rc = ferror(f) != 0;
    if (rc)
        fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
    for (size_t i = 0; i < r.count; i++)
        free(r.v[i].s);
    free(r.v);
    free(line);
    fclose(f);
    return rc;
}

static int head_file(const char *name, long long count, int bytes, int all_but,
                     int header)
{
    static int first = 1;      /* no blank line before the first header */
    int is_stdin = strcmp(name, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "head: %s: %s\n", name, strerror(errno));
        return 1;
    }
    if (header) {
        const char *shown = is_stdin ? "standard input" : name;
        write_all(first ? "==> " : "\n==> ", first ? 4 : 5);
        write_all(shown, strlen(shown));
        write_all(" <==\n", 5);
        first = 0;
    }
    int rc;
    if (!all_but)
        rc = head_fd(fd, name, count, bytes);
    else if (bytes)
        rc = all_but_bytes(fd, name, count);
    else
        rc = all_but_lines(fd, name, count);
    if (!is_stdin)
        close(fd);
    return rc;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "head: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "head: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    long long count = 10;
    int bytes = 0, all_but = 0, quiet = 0, verbose = 0, c;
    /* The old form: head -5 means head -n 5. */
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        count = parse_count(argv[1] + 1, "lines", &all_but);
        optind = 2;
    }
    while ((c = getopt(argc, argv, ":n:c:qv")) != -1) {
        switch (c) {
        case 'n': count = parse_count(optarg, "lines", &all_but); bytes = 0; break;
        case 'c': count = parse_count(optarg, "bytes", &all_but); bytes = 1; break;
        case 'q': quiet = 1; verbose = 0; break;
        case 'v': verbose = 1; quiet = 0; break;
        default:
            bad_option(c);
            usage();
        }
    }
    int nfiles = argc - optind;
    int header = verbose || (nfiles > 1 && !quiet);
    if (nfiles == 0)
        return head_file("-", count, bytes, all_but, header);
    int rc = 0;
    for (int i = optind; i < argc; i++)
        rc |= head_file(argv[i], count, bytes, all_but, header);
    return rc;
}
