/*
 * stdio_io.c - reading and writing through streams: characters, lines,
 * blocks, and the printf family's stream and descriptor forms.
 *
 * The common cases - a byte waiting in the read buffer, room in the write
 * buffer - are handled inline; everything else goes through the slow paths
 * of stdio.c (__dx_to_read, __dx_stream_write, ...).
 */
#include "stdio_impl.h"
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- reading ------------------------------------------------------------ */

/* Refill f's buffer: false at end of file or on an error. */
static bool fill(FILE *f)
{
    if (!__dx_to_read(f))
        return false;
    size_t n = __dx_read_raw(f, f->buf, f->size);
    f->rpos = 0;
    f->rend = n;
    return n > 0;
}

int fgetc(FILE *f)
{
    if (f->ungot != EOF) {
        int c = f->ungot;
        f->ungot = EOF;
        return c;
    }
    if (f->rpos == f->rend && !fill(f))
        return EOF;
    return f->buf[f->rpos++];
}

int getc(FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return fgetc(stdin);
}

/* One byte of push-back is guaranteed, and that is what there is. */
int ungetc(int c, FILE *f)
{
    if (c == EOF || f->ungot != EOF)
        return EOF;
    f->ungot = (unsigned char)c;
    f->flags &= ~F_EOF;
    return (unsigned char)c;
}

char *fgets(char *s, int n, FILE *f)
{
    int i = 0;

    if (n <= 0)
        return NULL;
    while (i < n - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0 && n > 1)
        return NULL;
    s[i] = '\0';
    return s;
}

/* Read up to and including delim into *line, growing it as needed.
 * Returns the length, or -1 at end of file with nothing read. */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    size_t len = 0;

    if (line == NULL || cap == NULL) {
        errno = EINVAL;
        return -1;
    }
    if (*line == NULL)
        *cap = 0;
    for (;;) {
        int c = fgetc(f);
        if (c == EOF && len == 0)
            return -1;
        if (len + 2 > *cap) {
            size_t ncap = *cap < 64 ? 128 : *cap * 2;
            char *p = realloc(*line, ncap);
            if (p == NULL) {
                f->flags |= F_ERR;
                return -1;
            }
            *line = p;
            *cap = ncap;
        }
        if (c == EOF)
            break;
        (*line)[len++] = (char)c;
        if (c == delim)
            break;
    }
    (*line)[len] = '\0';
    return (ssize_t)len;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
    return getdelim(line, cap, '\n', f);
}

/* Serve from the push-back byte and the buffer, then read big remainders
 * straight into the caller's memory. */
size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
    unsigned char *p = buf;
    size_t total, done = 0;

    if (size == 0 || n == 0)
        return 0;
    if (n > SIZE_MAX / size) {
        errno = EOVERFLOW;
        f->flags |= F_ERR;
        return 0;
    }
    total = size * n;
    if (f->ungot != EOF) {
        p[done++] = (unsigned char)f->ungot;
        f->ungot = EOF;
    }
    while (done < total) {
        size_t avail = f->rend - f->rpos;
        if (avail > 0) {
            size_t k = avail < total - done ? avail : total - done;
            memcpy(p + done, f->buf + f->rpos, k);
            f->rpos += k;
            done += k;
        } else if (total - done >= f->size && f->buf != NULL && f->mode != MODE_UNSET) {
            if (!__dx_to_read(f))
                break;
            size_t k = __dx_read_raw(f, p + done, total - done);
            if (k == 0)
                break;
            done += k;
        } else if (!fill(f)) {
            break;
        }
    }
    return done / size;
}

/* ---- writing ------------------------------------------------------------- */

size_t __dx_stream_write(FILE *f, const void *buf, size_t n)
{
    const char *p = buf;
    size_t done = 0;

    if (!__dx_to_write(f))
        return 0;
    if (f->mode == _IONBF) {
        if (n > 0 && write(f->fd, p, n) != (ssize_t)n) {
            f->flags |= F_ERR;
            return 0;
        }
        return n;
    }
    while (done < n) {
        if (f->wlen == 0 && n - done >= f->size) {
            /* Bigger than the buffer: write it through. */
            if (write(f->fd, p + done, n - done) != (ssize_t)(n - done)) {
                f->flags |= F_ERR;
                return 0;
            }
            return n;
        }
        size_t k = f->size - f->wlen;
        if (k > n - done)
            k = n - done;
        memcpy(f->buf + f->wlen, p + done, k);
        f->wlen += k;
        done += k;
        if (f->wlen == f->size && __dx_flush(f) == EOF)
            return 0;
    }
    if (f->mode == _IOLBF && memchr(p, '\n', n) != NULL && __dx_flush(f) == EOF)
        return 0;
    return n;
}

int fputc(int c, FILE *f)
{
    unsigned char ch = (unsigned char)c;

    /* The common case: a buffered stream already writing, with room. */
    if ((f->flags & F_WRMODE) && f->mode != _IONBF && f->wlen + 1 < f->size) {
        f->buf[f->wlen++] = ch;
        if (ch == '\n' && f->mode == _IOLBF && __dx_flush(f) == EOF)
            return EOF;
        return ch;
    }
    return __dx_stream_write(f, &ch, 1) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);
    return __dx_stream_write(f, s, n) == n ? 0 : EOF;
}

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
    if (size == 0 || n == 0)
        return 0;
    if (n > SIZE_MAX / size) {
        errno = EOVERFLOW;
        f->flags |= F_ERR;
        return 0;
    }
    return __dx_stream_write(f, buf, size * n) / size;
}

/* ---- formatted output to streams and descriptors -------------------------- */

/* Output is gathered in a small buffer and handed on in pieces, so that an
 * unbuffered stream (stderr) or a descriptor gets a message in one write
 * when it fits. */
struct staged_sink {
    struct fmt_sink sink;
    FILE *f;                   /* the stream, or NULL for fd */
    int fd;
    bool failed;
    size_t len;
    char buf[256];
};

static void stage_flush(struct staged_sink *s)
{
    if (s->len == 0)
        return;
    if (s->f != NULL) {
        if (__dx_stream_write(s->f, s->buf, s->len) != s->len)
            s->failed = true;
    } else if (write(s->fd, s->buf, s->len) != (ssize_t)s->len) {
        s->failed = true;
    }
    s->len = 0;
}

static void stage_put(struct fmt_sink *sink, const char *p, size_t n)
{
    struct staged_sink *s = (struct staged_sink *)sink;

    while (n > 0) {
        size_t k = sizeof s->buf - s->len;
        if (k > n)
            k = n;
        memcpy(s->buf + s->len, p, k);
        s->len += k;
        p += k;
        n -= k;
        if (s->len == sizeof s->buf)
            stage_flush(s);
    }
}

static int staged_vformat(FILE *f, int fd, const char *fmt, va_list ap)
{
    struct staged_sink s = { .sink = { stage_put, 0 }, .f = f, .fd = fd };
    int r = __dx_vformat(&s.sink, fmt, ap);
    stage_flush(&s);
    return s.failed ? -1 : r;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return staged_vformat(f, -1, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    return staged_vformat(NULL, fd, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}
