/*
 * script.c - sed's parser: the script's text into cmds[], one command
 * each, with its addresses; { and } and the labels of b, t and T become
 * jumps. Errors stop the program with GNU's message, which says where
 * the parser stands ("-e expression #1, char 3: ...", "file F line 2:
 * ...").
 */
#include <ctype.h>
#include <err.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "sed.h"

struct cmd *cmds;
int ncmds;
const char *sp;

/*
 * An error in the script at `at`, said as GNU says it: for a -e text its
 * number among them and the characters of it read so far (capped at its
 * length), or 0 for an unmatched `{' (GNU's count once it has read all);
 * for a -f file the line `at` is on.
 */
static void bad_at(const char *at, bool unmatched, const char *msg)
{
    int i = nsources - 1;
    while (i > 0 && script + sources[i].start > at)
        i--;
    const char *start = script + sources[i].start;
    const char *end = i + 1 < nsources ? script + sources[i + 1].start - 1
                                       : script + strlen(script) - 1;
    if (at > end)
        at = end;
    if (sources[i].file) {
        int line = 1;
        for (const char *p = start; p < at; p++)
            line += *p == '\n';
        errx(1, "file %s line %d: %s", sources[i].file, line, msg);
    }
    int expr = 0;
    for (int j = 0; j <= i; j++)
        expr += sources[j].file == NULL;
    errx(1, "-e expression #%d, char %ld: %s", expr, unmatched ? 0L : (long)(at - start), msg);
}

void bad(const char *msg)
{
    bad_at(sp, false, msg);
}

static void skip_blanks(void)
{
    while (*sp == ' ' || *sp == '\t')
        sp++;
}

/* Text up to an unescaped delim, moving sp past it. \DELIM becomes DELIM
 * and \n a newline (in a regex, \t a tab too); other escapes are kept for
 * regcomp or the replacement. In a regex's bracket expression the delim
 * is an ordinary character. */
char *delimited(char delim, int regex, const char *what)
{
    size_t cap = 64, n = 0;
    char *out = xmalloc(cap);
    int in_bracket = 0;
    for (;;) {
        if (n + 3 > cap)
            out = xrealloc(out, cap *= 2);
        char c = *sp;
        if (c == '\0') {
            free(out);
            bad(what);
        }
        if (regex && c == '[' && !in_bracket && delim != '[') {
            in_bracket = 1;
            out[n++] = *sp++;
            if (*sp == '^')
                out[n++] = *sp++;
            if (*sp == ']')
                out[n++] = *sp++;
            continue;
        }
        if (in_bracket) {
            if (c == '[' && (sp[1] == ':' || sp[1] == '.' || sp[1] == '=')) {
                const char *end = strstr(sp + 2, (char[]){ sp[1], ']', 0 });
                if (end) {
                    while (sp < end + 2) {
                        if (n + 3 > cap)
                            out = xrealloc(out, cap *= 2);
                        out[n++] = *sp++;
                    }
                    continue;
                }
            }
            if (c == ']')
                in_bracket = 0;
            if (c == '\\' && sp[1] == 'n') {
                out[n++] = '\n';
                sp += 2;
                continue;
            }
            out[n++] = *sp++;
            continue;
        }
        if (c == delim) {
            sp++;
            break;
        }
        if (c == '\\') {
            char d = sp[1];
            if (d == '\0') {
                free(out);
                bad(what);
            }
            sp += 2;
            if (d == delim && delim != '\n')
                out[n++] = d;
            else if (d == 'n')
                out[n++] = '\n';
            else if (d == 't' && regex)
                out[n++] = '\t';
            else if (d == '\n')
                out[n++] = '\n';
            else {
                out[n++] = '\\';
                out[n++] = d;
            }
            continue;
        }
        out[n++] = *sp++;
    }
    out[n] = '\0';
    return out;
}

regex_t *compile(const char *pattern, int flags)
{
    if (*pattern == '\0')
        return NULL;           /* the last regular expression used */
    regex_t *re = xmalloc(sizeof *re);
    int r = regcomp(re, pattern, (opt_extended ? REG_EXTENDED : 0) | flags);
    if (r != 0) {
        char msg[100];
        regerror(r, re, msg, sizeof msg);
        bad(msg);
    }
    return re;
}

