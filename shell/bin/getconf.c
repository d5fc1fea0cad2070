/*
 * getconf - print a limit of the system.
 *
 *   getconf NAME [PATH]
 *
 * NAME is one of sysconf's (ARG_MAX, CHILD_MAX, CLK_TCK, NGROUPS_MAX,
 * OPEN_MAX, PAGESIZE or PAGE_SIZE, LINE_MAX, HOST_NAME_MAX), its value
 * asked of the C library, or, with a PATH, one of the limits of a path
 * (PATH_MAX, NAME_MAX, PIPE_BUF), which are the same for every file on
 * Duplex (PATH is not looked at). An unknown NAME is an error, as in
 * GNU ("Unrecognized variable"), status 2, as is a wrong usage.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const struct { const char *name; int sc; } sysvars[] = {
    { "ARG_MAX", _SC_ARG_MAX }, { "CHILD_MAX", _SC_CHILD_MAX }, { "CLK_TCK", _SC_CLK_TCK },
    { "NGROUPS_MAX", _SC_NGROUPS_MAX }, { "OPEN_MAX", _SC_OPEN_MAX },
    { "PAGESIZE", _SC_PAGESIZE }, { "PAGE_SIZE", _SC_PAGESIZE }, { "LINE_MAX", _SC_LINE_MAX },
    { "HOST_NAME_MAX", _SC_HOST_NAME_MAX },
};

static const struct { const char *name; long value; } pathvars[] = {
    { "PATH_MAX", PATH_MAX }, { "NAME_MAX", NAME_MAX }, { "PIPE_BUF", PIPE_BUF },
};

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "Usage: getconf NAME [PATH]\n");
        return 2;
    }
    const char *name = argv[1];
    if (argc == 2) {
        for (size_t i = 0; i < sizeof sysvars / sizeof sysvars[0]; i++)
            if (strcmp(name, sysvars[i].name) == 0) {
                printf("%ld\n", sysconf(sysvars[i].sc));
                return fflush(stdout) != 0;
            }
    } else {
        for (size_t i = 0; i < sizeof pathvars / sizeof pathvars[0]; i++)
            if (strcmp(name, pathvars[i].name) == 0) {
                printf("%ld\n", pathvars[i].value);
                return fflush(stdout) != 0;
            }
    }
    fprintf(stderr, "getconf: Unrecognized variable '%s'\n", name);
    return 2;
}
