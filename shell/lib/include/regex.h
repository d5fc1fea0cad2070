/*
 * regex.h - POSIX regular expressions: regcomp, regexec, regerror,
 * regfree (regcomp.c compiles, regexec.c matches).
 *
 * Basic (BRE) and extended (ERE, with REG_EXTENDED) expressions in the C
 * locale, with GNU's common extensions: \+ \? \| in a BRE; \w \W \s \S;
 * \b \B \< \> \` \' (boundaries); back-references \1..\9 in both. The
 * whole match is the leftmost-longest one, as POSIX asks; among equally
 * long matches the subexpressions are those of the first alternative
 * tried (greedy repetition, alternatives left to right).
 *
 * The flag and error values are glibc's, and so are regerror's texts.
 * REG_STARTEND works as in glibc: pmatch[0] on entry delimits the text,
 * offsets stay relative to the string, and ^ matches only at its start.
 */
#ifndef _REGEX_H
#define _REGEX_H

#include <stddef.h>

typedef long regoff_t;

typedef struct {
    size_t re_nsub;            /* how many parenthesised subexpressions */
    void *__re;                /* the compiled program (struct rx) */
    int __cflags;
} regex_t;

typedef struct {
    regoff_t rm_so, rm_eo;     /* [start, end), or -1 for no part in the match */
} regmatch_t;

/* regcomp's flags */
#define REG_EXTENDED 1
#define REG_ICASE    2
#define REG_NEWLINE  4
#define REG_NOSUB    8

/* regexec's flags */
#define REG_NOTBOL   1
#define REG_NOTEOL   2
#define REG_STARTEND 4

/* errors */
#define REG_NOMATCH  1
#define REG_BADPAT   2
#define REG_ECOLLATE 3
#define REG_ECTYPE   4
#define REG_EESCAPE  5
#define REG_ESUBREG  6
#define REG_EBRACK   7
#define REG_EPAREN   8
#define REG_EBRACE   9
#define REG_BADBR    10
#define REG_ERANGE   11
#define REG_ESPACE   12
#define REG_BADRPT   13
#define REG_EEND     14
#define REG_ESIZE    15
#define REG_ERPAREN  16

int    regcomp(regex_t *preg, const char *pattern, int cflags);
int    regexec(const regex_t *preg, const char *string, size_t nmatch,
               regmatch_t pmatch[], int eflags);
size_t regerror(int errcode, const regex_t *preg, char *buf, size_t size);
void   regfree(regex_t *preg);

#endif
