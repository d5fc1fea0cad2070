/*
 * test_printf.c - the printf family against the host's: for many formats
 * and values, Duplex's snprintf must produce the same text and return the
 * same count as glibc's. Then the edges the comparison cannot show:
 * truncation, the stream and descriptor forms.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "harness.h"

/* Format with both and compare; fmt takes one argument of the type given. */
#define SAME(fmt, ...) do {                                                 \
        char ours_[512], host_[512];                                        \
        int r1_ = snprintf(ours_, sizeof ours_, fmt, __VA_ARGS__);          \
        int r2_ = host_snprintf(host_, sizeof host_, fmt, __VA_ARGS__);     \
        if (r1_ != r2_ || strcmp(ours_, host_) != 0)                        \
            t_fail(__FILE__, __LINE__, "format \"%s\": \"%s\" (%d), host \"%s\" (%d)", \
                   fmt, ours_, r1_, host_, r2_);                            \
    } while (0)

static const int ints[] = {
    0, 1, -1, 7, 42, -42, 127, 128, 255, 256, 1000, -1000, 65535, 65536,
    123456789, -987654, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1,
};

static const char *const int_formats[] = {
    "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "% 05d", "%.3d",
    "%8.3d", "%-8.3d|", "%.0d", "%+.0d", "%08.3d", "%x", "%X", "%#x", "%#X", "%08x",
    "%#08x", "%#10.4x", "%o", "%#o", "%#.0o", "%#5o", "%u", "%10u", "%hhd", "%hd",
    "%hhu", "%hu", "%hhx", "%-+8d|", "%.10d", "%c|",
};

TEST(printf_ints)
{
    for (size_t f = 0; f < sizeof int_formats / sizeof *int_formats; f++)
        for (size_t v = 0; v < sizeof ints / sizeof *ints; v++) {
            if (strcmp(int_formats[f], "%c|") == 0 && (ints[v] <= 0 || ints[v] > 126))
                continue;
            SAME(int_formats[f], ints[v]);
        }
}

static const long long longs[] = {
    0, 1, -1, 4294967296LL, -4294967297LL, 1LL << 40, LLONG_MAX, LLONG_MIN,
    LLONG_MIN + 1, 999999999999LL,
};

static const char *const long_formats[] = {
    "%lld", "%lli", "%llx", "%llX", "%llu", "%#llo", "%20lld", "%-20lld|", "%+lld",
    "%025lld", "%.20lld", "%ld", "%lx", "%lu", "%jd", "%ju", "%zd", "%zu", "%td",
    "%#llx",
};

TEST(printf_longs)
{
    for (size_t f = 0; f < sizeof long_formats / sizeof *long_formats; f++)
        for (size_t v = 0; v < sizeof longs / sizeof *longs; v++)
            SAME(long_formats[f], longs[v]);
}

static const double doubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 0.1, 0.2, 0.3,
    3.14159265358979, 2.718281828459045, 1e-5, 1e-4, 5e-5, 0.000123456, 9.5, 99.5,
    999999.5, 123456.789, 1234567.0, 0.99999, 9.9999999, 1e15, 1e16, 1e17, 1e21,
    1e22, 1e23, 1e100, 1e300, 1.7976931348623157e308, 2.2250738585072014e-308,
    4.9406564584124654e-324, 1e-310, 0.05, 0.15, 0.25, 0.35, 1.0 / 3, 2.0 / 3,
    100.0, 1e6, 1e-6, 123e-20, 6.02214076e23, 65536.0, 4294967296.0,
};

static const char *const double_formats[] = {
    "%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%.20f", "%20.5f", "%-20.5f|",
    "%+f", "% f", "%010.3f", "%#.0f", "%F", "%e", "%.0e", "%.1e", "%.3e", "%.16e",
    "%E", "%+.2e", "%#.0e", "%015.4e", "%g", "%.0g", "%.1g", "%.2g", "%.3g",
    "%.6g", "%.10g", "%.17g", "%#g", "%#.3g", "%G", "%15g", "%-15g|", "%+g",
    "%010g", "%.30g",
};

TEST(printf_doubles)
{
    for (size_t f = 0; f < sizeof double_formats / sizeof *double_formats; f++)
        for (size_t v = 0; v < sizeof doubles / sizeof *doubles; v++) {
            /* %f of the biggest values is longer than the buffers */
            if (doubles[v] > 1e100 && (strchr(double_formats[f], 'f') ||
                                       strchr(double_formats[f], 'F')))
                continue;
            /* glibc (2.36) loses the zeros of "%#g" when rounding carries a
             * number over to exponent style; checked separately below. */
            if (strcmp(double_formats[f], "%#g") == 0 && doubles[v] == 999999.5)
                continue;
            SAME(double_formats[f], doubles[v]);
            SAME(double_formats[f], -doubles[v]);
        }
}

/* What C says: '#' keeps the trailing zeros, P - 1 = 5 digits after the
 * point (glibc prints "1.e+06"). */
TEST(printf_alt_g_after_carry)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%#g", 999999.5);
    CHECK_STR(buf, "1.00000e+06");
    snprintf(buf, sizeof buf, "%#g", 99999.96);
    CHECK_STR(buf, "100000.");
    snprintf(buf, sizeof buf, "%g", 999999.5);
    CHECK_STR(buf, "1e+06");
}

TEST(printf_special_doubles)
{
    const double inf = __builtin_inf(), nan = __builtin_nan("");
    const char *fmts[] = { "%f", "%e", "%g", "%F", "%E", "%G", "%10f", "%-10f|",
                           "%+f", "% f", "%010f", "%.3f" };
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
        SAME(fmts[f], inf);
        SAME(fmts[f], -inf);
        SAME(fmts[f], nan);
    }
}

