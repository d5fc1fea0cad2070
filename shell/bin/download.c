/*
 * download - hand files out of the machine.
 *
 *   download FILE...
 *
 * On the page, each FILE becomes a download of the browser, under its own
 * name (its last component). The kernel hands the file's bytes to the
 * platform (download(2), kernel/share.c); where there is nowhere to hand
 * them - ./duplex, the board - it says "Operation not supported".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <duplex.h>

static const char *last_component(const char *path)
{
    const char *end = path + strlen(path);
    while (end > path + 1 && end[-1] == '/')
        end--;
    const char *s = end;
    while (s > path && s[-1] != '/')
        s--;
    static char name[256];
    snprintf(name, sizeof name, "%.*s", (int)(end - s), s);
    return name;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "Usage: download FILE...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0 || download(fd, last_component(argv[i])) < 0) {
            fprintf(stderr, "download: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (fd >= 0)
            close(fd);
    }
    return status;
}
