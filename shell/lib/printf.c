/*
 * printf.c - the formatting engine behind every printf, and the forms that
 * format into memory (snprintf, sprintf and their v- versions).
 *
 * __dx_vformat reads the format and hands the pieces of output to a sink:
 * a buffer here, a stream or a descriptor in stdio_io.c. A conversion is
 *
 *     % [flags: - + space # 0] [width or *] [.precision or .*]
 *       [length: hh h l ll z j t] conversion: d i u o x X c s p % f e g (F E G)
 *
 * Floating-point conversions are printf_float.c's. Output matches glibc's,
 * including "(null)" for a null %s and "(nil)" for a null %p.
 */
#include "libc.h"
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- emitting a field ----------------------------------------------------- */

void __dx_put_repeat(struct fmt_sink *s, char c, size_t n)
{
    char chunk[32];
    memset(chunk, c, sizeof chunk);
    while (n > 0) {
        size_t k = n < sizeof chunk ? n : sizeof chunk;
        s->put(s, chunk, k);
        s->count += k;
        n -= k;
    }
}

static void put(struct fmt_sink *s, const char *p, size_t n)
{
    if (n > 0) {
        s->put(s, p, n);
        s->count += n;
    }
}

/*
 * A field is: prefix (sign, "0x"), nzeros zeros, the body. It is padded to
 * the width with spaces on the left, or on the right with '-', or with
 * zeros after the prefix with '0' (callers drop '0' where it does not
 * apply).
 */
void __dx_put_field(struct fmt_sink *s, const struct fmt_spec *spec,
                    const char *prefix, size_t nprefix,
                    size_t nzeros, const char *body, size_t nbody)
{
    size_t len = nprefix + nzeros + nbody;
    size_t pad = spec->width > 0 && (size_t)spec->width > len ? (size_t)spec->width - len : 0;

    if (!(spec->flags & FMT_LEFT) && !(spec->flags & FMT_ZERO))
        __dx_put_repeat(s, ' ', pad);
    put(s, prefix, nprefix);
    if (!(spec->flags & FMT_LEFT) && (spec->flags & FMT_ZERO))
        __dx_put_repeat(s, '0', pad);
    __dx_put_repeat(s, '0', nzeros);
    put(s, body, nbody);
    if (spec->flags & FMT_LEFT)
        __dx_put_repeat(s, ' ', pad);
}

/* ---- integers -------------------------------------------------------------- */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

/* The next argument as a signed value of the given length. */
static long long signed_arg(enum length len, va_list *ap)
{
    switch (len) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H:  return (short)va_arg(*ap, int);
    case LEN_L:  return va_arg(*ap, long);
    case LEN_LL: return va_arg(*ap, long long);
    case LEN_J:  return va_arg(*ap, intmax_t);
    case LEN_Z:  return va_arg(*ap, long);            /* ssize_t */
    case LEN_T:  return va_arg(*ap, ptrdiff_t);
    default:     return va_arg(*ap, int);
    }
}

static unsigned long long unsigned_arg(enum length len, va_list *ap)
{
    switch (len) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
    case LEN_H:  return (unsigned short)va_arg(*ap, unsigned);
    case LEN_L:  return va_arg(*ap, unsigned long);
    case LEN_LL: return va_arg(*ap, unsigned long long);
    case LEN_J:  return va_arg(*ap, uintmax_t);
    case LEN_Z:  return va_arg(*ap, size_t);
    case LEN_T:  return (unsigned long long)va_arg(*ap, ptrdiff_t);
    default:     return va_arg(*ap, unsigned);
    }
}

/* Digits of v in base (8, 10, 16) at the end of buf; returns their start. */
static char *to_digits(unsigned long long v, unsigned base, bool upper, char *end)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    while (v != 0) {
        *--p = digits[v % base];
        v /= base;
    }
    return p;
}

/* d i u o x X, and p (as %#lx). neg: the value was negative, v its
 * magnitude. */
