/*
 * dirent.c - reading directories: opendir, readdir, closedir.
 *
 * A DIR holds an open descriptor of the directory and a buffer of the
 * records the getdents system call fills (struct k_dirent, laid out like
 * Linux's linux_dirent64, each padded to 8 bytes). readdir walks the
 * buffer and refills it when it is used up; getdents returning 0 is the
 * end of the directory.
 */
#include "libc.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIRBUF 2048

struct __dx_dir {
    int fd;
    size_t pos, end;              /* the unread records: buf[pos..end) */
    struct dirent entry;          /* what readdir returns */
    _Alignas(8) char buf[DIRBUF];
};

DIR *fdopendir(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    DIR *d = malloc(sizeof *d);
    if (d == NULL)
        return NULL;
    d->fd = fd;
    d->pos = d->end = 0;
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (d == NULL) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return d;
}

/* NULL at the end of the directory (errno untouched) or on an error. */
struct dirent *readdir(DIR *d)
{
    if (d->pos >= d->end) {
        long n = sys3(SYS_getdents, d->fd, P(d->buf), sizeof d->buf);
        if (n <= 0) {
            sys_ret(n);
            return NULL;
        }
        d->pos = 0;
        d->end = (size_t)n;
    }

    const struct k_dirent *k = (const struct k_dirent *)(d->buf + d->pos);
    if (k->d_reclen == 0 || k->d_reclen > d->end - d->pos) {
        errno = EIO;                       /* a malformed record */
        d->pos = d->end;
        return NULL;
    }
    d->pos += k->d_reclen;
    d->entry.d_ino = k->d_ino;
    d->entry.d_off = k->d_off;
    d->entry.d_reclen = sizeof d->entry;
    d->entry.d_type = k->d_type;
    strlcpy(d->entry.d_name, k->d_name, sizeof d->entry.d_name);
    return &d->entry;
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->pos = d->end = 0;
}

int dirfd(DIR *d)
{
    return d->fd;
}

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}
