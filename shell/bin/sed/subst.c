/*
 * subst.c - sed's s command: s/RE/REPLACEMENT/FLAGS parsed (the flags
 * g p N w FILE, and GNU's i and m), and run over the pattern space: each
 * match, or the Nth, or from the Nth on with g, replaced by the
 * replacement with & and \1..\9 filled in and GNU's case conversions
 * (\U \L until \E, \u \l for one character).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sed.h"

void parse_s(struct cmd *c)
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

/* s: returns whether a substitution was made. */
int substitute(struct cmd *c, struct buf *ps)
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
