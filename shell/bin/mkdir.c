/*
 * mkdir - make directories.
 *
 *   mkdir [-pv] [-m MODE] DIRECTORY...
 *
 * -p makes missing parents too and accepts a directory that already
 * exists; -m gives the new directory MODE (octal) exactly, whatever the
 * umask; -v says "created directory 'x'" for each one made.
 *
 * Parents made by -p get the mode a plain mkdir would give them, plus
 * u+wx: mkdir must be able to make the next component inside them.
 *
 * Not supported: symbolic modes (-m u+x); only octal ones.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "mkdir"

static int parents, verbose;
static mode_t mode = 0777;
static int explicit_mode;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-pv] [-m MODE] DIRECTORY...\n"
               "Create the DIRECTORY(ies): -p with their parents, as needed;\n"
               "-m with mode MODE (octal); -v saying so for each.\n");
    exit(status);
}

/* An octal mode of at most 07777, or -1. */
static long parse_mode(const char *s)
{
    long m = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '7' || m > 07777)
            return -1;
        m = m * 8 + (*s - '0');
    }
    return m > 07777 ? -1 : m;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int make_one(const char *path, mode_t m)
{
    if (mkdir(path, m) != 0)
        return -1;
    if (verbose)
        printf(PROG ": created directory '%s'\n", path);
    return 0;
}

/* -p: make each missing ancestor of path, from the top down. */
static int make_parents(char *path)
{
    mode_t mask = umask(0);
    umask(mask);
    mode_t pmode = (0777 & ~mask) | S_IWUSR | S_IXUSR;
    char *p = path;
    while (*p == '/')
        p++;
    for (;;) {
        char *slash = strchr(p, '/');
        if (!slash)
            return 0;
        char *next = slash;
        while (*next == '/')
            next++;
        if (*next == '\0')
            return 0;                        /* only trailing slashes left */
        *slash = '\0';
        int r = 0;
        if (!is_dir(path) && make_one(path, pmode) != 0 && !(errno == EEXIST && is_dir(path))) {
            if (errno == EEXIST)
                errno = ENOTDIR;             /* a file is in the way, as GNU says */
            fprintf(stderr, PROG ": cannot create directory '%s': %s\n", path, strerror(errno));
            r = -1;
        }
        *slash = '/';
        if (r)
            return -1;
        p = next;
    }
}

static int make_dir(char *path)
{
    if (parents && make_parents(path) != 0)
        return 1;
    if (make_one(path, mode) != 0) {
        if (parents && errno == EEXIST && is_dir(path))
            return 0;
        fprintf(stderr, PROG ": cannot create directory '%s': %s\n", path, strerror(errno));
        return 1;
    }
    /* The umask took bits out of MODE: put them back, as -m asks. */
    if (explicit_mode && chmod(path, mode) != 0) {
        fprintf(stderr, PROG ": cannot set permissions of '%s': %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int c, status = 0;
    long m;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+pvm:")) != -1) {
        switch (c) {
        case 'p': parents = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        case 'm':
            if ((m = parse_mode(optarg)) < 0) {
                fprintf(stderr, PROG ": invalid mode '%s'\n", optarg);
                return 1;
            }
            mode = (mode_t)m;
            explicit_mode = 1;
            break;
        default:
            if (optopt == 'm')
                fprintf(stderr, PROG ": option requires an argument -- 'm'\n");
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++)
        status |= make_dir(argv[i]);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
