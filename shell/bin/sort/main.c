/*
 * sort - sort lines of text.
 *
 *   sort [-bcCfghmnrRsuVz] [-t CHAR] [-k KEY]... [-o FILE] [FILE...]
 *
 *   -b  ignore leading blanks in keys     -f  fold lower case to upper
 *   -n  compare as numbers                -r  reverse the order
 *   -h  numbers with units (2K < 1M), as du -h and ls -lh print them
 *   -g  numbers as strtod reads them (1e3, inf, nan): no number < NaN <
 *       -inf < numbers < +inf
 *   -V  version order (file-1.9 < file-1.10; util/order.c)
 *   -R  a random order, in which equal keys stay together
 *   -u  output only the first of equal lines
 *   -s  stable: no last-resort comparison of whole lines
 *   -c  only check that the input is sorted (exit 1 and a message if not)
 *   -C  the same, without the message
 *   -m  merge inputs sorted already (sorting them together gives the same)
 *   -z  lines end with a NUL byte, not a newline
 *   -t  fields are separated by CHAR (default: runs of blanks, which
 *       belong to the field that follows them)
 *   -k  F1[.C1][bfghnrRV][,F2[.C2][bfghnrRV]]: the key from field F1 (its
 *       character C1) to field F2 (its character C2; default the end of
 *       the line); a key with no letters of its own takes the global ones
 *   -o  write to FILE, which may be one of the inputs
 *
 * Options may follow the file names, as in GNU sort ("sort FILE -r"),
 * unless POSIXLY_CORRECT is set; "--" ends them.
 *
 * Lines equal in every key are ordered by all their bytes (unless -s or
 * -u), as GNU sort does in the C locale. All input is read into memory
 * and merge-sorted, which is stable. Exit status: 0, 1 (-c: disorder),
 * 2 on an error.
 *
 * What makes it fast on large inputs: with -n on whole lines, each line's
 * number is read once, into a long long when it fits (struct line's num),
 * and two of them compare inline; input already in order is found so in
 * one pass and goes out as it came, with no array of lines made; halves
 * already in order are not merged; and the output goes out in blocks,
 * lines that follow each other in the input as one piece.
 *
 * The program's files: see sort.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>
#include "../newlines.h"
#include "sort.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

struct key keys[MAX_KEYS];
int nkeys, gflags, stable, unique;
int tab = -1;
char eol = '\n';
unsigned long long salt;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sort: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1)))
        die("out of memory");
    return p;
}

/* ---- options -------------------------------------------------------------- */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try 'sort --help' for more information.\n");
    else
        printf("Usage: sort [-bcCfhmnrRsuVz] [-t CHAR] [-k KEY]... [-o FILE] [FILE...]\n"
               "Write the lines of the FILEs (standard input without), sorted.\n");
    exit(status);
}

/* A positive (or, for the end character, non-negative) number. */
static long key_number(const char **p, const char *spec, long min)
{
    char *end;
    if (**p < '0' || **p > '9')
        die("invalid key '%s'", spec);
    long v = strtol(*p, &end, 10);
    if (v < min)
        die("invalid key '%s'", spec);
    *p = end;
    return v;
}

/* The letters after a key position; `at_start` says which 'b' it is. */
static const char *key_letters(const char *p, struct key *k, int at_start, int *own,
                               const char *spec)
{
    for (; *p && *p != ','; p++, *own = 1) {
        switch (*p) {
        case 'b': *(at_start ? &k->sblank : &k->eblank) = 1; break;
        case 'f': k->flags |= FOLD; break;
        case 'n': k->flags |= NUMERIC; break;
        case 'r': k->flags |= REVERSE; break;
        case 'h': k->flags |= HUMAN; break;
        case 'g': k->flags |= GENERAL; break;
        case 'V': k->flags |= VERSION; break;
        case 'R': k->flags |= RANDOM; break;
        default: die("invalid key '%s'", spec);
        }
    }
    return p;
}

static void parse_key(const char *spec, struct key *k, int *own)
{
    const char *p = spec;
    *k = (struct key){ 0 };
    *own = 0;
    k->sfield = key_number(&p, spec, 1);
    k->schar = 1;
    if (*p == '.') {
        p++;
        k->schar = key_number(&p, spec, 1);
    }
    p = key_letters(p, k, 1, own, spec);
    if (*p == ',') {
        p++;
        k->efield = key_number(&p, spec, 1);
        if (*p == '.') {
            p++;
            k->echar = key_number(&p, spec, 0);
        }
        p = key_letters(p, k, 0, own, spec);
    }
    if (*p != '\0')
        die("invalid key '%s'", spec);
}

/* ---- input and output ----------------------------------------------------- */

static char *data;             /* every input, each ending with a newline */
static size_t data_len, data_cap;

