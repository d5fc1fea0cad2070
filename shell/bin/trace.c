/*
 * trace - run a command and print its system calls, as strace does.
 *
 *   trace [-f] [-e NAME[,NAME]...] [-o FILE] COMMAND [ARG]...
 *
 * One line per call, with its arguments decoded and its result:
 *
 *     open("/etc/motd", O_RDONLY) = 3
 *     read(3, "Welcome to Duplex"..., 65536) = 120
 *     read(0, <blocks: pipe 3 read>
 *     <... read resumed> "x", 1) = 1
 *
 * The kernel writes the lines (kernel/trace.c): trace_open makes this
 * process a tracer, and the command it spawns next is traced. trace only
 * copies them to standard error (or FILE), keeping those of the calls -e
 * names. -f traces the command's children too, each line then beginning
 * with "[pid N]".
 *
 * Exit status: the command's (128+N if signal N killed it); 127 if it was
 * not found, 126 if it could not run, 2 for a usage error.
 */
#include <duplex.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char *names;             /* -e: ",read,write," or NULL for every call */

static void usage(void)
{
    fprintf(stderr, "usage: trace [-f] [-e NAME[,NAME]...] [-o FILE] COMMAND [ARG]...\n");
    exit(2);
}

/* The call a line is about: "read" in "read(...", "<... read resumed>"
 * and "[pid 7] read(..."; NULL for the "+++ exited" lines. */
static size_t call_name(const char *line, size_t len, const char **name)
{
    size_t i = 0;
    if (len > 5 && memcmp(line, "[pid ", 5) == 0) {
        while (i < len && line[i] != ']')
            i++;
        i += 2;                             /* "] " */
        if (i > len)
            i = len;
    }
    if (len - i >= 3 && memcmp(line + i, "+++", 3) == 0)
        return 0;
    if (len - i >= 5 && memcmp(line + i, "<... ", 5) == 0)
        i += 5;
    size_t start = i;
    while (i < len && line[i] != '(' && line[i] != ' ')
        i++;
    *name = line + start;
    return i - start;
}

static int wanted(const char *line, size_t len)
{
    const char *name;
    size_t n;
    if (!names || (n = call_name(line, len, &name)) == 0)
        return 1;
    for (const char *p = names; (p = strstr(p, ",")) && p[1]; p++)
        if (strncmp(p + 1, name, n) == 0 && p[1 + n] == ',')
            return 1;
    return 0;
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;             /* the output went away: keep draining */
        }
        s += w;
        n -= (size_t)w;
    }
}

/* Copy the lines from the kernel to out until no traced process is left. */
static void copy_lines(int in, int out)
{
    static char buf[16384 + 512];
    size_t have = 0;
    for (;;) {
        ssize_t r = read(in, buf + have, sizeof buf - have);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        have += (size_t)r;
        size_t start = 0;
        for (size_t i = 0; i < have; i++) {
            if (buf[i] != '\n')
                continue;
            if (wanted(buf + start, i - start))
                write_all(out, buf + start, i + 1 - start);
            start = i + 1;
        }
        memmove(buf, buf + start, have - start);
        have -= start;
        if (have == sizeof buf) {          /* never: lines are short */
            write_all(out, buf, have);
            have = 0;
        }
    }
    write_all(out, buf, have);
}

int main(int argc, char **argv)
{
    int flags = 0, c;
    const char *outfile = NULL;
    while ((c = getopt(argc, argv, "+fe:o:")) != -1) {
        switch (c) {
        case 'f': flags |= TRACE_FOLLOW | TRACE_PIDS; break;
        case 'e': {
            const char *list = strncmp(optarg, "trace=", 6) == 0 ? optarg + 6 : optarg;
            names = malloc(strlen(list) + 3);
            if (!names)
                return 1;
            sprintf(names, ",%s,", list);
            break;
        }
        case 'o': outfile = optarg; break;
        default: usage();
        }
    }
    if (optind >= argc)
        usage();

    int out = 2;
    if (outfile && (out = open(outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
        fprintf(stderr, "trace: %s: %s\n", outfile, strerror(errno));
        return 1;
    }
    int in = trace_open(flags);
    if (in < 0) {
        fprintf(stderr, "trace: %s\n", strerror(errno));
        return 1;
    }
    pid_t pid;
    int err = posix_spawnp(&pid, argv[optind], NULL, NULL, argv + optind, environ);
    if (err) {
        fprintf(stderr, "trace: %s: %s\n", argv[optind], strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    copy_lines(in, out);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 1;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
