/*
 * diff - compare files line by line.
 *
 *   diff [-c | -C N | -e | -u | -U N] [-abBdiNqrsw] [-F RE] [--label L]...
 *        [--old-line-format F] [--new-line-format F] [--unchanged-line-format F]
 *        [--no-dereference] [--strip-trailing-cr] FILE1 FILE2
 *
 * POSIX diff: the normal format ("3c3", "< old", "---", "> new"), -c
 * context and -u unified output (3 lines of context, or N), -e an ed
 * script, -b (changes in the amount of white space), -r (directories
 * recursively). GNU's -w (all white space), -B (blank lines), -i (case),
 * -q (only whether they differ), -s (say when they are the same), -N (a
 * missing file is empty), -d (--minimal: never give up the search for
 * the shortest script), -F RE (--show-function-line), the line formats,
 * --strip-trailing-cr, -a (accepted), --label, --no-dereference (compare
 * symbolic links themselves). A directory and a file compare the file of
 * the same name in the directory. "-" is stdin.
 *
 * Which lines changed is analyze.c's part (GNU diff's choice among the
 * shortest scripts); output.c prints them. A file that does not end in a
 * newline is marked "\ No newline at end of file". Exit status: 0 when
 * no differences were found, 1 when some were, 2 on trouble.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../util/util.h"
#include "diff.h"

int opt_b, opt_w, opt_i, opt_B, opt_minimal, opt_strip_cr;
int style;
long context = 3;
const char *labels[2];
int nlabels;
const char *line_format[3] = { "%l\n", "%l\n", "%l\n" };
const char *function_re;

static int opt_q, opt_s, opt_N, opt_r, opt_no_deref;
static char switches[1024];    /* the options as given, for "diff -r ... a b" */
static int status;
static int in_dirs;            /* comparing the files of two directories */

static void trouble(void)
{
    status = 2;
}

static void differ(void)
{
    if (status < 1)
        status = 1;
}

static int file_stat(const char *p, struct stat *st)
{
    if (strcmp(p, "-") == 0)
        return fstat(0, st);
    return opt_no_deref ? lstat(p, st) : stat(p, st);
}

/* --no-dereference: two symbolic links are the same when they point to
 * the same name; a link and another file differ in type. Whether this
 * settled the comparison. */
static int compare_links(const char *p1, const char *p2)
{
    struct stat s1, s2;
    if (!opt_no_deref || file_stat(p1, &s1) != 0 || file_stat(p2, &s2) != 0 ||
        (!S_ISLNK(s1.st_mode) && !S_ISLNK(s2.st_mode)))
        return 0;
    if (S_ISLNK(s1.st_mode) != S_ISLNK(s2.st_mode)) {
        printf("File %s is a %s while file %s is a %s\n", p1, file_type(&s1), p2,
               file_type(&s2));
        differ();
        return 1;
    }
    char t1[4096], t2[4096];
    ssize_t n1 = readlink(p1, t1, sizeof t1), n2 = readlink(p2, t2, sizeof t2);
    if (n1 < 0 || n2 < 0) {
        warn("%s", n1 < 0 ? p1 : p2);
        trouble();
    } else if (n1 != n2 || memcmp(t1, t2, (size_t)n1) != 0) {
        printf("Symbolic links %s and %s differ\n", p1, p2);
        differ();
    }
    return 1;
}

static void compare_files(const char *p1, const char *p2, int missing_ok)
{
    if (compare_links(p1, p2))
        return;
    struct file a = { 0 }, b = { 0 };
    int bad = read_file(&a, p1, missing_ok) < 0;
    if ((read_file(&b, p2, missing_ok) < 0) | bad) {
        trouble();
        free_file(&a);
        free_file(&b);
        return;
    }
    classify(&a, &b);
    analyze(&a, &b);
    if (any_change(&a, &b)) {
        differ();
        if (opt_q) {
            printf("Files %s and %s differ\n", p1, p2);
        } else {
            if (in_dirs)       /* as GNU: the command for these two files */
                printf("diff%s %s %s\n", switches, p1, p2);
            print_changes(&a, &b);
        }
    } else if (opt_s) {
        printf("Files %s and %s are identical\n", p1, p2);
    }
    /* an ed script cannot say that a file ends without a newline: trouble */
    for (int k = 0; k < 2 && style == 'e'; k++)
        if ((k ? &b : &a)->no_newline) {
            fflush(stdout);
            fprintf(stderr, "diff: %s: No newline at end of file\n\n", k ? p2 : p1);
            trouble();
        }
    free_file(&a);
    free_file(&b);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void compare_dirs(const char *d1, const char *d2)
{
    char **n1 = dir_names(d1, NULL), **n2 = dir_names(d2, NULL);
    if (!n1 || !n2) {
        warn("%s", !n1 ? d1 : d2);
        trouble();
        free_names(n1);
        free_names(n2);
        return;
    }
    char **p = n1, **q = n2;
    while (*p || *q) {
        int c = !*p ? 1 : !*q ? -1 : strcmp(*p, *q);
        const char *name = c <= 0 ? *p : *q;
        char *a = path_join(d1, name), *b = path_join(d2, name);
        if (c != 0 && !opt_N) {
            printf("Only in %s: %s\n", c < 0 ? d1 : d2, name);
            differ();
        } else {
            int da = is_dir(a), db = is_dir(b);
            struct stat sa, sb;
            if (da && db && opt_r)
                compare_dirs(a, b);
            else if (da && db)
                printf("Common subdirectories: %s and %s\n", a, b);
            else if (da != db && c == 0 && stat(a, &sa) == 0 && stat(b, &sb) == 0) {
                printf("File %s is a %s while file %s is a %s\n", a, file_type(&sa), b,
                       file_type(&sb));
                differ();
            } else {
                compare_files(a, b, opt_N);
            }
        }
        free(a);
        free(b);
        if (c <= 0)
            p++;
        if (c >= 0)
            q++;
    }
    free_names(n1);
    free_names(n2);
}

static long count(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*end || n < 0)
        errx(2, "invalid context length '%s'", s);
    return n;
}

