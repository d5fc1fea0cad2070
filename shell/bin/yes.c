/*
 * yes - write a line forever: "y", or the operands joined by spaces.
 *
 *   yes [STRING...]
 *
 * yes feeds throughput tests, so it does not write line by line: it fills
 * a buffer of about 32 KiB with whole copies of the line once, then writes
 * that buffer in a loop, one system call per buffer. It ends when its
 * reader goes away: by SIGPIPE's default action, or, if SIGPIPE is
 * ignored, on EPIPE, quietly (exit status 1) - a closed pipe is the normal
 * way for yes to stop, not an error worth a message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (32 * 1024)

/* The line, newline included: the operands joined by spaces, or "y". */
static char *make_line(int argc, char **argv, size_t *lenp)
{
    if (argc < 2) {
        *lenp = 2;
        return strdup("y\n");
    }
    size_t len = 0;
    for (int i = 1; i < argc; i++)
        len += strlen(argv[i]) + 1;          /* the word and a space or \n */
    char *line = malloc(len + 1);
    if (!line)
        return NULL;
    char *p = line;
    for (int i = 1; i < argc; i++) {
        size_t n = strlen(argv[i]);
        memcpy(p, argv[i], n);
        p += n;
        *p++ = i + 1 < argc ? ' ' : '\n';
    }
    *p = '\0';
    *lenp = len;
    return line;
}

/* As many whole copies of the line as fit in CHUNK, at least one. */
static char *fill_buffer(const char *line, size_t len, size_t *sizep)
{
    size_t copies = len < CHUNK ? CHUNK / len : 1;
    char *buf = malloc(copies * len);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < copies; i++)
        memcpy(buf + i * len, line, len);
    *sizep = copies * len;
    return buf;
}

int main(int argc, char **argv)
{
    size_t len, size;
    char *line = make_line(argc, argv, &len);
    char *buf = line ? fill_buffer(line, len, &size) : NULL;
    free(line);
    if (!buf) {
        fprintf(stderr, "yes: out of memory\n");
        return 1;
    }
    /* Keep the offset across short writes, so that lines never break. */
    size_t off = 0;
    for (;;) {
        ssize_t n = write(STDOUT_FILENO, buf + off, size - off);
        if (n >= 0) {
            off = (off + (size_t)n) % size;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EPIPE)
            fprintf(stderr, "yes: standard output: %s\n", strerror(errno));
        free(buf);
        return 1;
    }
}
