/*
 * strtod.c - reading a floating-point number: strtod and atof.
 *
 * Decimal ("1.5", "-2e-3", ".5", "inf", "nan"): the first 19 significant
 * digits are gathered into an integer and scaled by the power of ten,
 * which is exact for the numbers people type (up to ~15 digits and modest
 * exponents) and otherwise within a unit or two of the last place: this
 * is a simple strtod, not a correctly rounded one.
 *
 * Hexadecimal, as C99 requires ("0x1.8p3", "0x1A", "-0X.8P-1"): the digits
 * are bits, so the value is exact whenever a double holds it, and else
 * rounded to nearest once, as glibc's - except below the smallest normal
 * number, where a mantissa longer than the room left is rounded twice.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>

#define MAX_DIGITS 19               /* fit in an unsigned long long */

/* 10^n for n >= 0, by binary powers: at most 9 multiplications. */
static double pow10_of(int n)
{
    static const double p[] = { 1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256 };
    double r = 1.0;
    for (int i = 0; n != 0 && i < 9; i++, n >>= 1)
        if (n & 1)
            r *= p[i];
    return n != 0 ? __builtin_inf() : r;
}

/* "inf", "infinity" or "nan" (any case) at s: the length matched, or 0. */
static size_t special(const char *s, double *v)
{
    if (strncasecmp(s, "infinity", 8) == 0) {
        *v = __builtin_inf();
        return 8;
    }
    if (strncasecmp(s, "inf", 3) == 0) {
        *v = __builtin_inf();
        return 3;
    }
    if (strncasecmp(s, "nan", 3) == 0) {
        *v = __builtin_nan("");
        return 3;
    }
    return 0;
}

/* The exponent part "e[+-]digits" (mark 'e'; 'p' for a hexadecimal
 * number's power of two) at *pp, if well formed. */
static int exponent(const char **pp, char mark)
{
    const char *p = *pp;
    bool neg = false;
    int e = 0;

    if (tolower((unsigned char)*p) != mark)
        return 0;
    p++;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return 0;                     /* "1e" is 1 followed by "e" */
    for (; isdigit((unsigned char)*p); p++)
        if (e < 100000)
            e = e * 10 + (*p - '0');
    *pp = p;
    return neg ? -e : e;
}

static int hex_digit(char c)
{
    if (isdigit((unsigned char)c))
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * The hexadecimal number after "0x" at *pp: its value, *pp moved past it;
 * if no digit follows, *pp is left alone (the decimal reading then takes
 * the "0"). Up to 15 digits are kept, 57 to 60 bits: more than a double's
 * 53 and the bit that rounds, so the digits dropped after them only need
 * to say whether they were all zero (the sticky bit, bit 0) for the one
 * conversion to a double to round as the whole number would.
 */
static double hex_number(const char **pp)
{
    const char *p = *pp + 2;
    unsigned long long mant = 0;
    int scale = 0;                    /* a power of two */
    bool any = false, point = false, sticky = false;

    for (;; p++) {
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        int d = hex_digit(*p);
        if (d < 0)
            break;
        any = true;
        if (mant < 1ULL << 56) {
            mant = mant << 4 | (unsigned)d;
            if (point)
                scale -= 4;
        } else {
            sticky |= d != 0;
            if (!point)
                scale += 4;
        }
    }
    if (!any)
        return 0.0;
    scale += exponent(&p, 'p');
    *pp = p;
    double v = ldexp((double)(mant | sticky), scale);
    if (mant != 0 && (v == 0.0 || v == __builtin_inf()))
        errno = ERANGE;
    return v;
}

double strtod(const char *s, char **end)
{
    const char *p = s;
    bool neg = false;
    double v;

    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';

    size_t n = special(p, &v);
    if (n != 0) {
        if (end != NULL)
            *end = (char *)(p + n);
        return neg ? -v : v;
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        const char *q = p;
        v = hex_number(&q);
        if (q != p) {
            if (end != NULL)
                *end = (char *)q;
            return neg ? -v : v;
        }
    }

    unsigned long long mant = 0;
    int ndigits = 0, scale = 0;
    bool any = false, point = false;
    for (;; p++) {
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        if (!isdigit((unsigned char)*p))
            break;
        any = true;
        if (mant == 0 && *p == '0') {
            if (point)
                scale--;              /* leading zeros after the point */
        } else if (ndigits < MAX_DIGITS) {
            mant = mant * 10 + (unsigned)(*p - '0');
            ndigits++;
            if (point)
                scale--;
        } else if (!point) {
            scale++;                  /* digits past what we keep */
        }
    }
    if (!any) {
        if (end != NULL)
            *end = (char *)s;
        return 0.0;
    }
    scale += exponent(&p, 'e');
    if (end != NULL)
        *end = (char *)p;

    v = (double)mant;
    if (mant != 0 && scale > 0)
        v *= pow10_of(scale);
    else if (mant != 0 && scale < 0) {
        /* Divide in two steps so that 10^-scale itself does not overflow
         * for tiny numbers like 1e-320. */
        int first = scale < -300 ? -300 : scale;
        v /= pow10_of(-first);
        if (scale != first)
            v /= pow10_of(first - scale);
    }
    if (mant != 0 && (v == 0.0 || v == __builtin_inf()))
        errno = ERANGE;
    return neg ? -v : v;
}

double atof(const char *s)
{
    return strtod(s, NULL);
}