enum { OLD_FMT = 256, NEW_FMT, SAME_FMT, LINE_FMT };

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "ignore-space-change", no_argument, NULL, 'b' },
        { "ignore-all-space", no_argument, NULL, 'w' },
        { "ignore-blank-lines", no_argument, NULL, 'B' },
        { "ignore-case", no_argument, NULL, 'i' }, { "brief", no_argument, NULL, 'q' },
        { "report-identical-files", no_argument, NULL, 's' },
        { "new-file", no_argument, NULL, 'N' }, { "recursive", no_argument, NULL, 'r' },
        { "text", no_argument, NULL, 'a' }, { "unified", optional_argument, NULL, 'U' },
        { "context", optional_argument, NULL, 'C' }, { "label", required_argument, NULL, 'L' },
        { "minimal", no_argument, NULL, 'd' }, { "ed", no_argument, NULL, 'e' },
        { "show-function-line", required_argument, NULL, 'F' },
        { "no-dereference", no_argument, NULL, 'P' },
        { "strip-trailing-cr", no_argument, NULL, 'R' },
        { "old-line-format", required_argument, NULL, OLD_FMT },
        { "new-line-format", required_argument, NULL, NEW_FMT },
        { "unchanged-line-format", required_argument, NULL, SAME_FMT },
        { "line-format", required_argument, NULL, LINE_FMT }, { NULL, 0, NULL, 0 },
    };
    int c;
    util_fail_status = 2;
    while ((c = getopt_long(argc, argv, "abBcC:deF:iL:NqrsuU:w", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': break;
        case 'P': opt_no_deref = 1; break;
        case 'R': opt_strip_cr = 1; break;
        case 'b': opt_b = 1; break;
        case 'w': opt_w = 1; break;
        case 'B': opt_B = 1; break;
        case 'i': opt_i = 1; break;
        case 'd': opt_minimal = 1; break;
        case 'q': opt_q = 1; break;
        case 's': opt_s = 1; break;
        case 'N': opt_N = 1; break;
        case 'r': opt_r = 1; break;
        case 'u': style = 'u'; break;
        case 'c': style = 'c'; break;
        case 'e': style = 'e'; break;
        case 'F': function_re = optarg; break;
        case 'U': style = 'u'; if (optarg) context = count(optarg); break;
        case 'C': style = 'c'; if (optarg) context = count(optarg); break;
        case OLD_FMT: case NEW_FMT: case SAME_FMT:
            style = 'f';
            line_format[c - OLD_FMT] = optarg;
            break;
        case LINE_FMT:
            style = 'f';
            line_format[0] = line_format[1] = line_format[2] = optarg;
            break;
        case 'L':
            if (nlabels < 2)
                labels[nlabels++] = optarg;
            break;
        default:
            fprintf(stderr, "diff: Try 'diff --help' for more information.\n");
            return 2;
        }
    }
    for (int i = 1; i < optind; i++) {
        size_t n = strlen(switches);
        int plain = strspn(argv[i], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789_./,:@%+-") == strlen(argv[i]);
        snprintf(switches + n, sizeof switches - n, plain ? " %s" : " '%s'", argv[i]);
    }
    two_operands(argc, argv, 2, "diff: Try 'diff --help' for more information.\n");
    const char *p1 = argv[optind], *p2 = argv[optind + 1];
    if (strcmp(p1, "-") == 0 && strcmp(p2, "-") == 0)
        return 0;              /* stdin and itself */
    int d1 = strcmp(p1, "-") != 0 && is_dir(p1), d2 = strcmp(p2, "-") != 0 && is_dir(p2);
    if (d1 && d2) {
        in_dirs = 1;
        compare_dirs(p1, p2);
    } else if (d1 || d2) {
        /* a directory and a file: the file of that name in the directory */
        char *base = path_base(d1 ? p2 : p1);
        char *in_dir = path_join(d1 ? p1 : p2, base);
        if (d1)
            compare_files(in_dir, p2, opt_N);
        else
            compare_files(p1, in_dir, opt_N);
        free(in_dir);
        free(base);
    } else {
        compare_files(p1, p2, opt_N);
    }
    if (fflush(stdout) != 0)
        err(2, "write error");
    return status;
}
