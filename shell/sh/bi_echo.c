/*
 * bi_echo.c - echo and printf as builtins, as in dash, and the backslash
 * escapes they and $'...' understand.
 *
 * echo is dash's (and POSIX's XSI echo): the only option is -n, and
 * backslash escapes are always interpreted - \c ends the output. (bash's
 * -e is not an option here: `echo -e x` prints "-e x", as dash does.)
 * Started as bash (main.c), echo is bash's: options -n -e -E, in any
 * group (-ne), and escapes only with -e; `set -o posix` brings dash's back.
 * Being builtins, they see SIGPIPE like any loop of the shell:
 * `while :; do echo y; done | head -n 1` ends.
 */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void add_utf8(struct strbuf *b, unsigned long c)
{
    if (c < 0x80) {
        sb_addc(b, (char)c);
    } else if (c < 0x800) {
        sb_addc(b, (char)(0xc0 | (c >> 6)));
        sb_addc(b, (char)(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
        sb_addc(b, (char)(0xe0 | (c >> 12)));
        sb_addc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
        sb_addc(b, (char)(0x80 | (c & 0x3f)));
    } else {
        sb_addc(b, (char)(0xf0 | (c >> 18)));
        sb_addc(b, (char)(0x80 | ((c >> 12) & 0x3f)));
        sb_addc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
        sb_addc(b, (char)(0x80 | (c & 0x3f)));
    }
}

static const char simple_escapes[] = "a\ab\be\033E\033f\fn\nr\rt\tv\v\\\\'\'\"\"??";

/* bash's $'...': \n and friends, \NNN octal, \xHH, \uHHHH, \UHHHHHHHH, \cX. */
size_t c_escape(const char *s, size_t len, size_t i, struct strbuf *b)
{
    char c = s[i + 1];
    i += 2;
    for (const char *e = simple_escapes; *e; e += 2) {
        if (*e == c) {
            sb_addc(b, e[1]);
            return i;
        }
    }
    if (c >= '0' && c <= '7') {
        int v = c - '0';
        for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++)
            v = v * 8 + (s[i++] - '0');
        sb_addc(b, (char)v);
        return i;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
        int max = c == 'x' ? 2 : c == 'u' ? 4 : 8, k = 0;
        unsigned long v = 0;
        for (; k < max && i < len && hex_digit(s[i]) >= 0; k++)
            v = v * 16 + (unsigned long)hex_digit(s[i++]);
        if (!k) {
            sb_addc(b, '\\');
            sb_addc(b, c);
        } else if (c == 'x') {
            sb_addc(b, (char)v);
        } else {
            add_utf8(b, v);
        }
        return i;
    }
    if (c == 'c' && i < len) {
        sb_addc(b, (char)(s[i++] & 0x1f));
        return i;
    }
    sb_addc(b, '\\');
    sb_addc(b, c);
    return i;
}

/* dash's escapes, for echo and printf's %b (octal as \0NNN or \NNN) and
 * printf's format (octal as \NNN). false: \c, stop all output. */
static bool dash_escapes(const char *s, struct strbuf *b, bool zero_octal)
{
    while (*s) {
        if (*s != '\\' || !s[1]) {
            sb_addc(b, *s++);
            continue;
        }
        char c = s[1];
        s += 2;
        if (c == 'c')
            return false;
        const char *e = simple_escapes;
        for (; *e; e += 2)
            if (*e == c && c != '\'' && c != '"' && c != '?' && c != 'E')
                break;
        if (*e) {
            sb_addc(b, e[1]);
        } else if (c >= '0' && c <= '7') {
            int v = 0, max = 3;
            if (c == '0' && zero_octal)
                ;                           /* \0NNN: up to three more */
            else
                v = c - '0', max = 2;
            for (int k = 0; k < max && *s >= '0' && *s <= '7'; k++)
                v = v * 8 + (*s++ - '0');
            sb_addc(b, (char)v);
        } else {
            sb_addc(b, '\\');
            sb_addc(b, c);
        }
    }
    return true;
}

static int write_out(const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n)
        return 1;
    if (fflush(stdout) != 0) {
        sh_error("write error: %s", strerror(errno));
        clearerr(stdout);
        return 1;
    }
    return 0;
}

