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
 * regex.c compiles the pattern to a small program, which regexec.c runs
 * by backtracking with an explicit stack (no recursion: user programs have
 * a small stack). Without back-references the matcher remembers which
 * (instruction, position) pairs it has already tried, which bounds its
 * work by program size x text length; with back-references the work can
 * grow exponentially on contrived patterns, as in other backtracking
 * implementations.
 *
 * The interface mirrors regcomp()/regexec(), so that these files can
 * become the C library's <regex.h> if more programs come to need it.
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

/* ---- internals shared by regex.c and regexec.c -------------------------- */

/* The machine. SPLIT x y: go on at x, and if that fails, at y. SAVE n:
 * slot n = the position (slots 2k and 2k+1 are where group k starts and
 * ends). MARK n / CHECK n: the body of loop n must have moved the
 * position, or it would go round for ever without progress. */
enum { RX_I_CHAR, RX_I_ANY, RX_I_SET, RX_I_ASSERT, RX_I_SPLIT, RX_I_JMP,
       RX_I_SAVE, RX_I_MARK, RX_I_CHECK, RX_I_BACKREF, RX_I_MATCH };

/* Zero-width assertions: ^ $ \b \B \< \>, and the two of grep -w. */
enum { RX_A_BOL, RX_A_EOL, RX_A_WORDB, RX_A_NWORDB, RX_A_WBEGIN, RX_A_WEND,
       RX_A_NOWORD_BEFORE, RX_A_NOWORD_AFTER };

struct rx_inst {
    unsigned char op;
    int x, y;
};

struct rx_frame {
    int pc;                    /* < 0: restore slot -pc-1 to pos */
    long pos;
};

typedef unsigned char rx_charset[32];

struct rx {
    int flags, nsub, nloops, nslots;
    struct rx_inst *prog;
    int nprog, cap;
    rx_charset *sets;
    int nsets, setcap;
    int has_backref;
    int bol;                   /* every match starts at offset 0 (a leading ^) */
    int any_first;             /* a match may start with any byte, or be empty */
    rx_charset first;          /* else: the bytes a match can start with */
    int first_byte;            /* the only byte in `first`, or -1 */
    /* scratch for rx_search */
    long *slots, *best;
    unsigned char *memo;
    size_t memo_bytes;
    struct rx_frame *stack;
    int stack_cap;
};

static inline int rx_in_set(const unsigned char *set, int c)
{
    return set[c >> 3] >> (c & 7) & 1;
}

static inline int rx_is_word(int c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_';
}

/* Grow *array (of *cap elements of `size` bytes) to hold n + 1 of them. */
int rx_grow(void *array, int *cap, int n, size_t size);

#endif
