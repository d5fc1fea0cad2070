/*
 * sleep - wait for a while.
 *
 *   sleep NUMBER[SUFFIX]...
 *
 * NUMBER may have a fraction (0.5); SUFFIX is s (seconds, the default),
 * m (minutes), h (hours) or d (days). Several operands add up, as in GNU
 * sleep. A signal that interrupts the wait without ending the process
 * (one with a handler, or SIGCONT after a stop) does not cut it short:
 * the rest of the time is slept.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util/util.h"

#define PROG "sleep"

/* Longer waits are clamped to this (about 31 years): nobody will notice. */
#define MAX_SECONDS 1e9

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " NUMBER[SUFFIX]...\n"
               "Pause for NUMBER seconds; SUFFIX may be s, m, h or d.\n");
    exit(status);
}

/* One operand in seconds, or -1 if it is not a valid interval. */
static double interval(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v != v || v < 0)         /* v != v: not a number */
        return -1;
    double unit = 1;
    switch (*end) {
    case '\0': break;
    case 's': unit = 1; end++; break;
    case 'm': unit = 60; end++; break;
    case 'h': unit = 60 * 60; end++; break;
    case 'd': unit = 24 * 60 * 60; end++; break;
    default:  return -1;
    }
    return *end ? -1 : v * unit;
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    if (argc > 1 && strcmp(argv[1], "--") == 0)
        first = 2;
    if (first >= argc) {
        missing_operand(NULL);
        usage(1);
    }
    double total = 0;
    int bad = 0;
    for (int i = first; i < argc; i++) {
        double v = interval(argv[i]);
        if (v < 0) {
            fprintf(stderr, PROG ": invalid time interval '%s'\n", argv[i]);
            bad = 1;
        }
        total += v;
    }
    if (bad)
        usage(1);
    if (total > MAX_SECONDS)
        total = MAX_SECONDS;
    struct timespec req, rem;
    req.tv_sec = (time_t)total;
    req.tv_nsec = (long)((total - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec > 999999999)
        req.tv_nsec = 999999999;
    while (nanosleep(&req, &rem) != 0) {
        if (errno != EINTR) {
            fprintf(stderr, PROG ": cannot sleep: %s\n", strerror(errno));
            return 1;
        }
        req = rem;
    }
    return 0;
}