static void format_integer(struct fmt_sink *s, struct fmt_spec spec,
                           unsigned long long v, bool neg)
{
    char buf[24], prefix[2];
    size_t nprefix = 0;
    unsigned base = 10;

    if (spec.conv == 'o')
        base = 8;
    else if (spec.conv == 'x' || spec.conv == 'X' || spec.conv == 'p')
        base = 16;

    char *end = buf + sizeof buf;
    char *digits = to_digits(v, base, spec.conv == 'X', end);
    size_t ndigits = (size_t)(end - digits);

    if (spec.conv == 'd' || spec.conv == 'i') {
        if (neg)
            prefix[nprefix++] = '-';
        else if (spec.flags & FMT_PLUS)
            prefix[nprefix++] = '+';
        else if (spec.flags & FMT_SPACE)
            prefix[nprefix++] = ' ';
    } else if ((spec.flags & FMT_ALT) && base == 16 && v != 0) {
        prefix[nprefix++] = '0';
        prefix[nprefix++] = spec.conv == 'X' ? 'X' : 'x';
    }

    /* A precision is the minimum number of digits, and turns '0' off. */
    size_t nzeros = 0;
    if (spec.prec >= 0) {
        spec.flags &= ~FMT_ZERO;
        if ((size_t)spec.prec > ndigits)
            nzeros = (size_t)spec.prec - ndigits;
    } else if (ndigits == 0) {
        nzeros = 1;                       /* the value 0 */
    }
    /* '#' with o: the first digit is a 0. */
    if (base == 8 && (spec.flags & FMT_ALT) && nzeros == 0 &&
        (ndigits == 0 || digits[0] != '0'))
        nzeros = 1;
    __dx_put_field(s, &spec, prefix, nprefix, nzeros, digits, ndigits);
}

/* ---- the format ------------------------------------------------------------ */

/* Flags, width, precision and length of a conversion; fmt points after
 * the '%' and is left on the conversion character. */
static const char *parse_spec(const char *fmt, struct fmt_spec *spec,
                              enum length *len, va_list *ap)
{
    spec->flags = 0;
    for (;; fmt++) {
        if (*fmt == '-')      spec->flags |= FMT_LEFT;
        else if (*fmt == '+') spec->flags |= FMT_PLUS;
        else if (*fmt == ' ') spec->flags |= FMT_SPACE;
        else if (*fmt == '#') spec->flags |= FMT_ALT;
        else if (*fmt == '0') spec->flags |= FMT_ZERO;
        else break;
    }

    spec->width = 0;
    if (*fmt == '*') {
        int w = va_arg(*ap, int);
        fmt++;
        if (w < 0) {
            spec->flags |= FMT_LEFT;      /* a negative width means '-' */
            w = w == INT_MIN ? INT_MAX : -w;
        }
        spec->width = w;
    } else {
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            if (spec->width < INT_MAX / 10)
                spec->width = spec->width * 10 + (*fmt - '0');
    }

    spec->prec = -1;
    if (*fmt == '.') {
        fmt++;
        spec->prec = 0;
        if (*fmt == '*') {
            int p = va_arg(*ap, int);
            fmt++;
            spec->prec = p < 0 ? -1 : p;  /* negative: as if omitted */
        } else {
            for (; *fmt >= '0' && *fmt <= '9'; fmt++)
                if (spec->prec < INT_MAX / 10)
                    spec->prec = spec->prec * 10 + (*fmt - '0');
        }
    }

    *len = LEN_NONE;
    switch (*fmt) {
    case 'h': *len = fmt[1] == 'h' ? LEN_HH : LEN_H; fmt += fmt[1] == 'h' ? 2 : 1; break;
    case 'l': *len = fmt[1] == 'l' ? LEN_LL : LEN_L; fmt += fmt[1] == 'l' ? 2 : 1; break;
    case 'j': *len = LEN_J; fmt++; break;
    case 'z': *len = LEN_Z; fmt++; break;
    case 't': *len = LEN_T; fmt++; break;
    }
    if (spec->flags & FMT_LEFT)
        spec->flags &= ~FMT_ZERO;         /* '-' wins over '0' */
    if (spec->flags & FMT_PLUS)
        spec->flags &= ~FMT_SPACE;        /* '+' wins over ' ' */
    spec->conv = *fmt;
    return fmt;
}

