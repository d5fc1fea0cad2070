/*
 * options.c - the shell's options: `set -e`, `set -o errexit`, `sh -x`,
 * what $- shows, and `set` itself.
 *
 * Each option has a long name and most a letter, in the order dash lists
 * them (`set -o` and `set +o` print the table). One is bash's: posix,
 * which turns off the bash extensions (brace expansion,
 * ${x/a/b} and the other bash operators, $'...', [[ ]], (( )), RANDOM).
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option {
    const char *name;
    char letter;
    bool *flag;
} options[] = {
    { "errexit",     'e', &sh.errexit },
    { "noglob",      'f', &sh.noglob },
    { "ignoreeof",   0,   &sh.ignoreeof },
    { "interactive", 'i', &sh.interactive },
    { "monitor",     'm', &sh.monitor },
    { "noexec",      'n', &sh.noexec },
    { "stdin",       's', &sh.stdin_opt },
    { "xtrace",      'x', &sh.xtrace },
    { "verbose",     'v', &sh.verbose },
    { "vi",          0,   &sh.vi },
    { "emacs",       0,   &sh.emacs },
    { "noclobber",   'C', &sh.noclobber },
    { "allexport",   'a', &sh.allexport },
    { "notify",      'b', &sh.notify },
    { "nounset",     'u', &sh.nounset },
    { "hashall",     'h', &sh.hashall },
    { "posix",       0,   &sh.posix },
};
#define NOPTIONS (sizeof options / sizeof options[0])

/* A letter of set or sh; false if there is none such. i, s and m are
 * the invocation's own (main.c): set only takes what can change. */
bool set_option_letter(char c, bool on)
{
    for (size_t k = 0; k < NOPTIONS; k++) {
        if (options[k].letter == c && c != 'i' && c != 's') {
            *options[k].flag = on;
            return true;
        }
    }
    return false;
}

bool set_option_name(const char *name, bool on)
{
    for (size_t k = 0; k < NOPTIONS; k++) {
        if (strcmp(options[k].name, name) == 0) {
            if (options[k].flag == &sh.interactive || options[k].flag == &sh.stdin_opt)
                return true;                /* only at start */
            *options[k].flag = on;
            if (options[k].flag == &sh.vi && on)
                sh.emacs = false;
            if (options[k].flag == &sh.emacs && on)
                sh.vi = false;
            return true;
        }
    }
    return false;
}

/* $-: the letters of the options that are on. */
char *option_flags(void)
{
    struct strbuf b = {0};
    for (size_t k = 0; k < NOPTIONS; k++)
        if (options[k].letter && *options[k].flag)
            sb_addc(&b, options[k].letter);
    return sb_take(&b);
}

/* set -o: a table; set +o: commands that recreate the settings. */
void options_print(bool as_commands)
{
    if (!as_commands)
        printf("Current option settings\n");
    for (size_t k = 0; k < NOPTIONS; k++) {
        bool on = *options[k].flag;
        if (as_commands)
            printf("set %co %s\n", on ? '-' : '+', options[k].name);
        else
            printf("%-16s%s\n", options[k].name, on ? "on" : "off");
    }
}

/* For a sub-shell (state.c): the options, as a `set` command. */
void options_serialize(struct strbuf *out)
{
    /* xtrace, verbose and noexec last: they would act on the rest */
    for (int pass = 0; pass < 3; pass++) {
        for (size_t k = 0; k < NOPTIONS; k++) {
            bool *f = options[k].flag;
            if (f == &sh.interactive || f == &sh.stdin_opt || f == &sh.monitor)
                continue;
            int last = f == &sh.xtrace ? 2 : f == &sh.verbose || f == &sh.noexec ? 1 : 0;
            if (last != pass)
                continue;
            sb_adds(out, *f ? "set -o " : "set +o ");
            sb_adds(out, options[k].name);
            sb_addc(out, '\n');
        }
    }
}

/* set [-abCefhmnuvx] [+abCefhmnuvx] [-o option] [+o option] [--] [arg...] */
int bi_set(char **argv)
{
    int i = 1;
    if (!argv[1]) {
        vars_print(0, "");
        return 0;
    }
    bool end_of_options = false;
    for (; argv[i] && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
        bool on = argv[i][0] == '-';
        if (strcmp(argv[i], "--") == 0) {
            i++;
            end_of_options = true;
            break;
        }
        if (strcmp(argv[i], "-") == 0) {    /* -x and -v off, then the arguments */
            sh.xtrace = sh.verbose = false; /* (if none, $@ stays: dash, bash) */
            i++;
            break;
        }
        if (strcmp(argv[i], "+") == 0)
            continue;
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'o') {
                if (!argv[i + 1]) {
                    options_print(!on);
                    continue;
                }
                const char *name = argv[++i];
                if (!set_option_name(name, on)) {
                    sh_fatal(2, "set: %s: invalid option name", name);
                    return 2;
                }
                break;
            }
            if (!set_option_letter(*o, on)) {
                sh_fatal(2, "set: %c%c: invalid option", argv[i][0], *o);
                return 2;
            }
        }
    }
    int n = 0;
    while (argv[i + n])
        n++;
    if (n || end_of_options) {
        positional_set(argv + i, n);
        var_set("OPTIND", "1", 0);          /* new parameters: getopts starts over */
        getopts_reset();
    }
    return 0;
}
