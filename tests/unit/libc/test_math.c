/*
 * test_math.c - the elementary functions against the host's libm: over a
 * spread of arguments each result must be within a few units in the last
 * place of glibc's (which is correctly rounded or nearly so). pow with a
 * fractional exponent is exp(y log x), whose error grows with |y log x|:
 * it is allowed 2^14 ulps (a relative 2e-12).
 */
#include <math.h>
#include "harness.h"

static double ulps(double a, double b)
{
    if (isnan(a) && isnan(b))
        return 0;
    if (a == b)
        return 0;
    if (isnan(a) || isnan(b) || isinf(a) || isinf(b))
        return 1e9;
    int e;
    frexp(b, &e);
    return fabs(a - b) / ldexp(1, e - 53);
}

static void check(int which, const char *name, double (*f)(double, double), double x, double y,
                  double tolerance)
{
    double r = f(x, y), h = host_math(which, x, y);
    if (ulps(r, h) > tolerance)
        t_fail(__FILE__, __LINE__, "%s(%.17g, %.17g) = %.17g, glibc %.17g", name, x, y, r, h);
}

static double f_sqrt(double x, double y) { (void)y; return sqrt(x); }
static double f_exp(double x, double y) { (void)y; return exp(x); }
static double f_log(double x, double y) { (void)y; return log(x); }
static double f_sin(double x, double y) { (void)y; return sin(x); }
static double f_cos(double x, double y) { (void)y; return cos(x); }
static double f_atan(double x, double y) { (void)y; return atan(x); }
static double f_atan2(double x, double y) { return atan2(x, y); }
static double f_pow(double x, double y) { return pow(x, y); }
static double f_fmod(double x, double y) { return fmod(x, y); }
static double f_floor(double x, double y) { (void)y; return floor(x); }
static double f_log10(double x, double y) { (void)y; return log10(x); }

TEST(math_as_glibc)
{
    static const double xs[] = {
        0, 1, -1, 0.5, -0.5, 2, 3, 10, 100, 1e-5, 1e-300, 1e300, 0.1, 0.7, 1.5, 2.5,
        3.14159265358979, 6.28318530717959, -7.25, 12345.678, 1e6, 709, -745, 0.693147,
        1e-10, 42, -42.5, 1.0 / 3, 88.7, 1e15,
    };
    int n = (int)(sizeof xs / sizeof xs[0]);
    for (int i = 0; i < n; i++) {
        double x = xs[i];
        check(0, "sqrt", f_sqrt, fabs(x), 0, 0);
        check(9, "floor", f_floor, x, 0, 0);
        if (fabs(x) < 700)
            check(1, "exp", f_exp, x, 0, 4);
        check(2, "log", f_log, fabs(x), 0, 4);
        check(10, "log10", f_log10, fabs(x), 0, 4);
        if (fabs(x) < 1e6) {
            check(3, "sin", f_sin, x, 0, 4);
            check(4, "cos", f_cos, x, 0, 4);
        }
        check(5, "atan", f_atan, x, 0, 4);
        for (int j = 0; j < n; j += 3) {
            check(6, "atan2", f_atan2, x, xs[j], 4);
            check(8, "fmod", f_fmod, x, xs[j], 0);
            if (fabs(x) < 1e3 && fabs(xs[j]) < 50)
                check(7, "pow", f_pow, fabs(x), xs[j], xs[j] == trunc(xs[j]) ? 4 : 16384);
        }
    }
    for (double x = -20; x < 20; x += 0.37) {
        check(3, "sin", f_sin, x, 0, 4);
        check(4, "cos", f_cos, x, 0, 4);
        check(1, "exp", f_exp, x, 0, 4);
        check(7, "pow", f_pow, 2, x, 16384);
        check(7, "pow", f_pow, x, 3, 4);
    }
}
