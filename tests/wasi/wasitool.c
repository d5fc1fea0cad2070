/*
 * wasitool.c - a WASI program for the tests of the web runtime's WASI calls
 * (tests/node/wasi.test.js), built unchanged by stock wasi-libc and by
 * Emscripten -sSTANDALONE_WASM (tests/wasi/wasi.mk). Plain C and POSIX:
 * nothing in it knows Duplex.
 *
 *   wasitool wc               count lines, words and bytes of stdin (as wc)
 *   wasitool cat              copy stdin to stdout with read(2) and write(2)
 *   wasitool exit N           exit with status N
 *   wasitool spin             compute forever (for ^C)
 *   wasitool sleep MS         sleep MS milliseconds
 *   wasitool write FILE TEXT  create FILE holding TEXT and a newline
 *   wasitool append FILE TEXT add TEXT and a newline at FILE's end
 *   wasitool read FILE        print FILE
 *   wasitool ls DIR           the names in DIR, sorted
 *   wasitool rm FILE          unlink FILE
 *   wasitool mkdir DIR        make DIR
 *   wasitool args ...         each argument on a line, then $HOME
 *   wasitool tty              whether stdin and stdout are terminals
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int wc(void)
{
    long lines = 0, words = 0, bytes = 0;
    int c, in = 0;
    while ((c = getchar()) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        if (c == ' ' || c == '\n' || c == '\t')
            in = 0;
        else if (!in) {
            in = 1;
            words++;
        }
    }
    printf("%7ld %7ld %7ld\n", lines, words, bytes);
    return 0;
}

static int cat(void)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0)
        if (write(1, buf, (size_t)n) != n)
            return 1;
    return n < 0;
}

static int fail(const char *what)
{
    fprintf(stderr, "wasitool: %s: %s\n", what, strerror(errno));
    return 1;
}

static int put(const char *file, const char *text, const char *mode)
{
    FILE *f = fopen(file, mode);
    if (!f)
        return fail(file);
    fprintf(f, "%s\n", text);
    return fclose(f) != 0;
}

static int show(const char *file)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return fail(file);
    int c;
    while ((c = getc(f)) != EOF)
        putchar(c);
    fclose(f);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ls(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return fail(dir);
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 256)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    for (int i = 0; i < n; i++)
        puts(names[i]);
    return 0;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "";
    if (strcmp(cmd, "wc") == 0)
        return wc();
    if (strcmp(cmd, "cat") == 0)
        return cat();
    if (strcmp(cmd, "exit") == 0 && argc == 3)
        return atoi(argv[2]);
    if (strcmp(cmd, "spin") == 0) {
        volatile unsigned long x = 0;
        for (;;)
            x++;
    }
    if (strcmp(cmd, "sleep") == 0 && argc == 3) {
        struct timespec t = { atoi(argv[2]) / 1000, (atoi(argv[2]) % 1000) * 1000000L };
        return nanosleep(&t, NULL) != 0;
    }
    if (strcmp(cmd, "write") == 0 && argc == 4)
        return put(argv[2], argv[3], "w");
    if (strcmp(cmd, "append") == 0 && argc == 4)
        return put(argv[2], argv[3], "a");
    if (strcmp(cmd, "read") == 0 && argc == 3)
        return show(argv[2]);
    if (strcmp(cmd, "ls") == 0 && argc == 3)
        return ls(argv[2]);
    if (strcmp(cmd, "rm") == 0 && argc == 3)
        return unlink(argv[2]) != 0 ? fail(argv[2]) : 0;
    if (strcmp(cmd, "mkdir") == 0 && argc == 3)
        return mkdir(argv[2], 0777) != 0 ? fail(argv[2]) : 0;
    if (strcmp(cmd, "args") == 0) {
        for (int i = 2; i < argc; i++)
            puts(argv[i]);
        const char *home = getenv("HOME");
        printf("HOME=%s\n", home ? home : "(unset)");
        return 0;
    }
    if (strcmp(cmd, "tty") == 0) {
        printf("stdin %d stdout %d\n", isatty(0), isatty(1));
        return 0;
    }
    fprintf(stderr, "usage: wasitool wc|cat|exit N|spin|sleep MS|write F T|append F T|"
                    "read F|ls D|rm F|mkdir D|args ...|tty\n");
    return 2;
}
