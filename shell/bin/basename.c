/*
 * basename - the last component of a path name, optionally less a suffix.
 *
 *   basename NAME [SUFFIX]
 *   basename -a [-s SUFFIX] [-z] NAME...
 *
 * -a takes every operand as a NAME, -s SUFFIX removes SUFFIX from each
 * (and implies -a), -z ends each result with a NUL instead of a newline.
 * As POSIX says: trailing slashes do not count, "/" stays "/", and the
 * suffix is removed only when something is left of the name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "basename"

static void usage(int status)
{
    if (status) {
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    } else {
        printf("Usage: " PROG " NAME [SUFFIX]\n"
               "   or: " PROG " -a [-s SUFFIX] [-z] NAME...\n"
               "Print NAME without its leading directories and trailing SUFFIX.\n");
    }
    exit(status);
}

static void bad_option(const char *opts)
{
    const char *o = strchr(opts, optopt);
    if (optopt && o && o[1] == ':')
        fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
    usage(1);
}

static void print_base(const char *s, const char *suffix, int term)
{
    size_t end = strlen(s);
    while (end > 1 && s[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && s[start - 1] != '/')
        start--;
    if (end == 1 && s[0] == '/')
        start = 0;                       /* the root is its own base name */
    size_t len = end - start;
    size_t slen = suffix ? strlen(suffix) : 0;
    if (slen > 0 && slen < len && !(len == 1 && s[start] == '/') &&
        memcmp(s + start + len - slen, suffix, slen) == 0)
        len -= slen;
    fwrite(s + start, 1, len, stdout);
    putchar(term);
}

int main(int argc, char **argv)
{
    static const char opts[] = "+as:z";
    const char *suffix = NULL;
    int all = 0, term = '\n', c;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, opts)) != -1) {
        switch (c) {
        case 'a': all = 1; break;
        case 's': suffix = optarg; all = 1; break;
        case 'z': term = '\0'; break;
        default:  bad_option(opts);
        }
    }
    int n = argc - optind;
    if (n < 1) {
        missing_operand(NULL);
        usage(1);
    }
    if (!all) {
        if (n > 2) {
            fprintf(stderr, PROG ": extra operand '%s'\n", argv[optind + 2]);
            usage(1);
        }
        print_base(argv[optind], n == 2 ? argv[optind + 1] : NULL, term);
    } else {
        for (int i = optind; i < argc; i++)
            print_base(argv[i], suffix, term);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
