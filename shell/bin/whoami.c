/*
 * whoami - print the name of the effective user (id -un).
 *
 *   whoami
 */
#include <err.h>
#include <stdio.h>
#include <unistd.h>
#include "util/util.h"

int main(int argc, char **argv)
{
    if (argc > 1)
        errx(1, "extra operand '%s'", argv[1]);
    unsigned uid = (unsigned)geteuid();
    const char *name = user_name(uid);
    if (!name)
        errx(1, "cannot find name for user ID %u", uid);
    puts(name);
    return fflush(stdout) != 0;
}
