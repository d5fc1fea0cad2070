/*
 * scanf.c - sscanf and vsscanf: reading values out of a string.
 *
 * Supported: white space in the format (skips any amount of input white
 * space), ordinary characters (must match), and conversions
 *
 *     % [*] [width] [hh h l ll j z t] d i u o x X s c [set] [^set] n %
 *                                     f e g (with l for double)
 *
 * '*' reads a value without storing it. The result is the number of values
 * stored, or EOF if the input ended before the first conversion.
 */
#include "libc.h"
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

struct conv {
    bool suppress;         /* '*' */
    int width;             /* 0: none */
    enum length len;
    char c;
};

static const char *parse_conv(const char *f, struct conv *cv)
{
    cv->suppress = *f == '*';
    if (cv->suppress)
        f++;
    cv->width = 0;
    for (; isdigit((unsigned char)*f); f++)
        if (cv->width < INT_MAX / 10)
            cv->width = cv->width * 10 + (*f - '0');
    cv->len = LEN_NONE;
    switch (*f) {
    case 'h': cv->len = f[1] == 'h' ? LEN_HH : LEN_H; f += f[1] == 'h' ? 2 : 1; break;
    case 'l': cv->len = f[1] == 'l' ? LEN_LL : LEN_L; f += f[1] == 'l' ? 2 : 1; break;
    case 'j': cv->len = LEN_J; f++; break;
    case 'z': cv->len = LEN_Z; f++; break;
    case 't': cv->len = LEN_T; f++; break;
    }
    cv->c = *f;
    return f;
}

static void store_int(enum length len, unsigned long long v, va_list *ap)
{
    switch (len) {
    case LEN_HH: *va_arg(*ap, signed char *) = (signed char)v; break;
    case LEN_H:  *va_arg(*ap, short *) = (short)v; break;
    case LEN_L:  *va_arg(*ap, long *) = (long)v; break;
    case LEN_LL: *va_arg(*ap, long long *) = (long long)v; break;
    case LEN_J:  *va_arg(*ap, intmax_t *) = (intmax_t)v; break;
    case LEN_Z:  *va_arg(*ap, size_t *) = (size_t)v; break;
    case LEN_T:  *va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v; break;
    default:     *va_arg(*ap, int *) = (int)v; break;
    }
}

/* A number of at most `width` characters at *sp, through a copy so that
 * strtoull/strtod cannot read past the width. */
static bool scan_number(const char **sp, const struct conv *cv, unsigned long long *iv,
                        double *fv)
{
    char tmp[128];
    size_t max = cv->width > 0 && (size_t)cv->width < sizeof tmp ? (size_t)cv->width
                                                                 : sizeof tmp - 1;
    size_t n = strnlen(*sp, max);
    memcpy(tmp, *sp, n);
    tmp[n] = '\0';

    char *end;
    int base = 10;
    switch (cv->c) {
    case 'i': base = 0; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    }
    if (cv->c == 'f' || cv->c == 'e' || cv->c == 'g')
        *fv = strtod(tmp, &end);
    else if (cv->c == 'd' || cv->c == 'i')
        *iv = (unsigned long long)strtoll(tmp, &end, base);
    else
        *iv = strtoull(tmp, &end, base);
    if (end == tmp)
        return false;
    *sp += end - tmp;
    return true;
}

/* Does c belong to the scanset [set], set pointing after the '['? *endp is
 * set to the closing ']'. */
static bool in_set(const char *set, int c, const char **endp)
{
    bool neg = *set == '^';
    bool found = false;
    if (neg)
        set++;
    const char *p = set;
    if (*p == ']') {                        /* a ']' first is a member */
        found = c == ']';
        p++;
    }
    for (; *p != '\0' && *p != ']'; p++) {
        if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
            found |= c >= (unsigned char)p[0] && c <= (unsigned char)p[2];
            p += 2;
        } else {
            found |= c == (unsigned char)*p;
        }
    }
    *endp = p;
    return found != neg;
}

/* %s, %c and %[: copy matching characters (storing unless suppressed). */
static int scan_chars(const char **sp, const struct conv *cv, const char *set,
                      va_list *ap)
{
    char *dst = cv->suppress ? NULL : va_arg(*ap, char *);
    int width = cv->width > 0 ? cv->width : cv->c == 'c' ? 1 : INT_MAX;
    const char *s = *sp, *end;
    int n = 0;

    while (n < width && s[n] != '\0') {
        unsigned char ch = (unsigned char)s[n];
        if (cv->c == 's' && isspace(ch))
            break;
        if (cv->c == '[' && !in_set(set, ch, &end))
            break;
        if (dst != NULL)
            dst[n] = (char)ch;
        n++;
    }
    if (n == 0 || (cv->c == 'c' && n < width))
        return -1;
    if (dst != NULL && cv->c != 'c')
        dst[n] = '\0';
    *sp = s + n;
    return dst != NULL;
}

int vsscanf(const char *s, const char *fmt, va_list ap0)
{
    va_list ap;
    const char *start = s;
    int stored = 0;
    bool converted = false;

    va_copy(ap, ap0);
    for (; *fmt != '\0'; fmt++) {
        if (isspace((unsigned char)*fmt)) {
            while (isspace((unsigned char)*s))
                s++;
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            fmt += *fmt == '%';
            if (*s != *fmt)
                break;
            s++;
            continue;
        }

        struct conv cv;
        fmt = parse_conv(fmt + 1, &cv);
        const char *set = fmt + 1;
        if (cv.c == '[') {
            in_set(set, 0, &fmt);            /* fmt to the closing ']' */
            if (*fmt == '\0')
                break;                       /* no closing ']' */
        }
        if (cv.c == 'n') {
            if (!cv.suppress)
                store_int(cv.len, (unsigned long long)(s - start), &ap);
            continue;
        }
        if (cv.c != 'c' && cv.c != '[')
            while (isspace((unsigned char)*s))
                s++;
        if (*s == '\0')
            break;
        converted = true;

        if (cv.c == 's' || cv.c == 'c' || cv.c == '[') {
            int r = scan_chars(&s, &cv, set, &ap);
            if (r < 0)
                break;
            stored += r;
            continue;
        }
        unsigned long long iv = 0;
        double fv = 0;
        if (cv.c == '\0' || strchr("diouxXfeg", cv.c) == NULL ||
            !scan_number(&s, &cv, &iv, &fv))
            break;
        if (cv.suppress)
            continue;
        if (cv.c == 'f' || cv.c == 'e' || cv.c == 'g') {
            if (cv.len == LEN_L)
                *va_arg(ap, double *) = fv;
            else
                *va_arg(ap, float *) = (float)fv;
        } else {
            store_int(cv.len, iv, &ap);
        }
        stored++;
    }
    va_end(ap);
    return stored == 0 && !converted && *s == '\0' ? EOF : stored;
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsscanf(s, fmt, ap);
    va_end(ap);
    return r;
}

