/*
 * tail - print the last lines (or bytes) of files.
 *
 *   tail [-n [+]LINES | -c [+]BYTES | -LINES | +LINES] [-qv] [-f | -F] [-s SECS]
 *        [--pid=PID] [FILE...]
 *
 * The default is the last 10 lines. "+N" means "from line (byte) N on".
 * With several files each gets a header "==> FILE <==" (-q: never, -v:
 * always).
 *
 * -f follows the files: after the last lines, what is written to them
 * later is printed as it comes (checked every SECS; by default every
 * tenth of a second, since GNU's tail is told of a write at once by the
 * kernel and prints it without waiting for its 1 second; a file that
 * shrinks is read again from its start, "file truncated"). A FIFO is
 * followed too, across writers coming and going; standard input is, if
 * it is not a pipe. -F follows each name rather than the file first
 * opened: a file that is missing, or goes, is waited for, and one that
 * takes the name's place (a new file, or one renamed there) is read from
 * its start, each said on standard error as GNU says it. With
 * --pid, tail stops once process PID has ended. Otherwise it runs until
 * it is killed (^C).
 *
 * The input may be a pipe, so tail cannot seek to the end: it reads
 * everything into a queue of chunks and drops the oldest chunk as soon as
 * the newer ones alone hold enough lines. Memory stays about the size of
 * the output, whatever the size of the input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <getopt.h>
#include "newlines.h"

#define CHUNK 65536

struct chunk {
    struct chunk *next;
    size_t len;
    size_t lines;              /* newlines in data[0..len) */
    char data[CHUNK];
};

static void usage(void)
{
    fprintf(stderr, "usage: tail [-n [+]lines | -c [+]bytes] [-qv] [file...]\n");
    exit(1);
}

static void write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            fprintf(stderr, "tail: write error: %s\n", strerror(errno));
            exit(1);
        }
        p += w;
        n -= (size_t)w;
    }
}

/* read(2) that retries on EINTR and reports errors. */
static ssize_t get(int fd, char *p, size_t n, const char *name)
{
    ssize_t r;
    do
        r = read(fd, p, n);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        fprintf(stderr, "tail: %s: %s\n", name, strerror(errno));
    return r;
}

/* "+N": skip N-1 lines or bytes, copy the rest. */
static int tail_from(int fd, const char *name, long long n, int bytes)
{
    static char buf[CHUNK];
    long long skip = n > 0 ? n - 1 : 0;
    ssize_t r;
    while ((r = get(fd, buf, sizeof buf, name)) > 0) {
        size_t k = 0;
        if (bytes) {
            k = skip < r ? (size_t)skip : (size_t)r;
            skip -= (long long)k;
        }
        while (!bytes && skip > 0 && k < (size_t)r) {
            char *nl = memchr(buf + k, '\n', (size_t)r - k);
            k = nl ? (size_t)(nl - buf) + 1 : (size_t)r;
            skip -= nl != NULL;
        }
        write_all(buf + k, (size_t)r - k);
    }
    return r < 0;
}

/* Whether the oldest chunk can go: the newer ones hold enough. */
static int can_drop(struct chunk *head, size_t total, long long n, int bytes)
{
    if (!head || !head->next)
        return 0;
    if (bytes)
        return (long long)(total - head->len) >= n;
    return (long long)(total - head->lines) > n;
}

/* Print the last n lines (or bytes) held in the queue. */
static void print_queue(struct chunk *head, size_t total, long long n, int bytes,
                        int partial)
{
    /* How many lines/bytes at the front of the queue to leave out. */
    long long skip = (long long)total - n + (bytes ? 0 : partial);
    for (struct chunk *c = head; c; c = c->next) {
        size_t k = 0;
        if (bytes && skip > 0) {
            k = skip < (long long)c->len ? (size_t)skip : c->len;
            skip -= (long long)k;
        }
        while (!bytes && skip > 0 && k < c->len) {
            char *nl = memchr(c->data + k, '\n', c->len - k);
            k = nl ? (size_t)(nl - c->data) + 1 : c->len;
            skip -= nl != NULL;
        }
        write_all(c->data + k, c->len - k);
    }
}

