/*
 * util.c - the utilities' shared helpers (util.h says what each is for).
 */
#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util.h"

int util_fail_status = 1;

static void *must(void *p)
{
    if (!p)
        errx(util_fail_status, "out of memory");
    return p;
}

void *xmalloc(size_t n)
{
    return must(malloc(n ? n : 1));
}

void *xcalloc(size_t count, size_t size)
{
    return must(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return must(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *path_join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    int slash = d > 0 && dir[d - 1] != '/';
    char *p = xmalloc(d + slash + n + 1);
    memcpy(p, dir, d);
    if (slash)
        p[d] = '/';
    memcpy(p + d + slash, name, n + 1);
    return p;
}

char *path_base(const char *path)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return xstrndup(path + start, end - start);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **dir_names(const char *path, size_t *np)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    size_t n = 0, cap = 16;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n + 2 > cap)
            names = xrealloc(names, (cap *= 2) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    int e2 = errno;
    closedir(d);
    names[n] = NULL;
    if (e2) {                  /* readdir failed part way */
        free_names(names);
        errno = e2;
        return NULL;
    }
    qsort(names, n, sizeof *names, by_name);
    if (np)
        *np = n;
    return names;
}

void free_names(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}

void mode_string(mode_t m, char out[11])
{
    char type = '?';
    if (S_ISREG(m))       type = '-';
    else if (S_ISDIR(m))  type = 'd';
    else if (S_ISFIFO(m)) type = 'p';
    else if (S_ISCHR(m))  type = 'c';
    else if (S_ISBLK(m))  type = 'b';
    else if (S_ISLNK(m))  type = 'l';
    else if (S_ISSOCK(m)) type = 's';
    static const char rwx[] = "rwxrwxrwx";
    out[0] = type;
    for (int i = 0; i < 9; i++)
        out[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
    if (m & S_ISUID) out[3] = (m & S_IXUSR) ? 's' : 'S';
    if (m & S_ISGID) out[6] = (m & S_IXGRP) ? 's' : 'S';
    if (m & S_ISVTX) out[9] = (m & S_IXOTH) ? 't' : 'T';
    out[10] = '\0';
}

const char *file_type(const struct stat *st)
{
    mode_t m = st->st_mode;
    if (S_ISREG(m))  return st->st_size == 0 ? "regular empty file" : "regular file";
    if (S_ISDIR(m))  return "directory";
    if (S_ISFIFO(m)) return "fifo";
    if (S_ISCHR(m))  return "character special file";
    if (S_ISBLK(m))  return "block special file";
    if (S_ISLNK(m))  return "symbolic link";
    if (S_ISSOCK(m)) return "socket";
    return "weird file";
}

int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

int ask(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fflush(stdout);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    int c = getchar(), yes = c == 'y' || c == 'Y';
    while (c != EOF && c != '\n')
        c = getchar();
    return yes;
}

int parse_size(const char *s, long long *out)
{
    static const char units[] = "kmgtpe";
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)*s))
        return -1;
    long long n = strtoll(s, &end, 10), mult = 1;
    if (errno)
        return -1;
    if (*end == 'b' && end[1] == '\0') {
        mult = 512;
    } else if (*end) {
        const char *u = strchr(units, tolower((unsigned char)*end));
        if (!u)
            return -1;
        int base = 1024;
        if (end[1] == 'B' && end[2] == '\0')
            base = 1000;
        else if (!(end[1] == '\0' || (end[1] == 'i' && end[2] == 'B' && end[3] == '\0')))
            return -1;
        for (long i = 0; i <= u - units; i++)
            mult *= base;
    }
    if (n > 0 && mult > 0x7fffffffffffffffLL / n)
        return -1;
    *out = n * mult;
    return 0;
}

double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void die(const char *what)
{
    perror(what);
    exit(1);
}
