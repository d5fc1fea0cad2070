/*
 * xargs - build command lines from standard input and run them.
 *
 *   xargs [-0rt] [-a FILE] [-d DELIM] [-E EOF] [-n N | -L N] [-s SIZE] [-P N]
 *         [--process-slot-var=NAME] [-I REPLACE] [COMMAND [ARG]...]
 *
 * Reads items from standard input and runs COMMAND (default echo) with
 * ARGs followed by as many items as fit, as many times as needed. Items
 * are separated by blanks and newlines; '...' and "..." quote (not across
 * a newline) and a backslash escapes the next character. -0: items end
 * with a NUL and nothing is special. -n N: at most N items per command.
 * -L N: a command for every N non-empty input lines, a line that ends in
 * a blank going on to the next one (the last of -n and -L given counts).
 * -I REPLACE: one command per input line (leading blanks dropped), with
 * every REPLACE in COMMAND and the ARGs replaced by the line. -r: do not
 * run COMMAND at all if there are no items. -t: print each command line
 * on standard error before running it. -a FILE: the items come from FILE,
 * and the commands get xargs's standard input. -d DELIM: items end with
 * DELIM (a character, or an escape: \n \t \0 \\ \xHH \OOO) and nothing
 * else is special. -E EOF: an item EOF ends the input (not with -0, -d).
 * -s SIZE: a command line holds at most SIZE bytes, counting each
 * argument with its NUL. -P N: run up to N commands at a time (0: as many
 * as there are command lines); --process-slot-var=NAME gives each command
 * NAME in its environment, the number of the slot it runs in (0 to N-1,
 * the lowest free one). The long options are GNU's.
 *
 * Each command is started with posix_spawnp, its standard input from
 * /dev/null (the items are xargs's input, not its), and xargs waits for
 * it before starting the next, unless -P lets more run at once. A command line holds
 * at most what the system's ARG_MAX (sysconf) leaves after the environment
 * and 2048 bytes of headroom, counted as the kernel counts it (the
 * strings, their NULs and a pointer each); and, unless -s says otherwise,
 * at most 128 KiB of characters (the strings and their NULs), GNU's
 * default, so that the commands xargs builds are the same everywhere.
 *
 * Exit status, as POSIX and GNU xargs: 0; 123 if any command exited with
 * 1 to 125; 124 if one exited with 255 (xargs stops at once); 125 if one
 * was killed by a signal (ditto) or xargs itself failed; 126 if COMMAND
 * could not be run; 127 if it was not found; 1 for bad input or usage.
 *
 * Not supported: -x, -p.
 */
#include <errno.h>
#include <getopt.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "xargs"
#define XARGS_DEFAULT_CHARS (128 * 1024)  /* GNU's default -s */
#define XARGS_PTR      8                   /* what the kernel counts for an argument's
                                              pointer: arm64's size, the larger */

/* What an argument takes of ARG_MAX: itself, its NUL, its pointer. */
static size_t arg_size(const char *arg) { return strlen(arg) + 1 + XARGS_PTR; }

extern char **environ;

/* What a command line may take, as arg_size counts: ARG_MAX less the
 * environment and GNU's 2048 bytes of headroom. */
static size_t arg_room;

static void set_arg_room(void)
{
    size_t env = 0;
    for (char **e = environ; e && *e; e++)
        env += arg_size(*e);
    long max = sysconf(_SC_ARG_MAX);
    arg_room = max > 0 && (size_t)max > env + 2048 ? (size_t)max - env - 2048 : 0;
}

static int nul_items, no_empty_run, trace;
static int delim = -1;                   /* -d's byte (-0: 0) */
static long max_items;                   /* -n; 0: no limit but the sizes */
static long max_lines;                   /* -L; 0: lines do not matter */
static int line_ended;                   /* the item read last ended its line */
static long max_chars;                   /* -s (GNU's 128 KiB if not given) */
static long max_procs = 1;               /* -P; 0: no limit */
static long running;                     /* commands started, not yet waited for */
static const char *slot_var;             /* --process-slot-var: its name */
static pid_t *slots;                     /* the command of each slot, 0: free */
static size_t nslots;
static const char *eof_str;              /* -E */
static FILE *input;                      /* stdin, or -a's file */
static const char *replace;              /* -I */
static int status;                       /* the exit status so far */

/* A growing string, for the item being read. */
struct str {
    char  *s;
    size_t len, cap;
};

