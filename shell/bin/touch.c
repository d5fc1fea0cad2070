/*
 * touch - change file timestamps, creating files that do not exist.
 *
 *   touch [-acmh] [-d DATE | -t STAMP | -r FILE] FILE...
 *
 * Each FILE's access and modification times become the current time, or
 * the time given: -d DATE (util/dates.c, date -d's free form), -t STAMP
 * ([[CC]YY]MMDDhhmm[.ss], POSIX's), -r FILE (that file's times). -a
 * changes only the access time, -m only the modification time. A FILE
 * that does not exist is created empty (mode 0666 less the umask) unless
 * -c; -h changes a symbolic link itself and creates nothing.
 * "-" is standard output. Times without a zone are local (TZ's).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "touch"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-acmh] [-d DATE | -t STAMP | -r FILE] FILE...\n"
               "Set each FILE's times to now (or the time given), creating it\n"
               "empty if it does not exist (-c: do not).\n");
    exit(status);
}

static int no_create, no_deref;

static int touch(const char *path, const struct timespec *times)
{
    if (strcmp(path, "-") == 0)
        return futimens(STDOUT_FILENO, times) == 0 || errno == EINVAL ? 0 : 1;
    if (utimensat(AT_FDCWD, path, times, no_deref ? AT_SYMLINK_NOFOLLOW : 0) == 0)
        return 0;
    if (errno == ENOENT && !no_create && !no_deref) {
        int fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK, 0666);
        if (fd >= 0) {
            int r = futimens(fd, times);
            close(fd);
            if (r == 0)
                return 0;
        }
    } else if (errno == ENOENT && no_create) {
        return 0;
    }
    fprintf(stderr, PROG ": %s '%s': %s\n", errno == ENOENT || errno == EISDIR ||
            errno == ENOTDIR ? "cannot touch" : "setting times of", path, strerror(errno));
    return 1;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "no-create", no_argument, NULL, 'c' }, { "date", required_argument, NULL, 'd' },
        { "reference", required_argument, NULL, 'r' },
        { "no-dereference", no_argument, NULL, 'h' }, { "help", no_argument, NULL, 'H' },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c, only_a = 0, only_m = 0, given = 0;
    struct timespec t[2];
    while ((c = getopt_long(argc, argv, "acmhd:t:r:f", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': no_create = 1; break;
        case 'a': only_a = 1; break;
        case 'm': only_m = 1; break;
        case 'h': no_deref = 1; break;
        case 'f': break;
        case 'd':
            if (parse_date(optarg, &t[0]) < 0) {
                fprintf(stderr, PROG ": invalid date format '%s'\n", optarg);
                return 1;
            }
            t[1] = t[0];
            given = 1;
            break;
        case 't':
            if (parse_stamp(optarg, &t[0]) < 0) {
                fprintf(stderr, PROG ": invalid date format '%s'\n", optarg);
                return 1;
            }
            t[1] = t[0];
            given = 1;
            break;
        case 'r': {
            struct stat st;
            if (stat(optarg, &st) != 0) {
                fprintf(stderr, PROG ": failed to get attributes of '%s': %s\n", optarg,
                        strerror(errno));
                return 1;
            }
            t[0] = st.st_atim;
            t[1] = st.st_mtim;
            given = 1;
            break;
        }
        case 'H': usage(0); break;
        default: usage(1);
        }
    }
    if (optind >= argc) {
        fprintf(stderr, PROG ": missing file operand\n");
        usage(1);
    }
    if (!given) {
        t[0].tv_nsec = t[1].tv_nsec = UTIME_NOW;
        t[0].tv_sec = t[1].tv_sec = 0;
    }
    /* -a alone leaves the modification time, -m alone the access time */
    if (only_a && !only_m)
        t[1].tv_nsec = UTIME_OMIT;
    if (only_m && !only_a)
        t[0].tv_nsec = UTIME_OMIT;
    for (int i = optind; i < argc; i++)
        status |= touch(argv[i], t);
    return status;
}
