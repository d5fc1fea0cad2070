/*
 * xargs - build command lines from standard input and run them.
 *
 *   xargs [-0rt] [-n N] [-I REPLACE] [COMMAND [ARG]...]
 *
 * Reads items from standard input and runs COMMAND (default echo) with
 * ARGs followed by as many items as fit, as many times as needed. Items
 * are separated by blanks and newlines; '...' and "..." quote (not across
 * a newline) and a backslash escapes the next character. -0: items end
 * with a NUL and nothing is special. -n N: at most N items per command.
 * -I REPLACE: one command per input line (leading blanks dropped), with
 * every REPLACE in COMMAND and the ARGs replaced by the line. -r: do not
 * run COMMAND at all if there are no items. -t: print each command line
 * on standard error before running it.
 *
 * Duplex has no fork: each command is started with posix_spawnp, its
 * standard input from /dev/null (the items are xargs's input, not its),
 * and xargs waits for it before starting the next. A command line holds
 * at most XARGS_ARG_MAX bytes of arguments (counted as the kernel counts
 * them: the strings, their NULs and a pointer each) and XARGS_ARGC_MAX
 * arguments: the kernel's limits (kernel/uapi/limits.h), used on every
 * system so that the commands xargs builds are the same everywhere.
 *
 * Exit status, as POSIX and GNU xargs: 0; 123 if any command exited with
 * 1 to 125; 124 if one exited with 255 (xargs stops at once); 125 if one
 * was killed by a signal (ditto) or xargs itself failed; 126 if COMMAND
 * could not be run; 127 if it was not found; 1 for bad input or usage.
 *
 * Not supported: -L, -s, -x, -E, -d, -P, -p.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "xargs"
#define XARGS_ARG_MAX  (64 * 1024 - 2048)  /* Duplex's ARG_MAX, less room for envp */
#define XARGS_ARGC_MAX 1023                /* Duplex's ARGC_MAX, less the NULL */
#define XARGS_PTR      8                   /* what the kernel counts for an argument's
                                              pointer: arm64's size, the larger */

/* What an argument takes of XARGS_ARG_MAX: itself, its NUL, its pointer. */
static size_t arg_size(const char *arg) { return strlen(arg) + 1 + XARGS_PTR; }

extern char **environ;

static int nul_items, no_empty_run, trace;
static long max_items;                   /* -n; 0: no limit but the sizes */
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

static void usage(int code)
{
    if (code)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-0rt] [-n N] [-I REPLACE] [COMMAND [ARG]...]\n"
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

/* -0: an item is everything up to a NUL. */
static int read_nul_item(struct str *b)
{
    int c, any = 0;
    while ((c = getchar()) != EOF && c != '\0') {
        str_add(b, (char)c);
        any = 1;
    }
    return any || c == '\0';
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
 * of the input, -1 on an unmatched quote (after saying so).
 */
static int read_item(struct str *b)
{
    int c, quote = 0, started = 0;
    while ((c = getchar()) != EOF) {
        if (quote) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\n') {
                return unmatched(quote);
            } else {
                str_add(b, (char)c);
            }
        } else if (c == '\n' || (is_blank(c) && (!replace || !started))) {
            if (started)
                return 1;              /* leading blanks and empty lines: skipped */
        } else if (c == '\'' || c == '"') {
            quote = c;
            started = 1;
        } else {
            if (c == '\\' && (c = getchar()) == EOF)
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
}

static void print_trace(char **argv)
{
    for (char **a = argv; *a; a++)
        fprintf(stderr, "%s%s", *a, a[1] ? " " : "\n");
}

/* Run argv and wait for it; the xargs exit status it asks for, or -1 if
 * xargs should go on. */
static int run(char **argv)
{
    if (trace)
        print_trace(argv);
    posix_spawn_file_actions_t fa;
    pid_t pid;
    int err = posix_spawn_file_actions_init(&fa);
    if (err == 0)
        err = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (err == 0)
        err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
        fprintf(stderr, PROG ": %s: %s\n", argv[0], strerror(err));
        return err == ENOENT ? 127 : 126;
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, PROG ": waiting for %s: %s\n", argv[0], strerror(errno));
            return 125;
        }
    }
    if (WIFSIGNALED(st)) {
        fprintf(stderr, PROG ": %s: terminated by signal %d\n", argv[0], WTERMSIG(st));
        return 125;
    }
    if (WEXITSTATUS(st) == 255) {
        fprintf(stderr, PROG ": %s: exited with status 255; aborting\n", argv[0]);
        return 124;
    }
    if (WEXITSTATUS(st) != 0)
        status = 123;
    return -1;
}

/* Run the command line built so far, then keep only COMMAND and ARGs. */
static void flush_items(void)
{
    int r = run(cmd);
    for (size_t i = nbase; i < ncmd; i++) {
        cmd_size -= arg_size(cmd[i]);
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
    if (size > XARGS_ARG_MAX) {
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
static void add_item(char *item)
{
    size_t len = arg_size(item);
    if (cmd_size + len > XARGS_ARG_MAX && ncmd > nbase)
        flush_items();
    if (cmd_size + len > XARGS_ARG_MAX) {
        fprintf(stderr, PROG ": argument line too long\n");
        free(item);
        exit(1);
    }
    cmd_push(item);
    if (ncmd - nbase == (size_t)max_items || ncmd == XARGS_ARGC_MAX)
        flush_items();
}

static void parse_options(int argc, char **argv)
{
    int c;
    char *end;
    opterr = 0;
    while ((c = getopt(argc, argv, "+0rtn:I:")) != -1) {
        switch (c) {
        case '0': nul_items = 1; break;
        case 'r': no_empty_run = 1; break;
        case 't': trace = 1; break;
        case 'I': replace = optarg; break;
        case 'n':
            errno = 0;
            max_items = strtol(optarg, &end, 10);
            if (*end || end == optarg || errno) {
                fprintf(stderr, PROG ": invalid number \"%s\" for -n option\n", optarg);
                usage(1);
            }
            if (max_items < 1) {
                fprintf(stderr, PROG ": value %s for -n option should be >= 1\n", optarg);
                usage(1);
            }
            break;
        default:
            if (optopt == 'n' || optopt == 'I')
                fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    parse_options(argc, argv);
    static char echo[] = "echo";
    if (optind == argc)
        cmd_push(echo);
    for (int i = optind; i < argc; i++)
        cmd_push(argv[i]);
    nbase = ncmd;
    if (cmd_size > XARGS_ARG_MAX || nbase >= XARGS_ARGC_MAX) {
        fprintf(stderr, PROG ": argument list too long\n");
        return 1;
    }

    struct str item = { NULL, 0, 0 };
    int r, items = 0, bad_input = 0;
    for (;;) {
        item.len = 0;                            /* -I reuses the buffer */
        if (item.s)
            item.s[0] = '\0';
        r = nul_items ? read_nul_item(&item) : read_item(&item);
        if (r <= 0)
            break;
        items = 1;
        if (!item.s)
            str_add(&item, '\0');                /* '' is an empty item */
        if (replace) {
            run_replaced(item.s);
        } else {
            add_item(item.s);
            item = (struct str){ NULL, 0, 0 };   /* the command line owns it now */
        }
    }
    bad_input = r < 0;
    free(item.s);
    if (!replace && (ncmd > nbase || (!items && !no_empty_run && !bad_input)))
        flush_items();
    free(cmd);
    if (bad_input)
        return 1;
    return status;
}
