/*
 * link - make a hard link: the link() system call as a utility.
 *
 *   link FILE1 FILE2
 *
 * Exactly two operands and no options (POSIX): FILE2 becomes another name
 * of FILE1. Unlike ln, it never replaces FILE2 and never looks inside a
 * directory. Exit status 0, or 1 with the system's reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "link"

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        printf("Usage: " PROG " FILE1 FILE2\n"
               "Call the link function to create a link named FILE2 to an existing FILE1.\n");
        return 0;
    }
    if (argc != 3) {
        if (argc < 3)
            missing_operand(argc == 1 ? NULL : argv[1]);
        else
            fprintf(stderr, PROG ": extra operand '%s'\n", argv[3]);
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
        return 1;
    }
    if (link(argv[1], argv[2]) < 0) {
        fprintf(stderr, PROG ": cannot create link '%s' to '%s': %s\n",
                argv[2], argv[1], strerror(errno));
        return 1;
    }
    return 0;
}
