/*
 * integer.c - integers in stdlib.h: reading them from text (the strtol
 * family and atoi), abs and div, and rand.
 *
 * All the strto* functions share one parser, which reads the magnitude as
 * an unsigned long long and says whether it overflowed; each then clamps to
 * its own type and sets errno to ERANGE when the value does not fit.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

struct parsed {
    unsigned long long mag;     /* the magnitude, saturated at ULLONG_MAX */
    bool neg;                   /* a '-' came first */
    bool overflow;              /* mag did not fit */
};

static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

/*
 * Leading white space, a sign, "0x" for base 16 or 0, then digits. With no
 * digits at all, *end is s itself and the value 0. A "0x" not followed by a
 * hex digit is the number 0 followed by "x...".
 */
static struct parsed parse(const char *s, char **end, int base)
{
    struct parsed r = { 0, false, false };
    const char *p = s;

    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (end != NULL)
            *end = (char *)s;
        return r;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-' || *p == '+')
        r.neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && tolower(p[1]) == 'x' &&
        isxdigit((unsigned char)p[2])) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }

    const char *digits = p;
    for (int d; (d = digit_value((unsigned char)*p)) < base; p++) {
        if (r.mag > (ULLONG_MAX - (unsigned)d) / (unsigned)base) {
            r.overflow = true;
            r.mag = ULLONG_MAX;
        } else if (!r.overflow) {
            r.mag = r.mag * (unsigned)base + (unsigned)d;
        }
    }
    if (end != NULL)
        *end = (char *)(p == digits ? s : p);
    return r;
}

/* A signed result in [min, max]: min is -(max + 1) for every type here. */
static long long to_signed(struct parsed r, long long max)
{
    unsigned long long limit = (unsigned long long)max + r.neg;
    if (r.overflow || r.mag > limit) {
        errno = ERANGE;
        return r.neg ? -max - 1 : max;
    }
    if (r.neg)
        return r.mag == limit ? -max - 1 : -(long long)r.mag;
    return (long long)r.mag;
}

/* An unsigned result: as POSIX says, "-1" is the maximum value (the
 * magnitude is negated in the result type), unless it overflows. */
static unsigned long long to_unsigned(struct parsed r, unsigned long long max)
{
    if (r.overflow || r.mag > max) {
        errno = ERANGE;
        return max;
    }
    return r.neg ? (max - r.mag + 1) & max : r.mag;
}

long strtol(const char *s, char **end, int base)
{
    return (long)to_signed(parse(s, end, base), LONG_MAX);
}

long long strtoll(const char *s, char **end, int base)
{
    return to_signed(parse(s, end, base), LLONG_MAX);
}

intmax_t strtoimax(const char *s, char **end, int base)
{
    return to_signed(parse(s, end, base), INTMAX_MAX);
}

unsigned long strtoul(const char *s, char **end, int base)
{
    return (unsigned long)to_unsigned(parse(s, end, base), ULONG_MAX);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    return to_unsigned(parse(s, end, base), ULLONG_MAX);
}

uintmax_t strtoumax(const char *s, char **end, int base)
{
    return to_unsigned(parse(s, end, base), UINTMAX_MAX);
}

/* atoi and atol do not report errors; out-of-range values are clamped. */
int atoi(const char *s)
{
    return (int)to_signed(parse(s, NULL, 10), INT_MAX);
}

long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
    return strtoll(s, NULL, 10);
}

int       abs(int j)            { return j < 0 ? -j : j; }
long      labs(long j)          { return j < 0 ? -j : j; }
long long llabs(long long j)    { return j < 0 ? -j : j; }
intmax_t  imaxabs(intmax_t j)   { return j < 0 ? -j : j; }

div_t div(int num, int den)
{
    div_t r = { num / den, num % den };
    return r;
}

ldiv_t ldiv(long num, long den)
{
    ldiv_t r = { num / den, num % den };
    return r;
}

/* A 64-bit linear congruential generator (Knuth's MMIX constants),
 * taking the high bits, which are the random ones. */
static unsigned long long rand_state = 1;

void srand(unsigned seed)
{
    rand_state = seed;
}

int rand(void)
{
    rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int)(rand_state >> 33);
}
