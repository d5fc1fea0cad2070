/*
 * stdio_impl.h - the inside of a FILE, shared by stdio.c (opening,
 * buffering, flushing, seeking) and stdio_io.c (reading and writing).
 *
 * A stream has one buffer and is, at any moment, reading (unread bytes in
 * buf[rpos..rend)), writing (bytes to write in buf[0..wlen)), or neither.
 * Switching direction flushes pending output, or gives back unread input
 * by seeking the descriptor back. An unbuffered stream uses a one-byte
 * buffer, so it reads one byte per read() and writes through at once.
 */
#ifndef DUPLEX_STDIO_IMPL_H
#define DUPLEX_STDIO_IMPL_H

#include <stdio.h>
#include "libc.h"

#define F_READ    0x01      /* opened for reading */
#define F_WRITE   0x02      /* opened for writing */
#define F_EOF     0x04      /* end of file seen (sticky until clearerr) */
#define F_ERR     0x08      /* an error happened (sticky until clearerr) */
#define F_OWNBUF  0x10      /* buf was malloc'd here */
#define F_STATIC  0x20      /* stdin, stdout, stderr: never freed */
#define F_WRMODE  0x40      /* currently writing */

#define MODE_UNSET (-1)     /* buffering not yet decided (see setup) */

struct __dx_file {
    int fd;
    unsigned flags;
    int mode;                  /* _IOFBF, _IOLBF, _IONBF or MODE_UNSET */
    unsigned char *buf;        /* NULL until the first I/O */
    size_t size;               /* its size; 0: BUFSIZ */
    size_t rpos, rend;         /* reading */
    size_t wlen;               /* writing */
    int ungot;                 /* a byte pushed back by ungetc, or EOF */
    unsigned char onebyte;     /* the buffer of an unbuffered stream */
    struct __dx_file *next;    /* the list of open streams */
};

/* Prepare f for reading or writing: false (with F_ERR set) if it cannot. */
bool __dx_to_read(FILE *f);
bool __dx_to_write(FILE *f);

/* Write f's buffer out: 0, or EOF on an error. */
int __dx_flush(FILE *f);

/* read() for f: first flush the line-buffered output streams (so that a
 * prompt shows before the program waits), then read, setting F_EOF or
 * F_ERR. Returns the count, 0 at end of file or on an error. */
size_t __dx_read_raw(FILE *f, void *p, size_t n);

/* Give n bytes to f (buffered as f's mode says). Returns n, or 0 if an
 * error happened (F_ERR is then set). */
size_t __dx_stream_write(FILE *f, const void *p, size_t n);

#endif
