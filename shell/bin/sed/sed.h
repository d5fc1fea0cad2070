/*
 * sed.h - the stream editor: what the files of this directory share.
 *
 *   main.c     the command line, the script's text (-e, -f), the result
 *   script.c   the parser: addresses, commands, labels, into cmds[]
 *   subst.c    the s command: its flags, and the substitution with its
 *              replacement (& \1..\9, \L \U \l \u \E)
 *   run.c      the addresses and ranges that select a line, the commands
 *              run over the pattern space, the cycle
 *   io.c       the input (files, the line read ahead to know the last),
 *              the output (a, r and c queued for the end of a cycle, l)
 *              and -i's editing in place
 */
#ifndef SED_H
#define SED_H

#include <regex.h>
#include <stdio.h>
#include <sys/types.h>
#include "../util/util.h"

/* The pattern space, the hold space, and other growing strings. */
struct buf {
    char *s;
    size_t len, cap;
};

/* ---- the script, parsed ------------------------------------------------ */

enum { A_NONE, A_LINE, A_LAST, A_RE, A_STEP, A_ZERO, A_PLUS, A_MULT };

struct addr {
    int type;
    long n, step;
    regex_t *re;               /* NULL for //: the last one used */
};

struct cmd {
    struct addr a1, a2;
    int negate, active;        /* active: inside the range */
    long range_end;            /* A_PLUS/A_MULT/A_LINE: the last line of the range */
    char name;
    char *text;                /* a i c: text; b t T: label; r w: file name */
    FILE *wfile;               /* w, s///w */
    int jump;                  /* { : past its }; b t T: the target */
    regex_t *re;               /* s (NULL: the last RE used) */
    char *repl;
    int global, nth, print, status;
    unsigned char map[256];    /* y */
    long width;                /* l */
};

extern struct cmd *cmds;
extern int ncmds;
extern int opt_quiet, opt_extended, opt_separate, opt_inplace, opt_null;
extern const char *inplace_suffix;
extern long line_width;

/* The script's text (main.c joins the -e and -f texts, each ending in a
 * newline); where each text starts in it, for the messages. */
extern char *script;
struct source {
    size_t      start;         /* its offset in script */
    const char *file;          /* a -f file, or NULL for -e */
};
extern struct source *sources;
extern int nsources;

/* script.c: the parser, and what the parser of s (subst.c) uses of it. */
extern const char *sp;         /* the parser's place in the script */
void parse_script(void);
void bad(const char *msg);
char *delimited(char delim, int regex, const char *what);
regex_t *compile(const char *pattern, int flags);
long number(void);
char *file_name(void);
FILE *open_w(const char *name);

/* subst.c */
void parse_s(struct cmd *c);
int substitute(struct cmd *c, struct buf *ps);

/* ---- the input and the output (io.c) ----------------------------------- */

void buf_add(struct buf *b, const char *s, size_t n);

extern char **files;           /* the operands, "-" if none */
extern int nfiles, file_i;
extern FILE *in;
extern const char *in_name;
extern int status;             /* the exit status, unless q or Q says */
extern long line_no;
extern FILE *out;              /* stdout, or the -i temporary file */

void read_ahead(int may_open);
int read_line(struct buf *ps, int append);
int is_last(void);
void emit(FILE *f, const char *s, size_t n, int newline);
void print_ps(FILE *f, const struct buf *ps);
void list(const struct buf *ps, long width);
void enqueue(int is_file, const char *text);
void flush_queue(void);
void finish_inplace(void);

/* ---- running (run.c) --------------------------------------------------- */

int re_exec(regex_t *re, const struct buf *ps, size_t from, regmatch_t *m, int nm);
int process(void);

#endif
