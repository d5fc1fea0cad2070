/*
 * hostname - print or set the name of the system.
 *
 *   hostname [-s]
 *   hostname NAME
 *
 * The node name of uname(2); -s only up to the first dot. With NAME, root
 * sets the name (sethostname, which writes /proc/sys/kernel/hostname);
 * anyone else is told, as by Debian's hostname, that only root may.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int set_name(const char *name)
{
    if (sethostname(name, strlen(name)) == 0)
        return 0;
    if (errno == EPERM)
        errx(1, "you must be root to change the host name");
    if (errno == EINVAL)
        errx(1, "name too long");
    err(1, "%s", name);
}

int main(int argc, char **argv)
{
    char name[256];
    int shortname = argc > 1 && strcmp(argv[1], "-s") == 0;
    if (argc > 1 && argv[1][0] == '-' && !shortname)
        errx(1, "invalid option -- '%s'", argv[1] + 1);
    if (argc > 2)
        errx(1, "too many arguments");
    if (argc == 2 && !shortname)
        return set_name(argv[1]);
    if (gethostname(name, sizeof name) != 0)
        err(1, "gethostname");
    name[sizeof name - 1] = '\0';
    if (shortname && strchr(name, '.'))
        *strchr(name, '.') = '\0';
    puts(name);
    return fflush(stdout) != 0;
}
