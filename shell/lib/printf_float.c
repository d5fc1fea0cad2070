/*
 * printf_float.c - printf's %f, %e and %g: a double as decimal text.
 *
 * Every finite double is exactly m * 2^e for integers m and e, and so has an
 * exact, finite decimal expansion. We compute that expansion with a small
 * big-number (base 10^9 limbs): m * 2^e when e >= 0, or m * 5^-e (the
 * digits of m / 2^-e, with the decimal point moved -e places) when e < 0.
 * Rounding to the requested precision then happens on exact decimal digits,
 * to nearest with ties to even, which is what glibc prints: printf("%.2f",
 * 0.125) is "0.12" and printf("%.0f", 2.5) is "2". At most ~770 digits are
 * ever needed (for the smallest subnormal), so everything lives on the
 * stack.
 */
#include "libc.h"
#include <string.h>

#define LIMB_BASE 1000000000u   /* 10^9 */
#define LIMBS     90            /* 2^53 * 5^1074 has 767 digits: 86 limbs */
#define MAX_DIGITS (LIMBS * 9)

/* value = 0.d[0]d[1]...d[n-1] * 10^point, with no trailing zeros in d.
 * n == 0 is zero. */
struct decimal {
    char d[MAX_DIGITS];
    int  n;
    int  point;
};

struct big {
    uint32_t limb[LIMBS];      /* little-endian, each < 10^9 */
    int n;
};

static void big_mul(struct big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)(t % LIMB_BASE);
        carry = t / LIMB_BASE;
    }
    while (carry != 0) {
        b->limb[b->n++] = (uint32_t)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
}

/* b *= base^k, in steps of base^step (the largest power below 2^32). */
static void big_mul_pow(struct big *b, uint32_t base, int k)
{
    uint32_t step = base == 2 ? 1u << 29 : 1220703125u;    /* 2^29, 5^13 */
    int per = base == 2 ? 29 : 13;
    for (; k >= per; k -= per)
        big_mul(b, step);
    uint32_t rest = 1;
    while (k-- > 0)
        rest *= base;
    big_mul(b, rest);
}

/* The decimal digits of b into d; returns how many. */
static int big_digits(const struct big *b, char *d)
{
    int n = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        char nine[9];
        uint32_t v = b->limb[i];
        for (int j = 8; j >= 0; j--, v /= 10)
            nine[j] = (char)('0' + v % 10);
        int skip = 0;
        if (i == b->n - 1)                      /* no leading zeros */
            while (skip < 8 && nine[skip] == '0')
                skip++;
        memcpy(d + n, nine + skip, (size_t)(9 - skip));
        n += 9 - skip;
    }
    return n;
}

/* The exact decimal expansion of a finite, non-negative v. */
static void to_decimal(double v, struct decimal *dec)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t mant = bits & ((1ULL << 52) - 1);
    int exp = (int)((bits >> 52) & 0x7ff);

    dec->n = 0;
    dec->point = 0;
    if (exp == 0 && mant == 0)
        return;
    if (exp == 0)
        exp = 1;                                /* subnormal */
    else
        mant |= 1ULL << 52;
    exp -= 1075;                                /* v = mant * 2^exp */

    struct big b = { { (uint32_t)(mant % LIMB_BASE), (uint32_t)(mant / LIMB_BASE) }, 2 };
    if (b.limb[1] == 0)
        b.n = 1;
    big_mul_pow(&b, exp >= 0 ? 2 : 5, exp >= 0 ? exp : -exp);
    dec->n = big_digits(&b, dec->d);
    dec->point = exp >= 0 ? dec->n : dec->n + exp;
    while (dec->n > 0 && dec->d[dec->n - 1] == '0')
        dec->n--;
}

/* Keep the first `keep` digits, rounding to nearest, ties to even. */
static void round_at(struct decimal *dec, int keep)
{
    if (keep >= dec->n)
        return;
    if (keep < 0) {                             /* below half a unit: zero */
        dec->n = 0;
        return;
    }
    char next = dec->d[keep];
    bool up = next > '5' ||
              (next == '5' && (dec->n > keep + 1 ||
                               (keep > 0 && (dec->d[keep - 1] - '0') % 2 == 1)));
    dec->n = keep;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && dec->d[i] == '9')
            i--;
        if (i < 0) {                            /* 999.. became 1000.. */
            dec->d[0] = '1';
            dec->n = 1;
            dec->point++;
        } else {
            dec->d[i]++;
            dec->n = i + 1;
        }
    }
    while (dec->n > 0 && dec->d[dec->n - 1] == '0')
        dec->n--;
}

static char digit_at(const struct decimal *dec, int i)
{
    return i >= 0 && i < dec->n ? dec->d[i] : '0';
}

/* ---- building the body -------------------------------------------------------- */

/* The text after the sign goes through a small buffer to the sink. */
struct out {
    struct fmt_sink *s;
    char buf[64];
    size_t len;
};

static void out_flush(struct out *o)
{
    if (o->len > 0) {
        o->s->put(o->s, o->buf, o->len);
        o->s->count += o->len;
        o->len = 0;
    }
}

