/*
 * regex_impl.h - the inside of the C library's regular expressions
 * (<regex.h> says what they accept): the program regcomp.c compiles and
 * regexec.c runs.
 *
 *   BRE   .  [...]  *  \{m,n\}  \(...\)  \1..\9  ^  $   and  \+ \? \|
 *   ERE   .  [...]  * + ?  {m,n}  (...)  |  ^  $   and  \1..\9
 *   both  [:alpha:] and the other classes, [=c=] [.c.], \w \W \s \S,
 *         \< \> \b \B \` \' (boundaries), \c for a literal c
 *
 * regex.c compiles the pattern to a small program, which regexec.c runs
 * by backtracking with an explicit stack (no recursion: user programs have
 * a small stack). Without back-references the matcher remembers which
 * (instruction, position) pairs it has already tried, which bounds its
 * work by program size x text length; with back-references the work can
 * grow exponentially on contrived patterns, as in other backtracking
 * implementations.
 */
#ifndef DUPLEX_REGEX_IMPL_H
#define DUPLEX_REGEX_IMPL_H

#include <stddef.h>
#include <regex.h>

typedef struct rx rx_t;

/* ---- internals shared by regex.c and regexec.c -------------------------- */

/* The machine. SPLIT x y: go on at x, and if that fails, at y. SAVE n:
 * slot n = the position (slots 2k and 2k+1 are where group k starts and
 * ends). MARK n / CHECK n: the body of loop n must have moved the
 * position, or it would go round for ever without progress. */
enum { RX_I_CHAR, RX_I_ANY, RX_I_SET, RX_I_ASSERT, RX_I_SPLIT, RX_I_JMP,
       RX_I_SAVE, RX_I_MARK, RX_I_CHECK, RX_I_BACKREF, RX_I_MATCH };

/* Zero-width assertions: ^ $ \b \B \< \> \` \'. */
enum { RX_A_BOL, RX_A_EOL, RX_A_WORDB, RX_A_NWORDB, RX_A_WBEGIN, RX_A_WEND,
       RX_A_BUFSTART, RX_A_BUFEND };

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
    int cflags, nsub, nloops, nslots;
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

/* Search text[from..len) for the leftmost-longest match (regexec's
 * eflags say whether text[0] starts a line and text[len] ends one), or
 * without `longest` for any match. Fills re->best[]; returns 1 on a
 * match, 0 on none, -1 when memory runs out. */
int rx_search(rx_t *re, const char *text, long from, long len, int eflags, int longest);

/* Grow *array (of *cap elements of `size` bytes) to hold n + 1 of them. */
int rx_grow(void *array, int *cap, int n, size_t size);

#endif