/* bash's echo -e: $'...''s escapes, but octal is \0NNN only, and \c ends
 * the output (false) rather than naming a control character. */
static bool bash_escapes(const char *s, struct strbuf *b)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        if (s[i] != '\\' || i + 1 == len) {
            sb_addc(b, s[i++]);
            continue;
        }
        char c = s[i + 1];
        if (c == 'c')
            return false;
        if (c == '0') {
            int v = 0;
            i += 2;
            for (int k = 0; k < 3 && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (s[i++] - '0');
            sb_addc(b, (char)v);
        } else if (strchr("'\"?1234567", c)) {
            sb_addc(b, '\\');
            sb_addc(b, c);
            i += 2;
        } else {
            i = c_escape(s, len, i, b);
        }
    }
    return true;
}

/* bash's options: each argument made only of n, e and E after a dash. */
static int bash_echo_options(char **argv, bool *newline, bool *escapes)
{
    int i = 1;
    for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strspn(argv[i] + 1, "neE") != strlen(argv[i] + 1))
            break;
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'n')
                *newline = false;
            else
                *escapes = *o == 'e';
        }
    }
    return i;
}

int bi_echo(char **argv)
{
    int i = 1;
    bool newline = true, bash = bash_rules(), escapes = !bash;
    if (bash) {
        i = bash_echo_options(argv, &newline, &escapes);
    } else if (argv[1] && strcmp(argv[1], "-n") == 0) {
        newline = false;
        i++;
    }
    struct strbuf b = {0};
    bool go_on = true;
    for (; argv[i] && go_on; i++) {
        if (!escapes)
            sb_adds(&b, argv[i]);
        else
            go_on = bash ? bash_escapes(argv[i], &b) : dash_escapes(argv[i], &b, true);
        if (go_on && argv[i + 1])
            sb_addc(&b, ' ');
    }
    if (go_on && newline)
        sb_addc(&b, '\n');
    int r = write_out(b.s ? b.s : "", b.len);
    sb_free(&b);
    return r;
}

/* ---- printf ----------------------------------------------------------------------- */

struct pf {
    char **args;
    int    status;
    bool   stop;            /* \c in a %b argument */
    struct strbuf out;
};

static const char *next_arg(struct pf *p)
{
    return *p->args ? *p->args++ : NULL;
}

static intmax_t number_arg(struct pf *p, bool is_unsigned)
{
    const char *s = next_arg(p);
    if (!s || !*s)
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return (unsigned char)s[1];
    char *end;
    errno = 0;
    intmax_t v = is_unsigned ? (intmax_t)strtoumax(s, &end, 0) : strtoimax(s, &end, 0);
    if (end == s) {
        sh_error("printf: %s: expected numeric value", s);
        p->status = 1;
    } else if (*end) {
        sh_error("printf: %s: not completely converted", s);
        p->status = 1;
    } else if (errno == ERANGE) {
        sh_error("printf: %s: %s", s, strerror(errno));
        p->status = 1;
    }
    return v;
}

static double float_arg(struct pf *p)
{
    const char *s = next_arg(p);
    if (!s || !*s)
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return (unsigned char)s[1];
    char *end;
    double v = strtod(s, &end);
    if (*end) {
        sh_error("printf: %s: %s", s, end == s ? "expected numeric value"
                                                 : "not completely converted");
        p->status = 1;
    }
    return v;
}

static void emit(struct pf *p, const char *spec, ...) __attribute__((format(printf, 2, 3)));
static void emit(struct pf *p, const char *spec, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, spec);
    int n = vsnprintf(buf, sizeof buf, spec, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof buf) {
        sb_addn(&p->out, buf, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, spec);
    vsnprintf(big, (size_t)n + 1, spec, ap);
    va_end(ap);
    sb_addn(&p->out, big, (size_t)n);
    free(big);
}

