/*
 * stdio.h - buffered streams and formatted output.
 *
 * stdout is line-buffered when it is a terminal and fully buffered
 * otherwise; stderr is unbuffered; everything is flushed by exit(). Reading
 * from a stream first flushes the line-buffered output streams, so a prompt
 * without a newline shows before the program waits for input.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <sys/types.h>
#include "../../../kernel/uapi/fcntl.h"     /* SEEK_SET.. */

typedef struct __dx_file FILE;
typedef off_t fpos_t;

#define EOF          (-1)
#define BUFSIZ       4096
#define FILENAME_MAX 1024
#define FOPEN_MAX    64
#define _IOFBF       0
#define _IOLBF       1
#define _IONBF       2

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

/* opening and closing */
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int   fclose(FILE *f);
int   fflush(FILE *f);                 /* NULL: every output stream */
int   setvbuf(FILE *f, char *buf, int mode, size_t size);
void  setbuf(FILE *f, char *buf);
int   fileno(FILE *f);
int   fseek(FILE *f, long off, int whence);
int   fseeko(FILE *f, off_t off, int whence);
long  ftell(FILE *f);
off_t ftello(FILE *f);
void  rewind(FILE *f);
int   feof(FILE *f);
int   ferror(FILE *f);
void  clearerr(FILE *f);

/* characters, lines and blocks */
int     fgetc(FILE *f);
int     getc(FILE *f);
int     getchar(void);
int     ungetc(int c, FILE *f);
char   *fgets(char *s, int n, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
int     fputc(int c, FILE *f);
int     putc(int c, FILE *f);
int     putchar(int c);
int     fputs(const char *s, FILE *f);
int     puts(const char *s);
size_t  fread(void *buf, size_t size, size_t n, FILE *f);
size_t  fwrite(const void *buf, size_t size, size_t n, FILE *f);

/* formatted output: see printf.c for the conversions */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, __builtin_va_list ap);
int vfprintf(FILE *f, const char *fmt, __builtin_va_list ap);
int vdprintf(int fd, const char *fmt, __builtin_va_list ap);
int vsprintf(char *buf, const char *fmt, __builtin_va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, __builtin_va_list ap);

/* formatted input from strings: see scanf.c */
int sscanf(const char *s, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int vsscanf(const char *s, const char *fmt, __builtin_va_list ap);

/* errors and files */
void perror(const char *s);
int  rename(const char *oldpath, const char *newpath);
int  remove(const char *path);

#endif
