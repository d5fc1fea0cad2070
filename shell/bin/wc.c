/*
 * wc - count lines, words and bytes.
 *
 *   wc [-clmwL] [FILE...]
 *
 *   -l  newlines          -w  words (runs of printable non-space bytes)
 *   -c  bytes             -m  characters (UTF-8)
 *   -L  length of the longest line (tabs to multiples of 8)
 *
 * Without options: -l -w -c. Counts come in the order lines, words,
 * characters, bytes, longest line, followed by the file name; with several
 * files a "total" line follows. The columns have GNU wc's width: wide
 * enough for the total size of the regular files named (at least 7 when
 * one input is not a regular file, such as a pipe), and unpadded when a
 * single count of a single input is printed. Characters are UTF-8's, the
 * terminal's encoding: as GNU wc in a UTF-8 locale, a complete, valid
 * sequence counts as one, and a byte that starts or continues no valid
 * sequence counts as none. Input is read with read(2) in
 * large chunks, and only what is shown is counted: wc -c looks at no byte.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "newlines.h"

#define CHUNK 65536

enum { LINES, WORDS, CHARS, BYTES, LONGEST, NCOUNTS };

static int show[NCOUNTS];
static unsigned long long total[NCOUNTS];
static int width = 1;

struct counter {
    unsigned long long n[NCOUNTS];
    int in_word;
    int need;                  /* continuation bytes the sequence awaits */
    unsigned char lo, hi;      /* the range the next one must fall in */
    unsigned long long col;    /* column on the current line, for -L */
};

static void usage(void)
{
    fprintf(stderr, "usage: wc [-clmwL] [file...]\n");
    exit(1);
}

/* Report a file's error after what was already printed, as GNU tools do
 * (the order matters when stdout and stderr go to the same place). */
static void warn_file(const char *name)
{
    int e = errno;
    fflush(stdout);
    fprintf(stderr, "wc: %s: %s\n", name, strerror(e));
}

static void end_line(struct counter *c)
{
    if (c->col > c->n[LONGEST])
        c->n[LONGEST] = c->col;
    c->col = 0;
}

/* The column bookkeeping of -L, which costs more than counting; only
 * done when asked for. */
static void count_columns(struct counter *c, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (ch == '\n' || ch == '\r' || ch == '\f')
            end_line(c);
        else if (ch == '\t')
            c->col += 8 - c->col % 8;
        else if (ch >= 32 && ch < 127)
            c->col++;
    }
}

/* What a byte does to word counting: spaces end a word, printable
 * characters start or continue one, and other bytes (control characters,
 * NUL, bytes >= 128) do neither, as in GNU wc in the C locale: binary
 * data has no words. */
enum { OTHER, SPACE, PRINT };

static unsigned char byte_class[256];

static void init_classes(void)
{
    for (int ch = 0x21; ch < 0x7f; ch++)
        byte_class[ch] = PRINT;
    const char *spaces = " \t\n\v\f\r";
    for (const char *s = spaces; *s; s++)
        byte_class[(unsigned char)*s] = SPACE;
}

/* Lines and words: every byte's class matters. */
static void count_words(struct counter *c, const unsigned char *p, size_t n)
{
    unsigned long long lines = 0, words = 0;
    int in_word = c->in_word;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        lines += ch == '\n';
        switch (byte_class[ch]) {
        case SPACE:
            in_word = 0;
            break;
        case PRINT:
            words += !in_word;
            in_word = 1;
            break;
        }
    }
    c->in_word = in_word;
    c->n[LINES] += lines;
    c->n[WORDS] += words;
}

/* UTF-8 characters, the decoder's state kept in c across reads. A lead
 * byte sets how many continuation bytes follow and the range of the first
 * (which excludes overlong forms, surrogates and code points past
 * U+10FFFF); a byte that does not continue the sequence abandons it and is
 * looked at again as a lead. */
