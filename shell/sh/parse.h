/*
 * parse.h - what the two halves of the parser share: parse.c (tokens,
 * aliases, simple commands, pipelines and lists) and parse_compound.c
 * (if, while, for, case, groups, and bash's [[ ]], (( )), function).
 */
#ifndef DUPLEX_SH_PARSE_H
#define DUPLEX_SH_PARSE_H

#include "sh.h"

/* Text an alias put in the source, where that alias is not expanded again. */
struct alias_region {
    char  *name;
    size_t start, end;
};

struct parser {
    struct lexer lx;
    struct token tok;       /* the lookahead */
    bool   have;
    size_t last_end;        /* where the last consumed token ended */
    enum parse_result result;
    char  *owned;           /* the source with aliases replaced, once one was */
    long   delta;           /* how much longer that made it */
    struct alias_region regions[32];
    int    nregions;
    bool   alias_next;      /* an alias ended with a blank: try the next word too */
    size_t alias_next_pos;  /* ... the word that starts past this */
};

struct token *peek(struct parser *p);
void consume(struct parser *p);
char *take_word(struct parser *p);          /* the lookahead word, now the caller's */
bool is_word(struct parser *p, const char *w);
bool at_list_end(struct parser *p);
bool alias_after_blank(struct parser *p);
void *syntax_error(struct parser *p);
bool expect_word(struct parser *p, const char *w);
void skip_newlines(struct parser *p);
void set_text(struct parser *p, struct node *n, size_t start);
bool parse_redirects(struct parser *p, struct node *n);
struct node *parse_list(struct parser *p, bool multiline);
struct node *parse_cmd(struct parser *p);
void list_add(struct node *list, struct node *item, bool bg);

/* parse_compound.c */
struct node *parse_body(struct parser *p);
struct node *parse_compound(struct parser *p);
struct node *parse_arith_command(struct parser *p);
struct node *parse_dbracket(struct parser *p, size_t start);
struct node *parse_function_keyword(struct parser *p, size_t start);

#endif