/* The last n lines or bytes. */
static int tail_last(int fd, const char *name, long long n, int bytes)
{
    struct chunk *head = NULL, *tail = NULL;
    size_t total = 0;          /* lines (or bytes) held */
    int rc = 0, partial = 0;
    for (;;) {
        struct chunk *c = malloc(sizeof *c);
        if (!c) {
            fprintf(stderr, "tail: out of memory\n");
            exit(1);
        }
        ssize_t r = get(fd, c->data, CHUNK, name);
        if (r <= 0) {
            free(c);
            rc = r < 0;
            break;
        }
        c->len = (size_t)r;
        c->lines = count_newlines(c->data, c->len);
        c->next = NULL;
        partial = c->data[r - 1] != '\n';
        if (tail)
            tail->next = c;
        else
            head = c;
        tail = c;
        total += bytes ? c->len : c->lines;
        while (can_drop(head, total, n, bytes)) {
            struct chunk *old = head;
            total -= bytes ? old->len : old->lines;
            head = old->next;
            free(old);
        }
    }
    if (n > 0)
        print_queue(head, total, n, bytes, partial);
    while (head) {
        struct chunk *next = head->next;
        free(head);
        head = next;
    }
    return rc;
}

/* A count: digits, with a leading '+' meaning "from". */
static long long parse_count(const char *s, int *from, const char *what)
{
    char *end;
    *from = *s == '+';
    const char *digits = (*s == '+' || *s == '-') ? s + 1 : s;
    errno = 0;
    long long v = strtoll(digits, &end, 10);
    if (end == digits || *end != '\0' || v < 0 || errno == ERANGE || *digits == '-' ||
        *digits == '+') {
        fprintf(stderr, "tail: invalid number of %s: '%s'\n", what, s);
        exit(1);
    }
    return v;
}

static int follow;             /* -f */
static int by_name;            /* -F */
static struct followed {
    int fd;                    /* -1: -F waits for the name */
    const char *name;
    int by_name;               /* -F, and not standard input */
} *followed;
static int nfollowed;

static int tail_file(const char *name, long long n, int bytes, int from, int header)
{
    static int first = 1;
    int is_stdin = strcmp(name, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "tail: %s: %s\n", name, strerror(errno));
        if (by_name && !is_stdin) {            /* -F: waited for */
            followed[nfollowed].fd = -1;
            followed[nfollowed].name = name;
            followed[nfollowed].by_name = 1;
            nfollowed++;
        }
        return 1;
    }
    if (header) {
        const char *shown = is_stdin ? "standard input" : name;
        write_all(first ? "==> " : "\n==> ", first ? 4 : 5);
        write_all(shown, strlen(shown));
        write_all(" <==\n", 5);
        first = 0;
    }
    int rc = from ? tail_from(fd, name, n, bytes) : tail_last(fd, name, n, bytes);
    struct stat st;
    /* (standard input that is a pipe is not followed, as GNU does) */
    if (follow && !(is_stdin && fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))) {
        followed[nfollowed].fd = fd;
        followed[nfollowed].name = is_stdin ? "standard input" : name;
        followed[nfollowed].by_name = by_name && !is_stdin;
        nfollowed++;
        return rc;
    }
    if (!is_stdin)
        close(fd);
    return rc;
}

/* -F: make f's descriptor the file its name now stands for, if any. */
static void follow_name(struct followed *f)
{
    struct stat now, had;
    int exists = stat(f->name, &now) == 0, why = errno;
    if (f->fd >= 0 && exists && fstat(f->fd, &had) == 0 &&
        had.st_ino == now.st_ino && had.st_dev == now.st_dev)
        return;                                /* still the same file */
    if (f->fd >= 0) {
        if (exists)
            fprintf(stderr, "tail: '%s' has been replaced;  following new file\n", f->name);
        else
            fprintf(stderr, "tail: '%s' has become inaccessible: %s\n", f->name,
                    strerror(why));
        close(f->fd);
        f->fd = -1;
        if (!exists)
            return;
    } else if (exists) {
        fprintf(stderr, "tail: '%s' has appeared;  following new file\n", f->name);
    }
    if (exists)
        f->fd = open(f->name, O_RDONLY);
}