static void count_chars(struct counter *c, const unsigned char *p, size_t n)
{
    unsigned long long chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = p[i];
        if (c->need) {
            if (ch >= c->lo && ch <= c->hi) {
                c->lo = 0x80, c->hi = 0xbf;
                if (--c->need == 0)
                    chars++;
                continue;
            }
            c->need = 0;
        }
        if (ch < 0x80)
            chars++;
        else if (ch >= 0xc2 && ch <= 0xdf)
            c->need = 1, c->lo = 0x80, c->hi = 0xbf;
        else if (ch >= 0xe0 && ch <= 0xef)
            c->need = 2, c->lo = ch == 0xe0 ? 0xa0 : 0x80, c->hi = ch == 0xed ? 0x9f : 0xbf;
        else if (ch >= 0xf0 && ch <= 0xf4)
            c->need = 3, c->lo = ch == 0xf0 ? 0x90 : 0x80, c->hi = ch == 0xf4 ? 0x8f : 0xbf;
    }
    c->n[CHARS] += chars;
}

/* Only what is shown is counted: wc -c looks at no byte, as GNU wc on a
 * pipe, and wc -l at newlines only. */
static void count(struct counter *c, const unsigned char *p, size_t n)
{
    if (show[WORDS])
        count_words(c, p, n);
    else if (show[LINES])
        c->n[LINES] += count_newlines(p, n);
    if (show[CHARS])
        count_chars(c, p, n);
    c->n[BYTES] += n;
    if (show[LONGEST])
        count_columns(c, p, n);
}

static void print_counts(const unsigned long long *n, const char *name)
{
    const char *sep = "";
    for (int i = 0; i < NCOUNTS; i++) {
        if (show[i]) {
            printf("%s%*llu", sep, width, n[i]);
            sep = " ";
        }
    }
    if (name)
        printf(" %s", name);
    putchar('\n');
}

/* Count one input and print its line; returns 1 on a read error. */
static int wc_file(const char *name, int named)
{
    static unsigned char buf[CHUNK];
    int is_stdin = strcmp(name, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY);
    if (fd < 0) {
        warn_file(name);
        return 1;
    }
    struct counter c = { { 0 }, 0, 0, 0, 0, 0 };
    int rc = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            warn_file(name);
            rc = 1;
        }
        if (r <= 0)
            break;
        count(&c, buf, (size_t)r);
    }
    end_line(&c);
    if (!is_stdin)
        close(fd);
    /* As GNU wc: a file that could be opened gets its line even after a
     * read error (a directory shows zeros). */
    print_counts(c.n, named ? name : NULL);
    for (int i = 0; i < LONGEST; i++)
        total[i] += c.n[i];
    if (c.n[LONGEST] > total[LONGEST])
        total[LONGEST] = c.n[LONGEST];
    return rc;
}

/* GNU wc's column width: the digits of the total size of the regular
 * files, at least 7 if any input is not a regular file. */
static int column_width(char **files, int nfiles)
{
    int nshown = 0;
    for (int i = 0; i < NCOUNTS; i++)
        nshown += show[i];
    if (nfiles == 1 && nshown == 1)
        return 1;
    unsigned long long size = 0;
    int w = 1, minimum = 1;
    for (int i = 0; i < nfiles; i++) {
        struct stat st;
        int is_stdin = !files || strcmp(files[i], "-") == 0;
        if ((is_stdin ? fstat(STDIN_FILENO, &st) : stat(files[i], &st)) != 0)
            continue;
        if (S_ISREG(st.st_mode))
            size += (unsigned long long)st.st_size;
        else
            minimum = 7;
    }
    for (; size >= 10; size /= 10)
        w++;
    return w > minimum ? w : minimum;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "wc: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "wc: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    int c, any = 0;
    while ((c = getopt(argc, argv, ":clmwL")) != -1) {
        switch (c) {
        case 'l': show[LINES] = 1; break;
        case 'w': show[WORDS] = 1; break;
        case 'm': show[CHARS] = 1; break;
        case 'c': show[BYTES] = 1; break;
        case 'L': show[LONGEST] = 1; break;
        default:
            bad_option(c);
            usage();
        }
        any = 1;
    }
    if (!any)
        show[LINES] = show[WORDS] = show[BYTES] = 1;
    init_classes();
    int nfiles = argc - optind;
    width = column_width(nfiles ? argv + optind : NULL, nfiles ? nfiles : 1);
    if (nfiles == 0)
        return wc_file("-", 0);
    int rc = 0;
    for (int i = optind; i < argc; i++)
        rc |= wc_file(argv[i], 1);
    if (nfiles > 1)
        print_counts(total, "total");
    return rc;
}