/* The command line being built: the command and ARGs first, then items. */
static char **cmd;
static size_t ncmd, nbase, cmd_size, cmd_cap;
static size_t cmd_chars;                 /* -s's count: the strings and NULs */

static void usage(int code)
{
    if (code)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-0rt] [-a FILE] [-d DELIM] [-E EOF] [-n N | -L N] [-s SIZE] [-P N]\n"
               "             [-I REPLACE] [COMMAND [ARG]...]\n"
               "Run COMMAND with the ARGs and items read from standard input.\n");
    exit(code);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, PROG ": out of memory\n");
        exit(125);
    }
    return p;
}

static void str_add(struct str *b, char c)
{
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->s = xrealloc(b->s, b->cap);
    }
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t';
}

/* -0 and -d: an item is everything up to the delimiter. */
static int read_delimited_item(struct str *b)
{
    int c, any = 0;
    while ((c = getc(input)) != EOF && c != delim) {
        str_add(b, (char)c);
        any = 1;
    }
    return any || c == delim;
}

static int unmatched(int quote)
{
    fprintf(stderr, PROG ": unmatched %s quote; by default quotes are special to xargs "
            "unless you use the -0 option\n", quote == '\'' ? "single" : "double");
    return -1;
}

/*
 * An item, with quotes and backslashes: blanks and newlines end it, except
 * with -I, where only a newline does. Returns 1 with an item, 0 at the end
 * of the input, -1 on an unmatched quote (after saying so). line_ended
 * says whether a newline ended the item: one after a blank does not end
 * the line, for -L, since a trailing blank continues it.
 */
static int read_item(struct str *b)
{
    int c, quote = 0, started = 0;
    line_ended = 0;
    while ((c = getc(input)) != EOF) {
        if (quote) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\n') {
                return unmatched(quote);
            } else {
                str_add(b, (char)c);
            }
        } else if (c == '\n' || (is_blank(c) && (!replace || !started))) {
            line_ended = c == '\n';
            if (started)
                return 1;              /* leading blanks and empty lines: skipped */
        } else if (c == '\'' || c == '"') {
            quote = c;
            started = 1;
        } else {
            if (c == '\\' && (c = getc(input)) == EOF)
                break;                 /* a backslash at the very end: dropped */
            str_add(b, (char)c);       /* the character, or the escaped one */
            started = 1;
        }
    }
    return quote ? unmatched(quote) : started;
}

static void cmd_push(char *arg)
{
    if (ncmd + 2 > cmd_cap) {
        cmd_cap = cmd_cap ? cmd_cap * 2 : 64;
        cmd = xrealloc(cmd, cmd_cap * sizeof *cmd);
    }
    cmd[ncmd++] = arg;
    cmd[ncmd] = NULL;
    cmd_size += arg_size(arg);
    cmd_chars += strlen(arg) + 1;
}

static void print_trace(char **argv)
{
    for (char **a = argv; *a; a++)
        fprintf(stderr, "%s%s", *a, a[1] ? " " : "\n");
}

/* Wait for one command to end (for all, if all): the xargs exit status
 * that asks for, or -1 if xargs should go on. The command's name in
 * messages is GNU's: the one xargs runs (COMMAND is the same for all). */
static int wait_commands(int all)
{
    while (running > 0) {
        int st;
        pid_t pid = waitpid(-1, &st, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, PROG ": waiting for %s: %s\n", cmd[0], strerror(errno));
            return 125;
        }
        running--;
        for (size_t i = 0; i < nslots; i++)
            if (slots[i] == pid)
                slots[i] = 0;
        if (WIFSIGNALED(st)) {
            fprintf(stderr, PROG ": %s: terminated by signal %d\n", cmd[0], WTERMSIG(st));
            return 125;
        }
        if (WEXITSTATUS(st) == 255) {
            fprintf(stderr, PROG ": %s: exited with status 255; aborting\n", cmd[0]);
            return 124;
        }
        if (WEXITSTATUS(st) != 0)
            status = 123;
        if (!all)
            break;
    }
    return -1;
}

/* Start argv once fewer than -P commands run; the xargs exit status it
 * asks for, or -1 if xargs should go on. Without -P (one at a time), it
 * waits for the command too. */
