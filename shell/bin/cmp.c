/*
 * cmp - compare two files byte by byte.
 *
 *   cmp [-l | -s] [-n COUNT] [-i SKIP1[:SKIP2]] FILE1 [FILE2 [SKIP1 [SKIP2]]]
 *
 * POSIX cmp: silent when the files are the same (status 0); otherwise
 * "FILE1 FILE2 differ: char N, line L" (status 1), or with -l every
 * differing byte as "N OCTAL1 OCTAL2", or with -s nothing. A file that
 * is a prefix of the other: "cmp: EOF on FILE after byte N, line L".
 * GNU's -n (compare at most COUNT bytes), -i and skip operands, -b
 * (show the differing bytes). Status 2 on trouble. "-" is stdin.
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/util.h"

static int silent;

static FILE *open_arg(const char *name)
{
    FILE *f = open_operand(name);
    if (!f && silent)
        exit(2);
    if (!f)
        err(2, "%s", name);
    return f;
}

static long long number(const char *s)
{
    long long n;
    if (parse_size(s, &n) < 0)
        errx(2, "invalid --ignore-initial value '%s'", s);
    return n;
}

static void skip(FILE *f, long long n)
{
    while (n-- > 0 && getc(f) != EOF)
        ;
}

static void show_byte(int c)
{
    /* GNU's -b: the byte as cat -v shows it */
    if (c >= 128) {
        fputs("M-", stdout);
        c -= 128;
    }
    if (c < 32)
        printf("^%c", c + 64);
    else if (c == 127)
        fputs("^?", stdout);
    else
        putchar(c);
}

int main(int argc, char **argv)
{
    int list = 0, print_bytes = 0, c;
    long long limit = -1, skip1 = 0, skip2 = 0;
    util_fail_status = 2;
    static const struct option longopts[] = {
        { "verbose", no_argument, NULL, 'l' }, { "silent", no_argument, NULL, 's' },
        { "quiet", no_argument, NULL, 's' }, { "bytes", required_argument, NULL, 'n' },
        { "ignore-initial", required_argument, NULL, 'i' },
        { "print-bytes", no_argument, NULL, 'b' }, { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, "bi:ln:s", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': list = 1; break;
        case 's': silent = 1; break;
        case 'b': print_bytes = 1; break;
        case 'n': limit = number(optarg); break;
        case 'i': {
            char *colon = strchr(optarg, ':');
            if (colon)
                *colon = '\0';
            skip1 = number(optarg);
            skip2 = colon ? number(colon + 1) : skip1;
            break;
        }
        default:
            fprintf(stderr, "Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n");
            return 2;
        }
    }
    if (list && silent)
        errx(2, "options -l and -s are incompatible");
    int n = argc - optind;
    if (n < 1) {
        missing_operand(argv[argc - 1]);
        return 2;
    }
    if (n > 4)
        errx(2, "invalid --ignore-initial value '%s'", argv[optind + 4]);
    const char *name1 = argv[optind], *name2 = n > 1 ? argv[optind + 1] : "-";
    if (n > 2)
        skip1 = number(argv[optind + 2]);
    if (n > 3)
        skip2 = number(argv[optind + 3]);
    FILE *f1 = open_arg(name1), *f2 = open_arg(name2);
    /* -l: the byte numbers as wide as the larger file's size (GNU) */
    struct stat s1, s2;
    long long biggest = 0;
    if (fstat(fileno(f1), &s1) == 0 && S_ISREG(s1.st_mode))
        biggest = s1.st_size;
    if (fstat(fileno(f2), &s2) == 0 && S_ISREG(s2.st_mode) && s2.st_size > biggest)
        biggest = s2.st_size;
    int width = 1;
    for (long long v = biggest; v >= 10; v /= 10)
        width++;
    skip(f1, skip1);
    skip(f2, skip2);
    long long byte = 1, line = 1;
    int status = 0, last = 0;  /* the last byte read (both files agree on it) */
    for (; limit < 0 || byte <= limit; byte++) {
        int a = getc(f1), b = getc(f2);
        if (a == EOF || b == EOF) {
            if (a != b) {
                if (!silent) {
                    fflush(stdout);
                    if (byte == 1)
                        fprintf(stderr, "cmp: EOF on %s which is empty\n", a == EOF ? name1 : name2);
                    else if (list)
                        fprintf(stderr, "cmp: EOF on %s after byte %lld\n",
                                a == EOF ? name1 : name2, byte - 1);
                    else
                        fprintf(stderr, "cmp: EOF on %s after byte %lld, line %lld\n",
                                a == EOF ? name1 : name2, byte - 1, line - (last == '\n'));
                }
                status = 1;
            }
            break;
        }
        if (a != b) {
            status = 1;
            if (silent)
                break;
            if (!list) {
                /* POSIX's words ("char"), as GNU's in the C locale; with -b
                 * the bytes are shown, and GNU says "byte" */
                printf("%s %s differ: %s %lld, line %lld", name1, name2,
                       print_bytes ? "byte" : "char", byte, line);
                if (print_bytes) {
                    printf(" is %3o ", a);
                    show_byte(a);
                    printf(" %3o ", b);
                    show_byte(b);
                }
                putchar('\n');
                break;
            }
            printf("%*lld %3o %3o\n", width, byte, a, b);
        }
        if (a == '\n')
            line++;
        last = a;
    }
    if (fflush(stdout) != 0)
        err(2, "write error");
    return status;
}