static void out_char(struct out *o, char c)
{
    if (o->len == sizeof o->buf)
        out_flush(o);
    o->buf[o->len++] = c;
}

/* Fixed notation with nfrac digits after the point: its length, and, when
 * o is not NULL, the text itself. */
static size_t fixed(struct out *o, const struct decimal *dec, int nfrac, bool point)
{
    int nint = dec->point > 0 ? dec->point : 1;
    if (o != NULL) {
        for (int i = 0; i < nint; i++)
            out_char(o, dec->point > 0 ? digit_at(dec, i) : '0');
        if (point)
            out_char(o, '.');
        for (int i = 0; i < nfrac; i++)
            out_char(o, digit_at(dec, dec->point + i));
    }
    return (size_t)nint + point + (size_t)nfrac;
}

/* Exponent notation d.ddde+XX with nfrac digits after the point. */
static size_t expo(struct out *o, const struct decimal *dec, int nfrac, bool point,
                   bool upper)
{
    int e = dec->n > 0 ? dec->point - 1 : 0;
    unsigned mag = e < 0 ? (unsigned)-e : (unsigned)e;
    char edig[8];
    int ne = 0;
    do {
        edig[ne++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag != 0 || ne < 2);

    if (o != NULL) {
        out_char(o, digit_at(dec, 0));
        if (point)
            out_char(o, '.');
        for (int i = 1; i <= nfrac; i++)
            out_char(o, digit_at(dec, i));
        out_char(o, upper ? 'E' : 'e');
        out_char(o, e < 0 ? '-' : '+');
        while (ne > 0)
            out_char(o, edig[--ne]);
    }
    return 1 + point + (size_t)nfrac + 2 + (size_t)ne;     /* 'e', sign */
}

/* ---- the conversions ------------------------------------------------------------- */

struct layout {
    bool exp_style;
    int  nfrac;
    bool point;
};

/* Round dec for the conversion and decide how it is laid out. */
static struct layout plan(struct decimal *dec, char conv, int prec, bool alt)
{
    struct layout l = { false, prec, prec > 0 || alt };

    if (conv == 'f') {
        round_at(dec, dec->point + prec);
    } else if (conv == 'e') {
        round_at(dec, prec + 1);
        l.exp_style = true;
    } else {
        /* %g: P significant digits; fixed notation unless the exponent X
         * is below -4 or at least P. Trailing zeros go, unless '#'. */
        int p = prec == 0 ? 1 : prec;
        round_at(dec, p);
        int x = dec->n > 0 ? dec->point - 1 : 0;
        l.exp_style = x < -4 || x >= p;
        l.nfrac = l.exp_style ? p - 1 : p - 1 - x;
        if (!alt) {
            int have = l.exp_style ? dec->n - 1 : dec->n - dec->point;
            if (have < 0)
                have = 0;
            if (l.nfrac > have)
                l.nfrac = have;
        }
        l.point = l.nfrac > 0 || alt;
    }
    return l;
}

void __dx_format_double(struct fmt_sink *s, const struct fmt_spec *spec0, double v)
{
    struct fmt_spec spec = *spec0;
    bool upper = spec.conv >= 'A' && spec.conv <= 'Z';
    char conv = (char)(upper ? spec.conv - 'A' + 'a' : spec.conv);
    char sign = 0;

    if (__builtin_signbit(v)) {
        sign = '-';
        v = -v;
    } else if (spec.flags & FMT_PLUS) {
        sign = '+';
    } else if (spec.flags & FMT_SPACE) {
        sign = ' ';
    }

    if (v != v || v == __builtin_inf()) {
        const char *text = v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        spec.flags &= ~FMT_ZERO;
        __dx_put_field(s, &spec, &sign, sign != 0, 0, text, 3);
        return;
    }

    struct decimal dec;
    to_decimal(v, &dec);
    struct layout l = plan(&dec, conv, spec.prec < 0 ? 6 : spec.prec,
                           (spec.flags & FMT_ALT) != 0);
    size_t len = l.exp_style ? expo(NULL, &dec, l.nfrac, l.point, upper)
                             : fixed(NULL, &dec, l.nfrac, l.point);

    /* Padding around a body we have not built: the field code pads for a
     * body of len bytes, and we stream the body between. */
    size_t total = (sign != 0) + len;
    size_t pad = spec.width > 0 && (size_t)spec.width > total ? (size_t)spec.width - total : 0;
    bool left = spec.flags & FMT_LEFT, zero = spec.flags & FMT_ZERO;

    if (!left && !zero)
        __dx_put_repeat(s, ' ', pad);
    if (sign != 0) {
        s->put(s, &sign, 1);
        s->count++;
    }
    if (!left && zero)
        __dx_put_repeat(s, '0', pad);
    struct out o = { .s = s, .len = 0 };
    if (l.exp_style)
        expo(&o, &dec, l.nfrac, l.point, upper);
    else
        fixed(&o, &dec, l.nfrac, l.point);
    out_flush(&o);
    if (left)
        __dx_put_repeat(s, ' ', pad);
}
