/*
 * run.c - running sed's script: the addresses that select a line (line
 * numbers, $, regular expressions, GNU's FIRST~STEP, and the ranges
 * between two, which remember that they are open), one cycle of the
 * commands over the pattern space, and the cycles over the whole input.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include "sed.h"

static regex_t *last_re;

/* Search the pattern space from `from` on (^ still means its start). */
int re_exec(regex_t *re, const struct buf *ps, size_t from, regmatch_t *m, int nm)
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
int process(void)
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
