/*
 * strings - print the runs of printable characters in files.
 *
 *   strings [-af] [-n MIN | -MIN] [-t d|o|x] [FILE...]
 *
 * POSIX strings: every run of at least MIN (4) printable characters (or
 * tabs) ending in a non-printable byte or the end, one a line, with -t
 * its offset in decimal, octal or hex before it (GNU's -o is -t o).
 * Whole files are searched (-a is the default and is accepted). -f (GNU):
 * the file's name and ": " before each string ("{standard input}" for
 * standard input).
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static long min_len = 4;
static char radix;
static int print_name;

static void scan(FILE *f, const char *name)
{
    char *run = xmalloc((size_t)min_len + 1);
    size_t len = 0, cap = (size_t)min_len + 1;
    long long offset = 0, start = 0;
    int c;
    for (;; offset++) {
        c = getc(f);
        if (c != EOF && (isprint(c) || c == '\t')) {
            if (len == 0)
                start = offset;
            if (len + 1 >= cap)
                run = xrealloc(run, cap *= 2);
            run[len++] = (char)c;
            continue;
        }
        if ((long)len >= min_len) {
            if (print_name)
                printf("%s: ", name);
            if (radix)
                printf(radix == 'd' ? "%7lld " : radix == 'o' ? "%7llo " : "%7llx ", start);
            fwrite(run, 1, len, stdout);
            putchar('\n');
        }
        len = 0;
        if (c == EOF)
            break;
    }
    if (ferror(f))
        warn("%s", name);
    free(run);
}

int main(int argc, char **argv)
{
    int c, status = 0;
    /* -MIN (obsolescent) is -n MIN */
    char **args = xmalloc((size_t)(2 * argc + 1) * sizeof *args);
    int nargs = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && argv[i][0] == '-' && isdigit((unsigned char)argv[i][1])) {
            args[nargs++] = "-n";
            args[nargs++] = argv[i] + 1;
        } else {
            args[nargs++] = argv[i];
        }
    }
    args[nargs] = NULL;
    static const struct option longopts[] = {
        { "print-file-name", no_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(nargs, args, "afn:ot:", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': break;
        case 'f': print_name = 1; break;
        case 'n': {
            char *end;
            min_len = strtol(optarg, &end, 10);
            if (*end || min_len < 1)
                errx(1, "invalid minimum string length %s", optarg);
            break;
        }
        case 'o': radix = 'o'; break;
        case 't':
            if (!strchr("dox", optarg[0]) || optarg[1])
                errx(1, "invalid radix: %s", optarg);
            radix = optarg[0];
            break;
        default:
            fprintf(stderr, "Usage: strings [-af] [-n MIN] [-t d|o|x] [FILE]...\n");
            free(args);
            return 1;
        }
    }
    if (optind >= nargs)
        scan(stdin, "{standard input}");
    for (int i = optind; i < nargs; i++) {
        FILE *f = open_operand(args[i]);
        if (!f) {
            fflush(stdout);
            warn("'%s'", args[i]);
            status = 1;
            continue;
        }
        scan(f, args[i]);
        if (f != stdin)
            fclose(f);
    }
    free(args);
    return fflush(stdout) != 0 || status;
}
