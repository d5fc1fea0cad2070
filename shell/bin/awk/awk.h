/*
 * awk.h - the pattern scanning language, as POSIX describes it: what the
 * files of this directory share.
 *
 *   lex.c      the tokens of the program text
 *   parse.c    a recursive-descent parser building a tree of nodes
 *   run.c      the interpreter: statements and expressions
 *   value.c    values (numbers, strings, "numeric strings"), variables,
 *              arrays, fields and records, regular expressions
 *   builtin.c  the built-in functions, printf, getline and the I/O streams
 *   main.c     the command line: -F -v -f, ARGV, BEGIN, the input, END
 */
#ifndef AWK_H
#define AWK_H

#include <regex.h>
#include <stdio.h>
#include "../util/util.h"

/* ---- values ------------------------------------------------------------ */

enum { V_UNINIT, V_NUM, V_STR, V_STRNUM };

struct cell {
    int type;
    double num;                /* V_NUM, V_STRNUM */
    char *str;                 /* V_STR, V_STRNUM (owned); NULL otherwise */
};

struct array;

/* A variable: a scalar, or an array; a function's parameter may stand for
 * the caller's variable (ref) until it is used as one or the other. */
struct var {
    struct cell c;
    struct array *arr;
    struct var *ref;
};

double num_of(const struct cell *c);
/* The string of c (CONVFMT for a number); valid until c changes. */
const char *str_of(struct cell *c);
const char *str_fmt(struct cell *c, const char *fmt);  /* OFMT for print */
void cell_set_num(struct cell *c, double n);
void cell_set_str(struct cell *c, const char *s);          /* copies */
void cell_set_strn(struct cell *c, const char *s, size_t n);
void cell_set_strnum(struct cell *c, const char *s, size_t n); /* input: may be numeric */
void cell_copy(struct cell *dst, const struct cell *src);
void cell_free(struct cell *c);
int  cell_true(struct cell *c);
int  cell_compare(struct cell *a, struct cell *b);
int  looks_numeric(const char *s);

struct array *array_new(void);
struct cell *array_get(struct array *a, const char *key, int create);
int  array_delete(struct array *a, const char *key);
void array_clear(struct array *a);
void array_free(struct array *a);
int  array_count(struct array *a);
/* The keys, in the order they were added (malloc'd, NULL-terminated). */
char **array_keys(struct array *a);

/* ---- the special variables and the record -------------------------------- */

enum { SV_NR, SV_FNR, SV_NF, SV_FS, SV_OFS, SV_ORS, SV_RS, SV_FILENAME, SV_SUBSEP,
       SV_RSTART, SV_RLENGTH, SV_CONVFMT, SV_OFMT, SV_ENVIRON, SV_ARGC, SV_ARGV, SV_COUNT };

extern struct var *globals;
extern int nglobals;
extern const char *const special_names[SV_COUNT];

int  global_index(const char *name);     /* creates it */
struct var *special(int sv);

void record_set(const char *s, size_t n);          /* $0 = ..., from input */
struct cell *field(long i);                        /* $i, splitting as needed */
void field_assigned(long i);                       /* $i changed: rebuild $0 */
void nf_assigned(void);                            /* NF changed */
long nf(void);
int  split_into(const char *s, struct array *a, struct cell *fs, regex_t *re);

regex_t *regex_of(const char *s);                  /* compiled and cached */
int  re_match(regex_t *re, const char *s, regmatch_t *m);

/* ---- the program ------------------------------------------------------- */

enum {
    /* expressions */
    N_NUM, N_STR, N_REGEX, N_VAR, N_LOCAL, N_FIELD, N_INDEX, N_ASSIGN, N_COND, N_AND,
    N_OR, N_NOT, N_NEG, N_PLUS, N_BINARY, N_CMP, N_MATCH, N_CONCAT, N_IN, N_INCDEC,
    N_CALL, N_BUILTIN, N_GETLINE, N_GROUP,
    /* statements */
    S_EXPR, S_PRINT, S_PRINTF, S_IF, S_WHILE, S_DO, S_FOR, S_FORIN, S_BLOCK, S_NEXT,
    S_NEXTFILE, S_EXIT, S_RETURN, S_BREAK, S_CONTINUE, S_DELETE, S_GETLINE,
};

struct node {
    int type, op;
    struct node *a, *b, *c, *d;
    struct node *next;         /* in a list: statements, arguments */
    double num;
    char *str;
    regex_t *re;
    int index;                 /* variable, parameter, function or built-in */
};

struct func {
    char *name;
    int nparams;
    char **params;
    struct node *body;
    int defined;
};

struct rule {
    struct node *pattern, *pattern2;   /* pattern2: the end of a range */
    struct node *action;               /* NULL: print $0 */
    int in_range;
};

extern struct rule *rules;
extern int nrules;
extern struct node *begin_actions, *end_actions;   /* lists of blocks */
extern struct func *funcs;
extern int nfuncs;

/* ---- lexing and parsing ----------------------------------------------------- */

enum {
    T_EOF = 256, T_NEWLINE, T_NUMBER, T_STRING, T_ERE, T_NAME, T_FUNC_NAME, T_BUILTIN,
    T_BEGIN, T_END, T_FUNCTION, T_IF, T_ELSE, T_WHILE, T_FOR, T_DO, T_BREAK, T_CONTINUE,
    T_NEXT, T_NEXTFILE, T_EXIT, T_RETURN, T_DELETE, T_IN, T_GETLINE, T_PRINT, T_PRINTF,
    T_AND, T_OR, T_EQ, T_NE, T_LE, T_GE, T_APPEND, T_NOMATCH, T_INCR, T_DECR,
    T_ADD_ASSIGN, T_SUB_ASSIGN, T_MUL_ASSIGN, T_DIV_ASSIGN, T_MOD_ASSIGN, T_POW_ASSIGN,
};

/* built-in functions */
enum { B_LENGTH, B_SUBSTR, B_INDEX, B_SPLIT, B_SUB, B_GSUB, B_MATCH, B_SPRINTF, B_SIN,
       B_COS, B_ATAN2, B_EXP, B_LOG, B_SQRT, B_INT, B_RAND, B_SRAND, B_TOLOWER,
       B_TOUPPER, B_SYSTEM, B_CLOSE, B_FFLUSH };

struct token {
    int type;
    char *text;                /* NAME, STRING (unescaped), ERE, FUNC_NAME */
    double num;
    int builtin;
};

void lex_init(const char *program);
void lex_next(struct token *t);
int  lex_line(void);

void parse_program(const char *text);
void awk_error(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* ---- running ----------------------------------------------------------------- */

void run_stmt(struct node *s);
void skip_file(void);          /* nextfile: the rest of this input file */
void run_begin(void);
void run_main(void);           /* every record */
void run_end(void);
extern int exit_code, exiting;

void eval(struct node *n, struct cell *out);
struct cell *lvalue(struct node *n);               /* where n is stored */
struct array *array_of(struct node *n);            /* n names an array */
void assigned(struct node *n);                     /* after storing into lvalue(n) */

void call_builtin(struct node *n, struct cell *out);
void do_getline(struct node *n, struct cell *out);
void do_print(struct node *n);
void do_printf(struct node *n);
void format(struct node *args, struct cell *fmt, struct cell *out);   /* sprintf */
FILE *output_stream(int kind, const char *name);   /* '>' T_APPEND '|' */
int  read_record(FILE *f, char **buf, size_t *cap, size_t *len);
int  next_main_record(void);   /* the next record of the main input into $0 */
void close_all(void);
void flush_all(void);

#endif
