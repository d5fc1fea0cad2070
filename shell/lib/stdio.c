/*
 * stdio.c - streams: stdin, stdout and stderr, fopen/fdopen/fclose,
 * buffering (setvbuf, fflush), positioning, and the error and end-of-file
 * indicators. Reading and writing through a stream is stdio_io.c's.
 *
 * Buffering is decided at a stream's first I/O: unbuffered if the program
 * asked, else line-buffered on a terminal and fully buffered elsewhere.
 * stderr is always unbuffered. Every stream is on one list, so that
 * fflush(NULL) and exit() can flush them all.
 */
#include "stdio_impl.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE stderr_file = {
    .fd = 2, .flags = F_WRITE | F_STATIC, .mode = _IONBF,
    .buf = &stderr_file.onebyte, .size = 1, .ungot = EOF, .next = NULL,
};
static FILE stdout_file = {
    .fd = 1, .flags = F_WRITE | F_STATIC, .mode = MODE_UNSET,
    .buf = stdout_buf, .size = BUFSIZ, .ungot = EOF, .next = &stderr_file,
};
static FILE stdin_file = {
    .fd = 0, .flags = F_READ | F_STATIC, .mode = MODE_UNSET,
    .buf = stdin_buf, .size = BUFSIZ, .ungot = EOF, .next = &stdout_file,
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *streams = &stdin_file;

/* ---- buffering ---------------------------------------------------------- */

static void use_onebyte(FILE *f)
{
    f->mode = _IONBF;
    f->buf = &f->onebyte;
    f->size = 1;
}

/* Decide f's buffering and get its buffer, at its first I/O. */
static void setup(FILE *f)
{
    if (f->mode == MODE_UNSET)
        f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
    if (f->mode == _IONBF) {
        use_onebyte(f);
    } else if (f->buf == NULL) {
        size_t size = f->size != 0 ? f->size : BUFSIZ;
        f->buf = malloc(size);
        if (f->buf == NULL) {
            use_onebyte(f);
            return;
        }
        f->size = size;
        f->flags |= F_OWNBUF;
    }
}

int __dx_flush(FILE *f)
{
    if (f->wlen == 0)
        return 0;
    ssize_t r = write(f->fd, f->buf, f->wlen);
    bool ok = r == (ssize_t)f->wlen;
    f->wlen = 0;                   /* what failed is lost, as in most libcs */
    if (!ok) {
        f->flags |= F_ERR;
        return EOF;
    }
    return 0;
}

static void flush_all(void)
{
    for (FILE *f = streams; f != NULL; f = f->next)
        __dx_flush(f);
}

static void flush_line_buffered(void)
{
    for (FILE *f = streams; f != NULL; f = f->next)
        if (f->mode == _IOLBF && f->wlen > 0)
            __dx_flush(f);
}

/* Unread input goes back to the descriptor where it can seek; from a pipe
 * or a terminal it is lost, as everywhere. errno is left alone: this runs
 * inside calls that succeed. */
static void drop_input(FILE *f)
{
    off_t unread = (off_t)(f->rend - f->rpos) + (f->ungot != EOF);
    if (unread > 0) {
        int saved = errno;
        lseek(f->fd, -unread, SEEK_CUR);
        errno = saved;
    }
    f->rpos = f->rend = 0;
    f->ungot = EOF;
}

bool __dx_to_read(FILE *f)
{
    if (!(f->flags & F_READ)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return false;
    }
    if ((f->flags & F_WRMODE) && __dx_flush(f) == EOF)
        return false;
    f->flags &= ~F_WRMODE;
    if (f->buf == NULL || f->mode == MODE_UNSET)
        setup(f);
    return true;
}

bool __dx_to_write(FILE *f)
{
    if (f->flags & F_WRMODE)
        return true;
    if (!(f->flags & F_WRITE)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return false;
    }
    drop_input(f);
    if (f->buf == NULL || f->mode == MODE_UNSET)
        setup(f);
    f->flags |= F_WRMODE;
    __dx_stdio_exit = flush_all;
    return true;
}

size_t __dx_read_raw(FILE *f, void *p, size_t n)
{
    if (f->flags & F_EOF)
        return 0;
    flush_line_buffered();
    ssize_t r = read(f->fd, p, n);
    if (r > 0)
        return (size_t)r;
    f->flags |= r == 0 ? F_EOF : F_ERR;
    return 0;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return EOF;
    }
    if ((f->flags & F_WRMODE) && __dx_flush(f) == EOF)
        return EOF;
    if (f->flags & F_OWNBUF)
        free(f->buf);
    f->flags &= ~F_OWNBUF;
    /* Without a buffer of the caller's, size is what setup() allocates
     * (0: BUFSIZ). */
    f->mode = mode;
    f->buf = (unsigned char *)buf;
    f->size = size;
    f->rpos = f->rend = 0;       /* C: setvbuf comes before any I/O */
    if (mode == _IONBF || (buf != NULL && size == 0))
        use_onebyte(f);
    return 0;
}