/* RE flags after an address: I (ignore case), M (multi-line). */
static int re_flags(void)
{
    int flags = 0;
    for (;; sp++) {
        if (*sp == 'I')
            flags |= REG_ICASE;
        else if (*sp == 'M')
            flags |= REG_NEWLINE;
        else
            return flags;
    }
}

long number(void)
{
    long n = 0;
    while (isdigit((unsigned char)*sp))
        n = n * 10 + (*sp++ - '0');
    return n;
}

static int parse_addr(struct addr *a)
{
    if (isdigit((unsigned char)*sp)) {
        a->n = number();
        a->type = A_LINE;
        if (*sp == '~') {
            sp++;
            a->step = number();
            a->type = A_STEP;
        } else if (a->n == 0) {
            a->type = A_ZERO;
        }
        return 1;
    }
    if (*sp == '$') {
        sp++;
        a->type = A_LAST;
        return 1;
    }
    if (*sp == '/' || *sp == '\\') {
        char delim = *sp == '/' ? '/' : sp[1];
        sp += *sp == '/' ? 1 : 2;
        char *pat = delimited(delim, 1, "unterminated address regex");
        a->re = compile(pat, re_flags());
        free(pat);
        a->type = A_RE;
        return 1;
    }
    return 0;
}

/* The rest of the line, for a label or a file name. */
static char *to_eol(void)
{
    skip_blanks();
    const char *start = sp;
    while (*sp && *sp != '\n' && *sp != ';')
        sp++;
    const char *end = sp;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    return xstrndup(start, (size_t)(end - start));
}

char *file_name(void)
{
    skip_blanks();
    const char *start = sp;
    while (*sp && *sp != '\n')
        sp++;
    return xstrndup(start, (size_t)(sp - start));
}

FILE *open_w(const char *name)
{
    if (strcmp(name, "/dev/stdout") == 0)
        return stdout;
    if (strcmp(name, "/dev/stderr") == 0)
        return stderr;
    /* the same file named twice is one stream */
    for (int i = 0; i < ncmds; i++)
        if (cmds[i].wfile && cmds[i].text && strcmp(cmds[i].text, name) == 0)
            return cmds[i].wfile;
    FILE *f = fopen(name, "w");
    if (!f)
        err(4, "couldn't open file %s", name);
    return f;
}

/* a, i, c: "a\" NEWLINE TEXT, or GNU's "a TEXT"; lines ending in a
 * backslash go on. */
static char *text_arg(void)
{
    skip_blanks();
    if (*sp == '\\') {
        sp++;
        skip_blanks();
        if (*sp == '\n')
            sp++;
    }
    size_t cap = 64, n = 0;
    char *out = xmalloc(cap);
    while (*sp && *sp != '\n') {
        if (n + 2 > cap)
            out = xrealloc(out, cap *= 2);
        if (*sp == '\\' && sp[1]) {
            sp++;
            out[n++] = *sp++;
            continue;
        }
        out[n++] = *sp++;
    }
    out[n] = '\0';
    return out;
}

static void parse_y(struct cmd *c)
{
    char delim = *sp++;
    char *from = delimited(delim, 0, "unterminated `y' command");
    char *to = delimited(delim, 0, "unterminated `y' command");
    /* delimited() kept other escapes: only \\ is left to resolve */
    char *lists[2] = { from, to };
    for (int k = 0; k < 2; k++) {
        char *o = lists[k];
        for (char *p = lists[k]; *p; p++)
            *o++ = (*p == '\\' && p[1] == '\\') ? *++p : *p;
        *o = '\0';
    }
    if (strlen(from) != strlen(to))
        bad("strings for `y' command are different lengths");
    for (int i = 0; i < 256; i++)
        c->map[i] = (unsigned char)i;
    for (size_t i = 0; from[i]; i++)
        c->map[(unsigned char)from[i]] = (unsigned char)to[i];
    free(from);
    free(to);
}

