/*
 * test_numbers.c - text to numbers: the strtol family with its edge cases
 * and errno, atoi, strtod against the host's, and sscanf.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

struct case_l {
    const char *s;
    int base;
    long long value;
    int consumed;          /* characters strto* takes */
    int err;               /* errno afterwards (0: untouched) */
};

static const struct case_l ll_cases[] = {
    { "0", 10, 0, 1, 0 },
    { "42", 10, 42, 2, 0 },
    { "  -42abc", 10, -42, 5, 0 },
    { "\t\n +7", 10, 7, 5, 0 },
    { "0x1f", 16, 31, 4, 0 },
    { "0X1F", 0, 31, 4, 0 },
    { "1f", 16, 31, 2, 0 },
    { "0x", 16, 0, 1, 0 },             /* "0", then "x" */
    { "0xg", 0, 0, 1, 0 },
    { "010", 0, 8, 3, 0 },
    { "010", 10, 10, 3, 0 },
    { "08", 0, 0, 1, 0 },              /* octal stops at 8 */
    { "z", 36, 35, 1, 0 },
    { "Zz", 36, 35 * 36 + 35, 2, 0 },
    { "777", 8, 511, 3, 0 },
    { "101", 2, 5, 3, 0 },
    { "", 10, 0, 0, 0 },
    { "   ", 10, 0, 0, 0 },
    { "+", 10, 0, 0, 0 },
    { "-", 10, 0, 0, 0 },
    { "abc", 10, 0, 0, 0 },
    { "9223372036854775807", 10, LLONG_MAX, 19, 0 },
    { "9223372036854775808", 10, LLONG_MAX, 19, ERANGE },
    { "99999999999999999999999", 10, LLONG_MAX, 23, ERANGE },
    { "-9223372036854775808", 10, LLONG_MIN, 20, 0 },
    { "-9223372036854775809", 10, LLONG_MIN, 20, ERANGE },
    { "0x7fffffffffffffff", 16, LLONG_MAX, 18, 0 },
    { "-0x8000000000000000", 0, LLONG_MIN, 19, 0 },
};

TEST(strtoll_cases)
{
    for (size_t i = 0; i < sizeof ll_cases / sizeof *ll_cases; i++) {
        const struct case_l *c = &ll_cases[i];
        char *end;
        errno = 0;
        long long v = strtoll(c->s, &end, c->base);
        if (v != c->value || end - c->s != c->consumed || errno != c->err)
            t_fail(__FILE__, __LINE__, "strtoll(\"%s\", %d) = %lld, took %d, errno %d",
                   c->s, c->base, v, (int)(end - c->s), errno);
        /* long is 64 bits on the host, as on aarch64 */
        errno = 0;
        CHECK_EQ(strtol(c->s, &end, c->base), c->value);
        CHECK_EQ(errno, c->err);
        CHECK_EQ(strtoimax(c->s, NULL, c->base), c->value);
    }
}

TEST(strtoul_cases)
{
    char *end;
    errno = 0;
    CHECK(strtoul("18446744073709551615", &end, 10) == ULONG_MAX);
    CHECK_EQ(errno, 0);
    CHECK(strtoul("18446744073709551616", &end, 10) == ULONG_MAX);
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK(strtoul("-1", &end, 10) == ULONG_MAX);      /* negated, as POSIX says */
    CHECK_EQ(errno, 0);
    CHECK(strtoul("-2", NULL, 10) == ULONG_MAX - 1);
    CHECK(strtoull("-0", NULL, 10) == 0);
    CHECK(strtoull("0xffffffffffffffff", NULL, 0) == ULLONG_MAX);
    CHECK(strtoumax(" 123", NULL, 10) == 123);
    errno = 0;
    CHECK(strtoull("-18446744073709551616", NULL, 10) == ULLONG_MAX);
    CHECK_EQ(errno, ERANGE);
}

TEST(strtol_bad_base)
{
    char *end;
    const char *s = "123";
    errno = 0;
    CHECK_EQ(strtol(s, &end, 1), 0);
    CHECK_EQ(errno, EINVAL);
    CHECK(end == s);
    errno = 0;
    CHECK_EQ(strtol(s, &end, 37), 0);
    CHECK_EQ(errno, EINVAL);
}

TEST(atoi_family)
{
    CHECK_EQ(atoi("  12x"), 12);
    CHECK_EQ(atoi("-7"), -7);
    CHECK_EQ(atoi("x"), 0);
    CHECK_EQ(atoi("99999999999"), INT_MAX);          /* clamped */
    CHECK_EQ(atol("-123456789012"), -123456789012L);
    CHECK_EQ(atoll("9000000000"), 9000000000LL);
    CHECK_EQ(abs(-5), 5);
    CHECK_EQ(labs(-5L), 5);
    CHECK_EQ(llabs(-5LL), 5);
    div_t d = div(-7, 2);
    CHECK_EQ(d.quot, -3);
    CHECK_EQ(d.rem, -1);
}

