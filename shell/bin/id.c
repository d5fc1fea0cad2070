/*
 * id - print the user and group identities of a process.
 *
 *   id [-u | -g | -G] [-n] [-r] [USER]
 *
 * POSIX id: "uid=0(root) gid=0(root) groups=0(root)" for the calling
 * process (names where known), or only the user id (-u), group id (-g)
 * or groups (-G), as names with -n; -r (the real ids) is accepted: Duplex
 * keeps no separate effective ids but reports them as it has them.
 * With USER: that user's ids, if they can be found. Duplex has one group
 * per process, the supplementary list is that group.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

/* "label=ID(NAME)", or in the groups list ",ID(NAME)" */
static void show(const char *label, unsigned id, const char *name, int first)
{
    if (label)
        printf("%s%s=%u", first ? "" : " ", label, id);
    else
        printf("%s%u", first ? "" : ",", id);
    if (name)
        printf("(%s)", name);
}

int main(int argc, char **argv)
{
    int only = 0, names = 0, c;
    while ((c = getopt(argc, argv, "Ggnru")) != -1) {
        switch (c) {
        case 'u': case 'g': case 'G':
            if (only && only != c)
                errx(1, "cannot print \"only\" of more than one choice");
            only = c;
            break;
        case 'n': names = 1; break;
        case 'r': break;
        default:
            fprintf(stderr, "Usage: id [-u | -g | -G] [-n] [-r] [USER]\n");
            return 1;
        }
    }
    if (names && !only)
        errx(1, "cannot print only names or real IDs in default format");
    unsigned uid = (unsigned)geteuid(), gid = (unsigned)getegid();
    if (optind < argc) {
        long u = user_id(argv[optind]);
        if (u < 0)
            errx(1, "'%s': no such user", argv[optind]);
        uid = (unsigned)u;
        gid = (unsigned)u;     /* (a user's group is its own, here) */
    }
    if (only) {
        unsigned id = only == 'u' ? uid : gid;
        const char *name = only == 'u' ? user_name(id) : group_name(id);
        if (names && name)
            fputs(name, stdout);
        else
            printf("%u", id);
    } else {
        show("uid", uid, user_name(uid), 1);
        show("gid", gid, group_name(gid), 0);
        printf(" groups=");
        show(NULL, gid, group_name(gid), 1);
    }
    putchar('\n');
    return fflush(stdout) != 0;
}
