/*
 * hostname - print the name of the system.
 *
 *   hostname [-s]
 *
 * The node name of uname(2); -s only up to the first dot. Setting the
 * name with an argument is not supported: root sets it by writing
 * /proc/sys/kernel/hostname (`echo box > /proc/sys/kernel/hostname`).
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char name[256];
    int shortname = argc > 1 && strcmp(argv[1], "-s") == 0;
    if (argc > 1 + shortname)
        errx(1, argv[1][0] == '-' ? "invalid option -- '%s'" : "cannot set the name to '%s'",
             argv[1][0] == '-' ? argv[1] + 1 : argv[1]);
    if (gethostname(name, sizeof name) != 0)
        err(1, "gethostname");
    name[sizeof name - 1] = '\0';
    if (shortname && strchr(name, '.'))
        *strchr(name, '.') = '\0';
    puts(name);
    return fflush(stdout) != 0;
}
