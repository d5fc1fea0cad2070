/*
 * od - dump bytes in octal, hexadecimal, decimal or as characters.
 *
 *   od [-bcdosxv] [-A RADIX] [-t TYPE]... [-j SKIP] [-N COUNT] [FILE...]
 *
 *   -b  octal bytes (-t o1)          -c  characters (-t c)
 *   -d  unsigned decimal 2-byte words (-t u2)
 *   -o  octal 2-byte words (-t o2: the default)
 *   -s  signed decimal 2-byte words (-t d2)
 *   -x  hexadecimal 2-byte words (-t x2)
 *   -t  TYPE: c, or d, o, u, x followed by a size of 1, 2, 4 or 8 bytes
 *   -A  RADIX of the offsets: o (default), d, x, or n (none)
 *   -j  skip SKIP bytes first           -N  dump at most COUNT bytes
 *   -v  show every line: without it, a line equal to the one before is
 *       shown as a single "*"
 *
 * The classic layout of GNU od: each line is an offset and 16 bytes; with
 * several types each type gets its own line for the same 16 bytes, and
 * the columns of all of them are aligned. Words are little-endian (like
 * every target of Duplex) and the last one is padded with zero bytes. A
 * last line gives the offset after the end. The files are one stream.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 16
#define MAX_TYPES 16

struct type {
    char kind;                 /* 'c', 'd', 'o', 'u', 'x' */
    int size;                  /* bytes per field */
    int width;                 /* characters per field, before padding */
    int pad;                   /* spaces shared out over a line's fields */
};

static struct type types[MAX_TYPES];
static int ntypes;
static char radix = 'o';
static int verbose;

static void usage(void)
{
    fprintf(stderr, "usage: od [-bcdosxv] [-A radix] [-t type] [-j skip] [-N count] "
                    "[file...]\n");
    exit(1);
}

static void add_type(char kind, int size)
{
    /* Field widths: the widest value of the kind and size. */
    static const int widths[4][4] = {
        /* size 1  2  4  8 */
        { 4, 6, 11, 20 },      /* d */
        { 3, 6, 11, 22 },      /* o */
        { 3, 5, 10, 20 },      /* u */
        { 2, 4, 8, 16 },       /* x */
    };
    if (ntypes == MAX_TYPES)
        usage();
    int row = kind == 'd' ? 0 : kind == 'o' ? 1 : kind == 'u' ? 2 : 3;
    int col = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
    types[ntypes++] = (struct type){ kind, size, kind == 'c' ? 3 : widths[row][col], 0 };
}

/* -t TYPE: "c", or one of d o u x with an optional size (default 4, or a
 * letter C S I L). Several may follow each other: -t x1c. */
static void parse_type(const char *s)
{
    while (*s) {
        char kind = *s++;
        if (kind == 'c') {
            add_type('c', 1);
            continue;
        }
        if (!strchr("doux", kind)) {
            fprintf(stderr, "od: invalid type string '%s'\n", s - 1);
            exit(1);
        }
        int size = 4;
        if (*s && strchr("CSIL", *s))
            size = *s == 'C' ? 1 : *s == 'S' ? 2 : *s == 'I' ? 4 : 8, s++;
        else if (*s >= '0' && *s <= '9') {
            char *end;
            size = (int)strtol(s, &end, 10);
            s = end;
        }
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            fprintf(stderr, "od: invalid type size %d\n", size);
            exit(1);
        }
        add_type(kind, size);
    }
}

/* Share out the spaces so that every type's line is as wide. */
static void align_types(void)
{
    int widest = 0;
    for (int i = 0; i < ntypes; i++) {
        int w = (types[i].width + 1) * (BLOCK / types[i].size);
        widest = w > widest ? w : widest;
    }
    for (int i = 0; i < ntypes; i++)
        types[i].pad = widest - types[i].width * (BLOCK / types[i].size);
}

/* ---- formatting ---------------------------------------------------------- */

static char *put_number(char *o, unsigned long long v, int base, int digits)
{
    char tmp[32];
    int n = 0;
    do
        tmp[n++] = "0123456789abcdef"[v % (unsigned)base];
    while ((v /= (unsigned)base) != 0);
    while (n < digits)
        tmp[n++] = '0';
    while (n > 0)
        *o++ = tmp[--n];
    return o;
}

/* The text of one field, right-aligned in `width` (no padding yet). */
static int field_text(char *out, const struct type *t, const unsigned char *p)
{
    if (t->kind == 'c') {
        static const char *names[] = { "\\0", 0, 0, 0, 0, 0, 0, "\\a", "\\b", "\\t",
                                       "\\n", "\\v", "\\f", "\\r" };
        if (*p < 14 && names[*p])
            return sprintf(out, " %s", names[*p]);
        if (*p >= 32 && *p < 127)
            return sprintf(out, "  %c", *p);
        *put_number(out, *p, 8, 3) = '\0';
        return 3;
    }
    unsigned long long v = 0;
    for (int i = t->size - 1; i >= 0; i--)     /* little-endian */
        v = v << 8 | p[i];
    char digits[32], *e;
    if (t->kind == 'd' && t->size < 8 && (v >> (8 * t->size - 1)) & 1)
        v |= ~0ULL << (8 * t->size);           /* sign-extend */
    if (t->kind == 'd' && (long long)v < 0) {
        digits[0] = '-';
        e = put_number(digits + 1, 0 - v, 10, 1);
    } else {
        int base = t->kind == 'o' ? 8 : t->kind == 'x' ? 16 : 10;
        int zeros = base == 10 ? 1 : t->width;
        e = put_number(digits, v, base, zeros);
    }
    int n = (int)(e - digits);
    return sprintf(out, "%*.*s", t->width, n, digits);
}

