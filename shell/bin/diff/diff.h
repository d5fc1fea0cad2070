/*
 * diff.h - what the parts of diff share.
 *
 * main.c reads the command line and walks files and directories; lines.c
 * reads a file into lines and gives every distinct line (under -b -w -i)
 * a number, its class; analyze.c finds which lines changed, as GNU diff
 * chooses them; output.c writes the changes in the format asked for.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>
#include <sys/stat.h>

struct line {
    const char *s;
    size_t len;                /* without the newline */
};

struct file {
    const char *name;
    char *data;
    struct line *lines;
    long n;
    int no_newline;            /* the last line has none */
    struct stat st;
    long *cls;                 /* the class of each line */
    char *changed;             /* changed[-1..n]: whether line i changed; 0 at both ends */
};

/* Options that more than one part reads. */
extern int opt_b, opt_w, opt_i, opt_B, opt_minimal, opt_strip_cr;
extern int style;              /* 0 normal, 'c' context, 'u' unified, 'e' ed, 'f' line formats */
extern long context;
extern const char *labels[2];
extern int nlabels;
extern const char *line_format[3];   /* old, new, unchanged (--*-line-format) */
extern const char *function_re;      /* -F: the pattern of a function's first line */

/* lines.c */
int read_file(struct file *f, const char *name, int missing_ok);
void classify(struct file *a, struct file *b);
void free_file(struct file *f);

/* analyze.c: set a->changed and b->changed */
void analyze(struct file *a, struct file *b);

/* output.c */
void print_changes(struct file *a, struct file *b);
int any_change(const struct file *a, const struct file *b);

#endif
