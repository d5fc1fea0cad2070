/*
 * groups - print the groups a user is in (id -Gn).
 *
 *   groups [USER...]
 *
 * Duplex has one group per process: its name, or its number.
 */
#include <err.h>
#include <stdio.h>
#include <unistd.h>
#include "util/util.h"

static void show(unsigned gid)
{
    const char *name = group_name(gid);
    if (name)
        puts(name);
    else
        printf("%u\n", gid);
}

int main(int argc, char **argv)
{
    int status = 0;
    if (argc < 2)
        show((unsigned)getegid());
    for (int i = 1; i < argc; i++) {
        long u = user_id(argv[i]);
        if (u < 0) {
            warnx("'%s': no such user", argv[i]);
            status = 1;
            continue;
        }
        printf("%s : ", argv[i]);
        show((unsigned)u);
    }
    return fflush(stdout) != 0 || status;
}
