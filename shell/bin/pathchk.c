/*
 * pathchk - would these path names work, here or on any POSIX system?
 *
 *   pathchk [-p] [-P] PATHNAME...
 *
 * Without options, each PATHNAME is checked against this system: its
 * length with the NUL within PATH_MAX, each component within NAME_MAX,
 * and each directory of it that exists searchable. -p checks against
 * the smallest limits POSIX allows anywhere instead (_POSIX_PATH_MAX 256,
 * _POSIX_NAME_MAX 14) and that every character is in the portable
 * filename character set (A-Z a-z 0-9 . _ -), and rejects an empty name;
 * -P rejects an empty name and a component that begins with '-'. An
 * empty name never passes.
 * Nothing is created; a name need not exist. Exit status 0 if every
 * PATHNAME passes, 1 otherwise.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "pathchk"

#define PORTABLE_PATH_MAX 256   /* POSIX's _POSIX_PATH_MAX and _POSIX_NAME_MAX: */
#define PORTABLE_NAME_MAX 14    /* the least any system may have */

static int portable, no_dash;   /* -p, -P */

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-p] [-P] NAME...\n"
               "Diagnose invalid or unportable file names.\n"
               "  -p  check for most POSIX systems\n"
               "  -P  check for empty names and leading \"-\"\n");
    exit(status);
}

static int portable_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
}

/* A directory of the path that exists must be searchable: the prefix of
 * name up to len, checked when it is one. */
static int searchable(const char *name, size_t len)
{
    char dir[PATH_MAX];
    struct stat st;
    if (len == 0 || len >= sizeof dir)
        return 1;
    memcpy(dir, name, len);
    dir[len] = '\0';
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || access(dir, X_OK) == 0)
        return 1;
    fprintf(stderr, PROG ": '%s': %s\n", dir, strerror(errno));
    return 0;
}

static int check(const char *name)
{
    size_t len = strlen(name);
    size_t path_max = portable ? PORTABLE_PATH_MAX : PATH_MAX;
    size_t name_max = portable ? PORTABLE_NAME_MAX : NAME_MAX;

    if (len == 0) {             /* no file can have it */
        fprintf(stderr, portable || no_dash ? PROG ": empty file name\n" :
                PROG ": '': No such file or directory\n");
        return 0;
    }
    if (portable)
        for (const char *p = name; *p; p++)
            if (!portable_char(*p) && *p != '/') {
                fprintf(stderr, PROG ": nonportable character '%c' in file name '%s'\n",
                        *p, name);
                return 0;
            }
    if (len + 1 > path_max) {
        fprintf(stderr, PROG ": limit %zu exceeded by length %zu of file name '%s'\n",
                path_max - 1, len, name);
        return 0;
    }
    for (const char *p = name; *p; ) {
        size_t n = strcspn(p, "/");
        if (no_dash && p[0] == '-') {
            fprintf(stderr, PROG ": leading '-' in a component of file name '%s'\n", name);
            return 0;
        }
        if (n > name_max) {
            fprintf(stderr, PROG ": limit %zu exceeded by length %zu of file name "
                    "component '%.*s'\n", name_max, n, (int)n, p);
            return 0;
        }
        p += n;
        if (*p == '/' && !portable && !searchable(name, (size_t)(p - name)))
            return 0;
        p += strspn(p, "/");
    }
    return 1;
}

int main(int argc, char **argv)
{
    int c, status = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "pP")) != -1) {
        if (c == 'p')
            portable = 1;
        else if (c == 'P')
            no_dash = 1;
        else {
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++)
        if (!check(argv[i]))
            status = 1;
    return status;
}
