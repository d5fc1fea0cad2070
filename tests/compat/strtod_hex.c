/* strtod reads C99's hexadecimal numbers: "0x" hex digits, a point, and a
 * binary exponent "p[+-]digits" (optional), any case, after blanks and a
 * sign. For each string: the double's bits, how many characters were read,
 * and ERANGE when it is set. The strings take in a "0x" with no digit after
 * it (read as "0"), an exponent with no digits (not read), a mantissa with
 * more digits than a double holds (rounded to nearest, ties to even, the
 * digits dropped counted), and numbers too large or small for a double. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const inputs[] = {
    "0x1p3", "0x1A", "0X1a", "  -0x10", "+0x.8", "0x1.8p1", "0x1.8P+1", "0xA.Bp-2",
    "0x0", "-0x0p0", "0x", "0xg", "0x.", "0x.p1", "0x1p", "0x1p+", "0x1pz",
    "0x1.p4", "0x.1p4", "0x000000000000000000000000001p0", "0x1.000000000000000000000001p0",
    "0x1.fffffffffffff8p0", "0x1.fffffffffffff80000000001p0", "0x1.00000000000008p0",
    "0x1.00000000000018p0", "0x1.00000000000008000001p0", "0x123456789abcdef0123p-20",
    "0xFFFFFFFFFFFFFFFFFFFFp0", "0x1p1023", "0x1.fffffffffffffp1023", "0x1p1024",
    "0x1p-1022", "0x1p99999999", "0x1p-99999999", "-0x1p5000", "0x1.8p-1x",
    "0x1e3", "0x1.e3", "0x1.e3p1e", "0x12345678p-28", "1e3", "0", "infinity",
};

int main(void)
{
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        int range = errno == ERANGE;
        unsigned long long bits;
        memcpy(&bits, &d, sizeof bits);
        printf("%-34s %016llx read %d%s\n", inputs[i], bits, (int)(end - inputs[i]),
               range ? " ERANGE" : "");
    }
    return 0;
}
