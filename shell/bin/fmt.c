/*
 * fmt - fill and join lines into paragraphs.
 *
 *   fmt [-w WIDTH | -WIDTH] [-s] [-u] [FILE...]
 *
 * As GNU's fmt in its simple form: paragraphs (separated by blank lines,
 * or by a change of indentation) are refilled into lines shorter than
 * WIDTH (75) columns, with their indentation; -s only splits long lines,
 * never joins. The spaces between the words of a line are kept; where
 * lines are joined, and everywhere under -u, one space parts words, two
 * follow a sentence's end (a word ending in . ? or ! at a line's end or
 * before two spaces).
 * The breaks are GNU's optimal fit: of all the ways to break a paragraph
 * into lines shorter than WIDTH, the one of least cost (see the costs
 * below), not the greedy one that fills each line in turn.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static long width = 75;
static int split_only, uniform;

/* A word of the paragraph, with what the choice of line breaks weighs. */
struct word {
    char *text;
    long len, space;        /* the spaces written after it on a line */
    int period, punct, final, paren;
    long long best;         /* the least cost of the lines from here on */
    long next;              /* where the best line starting here ends */
    long line_len;          /* the length of that line */
};
static struct word *words;
static long nwords, cap;
static long indent = -1;        /* the paragraph's, in columns */
static int tabs;                /* the input has tabs: so will the output */
static long out_col;

/* Columns advance to the next multiple of 8 at a tab. */
static long blank_width(const char *s, size_t n, long col)
{
    for (size_t i = 0; i < n; i++)
        col = s[i] == '\t' ? (tabs = 1, (col / 8 + 1) * 8) : col + 1;
    return col;
}

/* Blanks up to n columns on: tabs where they reach a tab stop, if the
 * input had tabs (as GNU fmt), then spaces. */
static void put_space(long n)
{
    long target = out_col + n;
    if (tabs && out_col + 1 < target / 8 * 8)
        while (out_col < target / 8 * 8) {
            putchar('\t');
            out_col = (out_col / 8 + 1) * 8;
        }
    for (; out_col < target; out_col++)
        putchar(' ');
}

/* The costs of GNU fmt's optimal fit: a line is the better the closer it
 * comes to the goal (93% of the width) and to the length of the next;
 * a break after a sentence or punctuation is good, after one word of a
 * sentence or before its last word bad. */
#define SQR(n) ((long long)(n) * (n))
#define SHORT_COST(n) SQR((n) * 10)
#define RAGGED_COST(n) (SHORT_COST(n) / 2)
#define LINE_COST SQR(70)
#define WIDOW_COST(n) (SQR(200) / ((n) + 2))
#define ORPHAN_COST(n) (SQR(150) / ((n) + 2))
#define SENTENCE_BONUS SQR(50)
#define NOBREAK_COST SQR(600)
#define PAREN_BONUS SQR(40)
#define PUNCT_BONUS SQR(40)

/* The cost of a line of length len ending before word next. */
static long long line_cost(long next, long len)
{
    if (next == nwords)
        return 0;           /* the last line may be as short as it likes */
    long goal = width * 187 / 200;
    long long cost = SHORT_COST(goal - len);
    if (words[next].next != nwords)
        cost += RAGGED_COST(len - words[next].line_len);
    return cost;
}

/* The cost of starting a line with word i. */
static long long base_cost(long i)
{
    long long cost = LINE_COST;
    if (i > 0) {
        if (words[i - 1].period)
            cost += words[i - 1].final ? -SENTENCE_BONUS : NOBREAK_COST;
        else if (words[i - 1].punct)
            cost -= PUNCT_BONUS;
        else if (i > 1 && words[i - 2].final)
            cost += WIDOW_COST(words[i - 1].len);
    }
    if (words[i].paren)
        cost -= PAREN_BONUS;
    else if (words[i].final)
        cost += ORPHAN_COST(words[i].len);
    return cost;
}

/* From the last word back, the best place to end a line starting at
 * each word; a line is shorter than the width unless it is one word. */
