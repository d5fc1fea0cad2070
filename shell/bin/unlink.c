/*
 * unlink - remove one name of a file: the unlink() system call as a
 * utility.
 *
 *   unlink FILE
 *
 * Exactly one operand and no options (POSIX). Unlike rm, it asks nothing,
 * never recurses, and refuses a directory (the system call's EISDIR).
 * Exit status 0, or 1 with the system's reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "unlink"

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        printf("Usage: " PROG " FILE\n"
               "Call the unlink function to remove the specified FILE.\n");
        return 0;
    }
    if (argc != 2) {
        if (argc < 2)
            missing_operand(NULL);
        else
            fprintf(stderr, PROG ": extra operand '%s'\n", argv[2]);
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
        return 1;
    }
    if (unlink(argv[1]) < 0) {
        fprintf(stderr, PROG ": cannot unlink '%s': %s\n", argv[1], strerror(errno));
        return 1;
    }
    return 0;
}
