/*
 * expand.h - what word expansion (expand.c) shares with the operators of
 * ${...} (brace.c): the characters of a word being expanded, each with
 * flags, and where the walk stands.
 */
#ifndef DUPLEX_SH_EXPAND_H
#define DUPLEX_SH_EXPAND_H

#include "sh.h"

enum {
    F_QUOTED = 1,   /* inside quotes: literal */
    F_SPLIT  = 2,   /* from an unquoted expansion: may be split */
    F_BREAK  = 4,   /* zero-width: a field ends here ("$@") */
    F_QMARK  = 8,   /* zero-width: quotes were here, so "" is a field */
};

struct expansion {
    struct strbuf chars, flags;     /* one flag byte per character */
    bool at_empty;                  /* "$@" with no parameters was here */
};

/* Where a walk stands. */
struct ctx {
    bool dq;                /* inside double quotes */
    bool heredoc;           /* a here-document: quotes are ordinary */
    bool brace;             /* the word of ${x-word} */
    bool assign;            /* an assignment's value: ~ after each : */
    bool arith;             /* $((...)): no ~ */
    bool word;              /* the word of ${x-word}, quoted or not */
};

void add(struct expansion *ex, const char *s, size_t n, char flag);
void mark(struct expansion *ex, char flag);
char value_flag(struct ctx c);              /* how an expansion's result is added */
void add_positional(struct expansion *ex, char kind, struct ctx c);   /* $@ $* */
void add_fields(struct expansion *ex, char kind, char **v, int n, struct ctx c);
bool walk(struct expansion *ex, const char *s, size_t len, struct ctx c);
char *expand_string(const char *raw, size_t len, struct ctx c, bool pattern);
/* brace.c: ${...} whose inside is s[0..len) */
bool brace(struct expansion *ex, const char *s, size_t len, struct ctx c);
bool unset_error(const char *name, size_t n);    /* set -u: always false */

#endif
