/*
 * stdlib.h - memory, number conversion, sorting, the environment, and
 * ending the program.
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>
#include <sys/types.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX     0x7fffffff

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

/* memory: see malloc.c */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void  free(void *p);

/* numbers: see strtol.c */
long               strtol(const char *s, char **end, int base);
unsigned long      strtoul(const char *s, char **end, int base);
long long          strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double             strtod(const char *s, char **end);
int                atoi(const char *s);
long               atol(const char *s);
long long          atoll(const char *s);
double             atof(const char *s);
int                abs(int j);
long               labs(long j);
long long          llabs(long long j);
div_t              div(int num, int den);
ldiv_t             ldiv(long num, long den);
int                rand(void);
void               srand(unsigned seed);

/* sorting and searching: see qsort.c */
void  qsort(void *base, size_t n, size_t size,
            int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

/* the environment: see env.c */
char *getenv(const char *name);
int   setenv(const char *name, const char *value, int overwrite);
int   unsetenv(const char *name);
int   putenv(char *string);
int   clearenv(void);

/* the end: see exit.c */
int  atexit(void (*fn)(void));
void exit(int status) __attribute__((noreturn));
void _Exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));

#endif