TEST(rand_is_deterministic_and_in_range)
{
    srand(1);
    int a = rand(), b = rand();
    srand(1);
    CHECK_EQ(rand(), a);
    CHECK_EQ(rand(), b);
    for (int i = 0; i < 1000; i++) {
        int r = rand();
        CHECK(r >= 0 && r <= RAND_MAX);
    }
}

/* Within one unit in the last place of the host's (correctly rounded) answer. */
static bool close_enough(double a, double b)
{
    if (a == b)
        return true;
    double diff = a > b ? a - b : b - a;
    double mag = a < 0 ? -a : a;
    return diff <= mag * 2.3e-16;
}

TEST(strtod_against_host)
{
    const char *cases[] = {
        "0", "1", "-1", "1.5", "-2e-3", ".5", "5.", "1e10", "1E+10", "3.14159265358979",
        "123456789012345678901234567890", "0.000001", "1e-300", "1e300", "2.5e-5",
        "  42.0xyz", "1e", "1e+", "-.25e2", "0.1", "0.3", "9007199254740993",
        "4.9e-324", "1e-310", "1.7976931348623157e308", "6.02214076e23",
        "inf", "-Infinity", "INF", "nan", "+12", "1.2.3", "e5", ".", "-",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *e1, *e2;
        double ours = strtod(cases[i], &e1), host = host_strtod(cases[i], &e2);
        bool both_nan = ours != ours && host != host;
        if (!both_nan && !close_enough(ours, host))
            t_fail(__FILE__, __LINE__, "strtod(\"%s\") = %.17g, host %.17g", cases[i],
                   ours, host);
        if (e1 - cases[i] != e2 - cases[i])
            t_fail(__FILE__, __LINE__, "strtod(\"%s\") took %d, host %d", cases[i],
                   (int)(e1 - cases[i]), (int)(e2 - cases[i]));
    }
    errno = 0;
    CHECK(strtod("1e400", NULL) == __builtin_inf());
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK(strtod("1e-400", NULL) == 0.0);
    CHECK_EQ(errno, ERANGE);
    CHECK(atof("2.5") == 2.5);
}

TEST(sscanf_conversions)
{
    int a = 0, b = 0, n = 0;
    unsigned u = 0;
    char s[16] = "", t[16] = "";
    long l = 0;
    double d = 0;
    float f = 0;
    char c[3] = { 0 };

    CHECK_EQ(sscanf("12 abc 0x1f", "%d %s %x", &a, s, &u), 3);
    CHECK_EQ(a, 12);
    CHECK_STR(s, "abc");
    CHECK_EQ(u, 31);

    CHECK_EQ(sscanf("  -5,17", "%d,%d%n", &a, &b, &n), 2);
    CHECK_EQ(a, -5);
    CHECK_EQ(b, 17);
    CHECK_EQ(n, 7);

    CHECK_EQ(sscanf("key=value;rest", "%[a-z]=%[^;]", s, t), 2);
    CHECK_STR(s, "key");
    CHECK_STR(t, "value");

    CHECK_EQ(sscanf("abcdef", "%2c%3s", c, s), 2);
    CHECK(c[0] == 'a' && c[1] == 'b');
    CHECK_STR(s, "cde");

    CHECK_EQ(sscanf("10 20 30", "%*d %d %ld", &a, &l), 2);
    CHECK_EQ(a, 20);
    CHECK_EQ(l, 30);

    CHECK_EQ(sscanf("1.5 2.25", "%lf %f", &d, &f), 2);
    CHECK(d == 1.5);
    CHECK(f == 2.25f);

    CHECK_EQ(sscanf("12345", "%3d%d", &a, &b), 2);
    CHECK_EQ(a, 123);
    CHECK_EQ(b, 45);

    CHECK_EQ(sscanf("0x10 010 10", "%i %i %i", &a, &b, &n), 3);
    CHECK_EQ(a, 16);
    CHECK_EQ(b, 8);
    CHECK_EQ(n, 10);

    CHECK_EQ(sscanf("100%", "%d%%", &a), 1);
    CHECK_EQ(sscanf("abc", "%d", &a), 0);               /* no match */
    CHECK_EQ(sscanf("", "%d", &a), EOF);                /* input ended first */
    CHECK_EQ(sscanf("   ", "%d", &a), EOF);
    CHECK_EQ(sscanf("x", "y%d", &a), 0);
}
