/*
 * util.c - the small tools every other file of the shell uses: memory that
 * is never NULL, strings and word lists that grow, error messages, names
 * and numbers, and quoting a string so the shell can read it back.
 */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Out of memory: a shell cannot do anything useful any more. */
static void out_of_memory(void)
{
    static const char msg[] = "sh: out of memory\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* ---- strbuf ------------------------------------------------------------------ */

static void sb_grow(struct strbuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->len + more + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_addc(struct strbuf *b, char c)
{
    sb_addn(b, &c, 1);
}

void sb_adds(struct strbuf *b, const char *s)
{
    sb_addn(b, s, strlen(s));
}

char *sb_take(struct strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sb_free(struct strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ---- wordlist ----------------------------------------------------------------- */

void wl_add(struct wordlist *w, char *s)
{
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->v = xrealloc(w->v, (size_t)w->cap * sizeof *w->v);
    }
    w->v[w->n++] = s;
    w->v[w->n] = NULL;
}

void wl_free(struct wordlist *w)
{
    for (int i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
}

void strv_free(char **v)
{
    for (char **p = v; p && *p; p++)
        free(*p);
    free(v);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void wl_sort(struct wordlist *w, int from)
{
    if (w->n - from > 1)
        qsort(w->v + from, (size_t)(w->n - from), sizeof *w->v, cmp_str);
}

/* ---- messages ---------------------------------------------------------------- */

/* "sh: " and the message on stderr. Whatever the shell wrote to stdout
 * goes out first, so that `2>&1` keeps the order things happened in. */
void sh_error(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fflush(stdout);
    fprintf(stderr, "%s: %s\n", sh.bash ? "bash" : "sh", buf);
    fflush(stderr);
}

/* ---- names and numbers ------------------------------------------------------- */

bool is_name(const char *s, size_t n)
{
    if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return false;
    return true;
}

bool parse_int(const char *s, long *out)
{
    char *end;
    if (!*s)
        return false;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno)
        return false;
    *out = v;
    return true;
}

/* 'it'"'"'s', as dash writes it: single quotes protect everything but a
 * single quote, which goes in double quotes. */
char *shell_quote(const char *s)
{
    struct strbuf b = {0};
    if (!*s)
        sb_adds(&b, "''");
    while (*s) {
        size_t n = strcspn(s, "'");
        if (n) {
            sb_addc(&b, '\'');
            sb_addn(&b, s, n);
            sb_addc(&b, '\'');
            s += n;
        }
        n = strspn(s, "'");
        if (n) {
            sb_addc(&b, '"');
            sb_addn(&b, s, n);
            sb_addc(&b, '"');
            s += n;
        }
    }
    return sb_take(&b);
}

/* For `set` and `export -p`, whose output is read back as commands: a
 * value with a control character (a newline, a tab) is written as bash
 * does, $'...' with escapes, so that it stays on one line; in POSIX
 * mode, which has no $'...', in single quotes as ever. */
char *shell_quote_line(const char *s)
{
    bool plain = true;
    for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
        plain = *p >= 0x20 && *p != 0x7f;
    if (plain || sh.posix)
        return shell_quote(s);
    struct strbuf b = {0};
    sb_adds(&b, "$'");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *esc = NULL;
        switch (*p) {
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case '\\': esc = "\\\\"; break;
        case '\'': esc = "\\'"; break;
        }
        if (esc) {
            sb_adds(&b, esc);
        } else if (*p < 0x20 || *p == 0x7f) {
            char oct[8];
            snprintf(oct, sizeof oct, "\\%03o", *p);
            sb_adds(&b, oct);
        } else {
            sb_addc(&b, (char)*p);
        }
    }
    sb_addc(&b, '\'');
    return sb_take(&b);
}

/* Quoted only if the shell would read it otherwise (for set -x). */
char *shell_quote_if_needed(const char *s)
{
    bool plain = *s != '\0';
    for (const char *p = s; *p && plain; p++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789_./=:,@%+-", *p) != NULL;
    return plain ? xstrdup(s) : shell_quote(s);
}

/* An error of the kind that ends a non-interactive shell (POSIX 2.8.1:
 * a special builtin's error, an expansion error, a syntax error): the
 * message; then a script exits with the status, an interactive shell
 * abandons the command line. A special builtin run through `command` is
 * an ordinary one, whose error is only its status. */
void sh_fatal(int status, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sh_error("%s", buf);
    fatal_status(status);
}

/* sh_fatal without a message: the one already written. */
void fatal_status(int status)
{
    sh.status = status;
    if (sh.control == CTL_EXIT || sh.errors_demoted)
        return;
    if (sh.interactive) {
        sh.control = CTL_INTERRUPT;
    } else {
        sh.control = CTL_EXIT;
        sh.exit_status = status;
    }
}

int special_error(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sh_error("%s", buf);
    return special_failure();
}

int special_failure(void)
{
    if (bash_rules())
        return 1;
    fatal_status(2);
    return 2;
}