static int run(char **argv)
{
    int r;
    if (max_procs && running >= max_procs && (r = wait_commands(0)) >= 0)
        return r;
    if (trace)
        print_trace(argv);
    size_t slot = 0;
    if (slot_var) {
        /* --process-slot-var: the lowest slot no running command has, in
         * the environment the command is started with (GNU's) */
        while (slot < nslots && slots[slot])
            slot++;
        if (slot == nslots) {
            slots = xrealloc(slots, ++nslots * sizeof *slots);
            slots[slot] = 0;
        }
        char num[24];
        snprintf(num, sizeof num, "%zu", slot);
        if (setenv(slot_var, num, 1) != 0) {
            fprintf(stderr, PROG ": cannot set %s: %s\n", slot_var, strerror(errno));
            return 125;
        }
    }
    posix_spawn_file_actions_t fa;
    pid_t pid;
    int err = posix_spawn_file_actions_init(&fa);
    if (err == 0 && input == stdin)
        err = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (err == 0)
        err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
        fprintf(stderr, PROG ": %s: %s\n", argv[0], strerror(err));
        wait_commands(1);
        return err == ENOENT ? 127 : 126;
    }
    running++;
    if (slot_var)
        slots[slot] = pid;
    return max_procs == 1 ? wait_commands(1) : -1;
}

/* Run the command line built so far, then keep only COMMAND and ARGs. */
static void flush_items(void)
{
    int r = run(cmd);
    for (size_t i = nbase; i < ncmd; i++) {
        cmd_size -= arg_size(cmd[i]);
        cmd_chars -= strlen(cmd[i]) + 1;
        free(cmd[i]);
    }
    ncmd = nbase;
    cmd[ncmd] = NULL;
    if (r >= 0)
        exit(r);
}

/* A copy of s with every `replace` in it replaced by item. */
static char *substitute(const char *s, const char *item)
{
    size_t rlen = strlen(replace), ilen = strlen(item), n = 0;
    for (const char *p = s; rlen && (p = strstr(p, replace)) != NULL; p += rlen)
        n++;
    char *out = xrealloc(NULL, strlen(s) + n * ilen + 1), *o = out;
    const char *p = s, *hit;
    while (rlen && (hit = strstr(p, replace)) != NULL) {
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, item, ilen);
        o += ilen;
        p = hit + rlen;
    }
    strcpy(o, p);
    return out;
}

/* -s: whether argv[0, n) holds more than SIZE bytes. */
static int too_long(char **argv, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += strlen(argv[i]) + 1;
    return max_chars && chars > (size_t)max_chars;
}

/* -I: one command per item, built from COMMAND and ARGs afresh. */
static void run_replaced(const char *item)
{
    size_t size = 0;
    char **argv = xrealloc(NULL, (nbase + 1) * sizeof *argv);
    for (size_t i = 0; i < nbase; i++) {
        argv[i] = substitute(cmd[i], item);
        size += arg_size(argv[i]);
    }
    argv[nbase] = NULL;
    int r = -1;
    if (size > arg_room || too_long(argv, nbase)) {
        fprintf(stderr, PROG ": argument line too long\n");
        r = 1;
    } else {
        r = run(argv);
    }
    for (size_t i = 0; i < nbase; i++)
        free(argv[i]);
    free(argv);
    if (r >= 0)
        exit(r);
}

/* One more item for the command line; runs it first if it is full. */
static int fits(const char *item)
{
    return cmd_size + arg_size(item) <= arg_room &&
           (!max_chars || cmd_chars + strlen(item) + 1 <= (size_t)max_chars);
}

static void add_item(char *item)
{
    if (!fits(item) && ncmd > nbase)
        flush_items();
    if (!fits(item)) {
        fprintf(stderr, PROG ": argument line too long\n");
        free(item);
        exit(1);
    }
    cmd_push(item);
    if (ncmd - nbase == (size_t)max_items)
        flush_items();
}

/* The number of option -c, at least min. */
static long number(int c, const char *arg, long min)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (*end || end == arg || errno) {
        fprintf(stderr, PROG ": invalid number \"%s\" for -%c option\n", arg, c);
        usage(1);
    }
    if (v < min) {
        fprintf(stderr, PROG ": value %s for -%c option should be >= %ld\n", arg, c, min);
        usage(1);
    }
    return v;
}

