/*
 * regex.h - the small regular-expression engine shared by grep and expr.
 *
 * POSIX basic (BRE) and extended (ERE) regular expressions, in the C
 * locale, with GNU's common extensions:
 *
 *   BRE   .  [...]  *  \{m,n\}  \(...\)  \1..\9  ^  $   and  \+ \? \|
 *   ERE   .  [...]  * + ?  {m,n}  (...)  |  ^  $   and  \1..\9
 *   both  [:alpha:] and the other classes, [=c=] [.c.], \w \W \s \S,
 *         \< \> \b \B (word boundaries), \c for a literal c
 *
 * A match is the leftmost-longest one, as POSIX asks; among equally long
 * matches the subexpressions are those of the first alternative tried
 * (greedy repetition, alternatives left to right).
 *
 * The pattern is compiled to a small program run by a backtracking
 * matcher with an explicit stack (no recursion: user programs have a
 * small stack). Without back-references it remembers which (instruction,
 * position) pairs it has already tried, which bounds its work by
 * program size x text length; with back-references the work can grow
 * exponentially on contrived patterns, as in every POSIX implementation.
 *
 * The interface mirrors regcomp()/regexec(), so that this file can become
 * the C library's <regex.h> if more programs come to need it.
 */
#ifndef DUPLEX_BIN_REGEX_H
#define DUPLEX_BIN_REGEX_H

#include <stddef.h>

/* Compilation flags. */
#define RX_EXTENDED 0x01   /* ERE; BRE without it */
#define RX_ICASE    0x02   /* ignore the case of letters */
#define RX_WORD     0x04   /* the match must not touch a word character (grep -w) */
#define RX_LINE     0x08   /* the match must be the whole text (grep -x) */

typedef struct rx rx_t;

/* Where a match or subexpression lies: bytes [start, end); -1 and -1 for
 * a subexpression that took no part in the match. */
typedef struct {
    long start, end;
} rx_span;

/* Compile pattern. Returns NULL, with *error set to a message such as
 * "Unmatched ( or \\(", when the pattern is invalid (or memory runs out). */
rx_t *rx_compile(const char *pattern, int flags, const char **error);

/* How many \( \) (or ( )) subexpressions the pattern has. */
int rx_nsub(const rx_t *re);

/* Search text[0..len) for the leftmost-longest match; with `anchored`,
 * only a match starting at offset 0 counts. Fills spans[0] with the
 * match and spans[1..nspans-1] with the subexpressions; spans may be NULL
 * (nspans 0) when only the answer matters, which is faster. Returns 1 on
 * a match, 0 on none, -1 when memory runs out. */
int rx_search(rx_t *re, const char *text, size_t len, int anchored,
              rx_span *spans, int nspans);

void rx_free(rx_t *re);

#endif
