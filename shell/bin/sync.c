/*
 * sync - write what is kept outside the machine's memory.
 *
 *   sync
 *
 * Duplex's files live in memory. On the page, /home is also kept in the
 * browser's storage, saved by itself a moment after every change; sync
 * saves it at once, and says so if the last save failed (the browser's
 * storage is full: "No space left on device", status 1). Elsewhere it has
 * nothing to do. syncfs is used rather than sync, which cannot fail.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "sync: extra operand '%s'\n", argv[1]);
        return 1;
    }
    int fd = open("/", O_RDONLY);
    if (fd < 0 || syncfs(fd) < 0) {
        fprintf(stderr, "sync: %s\n", strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}
