/*
 * getopt.c - POSIX getopt(): the options of argv, one letter at a time.
 *
 * optstring lists the option letters; a letter followed by ':' takes an
 * argument, either the rest of the word ("-ofile") or the next word
 * ("-o file"). Options may be grouped ("-ab"). Scanning stops at the
 * first word that is not an option, at "-" alone, and after "--" (which is
 * skipped). Words are never reordered, so the GNU "+" prefix asks for what
 * is already done and is accepted and ignored.
 *
 * Errors: an unknown letter, or a missing argument, returns '?' with
 * optopt set and prints a message like glibc's to stderr, unless opterr is
 * 0 or optstring starts with ':' - then a missing argument returns ':'.
 * Setting optind to 0 starts a new scan from argv[1], as in glibc; so does
 * setting it to any value other than the one getopt left (1, say, once a
 * scan is over).
 */
#include "libc.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int pos;             /* the next letter within argv[optind], 0: start */
static int pos_optind;      /* the optind that pos belongs to */

static int report(const char *optstring, const char *argv0, const char *what, int c)
{
    if (opterr && optstring[0] != ':')
        fprintf(stderr, "%s: %s -- '%c'\n", argv0, what, c);
    optopt = c;
    return '?';
}

static int scan(int argc, char *const argv[], const char *optstring);

int getopt(int argc, char *const argv[], const char *optstring)
{
    if (optind == 0) {
        optind = 1;
        pos = 0;
    } else if (optind != pos_optind) {
        pos = 0;                /* the caller moved optind: start afresh */
    }
    int c = scan(argc, argv, optstring);
    pos_optind = optind;
    return c;
}

static int scan(int argc, char *const argv[], const char *optstring)
{
    if (*optstring == '+')
        optstring++;
    optarg = NULL;

    if (pos == 0) {
        if (optind >= argc || argv[optind] == NULL || argv[optind][0] != '-' ||
            argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            optind++;
            return -1;
        }
        pos = 1;
    }

    const char *word = argv[optind];
    int c = (unsigned char)word[pos++];
    const char *spec = c != ':' ? strchr(optstring, c) : NULL;
    bool last = word[pos] == '\0';

    if (spec == NULL) {
        if (last) {
            optind++;
            pos = 0;
        }
        return report(optstring, argv[0], "invalid option", c);
    }
    if (spec[1] != ':') {
        if (last) {
            optind++;
            pos = 0;
        }
        return c;
    }

    /* The option takes an argument: the rest of this word, or the next. */
    const char *rest = word + pos;
    optind++;
    pos = 0;
    if (*rest != '\0') {
        optarg = (char *)rest;
        return c;
    }
    if (optind < argc && argv[optind] != NULL) {
        optarg = argv[optind++];
        return c;
    }
    if (optstring[0] == ':') {
        optopt = c;
        return ':';
    }
    return report(optstring, argv[0], "option requires an argument", c);
}
