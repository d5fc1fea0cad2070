/*
 * math.c - the elementary functions of <math.h>, for awk and friends.
 *
 * The square root is the compiler's builtin, which every target turns
 * into one instruction; rounding to an integer goes through a conversion
 * to long long. The others reduce their argument to a small interval and
 * sum a short series there: exp and log around 0 and 1 after taking out
 * powers of two, sin and cos after taking out multiples of pi/2, atan
 * after folding the argument below tan(pi/12). The results are within an
 * ulp or two of the correctly rounded ones over the usual ranges (the
 * host tests compare with glibc); arguments of sin and cos beyond 2^30
 * lose accuracy, as the reduction by pi/2 is done in three parts only.
 */
#include <math.h>
#include <stdint.h>

static const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
static const double pio2_1 = 1.57079632673412561417e+00, pio2_2 = 6.07710050630396597660e-11,
                    pio2_3 = 2.02226624879595063154e-21;

double sqrt(double x) { return __builtin_elementwise_sqrt(x); }
double fabs(double x) { return __builtin_fabs(x); }

/* Not __builtin_trunc and friends: where the processor has no such
 * instruction (wasm has no round-half-away, baseline x86 none at all)
 * the compiler calls trunc(), which would be this function. A double
 * beyond 2^52 is an integer already; below, the conversion truncates. */
double trunc(double x)
{
    if (!(fabs(x) < 0x1p52))
        return x;                              /* large, infinite or NaN */
    double t = (double)(long long)x;
    return t == 0 && signbit(x) ? -0.0 : t;
}

double floor(double x)
{
    double t = trunc(x);
    return t > x ? t - 1 : t;
}

double ceil(double x)
{
    double t = trunc(x);
    return t < x ? t + 1 : t;
}

double round(double x)
{
    double t = trunc(x);
    if (fabs(x - t) >= 0.5)
        t += x < 0 ? -1 : 1;
    return t;
}

static uint64_t bits(double x) { union { double d; uint64_t u; } v = { x }; return v.u; }
static double from_bits(uint64_t u) { union { uint64_t u; double d; } v = { u }; return v.d; }

double ldexp(double x, int e)
{
    /* in steps that stay normal, then one multiply by an exact power */
    while (e > 1000) { x *= 0x1p1000; e -= 1000; }
    while (e < -1000) { x *= 0x1p-1000; e += 1000; }
    return x * from_bits((uint64_t)(e + 1023) << 52);
}

double frexp(double x, int *e)
{
    *e = 0;
    if (x == 0 || isnan(x) || isinf(x))
        return x;
    int k = (int)(bits(x) >> 52 & 0x7ff);
    if (k == 0) {              /* subnormal: scale into the normal range */
        x *= 0x1p64;
        *e = -64;
        k = (int)(bits(x) >> 52 & 0x7ff);
    }
    *e += k - 1022;
    return from_bits((bits(x) & ~(0x7ffULL << 52)) | (1022ULL << 52));
}

double fmod(double x, double y)
{
    if (y == 0 || isinf(x) || isnan(x) || isnan(y))
        return NAN;
    if (isinf(y))
        return x;
    double r = fabs(x), m = fabs(y);
    /* subtract the largest power-of-two multiple of m each time: exact */
    while (r >= m) {
        int ex, em;
        frexp(r, &ex);
        frexp(m, &em);
        double t = ldexp(m, ex - em);
        if (t > r)
            t /= 2;
        r -= t;
    }
    return x < 0 ? -r : r;
}

double modf(double x, double *ip)
{
    *ip = trunc(x);
    return isinf(x) ? 0.0 * x : x - *ip;
}

double exp(double x)
{
    if (isnan(x))
        return x;
    if (x > 709.8)
        return HUGE_VAL;
    if (x < -745.2)
        return 0;
    double k = round(x / 0.69314718055994530942);
    double r = (x - k * ln2_hi) - k * ln2_lo;      /* |r| <= ln2/2 */
    double term = 1, sum = 1;
    for (int n = 1; n < 18; n++) {
        term *= r / n;
        sum += term;
    }
    return ldexp(sum, (int)k);
}