static void print_offset(unsigned long long off)
{
    char buf[32];
    char *e = buf;
    if (radix == 'o')
        e = put_number(buf, off, 8, 7);
    else if (radix == 'd')
        e = put_number(buf, off, 10, 7);
    else if (radix == 'x')
        e = put_number(buf, off, 16, 6);
    fwrite(buf, 1, (size_t)(e - buf), stdout);
}

/* One line per type for the n (<= 16) bytes at p. */
static void print_block(unsigned long long off, const unsigned char *p, size_t n)
{
    unsigned char block[BLOCK] = { 0 };
    memcpy(block, p, n);
    int offset_width = radix == 'n' ? 0 : radix == 'x' ? 6 : 7;
    for (int i = 0; i < ntypes; i++) {
        const struct type *t = &types[i];
        if (i == 0)
            print_offset(off);
        else
            printf("%*s", offset_width, "");
        size_t size = (size_t)t->size;
        int fields = BLOCK / t->size, present = (int)((n + size - 1) / size);
        int pad_left = t->pad;
        for (int f = 0; f < present; f++) {
            /* GNU's share: the field gets pad_left - pad*(fields-f-1)/fields */
            int next = t->pad * (fields - f - 1) / fields;
            char text[64];
            int len = field_text(text, t, block + f * t->size);
            printf("%*s%s", pad_left - next + t->width - len, "", text);
            pad_left = next;
        }
        putchar('\n');
    }
}

/* ---- input --------------------------------------------------------------- */

static char **files;
static int nfiles, cur = -1, cur_fd = -1, status;

/* Read from the stream of all the files; 0 at the very end. */
static ssize_t get(unsigned char *buf, size_t n)
{
    for (;;) {
        if (cur_fd < 0) {
            if (++cur >= nfiles)
                return 0;
            const char *name = files[cur];
            cur_fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
            if (cur_fd < 0) {
                fflush(stdout);
                fprintf(stderr, "od: %s: %s\n", name, strerror(errno));
                status = 1;
                continue;
            }
        }
        ssize_t r = read(cur_fd, buf, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r > 0)
            return r;
        if (r < 0) {
            fflush(stdout);
            fprintf(stderr, "od: %s: %s\n", files[cur], strerror(errno));
            status = 1;
        }
        if (cur_fd != STDIN_FILENO)
            close(cur_fd);
        cur_fd = -1;
    }
}

static void dump(unsigned long long skip, long long limit)
{
    static unsigned char buf[65536 + BLOCK];
    unsigned char prev[BLOCK];
    size_t start = 0, have = 0;        /* unprinted bytes: buf[start..start+have) */
    unsigned long long off = skip, done = 0;   /* offsets count the skipped bytes */
    int have_prev = 0, starred = 0, eof = 0;
    while (!eof || have > 0) {
        if (!eof && have < BLOCK) {
            memmove(buf, buf + start, have);
            start = 0;
            ssize_t r = get(buf + have, sizeof buf - have);
            size_t k = (size_t)r, d = skip < k ? (size_t)skip : k;
            eof = r == 0;
            memmove(buf + have, buf + have + d, k - d);        /* -j */
            skip -= d;
            have += k - d;
            if (!eof)
                continue;
        }
        if (skip > 0) {
            fprintf(stderr, "od: cannot skip past end of input\n");
            exit(1);
        }
        const unsigned char *p = buf + start;
        size_t n = have < BLOCK ? have : BLOCK;
        if (limit >= 0 && (unsigned long long)limit - done < n)
            n = (size_t)((unsigned long long)limit - done);
        if (n == 0)
            break;
        if (!verbose && have_prev && n == BLOCK && memcmp(prev, p, BLOCK) == 0) {
            if (!starred)
                puts("*");
            starred = 1;
        } else {
            print_block(off + done, p, n);
            starred = 0;
        }
        memcpy(prev, p, n);
        have_prev = n == BLOCK;
        done += n;
        start += n;
        have -= n;
    }
    if (radix != 'n') {
        print_offset(off + done);
        putchar('\n');
    }
}

static unsigned long long parse_count(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (end == s || *end || errno == ERANGE || *s == '-') {
        fprintf(stderr, "od: invalid number '%s'\n", s);
        exit(1);
    }
    return v;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "od: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "od: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    int c;
    unsigned long long skip = 0;
    long long limit = -1;
    while ((c = getopt(argc, argv, ":A:bcdosxvt:j:N:")) != -1) {
        switch (c) {
        case 'A':
            if (strlen(optarg) != 1 || !strchr("odxn", optarg[0])) {
                fprintf(stderr, "od: invalid output address radix '%s'\n", optarg);
                return 1;
            }
            radix = optarg[0];
            break;
        case 'b': add_type('o', 1); break;
        case 'c': add_type('c', 1); break;
        case 'd': add_type('u', 2); break;
        case 'o': add_type('o', 2); break;
        case 's': add_type('d', 2); break;
        case 'x': add_type('x', 2); break;
        case 't': parse_type(optarg); break;
        case 'v': verbose = 1; break;
        case 'j': skip = parse_count(optarg); break;
        case 'N': limit = (long long)parse_count(optarg); break;
        default:
            bad_option(c);
            usage();
        }
    }
    if (ntypes == 0)
        add_type('o', 2);
    align_types();
    static char *stdin_only[] = { "-" };
    files = optind < argc ? argv + optind : stdin_only;
    nfiles = optind < argc ? argc - optind : 1;
    dump(skip, limit);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "od: write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
