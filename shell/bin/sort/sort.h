/*
 * sort.h - what the files of sort share: the keys and options that
 * main.c reads from the command line, and a line as the others see it.
 *
 *   main.c     the options, reading the input, -c, the output
 *   order.c    the keys of a line, the order of two lines, the merge sort
 *   formats.c  how two keys compare under each letter: text (-f, -b),
 *              numbers (-n), with units (-h), as strtod reads them (-g),
 *              versions (-V, util/order.c), random (-R)
 */
#ifndef SORT_H
#define SORT_H

#include <limits.h>
#include <stddef.h>

#define MAX_KEYS 16

enum { FOLD = 1, NUMERIC = 2, REVERSE = 4, BLANKS = 8, HUMAN = 16, VERSION = 32, RANDOM = 64,
       GENERAL = 128 };

struct key {
    long sfield, schar;        /* start: 1-based field and character */
    long efield, echar;        /* end: 0 = end of line / of the field */
    int flags, sblank, eblank;
};

struct line {
    const char *s;
    size_t len;
    long long num;             /* sort -n of whole lines: the value, or NO_NUM */
};

/* A line's number, read once: most numbers are integers of at most 18
 * digits (a fraction of only zeros counts as none), which fit in a long
 * long and compare as one. Others (fractions, longer numbers) are NO_NUM,
 * a value no such number has, and compare digit by digit. Reading every
 * line's number at every comparison used to be most of sort -n's time. */
#define NO_NUM LLONG_MIN

/* The options (main.c). */
extern struct key keys[MAX_KEYS];
extern int nkeys, gflags, stable, unique;
extern int tab;                /* -t character, or -1 for blank runs */
extern char eol;               /* what ends a line: -z makes it NUL */
extern unsigned long long salt; /* -R: what makes this run's order its own */

static inline int blank(int c)
{
    return c == ' ' || c == '\t';
}

/* order.c */
int by_number_only(void);
int compare_keys(const struct line *a, const struct line *b);
int compare(const struct line *a, const struct line *b);
int order(const struct line *a, const struct line *b);
void merge_sort(struct line *v, struct line *tmp, size_t n);

/* formats.c */
long long number_key(const char *s, const char **end);
int text_compare(const struct line *a, const struct line *b, int fold);
int compare_with(const struct line *a, const struct line *b, int flags);

#endif