static void format_string(struct fmt_sink *s, struct fmt_spec spec, const char *str)
{
    if (str == NULL)
        str = spec.prec < 0 || spec.prec >= 6 ? "(null)" : "";
    size_t n = spec.prec >= 0 ? strnlen(str, (size_t)spec.prec) : strlen(str);
    spec.flags &= ~FMT_ZERO;
    __dx_put_field(s, &spec, NULL, 0, 0, str, n);
}

static void format_pointer(struct fmt_sink *s, struct fmt_spec spec, void *p)
{
    if (p == NULL) {
        spec.prec = -1;
        format_string(s, spec, "(nil)");
        return;
    }
    spec.flags |= FMT_ALT;
    format_integer(s, spec, (uintptr_t)p, false);
}

/* One conversion, fmt on its conversion character. */
static void convert(struct fmt_sink *s, struct fmt_spec spec, enum length len,
                    va_list *ap)
{
    switch (spec.conv) {
    case 'd':
    case 'i': {
        long long v = signed_arg(len, ap);
        unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        format_integer(s, spec, mag, v < 0);
        break;
    }
    case 'u': case 'o': case 'x': case 'X':
        format_integer(s, spec, unsigned_arg(len, ap), false);
        break;
    case 'c': {
        char c = (char)va_arg(*ap, int);
        spec.flags &= ~FMT_ZERO;
        __dx_put_field(s, &spec, NULL, 0, 0, &c, 1);
        break;
    }
    case 's':
        format_string(s, spec, va_arg(*ap, const char *));
        break;
    case 'p':
        format_pointer(s, spec, va_arg(*ap, void *));
        break;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        __dx_format_double(s, &spec, va_arg(*ap, double));
        break;
    case '%':
        put(s, "%", 1);
        break;
    default:
        /* Not a conversion we know: print it as it was written. */
        put(s, "%", 1);
        put(s, &spec.conv, 1);
        break;
    }
}

int __dx_vformat(struct fmt_sink *s, const char *fmt, va_list ap0)
{
    va_list ap;
    va_copy(ap, ap0);

    while (*fmt != '\0') {
        const char *pct = strchrnul(fmt, '%');
        put(s, fmt, (size_t)(pct - fmt));
        if (*pct == '\0')
            break;

        struct fmt_spec spec;
        enum length len;
        fmt = parse_spec(pct + 1, &spec, &len, &ap);
        if (*fmt == '\0') {
            put(s, pct, (size_t)(fmt - pct));     /* a lone '%' at the end */
            break;
        }
        convert(s, spec, len, &ap);
        fmt++;
    }
    va_end(ap);
    if (s->count > INT_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (int)s->count;
}

/* ---- formatting into memory --------------------------------------------------- */

/* Keeps what fits in size - 1 bytes; the count goes on regardless, which
 * is what snprintf returns. */
struct buf_sink {
    struct fmt_sink sink;
    char  *buf;
    size_t size;
    size_t len;
};

static void buf_put(struct fmt_sink *sink, const char *p, size_t n)
{
    struct buf_sink *b = (struct buf_sink *)sink;
    if (b->len + 1 >= b->size)
        return;
    size_t room = b->size - 1 - b->len;
    size_t k = n < room ? n : room;
    memcpy(b->buf + b->len, p, k);
    b->len += k;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buf_sink b = { { buf_put, 0 }, buf, size, 0 };
    int r = __dx_vformat(&b.sink, fmt, ap);
    if (size > 0)
        buf[b.len] = '\0';
    return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return r;
}

int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}
