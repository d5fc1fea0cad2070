/*
 * nl - number lines.
 *
 *   nl [-b STYLE] [-n FORMAT] [-w WIDTH] [-s SEP] [-v START] [-i INCR] [-l NUM]
 *      [FILE...]
 *
 *   -b  which lines get a number: a (all), t (non-empty: the default),
 *       n (none), pBRE (those that match the basic regular expression)
 *   -n  ln (left-justified), rn (right-justified: the default), rz (with
 *       leading zeros)
 *   -w  width of the number (6)        -s  what follows it (a tab)
 *   -v  first number (1)               -i  increment (1)
 *   -l  with -b a, NUM adjacent empty lines count as one: only the
 *       NUMth of a run is numbered (1)
 *
 * A line without a number is indented by as much as a number and its
 * separator take. Files are numbered as one text. (The logical page
 * delimiters \:\:\: of POSIX nl are not supported: they are ordinary
 * lines here.)
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

static char style = 't';
static regex_t body_re;                 /* -b p's expression */
static const char *format = "rn", *sep = "\t";
static long width = 6;
static long long number = 1, incr = 1;
static long long blank_join = 1;        /* -l */
static long long blanks;                /* empty lines since the last numbered one;
                                           a run goes on across files, as in GNU nl */

static void usage(void)
{
    fprintf(stderr, "usage: nl [-b a|t|n|pBRE] [-n ln|rn|rz] [-w width] [-s sep] "
                    "[-v start] [-i incr] [-l num] [file...]\n");
    exit(1);
}

static long long parse_number(const char *s, const char *what, long long min)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end || errno == ERANGE || v < min) {
        fprintf(stderr, "nl: invalid %s: '%s'\n", what, s);
        exit(1);
    }
    return v;
}

/* s is the line without its newline, NUL-terminated for -b p. */
static void print_line(const char *s, size_t len)
{
    int numbered = style == 'a' || (style == 't' && len > 0) ||
                   (style == 'p' && regexec(&body_re, s, 0, NULL, 0) == 0);
    if (style == 'a' && len == 0) {
        numbered = ++blanks >= blank_join;
        if (numbered)
            blanks = 0;
    } else {
        blanks = 0;
    }
    if (!numbered)
        printf("%*s", (int)(width + (long)strlen(sep)), "");
    else if (strcmp(format, "ln") == 0)
        printf("%-*lld%s", (int)width, number, sep);
    else if (strcmp(format, "rz") == 0)
        printf("%0*lld%s", (int)width, number, sep);
    else
        printf("%*lld%s", (int)width, number, sep);
    if (numbered)
        number += incr;
    fwrite(s, 1, len, stdout);
    putchar('\n');
}

static int nl_file(const char *name)
{
    FILE *f = open_operand(name);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (!f) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "nl: %s: %s\n", name, strerror(e));
        return 1;
    }
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        print_line(line, (size_t)n);
    }
    free(line);
    int rc = 0;
    if (ferror(f)) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "nl: %s: %s\n", name, strerror(e));
        rc = 1;
    }
    if (f != stdin)
        fclose(f);
    return rc;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "nl: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "nl: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, ":b:n:w:s:v:i:l:")) != -1) {
        switch (c) {
        case 'b':
            if (optarg[0] == 'p') {
                int err = regcomp(&body_re, optarg + 1, REG_NOSUB);
                if (err) {
                    char msg[128];
                    regerror(err, &body_re, msg, sizeof msg);
                    fprintf(stderr, "nl: invalid regular expression '%s': %s\n", optarg + 1, msg);
                    exit(1);
                }
                style = 'p';
                break;
            }
            if (strlen(optarg) != 1 || !strchr("atn", optarg[0])) {
                fprintf(stderr, "nl: invalid body numbering style: '%s'\n", optarg);
                exit(1);
            }
            style = optarg[0];
            break;
        case 'n':
            if (strcmp(optarg, "ln") && strcmp(optarg, "rn") && strcmp(optarg, "rz")) {
                fprintf(stderr, "nl: invalid line numbering format: '%s'\n", optarg);
                exit(1);
            }
            format = optarg;
            break;
        case 'w': width = (long)parse_number(optarg, "line number field width", 1); break;
        case 's': sep = optarg; break;
        case 'v':
            number = parse_number(optarg, "starting line number", -(1LL << 62));
            break;
        case 'i': incr = parse_number(optarg, "line number increment", 0); break;
        case 'l': blank_join = parse_number(optarg, "line number of blank lines", 1); break;
        default:
            bad_option(c);
            usage();
        }
    }
    if (width > 1000)
        width = 1000;
    int rc = 0;
    if (optind == argc)
        rc = nl_file("-");
    for (int i = optind; i < argc; i++)
        rc |= nl_file(argv[i]);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "nl: write error: %s\n", strerror(errno));
        return 1;
    }
    return rc;
}