static void read_file(const char *name)
{
    int fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
        exit(2);
    }
    size_t begin = data_len;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < SIZE_MAX / 2 - data_cap) {
        data_cap += (size_t)st.st_size + 65536;        /* room to see the end */
        data = xrealloc(data, data_cap);
    }
    for (;;) {
        if (data_cap - data_len < 65536) {
            data_cap = (data_cap + 65536) * 2;
            data = xrealloc(data, data_cap);
        }
        ssize_t r = read(fd, data + data_len, data_cap - data_len - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
            exit(2);
        }
        if (r == 0)
            break;
        data_len += (size_t)r;
    }
    if (data_len > begin && data[data_len - 1] != eol)
        data[data_len++] = eol;
    if (fd != STDIN_FILENO)
        close(fd);
}

/* n lines from p on into v; returns where the next line starts. */
static const char *split_block(struct line *v, size_t n, const char *p, int by_number)
{
    for (size_t k = 0; k < n; k++) {
        const char *e = p;
        long long num = by_number ? number_key(p, &e) : NO_NUM;
        while (*e != eol)             /* data's lines all end with one */
            e++;
        v[k] = (struct line){ p, (size_t)(e - p), num };
        p = e + 1;
    }
    return p;
}

/* -z's line count. */
static size_t count_nuls(const char *p, size_t n)
{
    size_t count = 0;
    for (const char *end = p + n; (p = memchr(p, '\0', (size_t)(end - p))) != NULL; p++)
        count++;
    return count;
}

/* The lines of data, counted first so that the array is made once.
 * Both passes go a block at a time: a WebAssembly engine optimises a
 * function for its next call only, so a loop over all the data in one
 * call would run as the engine's first, slow translation to its end. */
#define BLOCK 4096
static struct line *split_lines(size_t *n)
{
    int by_number = by_number_only();
    size_t count = 0;
    for (size_t i = 0; i < data_len; i += BLOCK * 16)
        count += eol == '\n' ? count_newlines(data + i, MIN(BLOCK * 16, data_len - i))
                             : count_nuls(data + i, MIN(BLOCK * 16, data_len - i));
    struct line *v = xrealloc(NULL, count * sizeof *v);
    const char *p = data;
    for (size_t k = 0; k < count; k += BLOCK)
        p = split_block(v + k, MIN(BLOCK, count - k), p, by_number);
    *n = count;
    return v;
}

/* ---- input in order already ------------------------------------------------ */

/* A pass over data: the line before, and where the next one starts. */
struct scan {
    struct line prev;
    const char *p, *end;
    int by_number, started;
};

/* Up to BLOCK more lines: 0 at the first one out of order (or, with -u,
 * equal to the one before it), else 1. A block at a time, as in
 * split_lines. */
static int in_order_block(struct scan *sc)
{
    for (int k = 0; k < BLOCK && sc->p < sc->end; k++) {
        const char *p = sc->p, *e = p;
        long long num = sc->by_number ? number_key(p, &e) : NO_NUM;
        while (*e != eol)
            e++;
        struct line cur = { p, (size_t)(e - p), num };
        sc->p = e + 1;
        if (sc->started) {
            int c = order(&sc->prev, &cur);
            if (c > 0 || (unique && c == 0))
                return 0;
        }
        sc->prev = cur;
        sc->started = 1;
    }
    return 1;
}

/* Whether sorting would leave data as it is: then it goes out as it came
 * in, with no array of lines made (input kept in order is common: a
 * sorted file, the output of seq or of another sort). The pass stops at
 * the first line out of order, so input that is not costs little. */
static int in_order(void)
{
    struct scan sc = { .p = data, .end = data + data_len,
                       .by_number = by_number_only() };
    while (sc.p < sc.end)
        if (!in_order_block(&sc))
            return 0;
    return 1;
}

static int checking;            /* -c: 1, -C: 2 */

/* -c: report the first line out of order (-C: only find it). */
static int check(const struct line *v, size_t n, const char *name)
{
    for (size_t i = 1; i < n; i++) {
        int c = compare(&v[i - 1], &v[i]);
        if (c > 0 || (unique && c == 0)) {
            if (checking == 1)
                fprintf(stderr, "sort: %s:%llu: disorder: %.*s\n", name,
                        (unsigned long long)i + 1, (int)v[i].len, v[i].s);
            return 1;
        }
    }
    return 0;
}

/* Whether line i is printed: with -u, only the first of equal lines. */
static int shown(const struct line *v, size_t i)
{
    return !unique || i == 0 || compare_keys(&v[i - 1], &v[i]) != 0;
}

/* The next block of output from line *i on: lines that are shown and
 * follow each other in data (as they do where the input was in order
 * already), each with its newline (every line in data has one after it).
 * Sets *start and returns the length, 0 at the end. */
static size_t next_run(const struct line *v, size_t n, size_t *i, const char **start)
{
    while (*i < n && !shown(v, *i))
        ++*i;
    if (*i == n)
        return 0;
    *start = v[*i].s;
    const char *end = v[*i].s + v[*i].len + 1;
    for (++*i; *i < n && v[*i].s == end && shown(v, *i); ++*i)
        end += v[*i].len + 1;
    return (size_t)(end - *start);
}

