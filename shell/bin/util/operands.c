/*
 * operands.c - operands, with GNU's messages: "missing operand [after
 * 'X']"; the count of the programs that compare two files (comm, cmp,
 * diff, join); and the opening of a file operand to read, "-" being
 * standard input.
 *
 * What differs between programs stays with each: its status for a usage
 * error (1; 2 for cmp and diff; 125 for nohup and timeout) and the
 * line it adds after the message.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

void missing_operand(const char *after)
{
    if (after)
        warnx("missing operand after '%s'", after);
    else
        warnx("missing operand");
}

void two_operands(int argc, char **argv, int status, const char *usage)
{
    int n = argc - optind;
    if (n == 2)
        return;
    if (n < 2)
        missing_operand(n == 1 ? argv[optind] : NULL);
    else
        warnx("extra operand '%s'", argv[optind + 2]);
    if (usage)
        fputs(usage, stderr);
    exit(status);
}

FILE *open_operand(const char *name)
{
    return strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
}
