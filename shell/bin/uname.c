/*
 * uname - print the system's name and other facts about it.
 *
 *   uname [-asnrvm]
 *
 * -s the system's name (the default), -n the node name, -r the release,
 * -v the version, -m the machine ("wasm32" or "aarch64" on Duplex); -a all
 * five. Whatever the order of the options, the fields come out in that
 * order, separated by single spaces, as in GNU uname. (GNU's -a adds -p,
 * -i and -o; Duplex knows no processor or platform name, so -a is the five.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#define PROG "uname"

enum { F_SYS = 1, F_NODE = 2, F_REL = 4, F_VER = 8, F_MACH = 16, F_ALL = 31 };

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-asnrvm]\n"
               "Print system information: -s name (default), -n node name,\n"
               "-r release, -v version, -m machine, -a all of them.\n");
    exit(status);
}

static void field(const char *s, int *first)
{
    if (!*first)
        putchar(' ');
    fputs(s, stdout);
    *first = 0;
}

int main(int argc, char **argv)
{
    int want = 0, c;
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+asnrvm")) != -1) {
        switch (c) {
        case 'a': want |= F_ALL; break;
        case 's': want |= F_SYS; break;
        case 'n': want |= F_NODE; break;
        case 'r': want |= F_REL; break;
        case 'v': want |= F_VER; break;
        case 'm': want |= F_MACH; break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind < argc) {
        fprintf(stderr, PROG ": extra operand '%s'\n", argv[optind]);
        usage(1);
    }
    struct utsname u;
    if (uname(&u) != 0) {
        fprintf(stderr, PROG ": cannot get system name: %s\n", strerror(errno));
        return 1;
    }
    if (!want)
        want = F_SYS;
    int first = 1;
    if (want & F_SYS)  field(u.sysname, &first);
    if (want & F_NODE) field(u.nodename, &first);
    if (want & F_REL)  field(u.release, &first);
    if (want & F_VER)  field(u.version, &first);
    if (want & F_MACH) field(u.machine, &first);
    putchar('\n');
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
