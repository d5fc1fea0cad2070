/*
 * stat - show a file's status.
 *
 *   stat [-L] [-c FORMAT] FILE...     (--dereference, --format=FORMAT)
 *
 * Without -c, the multi-line report of GNU stat:
 *
 *     File: NAME
 *     Size: 5         	Blocks: 8          IO Block: 4096   regular file
 *   Device: 0,1	Inode: 12          Links: 1
 *   Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
 *   Access: 2026-11-21 05:47:00.123456789 +0000
 *   Modify: ...
 *   Change: ...
 *    Birth: -
 *
 * (Duplex keeps no birth time.) -c FORMAT prints FORMAT for each FILE,
 * with these directives:
 *
 *   %n name         %s size           %b blocks        %B block unit (512)
 *   %N 'name', with -> 'target' for a symbolic link
 *   %a mode, octal  %A mode, ls-style %f raw mode, hex %F type of file
 *   %i inode        %h links          %d device        %D device, hex
 *   %u uid          %U owner          %g gid           %G group
 *   %o I/O block    %t %T device major, minor, hex (device files)
 *   %x %y %z access, modify, change times; %X %Y %Z the same in seconds
 *   %w %W birth time, unknown: "-" and 0
 *   %%  a percent sign
 *
 * -L follows symbolic links.
 * Owner and group names: as /etc/passwd and /etc/group say
 * (util/names.c), else UNKNOWN, as GNU's.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "stat"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-L] [-c FORMAT] FILE...\n"
               "Display file status (-c: in FORMAT: %%n %%s %%a %%A %%F %%i %%h %%u %%g %%Y ...).\n");
    exit(status);
}

/* An owner's (group: a group's) name; UNKNOWN, as GNU's, if it has none. */
static const char *id_name(unsigned id, int group)
{
    const char *name = group ? group_name(id) : user_name(id);
    return name ? name : "UNKNOWN";
}

/* Device numbers split as Linux (and Duplex) number them. */
static unsigned dev_major(unsigned long long d)
{
    return (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffULL));
}

static unsigned dev_minor(unsigned long long d)
{
    return (unsigned)((d & 0xff) | ((d >> 12) & ~0xffULL));
}

/* "2026-11-21 05:47:00.123456789 +0000", in local time (UTC on Duplex). */
static void print_time(const struct timespec *ts)
{
    struct tm tm;
    time_t t = ts->tv_sec;
    char date[64], zone[16];
    if (!localtime_r(&t, &tm) ||
        strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm) == 0 ||
        strftime(zone, sizeof zone, "%z", &tm) == 0) {
        printf("%lld.%09ld", (long long)t, (long)ts->tv_nsec);
        return;
    }
    printf("%s.%09ld %s", date, (long)ts->tv_nsec, zone);
}

static void print_default(const char *name, const struct stat *st)
{
    char mode[11];
    mode_string(st->st_mode, mode);
    printf("  File: %s\n", name);
    printf("  Size: %-10lld\tBlocks: %-10lld IO Block: %-6ld %s\n",
           (long long)st->st_size, (long long)st->st_blocks,
           (long)st->st_blksize, file_type(st));
    printf("Device: %u,%u\tInode: %-11llu Links: ", dev_major(st->st_dev),
           dev_minor(st->st_dev), (unsigned long long)st->st_ino);
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        printf("%-5lu Device type: %u,%u\n", (unsigned long)st->st_nlink,
               dev_major(st->st_rdev), dev_minor(st->st_rdev));
    else
        printf("%lu\n", (unsigned long)st->st_nlink);
    printf("Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n",
           (unsigned)(st->st_mode & 07777), mode,
           (unsigned)st->st_uid, id_name(st->st_uid, 0),
           (unsigned)st->st_gid, id_name(st->st_gid, 1));
    printf("Access: ");
    print_time(&st->st_atim);
    printf("\nModify: ");
    print_time(&st->st_mtim);
    printf("\nChange: ");
    print_time(&st->st_ctim);
    printf("\n Birth: -\n");
}

/* %N: 'NAME', and -> 'TARGET' for a symbolic link (GNU's quoting). */
static void quoted_name(const char *name, const struct stat *st)
{
    printf("'%s'", name);
    char target[4096];
    ssize_t n = S_ISLNK(st->st_mode) ? readlink(name, target, sizeof target - 1) : -1;
    if (n >= 0)
        printf(" -> '%.*s'", (int)n, target);
}

/* One %X directive; returns 0 if c is not one. */
static int directive(char c, const char *name, const struct stat *st)
{
    char buf[16];
    switch (c) {
    case 'n': fputs(name, stdout); break;
    case 'N': quoted_name(name, st); break;
    case 's': printf("%lld", (long long)st->st_size); break;
    case 'b': printf("%lld", (long long)st->st_blocks); break;
    case 'B': printf("512"); break;
    case 'o': printf("%ld", (long)st->st_blksize); break;
    case 'a': printf("%o", (unsigned)(st->st_mode & 07777)); break;
    case 'A': mode_string(st->st_mode, buf); fputs(buf, stdout); break;
    case 'f': printf("%x", (unsigned)st->st_mode); break;
    case 'F': fputs(file_type(st), stdout); break;
    case 'i': printf("%llu", (unsigned long long)st->st_ino); break;
    case 'h': printf("%lu", (unsigned long)st->st_nlink); break;
    case 'd': printf("%llu", (unsigned long long)st->st_dev); break;
    case 'D': printf("%llx", (unsigned long long)st->st_dev); break;
    case 't': printf("%x", dev_major(st->st_rdev)); break;
    case 'T': printf("%x", dev_minor(st->st_rdev)); break;
    case 'u': printf("%u", (unsigned)st->st_uid); break;
    case 'U': fputs(id_name(st->st_uid, 0), stdout); break;
    case 'g': printf("%u", (unsigned)st->st_gid); break;
    case 'G': fputs(id_name(st->st_gid, 1), stdout); break;
    case 'x': print_time(&st->st_atim); break;
    case 'y': print_time(&st->st_mtim); break;
    case 'z': print_time(&st->st_ctim); break;
    case 'X': printf("%lld", (long long)st->st_atim.tv_sec); break;
    case 'Y': printf("%lld", (long long)st->st_mtim.tv_sec); break;
    case 'Z': printf("%lld", (long long)st->st_ctim.tv_sec); break;
    case 'w': putchar('-'); break;           /* no birth time: GNU's "unknown" */
    case 'W': putchar('0'); break;
    case '%': putchar('%'); break;
    default:  return 0;
    }
    return 1;
}

/* FORMAT for one file. An unknown directive is printed as it stands,
 * '?' for its letter, as GNU stat does. */
static void print_format(const char *fmt, const char *name, const struct stat *st)
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            putchar(*p);
        } else if (p[1] == '\0') {
            putchar('%');
        } else if (!directive(*++p, name, st)) {
            putchar('?');
        }
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    const char *format = NULL;
    int follow = 0, status = 0, c;

    static const struct option longopts[] = {
        { "dereference", no_argument, NULL, 'L' }, { "format", required_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'H' }, { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, "Lc:", longopts, NULL)) != -1) {
        switch (c) {
        case 'L': follow = 1; break;
        case 'c': format = optarg; break;
        case 'H': usage(0); break;
        default: usage(1);
        }
    }
    if (optind >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) != 0) {
            fflush(stdout);                  /* keep the output in order */
            fprintf(stderr, PROG ": cannot stat '%s': %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (format)
            print_format(format, argv[i], &st);
        else
            print_default(argv[i], &st);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