/* One directive at f ('%'); returns the position after it, NULL on error. */
static const char *directive(struct pf *p, const char *f, bool *used_arg)
{
    char spec[64];
    size_t n = 0;
    const char *start = f;
    spec[n++] = *f++;
    while (*f && strchr("-+ #0", *f) && n < 20)
        spec[n++] = *f++;
    for (int part = 0; part < 2; part++) {
        if (part == 1) {
            if (*f != '.')
                break;
            spec[n++] = *f++;
        }
        if (*f == '*') {
            int v = (int)number_arg(p, false);
            *used_arg = true;
            n += (size_t)snprintf(spec + n, sizeof spec - n, "%d", v);
            f++;
        } else {
            while (isdigit((unsigned char)*f) && n < 40)
                spec[n++] = *f++;
        }
    }
    char conv = *f;
    if (!conv || !strchr("diouxXcsbeEfFgGaA%", conv)) {
        sh_error("printf: %.*s: invalid directive", (int)(f - start + (conv != 0)), start);
        p->status = 1;
        return NULL;
    }
    f++;
    if (conv == '%') {
        sb_addc(&p->out, '%');
        return f;
    }
    *used_arg = true;
    switch (conv) {
    case 'd': case 'i':
        strcpy(spec + n, "jd");
        emit(p, spec, number_arg(p, false));
        break;
    case 'o': case 'u': case 'x': case 'X':
        spec[n++] = 'j';
        spec[n++] = conv;
        spec[n] = '\0';
        emit(p, spec, (uintmax_t)number_arg(p, true));
        break;
    case 'c': {
        const char *s = next_arg(p);
        strcpy(spec + n, "c");
        emit(p, spec, s && *s ? *s : '\0');
        break;
    }
    case 's': {
        const char *s = next_arg(p);
        strcpy(spec + n, "s");
        emit(p, spec, s ? s : "");
        break;
    }
    case 'b': {
        const char *s = next_arg(p);
        struct strbuf b = {0};
        if (!dash_escapes(s ? s : "", &b, true))
            p->stop = true;
        strcpy(spec + n, "s");
        emit(p, spec, b.s ? b.s : "");
        sb_free(&b);
        break;
    }
    default:
        spec[n++] = conv;
        spec[n] = '\0';
        emit(p, spec, float_arg(p));
        break;
    }
    return f;
}

/* The format once; false: stop (an error or \c). */
static bool format_once(struct pf *p, const char *f, bool *used_arg)
{
    while (*f && !p->stop) {
        if (*f == '%') {
            f = directive(p, f, used_arg);
            if (!f)
                return false;
        } else if (*f == '\\' && f[1]) {
            struct strbuf b = {0};
            char two[5] = { f[0], f[1], 0 };
            size_t used = 2;
            if (f[1] >= '0' && f[1] <= '7') {       /* \NNN: up to three digits */
                size_t k = 1;
                while (k < 4 && f[k] >= '0' && f[k] <= '7')
                    k++;
                memcpy(two, f, k);
                two[k] = 0;
                used = k;
            }
            if (!dash_escapes(two, &b, false))
                p->stop = true;
            sb_addn(&p->out, b.s ? b.s : "", b.len);
            sb_free(&b);
            f += used;
        } else {
            sb_addc(&p->out, *f++);
        }
    }
    return !p->stop;
}

/* printf [-v NAME] FORMAT [ARG...]: -v (bash) puts the output in NAME. */
int bi_printf(char **argv)
{
    int i = 1;
    const char *into = NULL;
    if (argv[1] && strcmp(argv[1], "-v") == 0 && !sh.posix) {
        into = argv[2];
        if (!into || !is_name(into, strlen(into))) {
            sh_error("printf: %s: invalid variable name", into ? into : "-v");
            return 2;
        }
        i = 3;
    }
    if (argv[i] && strcmp(argv[i], "--") == 0)
        i++;
    if (!argv[i]) {
        sh_error("printf: usage: printf format [arg ...]");
        return 2;
    }
    struct pf p = { .args = argv + i + 1 };
    const char *format = argv[i];
    for (;;) {
        bool used = false;
        if (!format_once(&p, format, &used)) {
            if (!p.stop && p.status)
                p.status = 2;
            break;
        }
        if (!*p.args || !used)
            break;
    }
    if (into) {
        if (!var_set(into, p.out.s ? p.out.s : "", 0))
            p.status = 2;
    } else if (write_out(p.out.s ? p.out.s : "", p.out.len)) {
        p.status = 1;
    }
    sb_free(&p.out);
    return p.status;
}
