/*
 * lex.c - the tokens of an awk program.
 *
 * Newlines are tokens (they end statements) except after a backslash
 * and after the tokens that cannot end one: , { && || do else. A '/'
 * starts a regular expression where an operand is expected, which is
 * where the previous token was not one that ends an operand; the parser
 * does not need to say so.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

static const char *src, *p;
static int line = 1;
static int last = T_NEWLINE;   /* the previous token's type */

static const struct { const char *name; int type; } keywords[] = {
    { "BEGIN", T_BEGIN }, { "END", T_END }, { "function", T_FUNCTION },
    { "func", T_FUNCTION }, { "if", T_IF }, { "else", T_ELSE }, { "while", T_WHILE },
    { "for", T_FOR }, { "do", T_DO }, { "break", T_BREAK }, { "continue", T_CONTINUE },
    { "next", T_NEXT }, { "nextfile", T_NEXTFILE }, { "exit", T_EXIT },
    { "return", T_RETURN }, { "delete", T_DELETE }, { "in", T_IN },
    { "getline", T_GETLINE }, { "print", T_PRINT }, { "printf", T_PRINTF },
};

static const char *const builtins[] = {
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "sin",
    "cos", "atan2", "exp", "log", "sqrt", "int", "rand", "srand", "tolower", "toupper",
    "system", "close", "fflush",
};

void lex_init(const char *program)
{
    src = p = program;
    line = 1;
    last = T_NEWLINE;
}

int lex_line(void)
{
    return line;
}

/* Tokens after which a '/' is division. */
static int ends_operand(int t)
{
    return t == T_NAME || t == T_NUMBER || t == T_STRING || t == T_ERE || t == T_BUILTIN ||
           t == ')' || t == ']' || t == '$' || t == T_INCR || t == T_DECR;
}

/* A string's or a regex's escapes; in a regex, \/ is '/' and the others
 * stay for regcomp, except the ones that name a character. */
static char *scan_quoted(char close, int regex)
{
    size_t cap = 32, n = 0;
    char *out = xmalloc(cap);
    for (;;) {
        if (n + 5 > cap)
            out = xrealloc(out, cap *= 2);
        char c = *p;
        if (c == '\0' || c == '\n')
            awk_error(regex ? "non-terminated regular expression" : "non-terminated string");
        p++;
        if (c == close)
            break;
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        c = *p++;
        switch (c) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'f': out[n++] = '\f'; break;
        case 'v': out[n++] = '\v'; break;
        case 'b': out[n++] = '\b'; break;
        case 'a': out[n++] = '\a'; break;
        case '\n': line++; break;                  /* a continued line */
        case '\0': p--; break;
        case '/': out[n++] = '/'; break;
        case '"': out[n++] = '"'; break;
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0';
                for (int i = 0; i < 2 && *p >= '0' && *p <= '7'; i++)
                    v = v * 8 + (*p++ - '0');
                if (regex && strchr("\\^$.[]|()*+?{}", v)) {
                    out[n++] = '\\';               /* an octal escape is literal */
                }
                out[n++] = (char)v;
            } else if (regex) {
                out[n++] = '\\';
                out[n++] = c;
            } else {
                if (c != '\\')
                    out[n++] = '\\';               /* unknown: kept, as awk does */
                out[n++] = c;
            }
        }
    }
    out[n] = '\0';
    return out;
}

static int two(char second, int yes, int no)
{
    if (*p == second) {
        p++;
        return yes;
    }
    return no;
}

static int scan(struct token *t)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\\' && p[1] == '\n') {
            p += 2;
            line++;
            continue;
        }
        if (*p == '#') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        break;
    }
    char c = *p;
    if (c == '\0')
        return T_EOF;
    if (c == '\n') {
        p++;
        line++;
        return T_NEWLINE;
    }
    if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p[1]))) {
        char *end;
        t->num = strtod(p, &end);
        if (c == '0' && (p[1] == 'x' || p[1] == 'X'))   /* not hexadecimal in awk */
            t->num = 0, end = (char *)p + 1;
        p = end;
        return T_NUMBER;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        const char *start = p;
        while (isalnum((unsigned char)*p) || *p == '_')
            p++;
        size_t n = (size_t)(p - start);
        for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
            if (strlen(keywords[i].name) == n && memcmp(keywords[i].name, start, n) == 0)
                return keywords[i].type;
        for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
            if (strlen(builtins[i]) == n && memcmp(builtins[i], start, n) == 0) {
                t->builtin = (int)i;
                return T_BUILTIN;
            }
        t->text = xstrndup(start, n);
        return *p == '(' ? T_FUNC_NAME : T_NAME;
    }
    p++;
    switch (c) {
    case '"': t->text = scan_quoted('"', 0); return T_STRING;
    case '/':
        if (!ends_operand(last)) {
            t->text = scan_quoted('/', 1);
            return T_ERE;
        }
        return two('=', T_DIV_ASSIGN, '/');
    case '&': if (*p == '&') { p++; return T_AND; } return '&';
    case '|': return two('|', T_OR, '|');
    case '=': return two('=', T_EQ, '=');
    case '!': if (*p == '=') { p++; return T_NE; } return two('~', T_NOMATCH, '!');
    case '<': return two('=', T_LE, '<');
    case '>':
        if (*p == '>') { p++; return T_APPEND; }
        return two('=', T_GE, '>');
    case '+': if (*p == '+') { p++; return T_INCR; } return two('=', T_ADD_ASSIGN, '+');
    case '-': if (*p == '-') { p++; return T_DECR; } return two('=', T_SUB_ASSIGN, '-');
    case '*':
        if (*p == '*') {       /* ** and **=, as ^ and ^= */
            p++;
            return two('=', T_POW_ASSIGN, '^');
        }
        return two('=', T_MUL_ASSIGN, '*');
    case '%': return two('=', T_MOD_ASSIGN, '%');
    case '^': return two('=', T_POW_ASSIGN, '^');
    default: return c;
    }
}

void lex_next(struct token *t)
{
    memset(t, 0, sizeof *t);
    t->type = scan(t);
    /* newlines after these cannot end anything */
    if (t->type == ',' || t->type == '{' || t->type == T_AND || t->type == T_OR ||
        t->type == T_DO || t->type == T_ELSE) {
        for (;;) {
            const char *q = p;
            while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' ||
                   (*q == '\\' && q[1] == '\n')) {
                if (*q == '\n')
                    line++;
                q++;
            }
            if (*q == '#') {
                while (*q && *q != '\n')
                    q++;
                p = q;
                continue;
            }
            p = q;
            break;
        }
    }
    last = t->type;
}