/* Random doubles of every magnitude, by their bits. */
TEST(printf_random_doubles)
{
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    const char *fmts[] = { "%.17g", "%.3e", "%.12e", "%g", "%.1g", "%.25e" };
    const char *ffmts[] = { "%f", "%.0f", "%.3f", "%.12f" };

    for (int i = 0; i < 3000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (d != d || d == __builtin_inf() || d == -__builtin_inf())
            continue;
        SAME(fmts[i % 6], d);
        /* fixed notation for numbers whose digits fit the buffer */
        double m = d < 0 ? -d : d;
        if (m < 1e60 && m > 1e-60)
            SAME(ffmts[i % 4], d);
    }
}

TEST(printf_strings_chars_pointers)
{
    const char *strs[] = { "", "a", "hello", "hello, world", NULL };
    const char *sfmts[] = { "%s", "%10s", "%-10s|", "%.2s", "%10.2s", "%.0s", "%-3.1s|",
                            "%.3s", "%.6s", "%.10s" };
    for (size_t f = 0; f < sizeof sfmts / sizeof *sfmts; f++)
        for (size_t s = 0; s < sizeof strs / sizeof *strs; s++)
            SAME(sfmts[f], strs[s]);

    SAME("%c", 'x');
    SAME("%5c|", 'y');
    SAME("%-5c|", 'z');
    SAME("[%c]", 0);

    void *ptrs[] = { NULL, (void *)0x1234, (void *)(uintptr_t)0xdeadbeefcafeULL };
    const char *pfmts[] = { "%p", "%20p|", "%-20p|" };
    for (size_t f = 0; f < 3; f++)
        for (size_t p = 0; p < 3; p++)
            SAME(pfmts[f], ptrs[p]);
}

TEST(printf_stars_and_mixed)
{
    SAME("%*d|", 8, 42);
    SAME("%*d|", -8, 42);
    SAME("%-*d|", 8, 42);
    SAME("%.*d|", 3, 7);
    SAME("%.*d|", -1, 7);
    SAME("%*.*f|", 10, 3, 3.14159);
    SAME("%.*s|", 3, "abcdef");
    SAME("100%% done: %d%%", 50);
    SAME("%s=%d (%x) %c %.2f %s", "n", 255, 255, 'q', 2.675, "end");
    SAME("%5s|%-5d|%05.1f|%#o|%e", "ab", -3, -2.25, 8, 1e-10);
    char buf[32];
    CHECK_EQ(snprintf(buf, sizeof buf, "%%"), 1);
    CHECK_STR(buf, "%");
    CHECK_EQ(snprintf(buf, sizeof buf, "plain"), 5);
    CHECK_STR(buf, "plain");
}

TEST(snprintf_truncates)
{
    char buf[8];
    memset(buf, 'X', sizeof buf);
    CHECK_EQ(snprintf(buf, 5, "hello world"), 11);
    CHECK_STR(buf, "hell");
    CHECK_EQ(buf[5], 'X');                 /* nothing past the size */
    CHECK_EQ(snprintf(NULL, 0, "%d-%s", 12345, "abc"), 9);
    CHECK_EQ(snprintf(buf, 1, "abc"), 3);
    CHECK_STR(buf, "");
    CHECK_EQ(snprintf(buf, sizeof buf, "%s", "1234567"), 7);
    CHECK_STR(buf, "1234567");
    CHECK_EQ(snprintf(buf, sizeof buf, "%s", "12345678"), 8);
    CHECK_STR(buf, "1234567");
    CHECK_EQ(sprintf(buf, "%03d", 7), 3);
    CHECK_STR(buf, "007");
}

TEST(snprintf_long_output)
{
    static char big[5000];
    int n = snprintf(big, sizeof big, "%4000d|%s", 1, "end");
    CHECK_EQ(n, 4004);
    CHECK_EQ(big[3998], ' ');
    CHECK_STR(big + 3999, "1|end");
    n = snprintf(big, sizeof big, "%.1000f", 1.0);
    CHECK_EQ(n, 1002);
    CHECK_EQ(big[1001], '0');
}

TEST(printf_to_streams_and_descriptors)
{
    CHECK_EQ(fprintf(stderr, "x=%d\n", 5), 4);
    CHECK_STR(fk_out(2), "x=5\n");
    CHECK_EQ(fk_writes(2), 1);               /* stderr: one write per call */

    CHECK_EQ(dprintf(2, "%s-%d\n", "fd", 2), 5);
    CHECK_STR(fk_out(2), "x=5\nfd-2\n");
    CHECK_EQ(fk_writes(2), 2);

    CHECK_EQ(printf("%d %s", 1, "two"), 5);
    CHECK_EQ(fk_writes(1), 0);               /* not a terminal: buffered */
    fflush(stdout);
    CHECK_STR(fk_out(1), "1 two");

    /* longer than the staging buffer of an unbuffered stream */
    static char line[1000];
    memset(line, 'a', sizeof line - 1);
    CHECK_EQ(fprintf(stderr, "%s\n", line), 1000);
    CHECK_EQ(fk_out_len(2), 9 + 1000);
}

TEST(printf_reports_write_errors)
{
    fk_write_fail(0, EPIPE);
    CHECK_EQ(fprintf(stderr, "lost\n"), -1);
    CHECK(ferror(stderr));
    CHECK_EQ(dprintf(1, "lost\n"), -1);
}
