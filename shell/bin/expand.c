/*
 * expand - tabs to spaces.
 *
 *   expand [-t TABLIST] [FILE]...
 *
 * Each tab becomes the spaces up to the next tab stop; a backspace moves
 * the column one back (not before the first), so that overstruck text
 * keeps its place, as POSIX says. TABLIST is one number N (a stop every N
 * columns, 8 without -t) or several increasing column numbers, separated
 * by commas or blanks (a stop at each; a tab past the last one becomes
 * one space, as GNU's). Columns count from 0 and every other byte takes
 * one. FILE "-" or none is standard input.
 * Exit status 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "expand"

static long *stops;             /* increasing tab stops, or one: the period */
static int nstops;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-t TABLIST] [FILE]...\n"
               "Convert tabs in each FILE to spaces.\n"
               "  -t N        tab stops every N columns (8)\n"
               "  -t LIST     tab stops at the columns of LIST (commas or blanks)\n");
    exit(status);
}

static void parse_tabs(const char *list)
{
    const char *p = list;
    while (*p) {
        if (*p == ',' || isblank((unsigned char)*p)) {
            p++;
            continue;
        }
        if (!isdigit((unsigned char)*p)) {
            fprintf(stderr, PROG ": tab size contains invalid character(s): '%s'\n", p);
            exit(1);
        }
        char *end;
        errno = 0;
        long n = strtol(p, &end, 10);
        if (errno || n == 0 || (nstops && n <= stops[nstops - 1])) {
            fprintf(stderr, n == 0 ? PROG ": tab size cannot be 0\n"
                    : PROG ": tab sizes must be ascending\n");
            exit(1);
        }
        stops = xrealloc(stops, (size_t)(nstops + 1) * sizeof *stops);
        stops[nstops++] = n;
        p = end;
    }
    if (nstops == 0) {
        fprintf(stderr, PROG ": '%s': no tab stops\n", list);
        exit(1);
    }
}

/* The column a tab at col moves to. */
static long next_stop(long col)
{
    if (nstops == 1)
        return (col / stops[0] + 1) * stops[0];
    for (int i = 0; i < nstops; i++)
        if (stops[i] > col)
            return stops[i];
    return col + 1;
}

static void expand(FILE *in)
{
    long col = 0;
    int c;
    while ((c = getc(in)) != EOF) {
        if (c == '\t') {
            for (long to = next_stop(col); col < to; col++)
                putchar(' ');
            continue;
        }
        putchar(c);
        if (c == '\n')
            col = 0;
        else if (c == '\b')
            col -= col > 0;
        else
            col++;
    }
}

int main(int argc, char **argv)
{
    int c, status = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "t:")) != -1) {
        if (c != 't') {
            if (optopt == 't')
                fprintf(stderr, PROG ": option requires an argument -- 't'\n");
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
        parse_tabs(optarg);
    }
    if (nstops == 0)
        parse_tabs("8");
    if (optind >= argc)
        argv[--optind] = "-";
    for (int i = optind; i < argc; i++) {
        FILE *in = open_operand(argv[i]);
        if (!in) {
            fprintf(stderr, PROG ": %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        expand(in);
        if (ferror(in)) {
            fprintf(stderr, PROG ": %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (in != stdin)
            fclose(in);
        else
            clearerr(stdin);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