/* Blocks of lines go out through buf, a write per 64 KiB instead of a
 * stdio call per line; a block larger than buf goes out as it is. With
 * no lines (v NULL), data goes out as it is. */
static void output(const struct line *v, size_t n, const char *outfile)
{
    FILE *out = stdout;
    if (outfile && !(out = fopen(outfile, "w"))) {
        fprintf(stderr, "sort: %s: %s\n", outfile, strerror(errno));
        exit(2);
    }
    if (!v)
        fwrite(data, 1, data_len, out);
    size_t size = 65536, len = 0, run;
    char *buf = xrealloc(NULL, size);
    const char *start;
    for (size_t i = 0; (run = next_run(v, n, &i, &start)) != 0 && !ferror(out);) {
        if (run > size - len) {
            fwrite(buf, 1, len, out);
            len = 0;
        }
        if (run >= size) {
            fwrite(start, 1, run, out);
        } else {
            memcpy(buf + len, start, run);
            len += run;
        }
    }
    fwrite(buf, 1, len, out);
    free(buf);
    if (fflush(out) != 0 || ferror(out) || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "sort: write error: %s\n", strerror(errno));
        exit(2);
    }
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c, const char *arg)
{
    if (!optopt)
        fprintf(stderr, "sort: unrecognized option '%s'\n", arg);
    else if (c == ':')
        fprintf(stderr, "sort: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "sort: invalid option -- '%c'\n", optopt);
}

static const char *outfile;

static void parse_options(int argc, char **argv)
{
    int c, own[MAX_KEYS];
    static const struct option longopts[] = {
        { "ignore-leading-blanks", no_argument, NULL, 'b' },
        { "ignore-case", no_argument, NULL, 'f' },
        { "numeric-sort", no_argument, NULL, 'n' },
        { "human-numeric-sort", no_argument, NULL, 'h' },
        { "general-numeric-sort", no_argument, NULL, 'g' },
        { "version-sort", no_argument, NULL, 'V' },
        { "random-sort", no_argument, NULL, 'R' },
        { "reverse", no_argument, NULL, 'r' },
        { "unique", no_argument, NULL, 'u' },
        { "stable", no_argument, NULL, 's' },
        { "merge", no_argument, NULL, 'm' },
        { "zero-terminated", no_argument, NULL, 'z' },
        { "field-separator", required_argument, NULL, 't' },
        { "key", required_argument, NULL, 'k' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'H' },
        { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, ":bcCfghmnrRsuVzk:t:o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': gflags |= BLANKS; break;
        case 'c': checking = 1; break;
        case 'C': checking = 2; break;
        case 'f': gflags |= FOLD; break;
        case 'n': gflags |= NUMERIC; break;
        case 'h': gflags |= HUMAN; break;
        case 'g': gflags |= GENERAL; break;
        case 'V': gflags |= VERSION; break;
        case 'R': gflags |= RANDOM; break;
        case 'm': break;         /* sorting sorted inputs merges them */
        case 'H': usage(0); break;
        case 'z': eol = '\0'; break;
        case 'r': gflags |= REVERSE; break;
        case 's': stable = 1; break;
        case 'u': unique = 1; break;
        case 'o': outfile = optarg; break;
        case 't':
            if (strlen(optarg) != 1)
                die("the separator must be one character: '%s'", optarg);
            tab = (unsigned char)optarg[0];
            break;
        case 'k':
            if (nkeys == MAX_KEYS)
                die("too many keys");
            parse_key(optarg, &keys[nkeys], &own[nkeys]);
            nkeys++;
            break;
        default:
            bad_option(c, argv[optind - 1]);
            usage(2);
        }
    }
    /* A key without letters of its own takes the global ones. */
    for (int i = 0; i < nkeys; i++) {
        if (!own[i]) {
            keys[i].flags = gflags;
            keys[i].sblank = keys[i].eblank = (gflags & BLANKS) != 0;
        }
    }
}

/* -R's salt: the time and the process, as mktemp seeds its names. */
static void seed_random(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    salt = (unsigned long long)time(NULL) * 2654435761ULL ^
           (unsigned long long)getpid() * 40503ULL ^ (unsigned long long)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    parse_options(argc, argv);
    if (checking && argc - optind > 1) {
        fprintf(stderr, "sort: extra operand '%s' not allowed with -%c\n", argv[optind + 1],
                checking == 1 ? 'c' : 'C');
        exit(2);
    }
    seed_random();
    if (optind == argc)
        read_file("-");
    for (int i = optind; i < argc; i++)
        read_file(argv[i]);
    if (!checking && in_order()) {
        output(NULL, 0, outfile);
        free(data);
        return 0;
    }
    size_t n;
    struct line *v = split_lines(&n);
    int status = 0;
    if (checking) {
        status = check(v, n, optind < argc ? argv[optind] : "-");
    } else {
        struct line *tmp = xrealloc(NULL, n / 2 * sizeof *tmp);
        merge_sort(v, tmp, n);
        output(v, n, outfile);
        free(tmp);
    }
    free(v);
    free(data);
    return status;
}
