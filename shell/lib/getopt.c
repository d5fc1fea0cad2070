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
 * GNU's "x::" (an optional argument, only attached: "-xval") is accepted.
 *
 * Errors: an unknown letter, or a missing argument, returns '?' with
 * optopt set and prints a message like glibc's to stderr, unless opterr is
 * 0 or optstring starts with ':' - then a missing argument returns ':'.
 * Setting optind to 0 starts a new scan from argv[1], as in glibc; so does
 * setting it to any value other than the one getopt left (1, say, once a
 * scan is over).
 *
 * getopt_long() adds GNU's long options ("--name", "--name=value",
 * "--name value", any unambiguous prefix of a name) and, unlike getopt(),
 * GNU's permutation: operands may come before options ("sort file -r"),
 * and argv is reordered as the scan goes so that when it ends, the
 * operands are argv[optind..]. A '+' starting optstring, or
 * POSIXLY_CORRECT in the environment, keeps POSIX's order instead.
 */
#include "libc.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
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

    /* The option takes an argument: the rest of this word, or the next;
     * GNU's "x::", an optional one, only the rest of this word. */
    const char *rest = word + pos;
    optind++;
    pos = 0;
    if (*rest != '\0' || spec[2] == ':') {
        optarg = *rest ? (char *)rest : NULL;
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

/* ---- getopt_long ----------------------------------------------------------- */

/* The operands skipped so far by permutation: argv[first_op..last_op). */
static int first_op = 1, last_op = 1;

static int is_operand(char *const argv[], int i)
{
    return argv[i][0] != '-' || argv[i][1] == '\0';
}

/* Swap the operands argv[first_op..last_op) with the options that came
 * after them, argv[last_op..optind), keeping each group's order. */
static void exchange(char *const argv[])
{
    char **v = (char **)argv;
    int a = first_op, b = last_op, e = optind;
    for (int n = e - b; n > 0; n--) {          /* rotate one option at a time */
        char *opt = v[b];
        memmove(v + a + 1, v + a, (size_t)(b - a) * sizeof *v);
        v[a++] = opt;
        b++;
    }
    first_op += e - last_op;
    last_op = e;
}

static int long_report(const char *optstring, const char *argv0, const char *fmt,
                       const char *name)
{
    if (opterr && optstring[0] != ':')
        fprintf(stderr, fmt, argv0, name);
    return '?';
}

/* argv[optind] is "--name..." (word points after the dashes). */
static int long_option(int argc, char *const argv[], const char *optstring,
                       const struct option *longopts, int *longindex, const char *word)
{
    size_t len = strcspn(word, "=");
    const struct option *hit = NULL;
    int ambiguous = 0;
    for (const struct option *o = longopts; o->name; o++) {
        if (strncmp(o->name, word, len) != 0)
            continue;
        if (strlen(o->name) == len) {          /* an exact match wins */
            hit = o;
            ambiguous = 0;
            break;
        }
        if (hit && (hit->has_arg != o->has_arg || hit->flag != o->flag || hit->val != o->val))
            ambiguous = 1;
        if (!hit)
            hit = o;
    }
    optind++;
    optopt = 0;
    if (ambiguous) {
        if (opterr && optstring[0] != ':') {
            fprintf(stderr, "%s: option '--%.*s' is ambiguous; possibilities:", argv[0],
                    (int)len, word);
            for (const struct option *o = longopts; o->name; o++)
                if (strncmp(o->name, word, len) == 0)
                    fprintf(stderr, " '--%s'", o->name);
            fputc('\n', stderr);
        }
        return '?';
    }
    if (!hit)
        return long_report(optstring, argv[0], "%s: unrecognized option '--%s'\n", word);
    if (longindex)
        *longindex = (int)(hit - longopts);
    if (word[len] == '=') {
        if (hit->has_arg == no_argument) {
            optopt = hit->flag ? 0 : hit->val;
            return long_report(optstring, argv[0], "%s: option '--%s' doesn't allow an argument\n",
                               hit->name);
        }
        optarg = (char *)word + len + 1;
    } else if (hit->has_arg == required_argument) {
        if (optind >= argc) {
            optopt = hit->flag ? 0 : hit->val;
            if (optstring[0] == ':')
                return ':';
            return long_report(optstring, argv[0], "%s: option '--%s' requires an argument\n",
                               hit->name);
        }
        optarg = argv[optind++];
    }
    if (hit->flag) {
        *hit->flag = hit->val;
        return 0;
    }
    return hit->val;
}

int getopt_long(int argc, char *const argv[], const char *optstring,
                const struct option *longopts, int *longindex)
{
    int permute = optstring[0] != '+' && !getenv("POSIXLY_CORRECT");
    if (optind == 0)
        optind = 1, pos = 0;
    else if (optind != pos_optind)
        pos = 0;                /* the caller moved optind: start afresh */
    optarg = NULL;
    if (pos == 0 && permute) {
        if (last_op > optind)
            last_op = optind;
        if (first_op > optind)
            first_op = optind;
        if (first_op != last_op && last_op != optind)
            exchange(argv);
        else if (last_op != optind)
            first_op = optind;
        while (optind < argc && is_operand(argv, optind))
            optind++;
        last_op = optind;
        if (optind < argc && strcmp(argv[optind], "--") == 0) {
            optind++;
            if (first_op != last_op && last_op != optind)
                exchange(argv);
            else if (first_op == last_op)
                first_op = optind;
            last_op = argc;
            optind = argc;
        }
        if (optind >= argc) {
            if (first_op != last_op)
                optind = first_op;             /* the operands, now last */
            pos_optind = optind;
            return -1;
        }
    }
    int c;
    if (pos == 0 && optind < argc && argv[optind][0] == '-' && argv[optind][1] == '-' &&
        argv[optind][2] != '\0')
        c = long_option(argc, argv, optstring, longopts, longindex, argv[optind] + 2);
    else
        c = scan(argc, argv, permute ? optstring : optstring + (optstring[0] == '+'));
    pos_optind = optind;
    return c;
}
