/*
 * uniq - report or omit repeated adjacent lines.
 *
 *   uniq [-cdiu] [-f FIELDS] [-s CHARS] [INPUT [OUTPUT]]
 *
 *   -c  prefix each line with the number of times it occurred
 *   -d  print only lines that are repeated     -u  only those that are not
 *   -i  ignore case when comparing
 *   -f  skip the first FIELDS fields (blanks, then non-blanks) in comparing
 *   -s  then skip CHARS characters
 *
 * Only adjacent lines are compared (sort first to find all repeats). Of a
 * run of equal lines the first is printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int opt_count, opt_repeated, opt_unique, opt_icase;
static long skip_fields, skip_chars;

static void usage(void)
{
    fprintf(stderr, "usage: uniq [-cdiu] [-f fields] [-s chars] [input [output]]\n");
    exit(1);
}

static long number(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0 || errno == ERANGE) {
        fprintf(stderr, "uniq: invalid number: '%s'\n", s);
        exit(1);
    }
    return v;
}

static int blank(int c)
{
    return c == ' ' || c == '\t';
}

/* The part of the line that is compared: after -f fields and -s chars. */
static const char *key(const char *s, size_t len, size_t *klen)
{
    size_t i = 0;
    for (long f = 0; f < skip_fields; f++) {
        while (i < len && blank(s[i]))
            i++;
        while (i < len && !blank(s[i]))
            i++;
    }
    i = (size_t)skip_chars < len - i ? i + (size_t)skip_chars : len;
    *klen = len - i;
    return s + i;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t ka, kb;
    a = key(a, alen, &ka);
    b = key(b, blen, &kb);
    if (ka != kb)
        return 0;
    for (size_t i = 0; i < ka; i++) {
        int ca = (unsigned char)a[i], cb = (unsigned char)b[i];
        if (opt_icase && ca >= 'A' && ca <= 'Z')
            ca += 32;
        if (opt_icase && cb >= 'A' && cb <= 'Z')
            cb += 32;
        if (ca != cb)
            return 0;
    }
    return 1;
}

/* Print the line that ended a run of `count` equal lines. */
static void emit(FILE *out, const char *s, size_t len, long long count)
{
    if ((opt_repeated && count < 2) || (opt_unique && count > 1))
        return;
    if (opt_count)
        fprintf(out, "%7lld ", count);
    fwrite(s, 1, len, out);
    putc('\n', out);
}

static void run(FILE *in, FILE *out)
{
    char *prev = NULL, *line = NULL;
    size_t prev_cap = 0, cap = 0, prev_len = 0;
    long long count = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) > 0) {
        size_t len = (size_t)n - (line[n - 1] == '\n');
        if (count > 0 && same(prev, prev_len, line, len)) {
            count++;
            continue;
        }
        if (count > 0)
            emit(out, prev, prev_len, count);
        /* The new line becomes the one to compare with: swap buffers. */
        char *t = prev;
        size_t tc = prev_cap;
        prev = line, prev_cap = cap, prev_len = len;
        line = t, cap = tc;
        count = 1;
    }
    if (count > 0)
        emit(out, prev, prev_len, count);
    free(prev);
    free(line);
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "uniq: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "uniq: invalid option -- '%c'\n", optopt);
}

/* "-" or NULL is the standard stream; exits if the file cannot be opened. */
static FILE *open_stream(const char *name, const char *mode, FILE *standard)
{
    if (!name || strcmp(name, "-") == 0)
        return standard;
    FILE *f = fopen(name, mode);
    if (!f) {
        fprintf(stderr, "uniq: %s: %s\n", name, strerror(errno));
        exit(1);
    }
    return f;
}

int main(int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, ":cdiuf:s:")) != -1) {
        switch (c) {
        case 'c': opt_count = 1; break;
        case 'd': opt_repeated = 1; break;
        case 'i': opt_icase = 1; break;
        case 'u': opt_unique = 1; break;
        case 'f': skip_fields = number(optarg); break;
        case 's': skip_chars = number(optarg); break;
        default:
            bad_option(c);
            usage();
        }
    }
    if (argc - optind > 2) {
        fprintf(stderr, "uniq: extra operand '%s'\n", argv[optind + 2]);
        usage();
    }
    const char *inname = optind < argc ? argv[optind] : "-";
    FILE *in = open_stream(inname, "r", stdin);
    FILE *out = open_stream(argc - optind == 2 ? argv[optind + 1] : NULL, "w", stdout);
    run(in, out);
    int rc = 0;
    if (ferror(in)) {
        fprintf(stderr, "uniq: %s: %s\n", inname, strerror(errno));
        rc = 1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(stderr, "uniq: write error: %s\n", strerror(errno));
        rc = 1;
    }
    if (in != stdin)
        fclose(in);
    if (out != stdout)
        fclose(out);
    return rc;
}
