/*
 * awk - pattern scanning and processing language.
 *
 *   awk [-F FS] [-v VAR=VALUE]... 'PROGRAM' [FILE | VAR=VALUE]...
 *   awk [-F FS] [-v VAR=VALUE]... -f PROGFILE... [FILE | VAR=VALUE]...
 *
 * POSIX awk: patterns (BEGIN, END, expressions, regular expressions,
 * ranges), actions, fields and NF, associative and multi-dimensional
 * arrays, user functions, getline in all its forms, print and printf
 * with > >> and | redirections, the built-in functions and variables
 * (ENVIRON, ARGV, CONVFMT, OFMT, SUBSEP, RSTART ...). Also, as most awks
 * have: nextfile, delete of a whole array, length(array), fflush(), **,
 * "func", RS as a regular expression, FS "" (each character a field).
 * Not supported: locales (bytes are characters), gawk's extensions
 * (BEGINFILE, @include, gensub, strftime, arrays of arrays ...).
 *
 * Errors in the program are reported as "awk: line N: ..." with status
 * 2; an input file that cannot be opened also gives status 2.
 *
 * This file reads the command line and the input; see awk.h for the
 * others.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

extern char **environ;

static char **argv_list;       /* the operands, as ARGV holds them */
static int arg_i = 1;          /* the next ARGV element to look at */
static FILE *in;
static char *rec;
static size_t rec_cap;
static int status;

/* VAR=VALUE: a command-line assignment (the value's escapes as in a
 * string, and it is a numeric string if it looks like a number). */
static int assignment(const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg || (arg[0] >= '0' && arg[0] <= '9'))
        return 0;
    for (const char *p = arg; p < eq; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (p > arg && *p >= '0' && *p <= '9')))
            return 0;
    char *name = xstrndup(arg, (size_t)(eq - arg));
    size_t cap = strlen(eq) + 1, n = 0;
    char *val = xmalloc(cap);
    for (const char *p = eq + 1; *p; p++) {
        if (*p != '\\' || !p[1]) {
            val[n++] = *p;
            continue;
        }
        switch (*++p) {
        case 'n': val[n++] = '\n'; break;
        case 't': val[n++] = '\t'; break;
        case 'r': val[n++] = '\r'; break;
        case '\\': val[n++] = '\\'; break;
        case '"': val[n++] = '"'; break;
        case '/': val[n++] = '/'; break;
        default: val[n++] = '\\'; val[n++] = *p; break;
        }
    }
    struct var *v = &globals[global_index(name)];
    cell_set_strnum(&v->c, val, n);
    free(name);
    free(val);
    return 1;
}

static struct cell *argv_elem(int i)
{
    char key[24];
    snprintf(key, sizeof key, "%d", i);
    struct array *a = special(SV_ARGV)->arr;
    return array_get(a, key, 0);
}

/* Open the next input file from ARGV, applying assignments on the way;
 * stdin if ARGV names no file at all. */
static int open_next(void)
{
    static int used_file;
    int argc = (int)num_of(&special(SV_ARGC)->c);
    while (arg_i < argc) {
        struct cell *c = argv_elem(arg_i++);
        if (!c)
            continue;
        const char *name = str_of(c);
        if (*name == '\0' || assignment(name))
            continue;
        used_file = 1;
        in = open_operand(name);
        if (!in) {
            fflush(stdout);
            fprintf(stderr, "awk: can't open file %s: %s\n", name, strerror(errno));
            status = 2;
            continue;
        }
        cell_set_str(&special(SV_FILENAME)->c, name);
        cell_set_num(&special(SV_FNR)->c, 0);
        return 1;
    }
    if (!used_file) {
        used_file = 1;
        in = stdin;
        cell_set_num(&special(SV_FNR)->c, 0);
        return 1;
    }
    return 0;
}

int next_main_record(void)
{
    size_t len;
    for (;;) {
        if (!in && !open_next())
            return 0;
        if (read_record(in, &rec, &rec_cap, &len))
            break;
        skip_file();
    }
    record_set(rec, len);
    struct cell *nr = &special(SV_NR)->c, *fnr = &special(SV_FNR)->c;
    cell_set_num(nr, num_of(nr) + 1);
    cell_set_num(fnr, num_of(fnr) + 1);
    return 1;
}