/* -d's argument: one character, or a backslash escape. */
static int delimiter(const char *s)
{
    static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
    if (s[0] && !s[1])
        return (unsigned char)s[0];
    if (s[0] == '\\') {
        char *end;
        long v = -1;
        if (s[1] == 'x' && s[2])
            v = strtol(s + 2, &end, 16);
        else if (s[1] >= '0' && s[1] <= '7')
            v = strtol(s + 1, &end, 8);
        else
            for (const char *p = simple; *p; p += 2)
                if (s[1] == *p && !s[2])
                    return (unsigned char)p[1];
        if (v >= 0 && v <= 255 && !*end)
            return (int)v;
    }
    fprintf(stderr, PROG ": Invalid input delimiter specification %s: the delimiter must be "
            "either a single character or an escape sequence starting with \\.\n", s);
    exit(1);
}

static void parse_options(int argc, char **argv)
{
    int c;
    const char *file = NULL;
    static const struct option longopts[] = {
        { "null", no_argument, NULL, '0' }, { "delimiter", required_argument, NULL, 'd' },
        { "no-run-if-empty", no_argument, NULL, 'r' }, { "verbose", no_argument, NULL, 't' },
        { "replace", required_argument, NULL, 'I' }, { "arg-file", required_argument, NULL, 'a' },
        { "eof", required_argument, NULL, 'E' }, { "max-args", required_argument, NULL, 'n' },
        { "max-chars", required_argument, NULL, 's' },
        { "max-procs", required_argument, NULL, 'P' },
        { "max-lines", required_argument, NULL, 'L' },
        { "process-slot-var", required_argument, NULL, 'V' }, { NULL, 0, NULL, 0 },
    };
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+0rta:d:E:n:L:s:P:I:", longopts, NULL)) != -1) {
        switch (c) {
        case 'V': slot_var = optarg; break;
        case '0': nul_items = 1; delim = '\0'; break;
        case 'd': nul_items = 1; delim = delimiter(optarg); break;
        case 'r': no_empty_run = 1; break;
        case 't': trace = 1; break;
        case 'I': replace = optarg; break;
        case 'a': file = optarg; break;
        case 'E': eof_str = optarg; break;
        case 'n': max_items = number('n', optarg, 1); max_lines = 0; break;
        case 'L': max_lines = number('L', optarg, 1); max_items = 0; break;
        case 's': max_chars = number('s', optarg, 1); break;
        case 'P': max_procs = number('P', optarg, 0); break;
        default:
            if (optopt == 0)
                fprintf(stderr, PROG ": unrecognized option '%s'\n", argv[optind - 1]);
            else if (strchr("adEnLsPI", optopt))
                fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    if (eof_str && nul_items) {
        /* (GNU's message ends with an empty line) */
        fprintf(stderr, PROG ": warning: the -E option has no effect if -0 or -d is used.\n\n");
        eof_str = NULL;
    }
    input = stdin;
    if (file && strcmp(file, "-") != 0 && !(input = fopen(file, "r"))) {
        fprintf(stderr, PROG ": Cannot open input file '%s': %s\n", file, strerror(errno));
        exit(1);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    parse_options(argc, argv);
    set_arg_room();
    if (!max_chars)
        max_chars = XARGS_DEFAULT_CHARS;
    static char echo[] = "echo";
    if (optind == argc)
        cmd_push(echo);
    for (int i = optind; i < argc; i++)
        cmd_push(argv[i]);
    nbase = ncmd;
    if (cmd_size > arg_room || too_long(cmd, nbase)) {
        fprintf(stderr, PROG ": argument list too long\n");
        return 1;
    }

    struct str item = { NULL, 0, 0 };
    int r, items = 0, bad_input = 0;
    long lines = 0;                              /* -L: lines on the command line */
    for (;;) {
        item.len = 0;                            /* -I reuses the buffer */
        if (item.s)
            item.s[0] = '\0';
        r = nul_items ? read_delimited_item(&item) : read_item(&item);
        if (r <= 0 || (eof_str && item.s && strcmp(item.s, eof_str) == 0))
            break;
        items = 1;
        if (!item.s)
            str_add(&item, '\0');                /* '' is an empty item */
        if (replace) {
            run_replaced(item.s);
        } else {
            add_item(item.s);
            item = (struct str){ NULL, 0, 0 };   /* the command line owns it now */
            if (max_lines && line_ended && ++lines == max_lines) {
                flush_items();
                lines = 0;
            }
        }
    }
    bad_input = r < 0;
    free(item.s);
    if (!replace && (ncmd > nbase || (!items && !no_empty_run && !bad_input)))
        flush_items();
    if ((r = wait_commands(1)) >= 0)
        return r;
    free(cmd);
    if (bad_input)
        return 1;
    return status;
}