double log(double x)
{
    if (isnan(x) || x < 0)
        return NAN;
    if (x == 0)
        return -HUGE_VAL;
    if (isinf(x))
        return x;
    int e;
    double m = frexp(x, &e);   /* x = m 2^e, m in [0.5, 1) */
    if (m < 0.70710678118654752440) {
        m *= 2;
        e--;
    }
    /* log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172 */
    double s = (m - 1) / (m + 1), s2 = s * s, term = s, sum = 0;
    for (int n = 1; n < 40; n += 2) {
        sum += term / n;
        term *= s2;
    }
    return e * ln2_hi + (2 * sum + e * ln2_lo);
}

double log10(double x) { return log(x) / 2.30258509299404568402; }
double log2(double x) { return log(x) / 0.69314718055994530942; }

double pow(double x, double y)
{
    if (y == 0)
        return 1;
    if (isnan(x) || isnan(y))
        return NAN;
    if (y == trunc(y) && fabs(y) < 0x1p53) {
        /* an integer power: repeated squaring */
        double r = 1, b = x;
        for (uint64_t n = (uint64_t)fabs(y); n; n >>= 1) {
            if (n & 1)
                r *= b;
            b *= b;
        }
        return y < 0 ? 1 / r : r;
    }
    if (x < 0)
        return NAN;
    if (x == 0)
        return y > 0 ? 0 : HUGE_VAL;
    return exp(y * log(x));
}

/* sin and cos of |r| <= pi/4 by their series. */
static double sin_small(double r)
{
    double r2 = r * r, term = r, sum = r;
    for (int n = 2; n < 26; n += 2) {
        term *= -r2 / (n * (n + 1));
        sum += term;
    }
    return sum;
}

static double cos_small(double r)
{
    double r2 = r * r, term = 1, sum = 1;
    for (int n = 1; n < 26; n += 2) {
        term *= -r2 / (n * (n + 1));
        sum += term;
    }
    return sum;
}

/* x = k pi/2 + r; returns r, *quadrant = k mod 4. */
static double reduce(double x, int *quadrant)
{
    double k = round(x * 0.63661977236758134308);
    *quadrant = (int)fmod(k, 4);
    if (*quadrant < 0)
        *quadrant += 4;
    return ((x - k * pio2_1) - k * pio2_2) - k * pio2_3;
}

double sin(double x)
{
    if (isnan(x) || isinf(x))
        return NAN;
    int q;
    double r = reduce(x, &q);
    switch (q) {
    case 0: return sin_small(r);
    case 1: return cos_small(r);
    case 2: return -sin_small(r);
    default: return -cos_small(r);
    }
}

double cos(double x)
{
    if (isnan(x) || isinf(x))
        return NAN;
    int q;
    double r = reduce(x, &q);
    switch (q) {
    case 0: return cos_small(r);
    case 1: return -sin_small(r);
    case 2: return -cos_small(r);
    default: return sin_small(r);
    }
}

double tan(double x)
{
    return sin(x) / cos(x);
}

double atan(double x)
{
    if (isnan(x))
        return x;
    int neg = x < 0, inverted = 0, shifted = 0;
    x = fabs(x);
    if (x > 1) {
        x = 1 / x;
        inverted = 1;
    }
    if (x > 0.26794919243112270647) {          /* tan(pi/12) */
        x = (x * 1.73205080756887729353 - 1) / (x + 1.73205080756887729353);
        shifted = 1;
    }
    double x2 = x * x, term = x, sum = 0;
    for (int n = 1; n < 40; n += 2) {
        sum += term / n;
        term *= -x2;
    }
    if (shifted)
        sum += 0.52359877559829887308;         /* pi/6 */
    if (inverted)
        sum = 1.57079632679489661923 - sum;
    return neg ? -sum : sum;
}

double atan2(double y, double x)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (x == 0) {
        if (y == 0)
            return signbit(x) ? (signbit(y) ? -M_PI : M_PI) : y;
        return y > 0 ? M_PI / 2 : -M_PI / 2;
    }
    double a = atan(y / x);
    if (x > 0)
        return a;
    return signbit(y) ? a - M_PI : a + M_PI;
}

double asin(double x)
{
    return atan2(x, sqrt((1 - x) * (1 + x)));
}

double acos(double x)
{
    return atan2(sqrt((1 - x) * (1 + x)), x);
}
