/*
 * sed - the stream editor: edit each line of the input with a script.
 *
 *   sed [-nEs] [-i[SUFFIX]] [-l N] SCRIPT [FILE...]
 *   sed [-nEs] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE]... [FILE...]
 *
 * POSIX sed: addresses N, $, /RE/, \cREc, ADDR1,ADDR2 and !; the commands
 * { } a i c (both "a\" with text on the next lines and GNU's "a text"),
 * b t (labels, :LABEL), d D, g G h H x, l, n N, p P, q, r w, s, y, = and
 * #n on the first line. s takes the flags g p N w FILE and GNU's i (I)
 * and m (M); the replacement & \1..\9, \n, and GNU's \L \U \l \u \E.
 * GNU's extras: addresses FIRST~STEP, ADDR,+N, ADDR,~N, 0,/RE/, /RE/I;
 * the commands Q, T, z, F, and q/Q with an exit status; -E/-r, -i, -s,
 * -z (NUL-separated lines), -u (accepted), and the long option names.
 * \n and \t in a regular expression are a newline and a tab.
 *
 * Not supported: e, R, W, v and s///e (running commands), --posix, and
 * multibyte characters (the C locale). Errors in the script are reported
 * as GNU does: "sed: -e expression #1, char 3: unterminated `s' command",
 * status 1; an input file that cannot be read makes the status 2.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

/* ---- the script, parsed --------------------------------------------------- */

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

static struct cmd *cmds;
static int ncmds;
static int opt_quiet, opt_extended, opt_separate, opt_inplace, opt_null;
static const char *inplace_suffix;
static long line_width = 70;

/* Where the script text comes from, for error messages. */
static const char *src_name;   /* a -f file, or NULL for -e */
static int src_expr;
static const char *src_start;

static char *script;           /* all -e and -f text, joined by newlines */
static const char *sp;         /* the parser's place in it */

/* An error in the script, where the parser stands (as GNU counts: the
 * characters read so far); at = -1 for "where the parser stands". */
static void bad_at(long at, const char *msg)
{
    long len = (long)strlen(src_start) - 1;          /* the script ends "\n" */
    if (at < 0)
        at = sp - src_start < len ? (long)(sp - src_start) : len;
    if (src_name)
        errx(1, "file %s line %d: %s", src_name, 1, msg);
    errx(1, "-e expression #%d, char %ld: %s", src_expr, at, msg);
}

static void bad(const char *msg)
{
    bad_at(-1, msg);
}

/* ---- parsing ---------------------------------------------------------------- */

static void skip_blanks(void)
{
    while (*sp == ' ' || *sp == '\t')
        sp++;
}

/* Text up to an unescaped delim, moving sp past it. \DELIM becomes DELIM
 * and \n a newline (in a regex, \t a tab too); other escapes are kept for
 * regcomp or the replacement. In a regex's bracket expression the delim
 * is an ordinary character. */
static char *delimited(char delim, int regex, const char *what)
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

static regex_t *compile(const char *pattern, int flags)
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

static long number(void)
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

static char *file_name(void)
{
    skip_blanks();
    const char *start = sp;
    while (*sp && *sp != '\n')
        sp++;
    return xstrndup(start, (size_t)(sp - start));
}

static FILE *open_w(const char *name)
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