static void choose_breaks(long ind1, long ind2)
{
    for (long start = nwords - 1; start >= 0; start--) {
        long long best = -1;
        long len = (start == 0 ? ind1 : ind2) + words[start].len;
        for (long w = start + 1;; w++) {
            long long cost = line_cost(w, len) + (w < nwords ? words[w].best : 0);
            if (best < 0 || cost < best) {
                best = cost;
                words[start].next = w;
                words[start].line_len = len;
            }
            if (w == nwords)
                break;
            len += words[w - 1].space + words[w].len;
            if (len >= width)
                break;
        }
        words[start].best = best + base_cost(start);
    }
}

static void flush_paragraph(void)
{
    if (nwords == 0)
        return;
    /* the paragraph's end is a sentence's end */
    words[nwords - 1].period = words[nwords - 1].final = 1;
    choose_breaks(indent, indent);
    for (long i = 0; i < nwords;) {
        out_col = 0;
        put_space(indent);
        long end = words[i].next;
        for (long j = i; j < end; j++) {
            fputs(words[j].text, stdout);
            out_col += words[j].len;
            if (j + 1 < end)
                put_space(words[j].space);
        }
        putchar('\n');
        i = end;
    }
    for (long i = 0; i < nwords; i++)
        free(words[i].text);
    nwords = 0;
    indent = -1;
}

static void add_word(const char *start, size_t len, const char *after, long col)
{
    if (nwords == cap)
        words = xrealloc(words, (size_t)(cap = cap * 2 + 64) * sizeof *words);
    struct word *w = &words[nwords++];
    memset(w, 0, sizeof *w);
    w->text = xstrndup(start, len);
    w->len = (long)len;
    w->paren = strchr("(['`\"", start[0]) != NULL;
    size_t e = len;
    while (e > 1 && strchr(")]'\"", start[e - 1]))
        e--;                /* a sentence may end inside brackets or quotes */
    w->period = strchr(".?!", start[e - 1]) != NULL;
    w->punct = ispunct((unsigned char)start[len - 1]);
    size_t blanks = strspn(after, " \t");
    long spaces = blank_width(after, blanks, col) - col;
    w->final = w->period && (after[blanks] == '\0' || spaces > 1);
    /* The spaces between words on a line are kept; at a line's end, or
     * with -u, there are two after the end of a sentence, one otherwise. */
    w->space = uniform || after[blanks] == '\0' ? 1 + w->final : spaces;
}

static void add_words(const char *s)
{
    long col = 0;
    while (*s) {
        size_t blanks = strspn(s, " \t");
        col = blank_width(s, blanks, col);
        s += blanks;
        const char *start = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
        col += s - start;
        if (s > start)
            add_word(start, (size_t)(s - start), s, col);
    }
}

static void process(FILE *f)
{
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    long lines_in_para = 0;
    tabs = 0;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        size_t ind = strspn(line, " \t");
        long col = blank_width(line, ind, 0);
        if (line[ind] == '\0') {
            flush_paragraph();
            lines_in_para = 0;
            putchar('\n');
            continue;
        }
        if (split_only) {
            /* each line is a paragraph, written once the next line's
             * blanks are read (they may bring the first tab) */
            flush_paragraph();
            indent = col;
            add_words(line);
            continue;
        }
        if (lines_in_para > 0 && indent != col) {
            /* a new indentation starts a new paragraph */
            flush_paragraph();
            lines_in_para = 0;
        }
        if (lines_in_para == 0)
            indent = col;
        add_words(line);
        lines_in_para++;
    }
    flush_paragraph();
    free(line);
}

int main(int argc, char **argv)
{
    int i = 1, status = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (argv[i][1] >= '0' && argv[i][1] <= '9')
            width = atol(argv[i] + 1);
        else if (!strcmp(argv[i], "-w") && i + 1 < argc)
            width = atol(argv[++i]);
        else if (!strncmp(argv[i], "-w", 2))
            width = atol(argv[i] + 2);
        else if (!strcmp(argv[i], "-s"))
            split_only = 1;
        else if (!strcmp(argv[i], "-u"))
            uniform = 1;
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else
            errx(1, "invalid option -- '%s'", argv[i] + 1);
    }
    if (width < 1)
        errx(1, "invalid width");
    if (i >= argc)
        process(stdin);
    for (; i < argc; i++) {
        FILE *f = open_operand(argv[i]);
        if (!f) {
            warn("cannot open '%s' for reading", argv[i]);
            status = 1;
            continue;
        }
        process(f);
        if (f != stdin)
            fclose(f);
    }
    free(words);
    return fflush(stdout) != 0 || status;
}