/* -f: print what the files get from now on, until --pid's process ends. */
static void follow_files(int header, double interval, long pid)
{
    static char buf[CHUNK];
    int last = nfollowed - 1;  /* the file whose header was printed last */
    for (;;) {
        int got = 0, gone = pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
        for (int i = 0; i < nfollowed; i++) {
            struct followed *f = &followed[i];
            struct stat st;
            if (f->by_name)
                follow_name(f);
            if (f->fd < 0)
                continue;
            off_t pos = lseek(f->fd, 0, SEEK_CUR);
            if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && pos > st.st_size) {
                fprintf(stderr, "tail: %s: file truncated\n", f->name);
                lseek(f->fd, 0, SEEK_SET);
            }
            ssize_t r;
            while ((r = read(f->fd, buf, sizeof buf)) > 0) {
                if (header && last != i) {
                    write_all("\n==> ", 5);
                    write_all(f->name, strlen(f->name));
                    write_all(" <==\n", 5);
                    last = i;
                }
                write_all(buf, (size_t)r);
                got = 1;
                if (!S_ISREG(st.st_mode))
                    break;     /* a FIFO: let the others have a turn */
            }
        }
        if (gone)
            return;            /* (after one last look at the files) */
        if (!got) {
            struct timespec ts = { (time_t)interval, (long)((interval - (long)interval) * 1e9) };
            nanosleep(&ts, NULL);
        }
    }
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "tail: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "tail: invalid option -- '%c'\n", optopt);
}

int main(int argc, char **argv)
{
    long long n = 10;
    int bytes = 0, from = 0, quiet = 0, verbose = 0, c;
    /* The old forms: tail -5, tail +5. */
    if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') &&
        argv[1][1] >= '0' && argv[1][1] <= '9') {
        n = parse_count(argv[1], &from, "lines");
        optind = 2;
    }
    static const struct option longopts[] = {
        { "follow", no_argument, NULL, 'f' }, { "sleep-interval", required_argument, NULL, 's' },
        { "pid", required_argument, NULL, 'p' }, { "lines", required_argument, NULL, 'n' },
        { "bytes", required_argument, NULL, 'c' }, { "quiet", no_argument, NULL, 'q' },
        { "silent", no_argument, NULL, 'q' }, { "verbose", no_argument, NULL, 'v' },
        { NULL, 0, NULL, 0 },
    };
    double interval = 0.1;     /* GNU's 1 s would show a write late */
    long pid = 0;
    while ((c = getopt_long(argc, argv, ":n:c:qvfFs:", longopts, NULL)) != -1) {
        switch (c) {
        case 'n': n = parse_count(optarg, &from, "lines"); bytes = 0; break;
        case 'c': n = parse_count(optarg, &from, "bytes"); bytes = 1; break;
        case 'q': quiet = 1; verbose = 0; break;
        case 'v': verbose = 1; quiet = 0; break;
        case 'f': follow = 1; break;
        case 'F': follow = by_name = 1; break;
        case 's': interval = atof(optarg); break;
        case 'p': pid = atol(optarg); break;
        default:
            bad_option(c);
            usage();
        }
    }
    int nfiles = argc - optind;
    int header = verbose || (nfiles > 1 && !quiet);
    followed = calloc((size_t)(nfiles ? nfiles : 1), sizeof *followed);
    if (!followed)
        return 1;
    int rc = 0;
    if (nfiles == 0)
        rc = tail_file("-", n, bytes, from, header);
    for (int i = optind; i < argc; i++)
        rc |= tail_file(argv[i], n, bytes, from, header);
    if (follow && nfollowed > 0)
        follow_files(header, interval, pid);
    free(followed);
    return rc;
}