static void parse_s(struct cmd *c)
{
    char delim = *sp++;
    if (delim == '\0' || delim == '\n' || delim == '\\')
        bad("unterminated `s' command");
    char *pat = delimited(delim, 1, "unterminated `s' command");
    c->repl = delimited(delim, 0, "unterminated `s' command");
    int flags = 0;
    for (;;) {
        char f = *sp;
        if (f == 'g') c->global = 1;
        else if (f == 'p') c->print = 1;
        else if (f == 'i' || f == 'I') flags |= REG_ICASE;
        else if (f == 'm' || f == 'M') flags |= REG_NEWLINE;
        else if (isdigit((unsigned char)f)) {
            c->nth = (int)number();
            if (c->nth == 0)
                bad("number option to `s' command may not be zero");
            continue;
        } else if (f == 'w') {
            sp++;
            c->text = file_name();
            c->wfile = open_w(c->text);
            break;
        } else
            break;
        sp++;
    }
    c->re = compile(pat, flags);
    free(pat);
    for (const char *r = c->repl; *r; r++)
        if (*r == '\\' && r[1] && isdigit((unsigned char)*++r) && c->re &&
            (size_t)(*r - '0') > c->re->re_nsub) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid reference \\%c on `s' command's RHS", *r);
            bad(msg);
        }
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

static void parse_script(void)
{
    int *open = xmalloc((strlen(script) + 1) * sizeof *open), depth = 0;
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
        case '{': open[depth++] = ncmds; break;
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
        bad_at(0, "unmatched `{'");
    free(open);
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

/* ---- input --------------------------------------------------------------- */

struct buf {
    char *s;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static char **files;
static int nfiles, file_i;
static FILE *in;
static const char *in_name = "-";
static int status;
static long line_no;
static char *ahead;            /* the next line, read ahead to know the last */
static ssize_t ahead_len;
static size_t ahead_cap;
static int have_ahead;
static FILE *out;              /* stdout, or the -i temporary file */
static char *tmp_name;

static int open_next(void)
{
    while (file_i < nfiles) {
        const char *name = files[file_i++];
        if (strcmp(name, "-") == 0 && !opt_inplace) {
            in = stdin;
            in_name = "-";
            return 1;
        }
        struct stat st;
        if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
            fflush(out);
            warnx(opt_inplace ? "couldn't edit %s: not a regular file" : "read error on %s: Is a directory", name);
            status = opt_inplace ? 4 : 2;
            continue;
        }
        in = fopen(name, "r");
        if (!in) {
            fflush(out);
            warn("can't read %s", name);
            status = 2;
            continue;
        }
        in_name = name;
        return 1;
    }
    return 0;
}

static void start_inplace(void);
static void finish_inplace(void);

/* Read one line into ahead; opening the next file if may_open, which
 * with -s or -i only the start of each file allows. */
static void read_ahead(int may_open)
{
    have_ahead = 0;
    for (;;) {
        if (!in) {
            if (!may_open || !open_next())
                return;
            if (opt_inplace)
                start_inplace();
        }
        ahead_len = getdelim(&ahead, &ahead_cap, opt_null ? '\0' : '\n', in);
        if (ahead_len > 0) {
            have_ahead = 1;
            return;
        }
        if (in != stdin)
            fclose(in);
        in = NULL;
        if (opt_separate)
            return;
    }
}

/* The next line into ps (without its newline); 0 at the end. */
static int missing_nl;         /* the last line read had no newline */
static int read_line(struct buf *ps, int append)
{
    if (!have_ahead)
        return 0;
    char delim = opt_null ? '\0' : '\n';
    int nl = ahead[ahead_len - 1] == delim;
    if (!append)
        ps->len = 0;
    else
        buf_add(ps, &delim, 1);
    buf_add(ps, ahead, (size_t)ahead_len - (size_t)nl);
    missing_nl = !nl;
    line_no++;
    read_ahead(!opt_separate);
    return 1;
}

static int is_last(void)
{
    return !have_ahead;
}

/* ---- output ------------------------------------------------------------- */

static int out_missing_nl;

static void emit(FILE *f, const char *s, size_t n, int newline)
{
    if (f == out && out_missing_nl) {
        putc(opt_null ? '\0' : '\n', f);
        out_missing_nl = 0;
    }
    fwrite(s, 1, n, f);
    if (newline)
        putc(opt_null ? '\0' : '\n', f);
    else if (f == out)
        out_missing_nl = 1;
}

static void print_ps(FILE *f, const struct buf *ps)
{
    emit(f, ps->s, ps->len, !missing_nl);
}

/* l: the pattern space unambiguously, folded at width. */
static void list(const struct buf *ps, long width)
{
    if (width < 0)
        width = line_width;
    struct buf o = { 0 };
    long col = 0;
    for (size_t i = 0; i < ps->len; i++) {
        unsigned char c = (unsigned char)ps->s[i];
        static const char from[] = "\\\a\b\f\n\r\t\v", to[] = "\\abfnrtv";
        const char *e = c ? strchr(from, c) : NULL;
        char tmp[8];
        if (e) {
            tmp[0] = '\\', tmp[1] = to[e - from], tmp[2] = '\0';
        } else if (isprint(c)) {
            tmp[0] = (char)c, tmp[1] = '\0';
        } else {
            snprintf(tmp, sizeof tmp, "\\%03o", c);
        }
        long w = (long)strlen(tmp);
        if (width > 1 && col + w > width - 1) {
            buf_add(&o, "\\\n", 2);
            col = 0;
        }
        buf_add(&o, tmp, (size_t)w);
        col += w;
    }
    buf_add(&o, "$", 1);
    emit(out, o.s, o.len, 1);
    free(o.s);
}

/* What a, r and c queue for the end of the cycle. */
struct queued {
    int is_file;
    const char *text;
};
static struct queued *queue;
static int nqueue, queue_cap;

static void enqueue(int is_file, const char *text)
{
    if (nqueue == queue_cap)
        queue = xrealloc(queue, (size_t)(queue_cap = queue_cap * 2 + 4) * sizeof *queue);
    queue[nqueue++] = (struct queued){ is_file, text };
}

static void flush_queue(void)
{
    for (int i = 0; i < nqueue; i++) {
        if (!queue[i].is_file) {
            emit(out, queue[i].text, strlen(queue[i].text), 1);
            continue;
        }
        FILE *f = fopen(queue[i].text, "r");
        if (!f)
            continue;          /* POSIX: a file that cannot be read is ignored */
        char b[4096];
        size_t n;
        while ((n = fread(b, 1, sizeof b, f)) > 0) {
            emit(out, b, n, 0);
            out_missing_nl = b[n - 1] != '\n';
        }
        fclose(f);
    }
    nqueue = 0;
}

/* ---- in-place editing --------------------------------------------------- */

static void start_inplace(void)
{
    char *dir = xstrdup(in_name), *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        strcpy(dir, "");
    size_t n = strlen(dir) + 32;
    tmp_name = xmalloc(n);
    snprintf(tmp_name, n, "%ssed%ldXXXX", dir, (long)getpid());
    free(dir);
    char *x = strstr(tmp_name, "XXXX");
    for (int i = 0; i < 1000; i++) {
        snprintf(x, 5, "%04d", i);
        if (access(tmp_name, F_OK) != 0)
            break;
    }
    out = fopen(tmp_name, "w");
    if (!out)
        err(4, "couldn't open temporary file %s", tmp_name);
    struct stat st;
    if (stat(in_name, &st) == 0)
        chmod(tmp_name, st.st_mode & 07777);
    out_missing_nl = 0;
}

static void finish_inplace(void)
{
    if (!tmp_name)
        return;
    fclose(out);
    if (inplace_suffix && *inplace_suffix) {
        size_t n = strlen(in_name) + strlen(inplace_suffix) + 1;
        char *backup = xmalloc(n);
        snprintf(backup, n, "%s%s", in_name, inplace_suffix);
        rename(in_name, backup);
        free(backup);
    }
    if (rename(tmp_name, in_name) != 0)
        warn("cannot rename %s", tmp_name);
    free(tmp_name);
    tmp_name = NULL;
    out = stdout;
}

/* ---- running ------------------------------------------------------------ */

static regex_t *last_re;

/* Search the pattern space from `from` on (^ still means its start). */
static int re_exec(regex_t *re, const struct buf *ps, size_t from, regmatch_t *m, int nm)
{
    if (!re)
        re = last_re;
    if (!re)
        errx(1, "no previous regular expression");
    last_re = re;
    m[0].rm_so = (regoff_t)from;
    m[0].rm_eo = (regoff_t)ps->len;
    return regexec(re, ps->s ? ps->s : "", (size_t)nm, m, REG_STARTEND) == 0;
}

static int match_addr(struct addr *a, const struct buf *ps)
{
    regmatch_t m[1];
    switch (a->type) {
    case A_LINE: return line_no == a->n;
    case A_LAST: return is_last();
    case A_STEP: return a->step <= 0 ? line_no == a->n
                        : line_no >= a->n && (line_no - a->n) % a->step == 0;
    case A_RE: return re_exec(a->re, ps, 0, m, 1);
    case A_ZERO: return 0;
    default: return 1;
    }
}

static int selects(struct cmd *c, const struct buf *ps)
{
    int r;
    if (c->a1.type == A_NONE) {
        r = 1;
    } else if (c->a2.type == A_NONE) {
        r = match_addr(&c->a1, ps);
    } else if (c->active) {
        /* inside the range: does this line end it? */
        r = 1;
        switch (c->a2.type) {
        case A_RE: c->active = !match_addr(&c->a2, ps); break;
        case A_LAST: c->active = !is_last(); break;
        default: c->active = line_no < c->range_end; break;
        }
    } else if (match_addr(&c->a1, ps) || (c->a1.type == A_ZERO && line_no == 1 &&
                                          c->a2.type == A_RE)) {
        r = 1;
        c->active = 1;
        switch (c->a2.type) {
        case A_RE:
            if (c->a1.type == A_ZERO)
                c->active = !match_addr(&c->a2, ps);
            break;
        case A_LAST: c->active = !is_last(); break;
        case A_LINE: c->range_end = c->a2.n; c->active = line_no < c->range_end; break;
        case A_PLUS: c->range_end = line_no + c->a2.n; c->active = line_no < c->range_end; break;
        case A_MULT:
            c->range_end = c->a2.n <= 0 ? line_no
                           : (line_no + c->a2.n - 1) / c->a2.n * c->a2.n;
            c->active = line_no < c->range_end;
            break;
        }
    } else {
        r = 0;
    }
    return r != c->negate;
}

/* s: returns whether a substitution was made. */
static int substitute(struct cmd *c, struct buf *ps)
{
    regmatch_t m[10];
    struct buf o = { 0 };
    size_t from = 0;
    int count = 0, done = 0;
    buf_add(&o, "", 0);
    long prev_end = -1;        /* an empty match just after a match is none */
    while (from <= ps->len && re_exec(c->re, ps, from, m, 10)) {
        size_t so = (size_t)m[0].rm_so, eo = (size_t)m[0].rm_eo;
        if (so == eo && (long)so == prev_end) {
            if (so < ps->len)
                buf_add(&o, ps->s + so, 1);
            from = so + 1;
            prev_end = -1;
            continue;
        }
        prev_end = (long)eo;
        count++;
        buf_add(&o, ps->s + from, so - from);
        if (count >= (c->nth ? c->nth : 1) && (c->global || count == (c->nth ? c->nth : 1))) {
            int mode = 0, once = 0;      /* \U \L (mode), \u \l (once) */
            for (const char *r = c->repl; *r; r++) {
                const char *add = r;
                size_t n = 1;
                if (*r == '\\' && r[1]) {
                    r++;
                    if (*r >= '0' && *r <= '9') {
                        int k = *r - '0';
                        if (m[k].rm_so < 0)
                            continue;
                        add = ps->s + m[k].rm_so;
                        n = (size_t)(m[k].rm_eo - m[k].rm_so);
                    } else if (strchr("LUE", *r)) {
                        mode = *r == 'E' ? 0 : *r;
                        once = 0;
                        continue;
                    } else if (*r == 'l' || *r == 'u') {
                        once = *r;
                        continue;
                    } else if (*r == 't') {
                        add = "\t";
                    } else if (*r == 'n') {
                        add = "\n";
                    } else {
                        add = r;
                    }
                } else if (*r == '&') {
                    add = ps->s + so;
                    n = eo - so;
                } else if (*r == '\n') {
                    add = "\n";
                }
                for (size_t i = 0; i < n; i++) {
                    char ch = add[i];
                    if (mode == 'U') ch = (char)toupper((unsigned char)ch);
                    if (mode == 'L') ch = (char)tolower((unsigned char)ch);
                    if (once) {
                        ch = (char)(once == 'u' ? toupper((unsigned char)ch) : tolower((unsigned char)ch));
                        once = 0;
                    }
                    buf_add(&o, &ch, 1);
                }
            }
            done = 1;
        } else {
            buf_add(&o, ps->s + so, eo - so);
        }
        if (done && !c->global) {
            from = eo;
            break;
        }
        if (eo == so) {        /* an empty match: keep one character, go on */
            if (so < ps->len)
                buf_add(&o, ps->s + so, 1);
            from = so + 1;
        } else {
            from = eo;
        }
    }
    if (!done) {
        free(o.s);
        return 0;
    }
    if (from < ps->len)
        buf_add(&o, ps->s + from, ps->len - from);
    free(ps->s);
    *ps = o;
    return 1;
}

/* One cycle of the script over the pattern space; returns 1 to go on,
 * 0 to stop (q, Q, or input exhausted by n/N). *quit_status, *print
 * say how to stop. */
static struct buf hs;
static int run(struct buf *ps, int *autoprint, int *quit)
{
    int tflag = 0;
    char eol = opt_null ? '\0' : '\n';   /* what N, G and H put between lines */
    for (int pc = 0; pc < ncmds;) {
        struct cmd *c = &cmds[pc];
        if (c->name == '}' || c->name == ':') {
            pc++;
            continue;
        }
        if (!selects(c, ps)) {
            pc = c->name == '{' ? c->jump + 1 : pc + 1;
            continue;
        }
        switch (c->name) {
        case '{': break;
        case '=': {
            char num[24];
            emit(out, num, (size_t)snprintf(num, sizeof num, "%ld", line_no), 1);
            break;
        }
        case 'a': enqueue(0, c->text); break;
        case 'i': emit(out, c->text, strlen(c->text), 1); break;
        case 'c':
            if (!c->active || c->negate)
                emit(out, c->text, strlen(c->text), 1);
            *autoprint = 0;
            return 1;
        case 'b': pc = c->jump; continue;
        case 't': case 'T':
            if ((c->name == 't') == (tflag != 0)) {
                tflag = 0;
                pc = c->jump;
                continue;
            }
            tflag = 0;
            break;
        case 'd': *autoprint = 0; return 1;
        case 'D': {
            char *nl = memchr(ps->s, eol, ps->len);
            if (!nl) {
                *autoprint = 0;
                return 1;
            }
            size_t k = (size_t)(nl - ps->s) + 1;
            memmove(ps->s, ps->s + k, ps->len - k + 1);
            ps->len -= k;
            *autoprint = 0;
            return 2;          /* a new cycle without reading */
        }
        case 'g': ps->len = 0; buf_add(ps, hs.s ? hs.s : "", hs.len); break;
        case 'G': buf_add(ps, &eol, 1); buf_add(ps, hs.s ? hs.s : "", hs.len); break;
        case 'h': hs.len = 0; buf_add(&hs, ps->s ? ps->s : "", ps->len); break;
        case 'H': buf_add(&hs, &eol, 1); buf_add(&hs, ps->s ? ps->s : "", ps->len); break;
        case 'x': { struct buf t = *ps; *ps = hs; hs = t; if (!ps->s) buf_add(ps, "", 0); break; }
        case 'l': list(ps, c->width); break;
        case 'n':
            if (is_last()) {
                *quit = 1;
                return 0;
            }
            if (!opt_quiet)
                print_ps(out, ps);
            flush_queue();
            read_line(ps, 0);
            break;
        case 'N':
            if (is_last()) {
                *quit = 1;
                return 0;
            }
            flush_queue();
            read_line(ps, 1);
            break;
        case 'p': print_ps(out, ps); break;
        case 'P': {
            char *nl = memchr(ps->s, eol, ps->len);
            emit(out, ps->s, nl ? (size_t)(nl - ps->s) : ps->len, 1);
            break;
        }
        case 'q': *quit = 2 + c->status; return 0;
        case 'Q': *autoprint = 0; *quit = 2 + c->status; return 0;
        case 'r': enqueue(1, c->text); break;
        case 'w': print_ps(c->wfile, ps); break;
        case 's':
            if (substitute(c, ps)) {
                tflag = 1;
                if (c->print)
                    print_ps(out, ps);
                if (c->wfile)
                    print_ps(c->wfile, ps);
            }
            break;
        case 'y':
            for (size_t i = 0; i < ps->len; i++)
                ps->s[i] = (char)c->map[(unsigned char)ps->s[i]];
            break;
        case 'z': ps->len = 0; ps->s[0] = '\0'; break;
        case 'F': fprintf(out, "%s\n", in == stdin || !in ? "-" : in_name); break;
        }
        pc++;
    }
    return 1;
}

/* Every cycle over every line; returns q's or Q's exit status, or -1. */
static int process(void)
{
    struct buf ps = { 0 };
    buf_add(&ps, "", 0);
    do {                       /* once, or with -s and -i once a file */
        read_ahead(1);
        int quit = 0;
        while (!quit && read_line(&ps, 0)) {
            int again;
            do {
                int autoprint = !opt_quiet;
                again = run(&ps, &autoprint, &quit);
                if (autoprint)
                    print_ps(out, &ps);
                flush_queue();
            } while (again == 2 && !quit);
        }
        if (opt_inplace)
            finish_inplace();
        if (quit >= 2) {
            free(ps.s);
            return quit - 2;
        }
    } while (opt_separate && (file_i < nfiles || in));
    free(ps.s);
    return -1;
}

static void add_script(const char *text)
{
    size_t old = script ? strlen(script) : 0, n = strlen(text);
    script = xrealloc(script, old + n + 2);
    if (old)
        script[old - 1] = '\n';
    memcpy(script + old, text, n);
    strcpy(script + old + n, "\n");
}

static char *read_file(const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f)
        err(1, "couldn't open file %s", name);
    struct buf b = { 0 };
    char chunk[4096];
    size_t n;
    buf_add(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    if (f != stdin)
        fclose(f);
    if (b.len && b.s[b.len - 1] == '\n')
        b.s[--b.len] = '\0';
    return b.s;
}

static const struct option longopts[] = {
    { "quiet", no_argument, NULL, 'n' }, { "silent", no_argument, NULL, 'n' },
    { "expression", required_argument, NULL, 'e' }, { "file", required_argument, NULL, 'f' },
    { "in-place", optional_argument, NULL, 'i' }, { "line-length", required_argument, NULL, 'l' },
    { "regexp-extended", no_argument, NULL, 'E' }, { "separate", no_argument, NULL, 's' },
    { "null-data", no_argument, NULL, 'z' }, { "unbuffered", no_argument, NULL, 'u' },
    { NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
    int c, nscripts = 0;
    out = stdout;
    while ((c = getopt_long(argc, argv, "nrEe:f:i::l:suz", longopts, NULL)) != -1) {
        switch (c) {
        case 'n': opt_quiet = 1; break;
        case 'r': case 'E': opt_extended = 1; break;
        case 'e': add_script(optarg); nscripts++; break;
        case 'f': { char *t = read_file(optarg); add_script(t); free(t); nscripts++; break; }
        case 'i': opt_inplace = 1; opt_separate = 1; inplace_suffix = optarg; break;
        case 'l': line_width = atol(optarg); break;
        case 's': opt_separate = 1; break;
        case 'u': break;
        case 'z': opt_null = 1; break;
        default:
            fprintf(stderr, "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
    }
    if (nscripts == 0) {
        if (optind >= argc) {
            fprintf(stderr, "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
        add_script(argv[optind++]);
    }
    src_expr = 1;
    src_start = script;
    parse_script();
    static char *dash[] = { "-" };
    files = optind < argc ? argv + optind : dash;
    nfiles = optind < argc ? argc - optind : 1;
    if (opt_inplace && optind >= argc)
        errx(1, "no input files");
    int q = process();
    if (fflush(stdout) != 0)
        err(4, "couldn't flush stdout");
    return q >= 0 ? q : status;
}