void skip_file(void)
{
    if (in && in != stdin)
        fclose(in);
    in = NULL;
}

static void init_specials(int argc, char **argv)
{
    for (int i = 0; i < SV_COUNT; i++)
        global_index(special_names[i]);
    cell_set_str(&special(SV_FS)->c, " ");
    cell_set_str(&special(SV_OFS)->c, " ");
    cell_set_str(&special(SV_ORS)->c, "\n");
    cell_set_str(&special(SV_RS)->c, "\n");
    cell_set_str(&special(SV_SUBSEP)->c, "\034");
    cell_set_str(&special(SV_CONVFMT)->c, "%.6g");
    cell_set_str(&special(SV_OFMT)->c, "%.6g");
    cell_set_num(&special(SV_NR)->c, 0);
    cell_set_num(&special(SV_FNR)->c, 0);
    cell_set_num(&special(SV_RSTART)->c, 0);
    cell_set_num(&special(SV_RLENGTH)->c, -1);
    struct array *env = special(SV_ENVIRON)->arr = array_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char *name = xstrndup(*e, (size_t)(eq - *e));
        cell_set_strnum(array_get(env, name, 1), eq + 1, strlen(eq + 1));
        free(name);
    }
    struct array *av = special(SV_ARGV)->arr = array_new();
    cell_set_str(array_get(av, "0", 1), "awk");
    for (int i = 0; i < argc; i++) {
        char key[24];
        snprintf(key, sizeof key, "%d", i + 1);
        cell_set_strnum(array_get(av, key, 1), argv[i], strlen(argv[i]));
    }
    cell_set_num(&special(SV_ARGC)->c, argc + 1);
}

static char *read_program(const char *name)
{
    FILE *f = open_operand(name);
    if (!f) {
        fprintf(stderr, "awk: can't open file %s: %s\n", name, strerror(errno));
        exit(2);
    }
    size_t cap = 4096, n = 0, r;
    char *text = xmalloc(cap);
    while ((r = fread(text + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 >= cap)
            text = xrealloc(text, cap *= 2);
    }
    text[n] = '\0';
    if (f != stdin)
        fclose(f);
    return text;
}

static void usage(void)
{
    fprintf(stderr, "usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    util_fail_status = 2;
    char *program = NULL, *fs = NULL;
    char **assigns = xmalloc((size_t)argc * sizeof *assigns);
    int nassigns = 0, c;
    while ((c = getopt(argc, argv, "F:v:f:")) != -1) {
        switch (c) {
        case 'F': fs = optarg; break;
        case 'v': assigns[nassigns++] = optarg; break;
        case 'f': {
            char *t = read_program(optarg);
            size_t old = program ? strlen(program) : 0;
            program = xrealloc(program, old + strlen(t) + 2);
            if (!old)
                program[0] = '\0';
            strcat(program, t);
            strcat(program, "\n");
            free(t);
            break;
        }
        default: usage();
        }
    }
    if (!program) {
        if (optind >= argc)
            usage();
        program = xstrdup(argv[optind++]);
    }
    init_specials(argc - optind, argv + optind);
    if (fs) {
        /* -F t is a tab, as POSIX allows; -F '\t' too */
        if (strcmp(fs, "t") == 0 || strcmp(fs, "\\t") == 0)
            fs = "\t";
        cell_set_str(&special(SV_FS)->c, fs);
    }
    for (int i = 0; i < nassigns; i++)
        if (!assignment(assigns[i])) {
            fprintf(stderr, "awk: invalid -v argument: %s\n", assigns[i]);
            return 2;
        }
    free(assigns);
    argv_list = argv + optind;
    parse_program(program);
    run_begin();
    if (!exiting)
        run_main();
    run_end();
    close_all();
    if (fflush(stdout) != 0)
        return 2;
    return exit_code ? exit_code : status;
}
