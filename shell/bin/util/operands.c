/*
 * operands.c - the file operands of the programs that compare two files
 * (comm, cmp, diff, join): the count GNU's messages check, and the
 * opening of one, "-" being standard input.
 *
 * What differs between them stays with each program: its status for a
 * usage error (1, or 2 for cmp and diff) and the line it adds after the
 * message.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

void two_operands(int argc, char **argv, int status, const char *usage)
{
    int n = argc - optind;
    if (n == 2)
        return;
    if (n == 0)
        warnx("missing operand");
    else if (n == 1)
        warnx("missing operand after '%s'", argv[optind]);
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
