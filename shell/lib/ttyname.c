/*
 * ttyname.c - the name of a terminal: the node of /dev that is the same
 * device as the descriptor. Apart from termios.c, so that the programs
 * that only ask isatty do not take the directory reading with them.
 */
#include "libc.h"
#include <dirent.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* /dev/tty is left out: it is every process's own terminal, not a name of
 * this one. NULL with errno ENOTTY (or EBADF) if fd is no terminal. */
char *ttyname(int fd)
{
    static char name[sizeof "/dev/" + NAME_MAX];
    struct stat fs, ns;
    if (!isatty(fd) || fstat(fd, &fs) < 0)
        return NULL;
    DIR *d = opendir("/dev");
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, "tty") == 0 || e->d_name[0] == '.')
            continue;
        strcpy(name, "/dev/");
        strcat(name, e->d_name);
        if (stat(name, &ns) == 0 && S_ISCHR(ns.st_mode) && ns.st_rdev == fs.st_rdev) {
            closedir(d);
            return name;
        }
    }
    if (d != NULL)
        closedir(d);
    errno = ENOTTY;
    return NULL;
}