void parse_script(void)
{
    int *open = xmalloc((strlen(script) + 1) * sizeof *open), depth = 0;
    const char **open_at = xmalloc((strlen(script) + 1) * sizeof *open_at);
    int cap = 16;
    cmds = xmalloc((size_t)cap * sizeof *cmds);
    sp = script;
    for (;;) {
        while (*sp == ' ' || *sp == '\t' || *sp == '\n' || *sp == ';')
            sp++;
        if (*sp == '\0')
            break;
        if (*sp == '#') {
            if (sp == script && sp[1] == 'n' && (sp[2] == '\n' || sp[2] == '\0'))
                opt_quiet = 1;
            while (*sp && *sp != '\n')
                sp++;
            continue;
        }
        if (ncmds == cap)
            cmds = xrealloc(cmds, (size_t)(cap *= 2) * sizeof *cmds);
        struct cmd *c = &cmds[ncmds];
        memset(c, 0, sizeof *c);
        if (parse_addr(&c->a1)) {
            skip_blanks();
            if (*sp == ',') {
                sp++;
                skip_blanks();
                if (*sp == '+' || *sp == '~') {
                    c->a2.type = *sp++ == '+' ? A_PLUS : A_MULT;
                    c->a2.n = number();
                } else if (!parse_addr(&c->a2) || c->a2.type == A_ZERO) {
                    bad("unexpected `,'");
                }
                if (c->a2.type == A_STEP)           /* N~M as an end: a line */
                    c->a2.type = A_LINE;
            }
            if (c->a1.type == A_ZERO && c->a2.type != A_RE)
                bad("invalid usage of line address 0");
        }
        skip_blanks();
        while (*sp == '!') {
            c->negate = 1;
            sp++;
            skip_blanks();
        }
        c->name = *sp ? *sp++ : '\0';
        switch (c->name) {
        case '{': open_at[depth] = sp - 1; open[depth++] = ncmds; break;
        case '}':
            if (depth == 0)
                bad("unexpected `}'");
            if (c->a1.type)
                bad("} doesn't want any addresses");
            cmds[open[--depth]].jump = ncmds;
            break;
        case 'a': case 'i': case 'c': c->text = text_arg(); break;
        case ':':
            if (c->a1.type)
                bad(": doesn't want any addresses");
            c->text = to_eol();
            if (!*c->text)
                bad("\":\" lacks a label");
            break;
        case 'b': case 't': case 'T': c->text = to_eol(); break;
        case 'r': c->text = file_name(); break;
        case 'w': c->text = file_name(); c->wfile = open_w(c->text); break;
        case 'q': case 'Q': skip_blanks(); c->status = (int)number(); break;
        case 'l': case 'L': skip_blanks(); c->width = isdigit((unsigned char)*sp) ? number() : -1; break;
        case 's': parse_s(c); break;
        case 'y': parse_y(c); break;
        case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n':
        case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
            break;
        case '\0': bad("missing command");
        default: {
            char msg[32];
            snprintf(msg, sizeof msg, "unknown command: `%c'", c->name);
            bad(msg);
        }
        }
        ncmds++;
        skip_blanks();
        if (*sp == '}' || *sp == '#')
            continue;
        if (*sp && *sp != ';' && *sp != '\n' && strchr("{aicbtT:rw", c->name) == NULL)
            bad("extra characters after command");
    }
    if (depth)
        bad_at(open_at[depth - 1], true, "unmatched `{'");
    free(open);
    free(open_at);
    /* labels */
    for (int i = 0; i < ncmds; i++) {
        if (!strchr("btT", cmds[i].name))
            continue;
        cmds[i].jump = ncmds;
        if (!*cmds[i].text)
            continue;
        int j;
        for (j = 0; j < ncmds; j++)
            if (cmds[j].name == ':' && strcmp(cmds[j].text, cmds[i].text) == 0)
                break;
        if (j == ncmds)
            errx(1, "can't find label for jump to `%s'", cmds[i].text);
        cmds[i].jump = j;
    }
}
