/*
 * tee - copy standard input to standard output and to files.
 *
 *   tee [-ai] [FILE...]
 *
 *   -a  append to the files instead of truncating them
 *   -i  ignore SIGINT
 *
 * A file that cannot be opened or written is reported and dropped; the
 * copying goes on for the others, and the exit status is then 1. Data is
 * passed on as it arrives (read(2) and write(2), no buffering), so tee in
 * the middle of a pipeline does not hold anything back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

struct out {
    int fd;
    const char *name;
};

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "tee: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "tee: invalid option -- '%c'\n", optopt);
}

static struct out *outs;
static int nout;

/* Standard output, then every file that can be opened. Returns 1 if one
 * could not be. */
static int open_outputs(char **names, int n, int append)
{
    int rc = 0, flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
    outs = malloc((size_t)(n + 1) * sizeof *outs);
    if (!outs) {
        fprintf(stderr, "tee: out of memory\n");
        exit(1);
    }
    outs[nout++] = (struct out){ STDOUT_FILENO, "standard output" };
    for (int i = 0; i < n; i++) {
        int fd = open(names[i], flags, 0666);
        if (fd < 0) {
            fprintf(stderr, "tee: %s: %s\n", names[i], strerror(errno));
            rc = 1;
            continue;
        }
        outs[nout++] = (struct out){ fd, names[i] };
    }
    return rc;
}

/* Copy standard input to every output; returns 1 after an error. */
static int copy(void)
{
    static char buf[CHUNK];
    int rc = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            fprintf(stderr, "tee: read error: %s\n", strerror(errno));
            return 1;
        }
        if (n == 0)
            return rc;
        for (int i = 0; i < nout; i++) {
            if (outs[i].fd < 0 || write_all(outs[i].fd, buf, (size_t)n) == 0)
                continue;
            fprintf(stderr, "tee: %s: %s\n", outs[i].name, strerror(errno));
            outs[i].fd = -1;   /* stop writing there, go on with the rest */
            rc = 1;
        }
    }
}

int main(int argc, char **argv)
{
    int c, append = 0;
    while ((c = getopt(argc, argv, ":ai")) != -1) {
        switch (c) {
        case 'a': append = 1; break;
        case 'i': signal(SIGINT, SIG_IGN); break;
        default:
            bad_option(c);
            fprintf(stderr, "usage: tee [-ai] [file...]\n");
            return 1;
        }
    }
    int rc = open_outputs(argv + optind, argc - optind, append);
    rc |= copy();
    for (int i = 1; i < nout; i++)
        if (outs[i].fd >= 0 && close(outs[i].fd) != 0) {
            fprintf(stderr, "tee: %s: %s\n", outs[i].name, strerror(errno));
            rc = 1;
        }
    free(outs);
    return rc;
}