void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

/* fflush(NULL) flushes every stream. For a stream being read from a file,
 * fflush gives the unread input back (as glibc does); from a pipe or a
 * terminal it keeps it. */
int fflush(FILE *f)
{
    if (f == NULL) {
        int r = 0;
        for (FILE *g = streams; g != NULL; g = g->next)
            if ((g->flags & F_WRMODE) && __dx_flush(g) == EOF)
                r = EOF;
        return r;
    }
    if (f->flags & F_WRMODE)
        return __dx_flush(f);
    int saved = errno;
    if (lseek(f->fd, 0, SEEK_CUR) >= 0)
        drop_input(f);
    errno = saved;
    return 0;
}

/* ---- opening and closing ------------------------------------------------- */

/* fopen's mode string: "r", "w", "a", each with an optional "+", and "b"
 * (ignored), "x" (O_EXCL) and "e" (O_CLOEXEC) anywhere after. */
static int parse_mode(const char *mode, int *oflags, unsigned *fflags)
{
    switch (*mode) {
    case 'r': *oflags = O_RDONLY; *fflags = F_READ; break;
    case 'w': *oflags = O_WRONLY | O_CREAT | O_TRUNC; *fflags = F_WRITE; break;
    case 'a': *oflags = O_WRONLY | O_CREAT | O_APPEND; *fflags = F_WRITE; break;
    default:
        errno = EINVAL;
        return -1;
    }
    for (mode++; *mode != '\0'; mode++) {
        if (*mode == '+') {
            *oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
            *fflags = F_READ | F_WRITE;
        } else if (*mode == 'x') {
            *oflags |= O_EXCL;
        } else if (*mode == 'e') {
            *oflags |= O_CLOEXEC;
        }
    }
    return 0;
}

static FILE *new_stream(int fd, unsigned fflags)
{
    FILE *f = calloc(1, sizeof *f);
    if (f == NULL)
        return NULL;
    f->fd = fd;
    f->flags = fflags;
    f->mode = MODE_UNSET;
    f->ungot = EOF;
    f->next = streams;
    streams = f;
    return f;
}

FILE *fopen(const char *path, const char *mode)
{
    int oflags;
    unsigned fflags;
    if (parse_mode(mode, &oflags, &fflags) < 0)
        return NULL;
    int fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = new_stream(fd, fflags);
    if (f == NULL)
        close(fd);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    int oflags;
    unsigned fflags;
    if (parse_mode(mode, &oflags, &fflags) < 0)
        return NULL;
    if (fcntl(fd, F_GETFL) < 0)
        return NULL;                       /* EBADF */
    return new_stream(fd, fflags);
}

static void unlink_stream(FILE *f)
{
    for (FILE **pp = &streams; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == f) {
            *pp = f->next;
            return;
        }
    }
}

int fclose(FILE *f)
{
    int r = (f->flags & F_WRMODE) ? __dx_flush(f) : 0;
    if (close(f->fd) < 0)
        r = EOF;
    if (f->flags & F_OWNBUF)
        free(f->buf);
    if (f->flags & F_STATIC) {
        f->flags = F_STATIC;               /* neither readable nor writable */
        f->buf = NULL;
        f->rpos = f->rend = f->wlen = 0;
        return r;
    }
    unlink_stream(f);
    free(f);
    return r;
}

/* ---- position and state ---------------------------------------------------- */

int fseeko(FILE *f, off_t off, int whence)
{
    if ((f->flags & F_WRMODE) && __dx_flush(f) == EOF)
        return -1;
    if (whence == SEEK_CUR)
        off -= (off_t)(f->rend - f->rpos) + (f->ungot != EOF);
    if (lseek(f->fd, off, whence) < 0)
        return -1;
    f->rpos = f->rend = 0;
    f->ungot = EOF;
    f->flags &= ~(F_EOF | F_WRMODE);
    return 0;
}

off_t ftello(FILE *f)
{
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    if (f->flags & F_WRMODE)
        return pos + (off_t)f->wlen;
    return pos - (off_t)(f->rend - f->rpos) - (f->ungot != EOF);
}

int fseek(FILE *f, long off, int whence)
{
    return fseeko(f, off, whence);
}

long ftell(FILE *f)
{
    off_t pos = ftello(f);
    if (pos != (long)pos) {
        errno = EOVERFLOW;
        return -1;
    }
    return (long)pos;
}

void rewind(FILE *f)
{
    fseeko(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}

int  fileno(FILE *f)   { return f->fd; }
int  feof(FILE *f)     { return (f->flags & F_EOF) != 0; }
int  ferror(FILE *f)   { return (f->flags & F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
