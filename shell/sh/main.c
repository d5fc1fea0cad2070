/*
 * main.c - the shell's start and end: its arguments, its variables and
 * signals, job control when it talks to a terminal, and the source of
 * commands it then runs until the end.
 *
 *   sh                      commands from standard input (interactive on a tty)
 *   sh FILE [ARG...]        a script, $0 = FILE, $1... = ARG...
 *   sh -c STRING [NAME [ARG...]]   a string, $0 = NAME
 *   options: -e (errexit) -x (trace) -f (no globbing) -i (interactive)
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

struct shell sh;

/* ---- start ---------------------------------------------------------------------- */

/* How to start another shell for a sub-shell: this very program. */
static char *find_self(const char *argv0)
{
    char *path = NULL;
    if (strchr(argv0, '/')) {
        if (argv0[0] == '/')
            return xstrdup(argv0);
        char cwd[1024];
        if (!getcwd(cwd, sizeof cwd))
            return xstrdup(argv0);
        path = xmalloc(strlen(cwd) + strlen(argv0) + 2);
        sprintf(path, "%s/%s", cwd, argv0);
        return path;
    }
    if (path_search(argv0, &path) == FOUND_FILE)
        return path;
    free(path);
    return xstrdup("/bin/sh");
}

/* The shell is also installed as bash. Started under that name (its
 * sub-shells too: they start as sh.self) it takes bash's side where the
 * two differ and POSIX leaves room: echo takes -n -e -E and does not
 * interpret backslashes by default. As sh it stays dash. */
static bool named_bash(const char *argv0)
{
    const char *base = strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    if (*base == '-')
        base++;                     /* a login shell: -bash */
    return strcmp(base, "bash") == 0;
}

static void init_variables(void)
{
    char n[24];
    vars_import(environ);
    if (!var_get("PATH"))
        var_set("PATH", DEFAULT_PATH, 0);
    pwd_init();
    var_set("IFS", " \t\n", 0);
    var_set("PS2", "> ", 0);
    var_set("PS4", "+ ", 0);
    var_set("OPTIND", "1", 0);
    snprintf(n, sizeof n, "%d", (int)getppid());
    var_set("PPID", n, 0);
    sh.ppid = getppid();
}

/* An interactive shell is where a student expects HOME and USER. */
static void init_user_variables(void)
{
    if (!var_get("HOME"))
        var_set("HOME", getuid() == 0 ? "/root" : "/", V_EXPORT);
    if (!var_get("USER")) {
        char n[24];
        snprintf(n, sizeof n, "%d", (int)getuid());
        var_set("USER", getuid() == 0 ? "root" : n, V_EXPORT);
    }
}

static void ignore(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(sig, &sa, NULL);
    sigaddset(&sh.reset_in_child, sig);
}

static volatile sig_atomic_t got_interrupt;

void shell_on_interrupt(int sig)
{
    (void)sig;
    got_interrupt = 1;
}

/* ^C reached the shell itself: it was running a loop of builtins, or a
 * $(...) of its own group, or waiting in `wait` or `read`. The caller
 * stops what it runs, as bash does. */
bool interrupt_pending(void)
{
    bool pending = got_interrupt != 0;
    got_interrupt = 0;
    return pending;
}

/* The same, without clearing it: for `wait` and `read` to give up. */
bool interrupt_seen(void)
{
    return sh.job_control && got_interrupt != 0;
}

/* ---- the window size ---------------------------------------------------------- */

static volatile sig_atomic_t got_winch;

void shell_on_winch(int sig)
{
    (void)sig;
    got_winch = 1;
}

/* Without SA_RESTART: the line editor's read returns, and it redraws the
 * line for the new width at once, not at the next key. */
void catch_window_changes(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = shell_on_winch;
    sigaction(SIGWINCH, &sa, NULL);
}

bool window_changed(void)
{
    bool changed = got_winch != 0;
    got_winch = 0;
    return changed;
}

/* COLUMNS and LINES are the terminal's size, as bash's checkwinsize keeps
 * them: set at start, on SIGWINCH, and before each prompt (a resize while a
 * job has the terminal signals the job, not the shell). Like bash, the
 * shell does not export them: programs ask the terminal (TIOCGWINSZ); a
 * COLUMNS that came from the environment stays exported. */
void window_size_check(void)
{
    struct winsize ws;
    if (!sh.job_control || ioctl(sh.tty, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row)
        return;
    char n[16];
    snprintf(n, sizeof n, "%d", ws.ws_col);
    var_set("COLUMNS", n, false);
    snprintf(n, sizeof n, "%d", ws.ws_row);
    var_set("LINES", n, false);
}

/* ---- job control ---------------------------------------------------------------- */

/* Wait until the shell's group is the terminal's foreground group: SIGTTIN
 * stops it until someone continues it there. A group nobody could continue
 * (an orphaned one) is not stopped, so the shell gives up after a few
 * tries rather than spin. */
static pid_t wait_for_foreground(void)
{
    pid_t fg;
    for (int tries = 0; (fg = tcgetpgrp(sh.tty)) >= 0 && fg != getpgrp(); tries++) {
        if (tries == 16) {
            sh_error("cannot get the terminal: no job control");
            return -1;
        }
        kill(-getpgrp(), SIGTTIN);
    }
    return fg;
}

/* An interactive shell takes the terminal: it waits until it is in the
 * foreground, becomes its own process group, leaves ^C, ^\ and ^Z to the
 * jobs (^C only sets a flag, see interrupt_pending), remembers the
 * terminal's modes, and follows its size. */
static void init_job_control(void)
{
    sh.tty = fcntl(0, F_DUPFD_CLOEXEC, 10);
    if (sh.tty < 0)
        return;
    pid_t fg = wait_for_foreground();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = shell_on_interrupt;     /* no SA_RESTART: `wait` stops */
    sigaction(SIGINT, &sa, NULL);
    sigaddset(&sh.reset_in_child, SIGINT);
    ignore(SIGQUIT);
    ignore(SIGTERM);
    ignore(SIGTSTP);
    ignore(SIGTTIN);
    ignore(SIGTTOU);
    ignore(SIGPIPE);
    if (fg < 0)
        return;
    sh.pgid = getpid();
    if (getpgrp() != sh.pgid && setpgid(0, sh.pgid) < 0)
        sh.pgid = getpgrp();
    tcsetpgrp(sh.tty, sh.pgid);
    tcgetattr(sh.tty, &sh.tmodes);
    sh.job_control = true;
    catch_window_changes();
    window_size_check();
}

/* ---- arguments -------------------------------------------------------------------- */

struct invocation {
    const char *command;    /* -c */
    const char *file;
    bool force_interactive, force_stdin;
};

static void usage_error(const char *fmt, const char *arg)
{
    char msg[128];
    snprintf(msg, sizeof msg, fmt, arg);
    sh_error("%s", msg);
    fprintf(stderr, "usage: sh [-abCefhinuvx] [-o option] [--posix] "
                    "[-c string [name [arg...]] | -s [arg...] | file [arg...]]\n");
    exit(2);
}

/* Options (-x +x -o name +o name, --posix), then what to run; returns the
 * index of the first parameter. -o takes its name from the next argument,
 * one per 'o' of the group (-oo errexit noglob). */
static int parse_arguments(int argc, char **argv, struct invocation *inv)
{
    int i = 1;
    bool want_command = false;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0 || strcmp(a, "-") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--posix") == 0) {
            sh.posix = true;
            continue;
        }
        if (a[1] == '-')
            usage_error("%s: invalid option", a);
        if (!a[1])
            break;
        int names = i;
        for (const char *o = a + 1; *o; o++) {
            bool on = a[0] == '-';
            if (*o == 'c')
                want_command = true;        /* +c too, as in dash */
            else if (*o == 'i')
                inv->force_interactive = on;
            else if (*o == 's')
                inv->force_stdin = on;
            else if (*o == 'l')
                ;                           /* a login shell: nothing more here */
            else if (*o == 'o') {
                if (names + 1 >= argc) {
                    options_print(!on);
                    continue;
                }
                if (!set_option_name(argv[++names], on))
                    usage_error("%s: invalid option name", argv[names]);
            } else if (!set_option_letter(*o, on)) {
                char bad[3] = { a[0], *o, 0 };
                usage_error("%s: invalid option", bad);
            }
        }
        i = names;
    }
    if (want_command) {
        if (i >= argc)
            usage_error("-c: option requires an argument%s", "");
        inv->command = argv[i++];
    } else if (i < argc && !inv->force_stdin) {
        inv->file = argv[i++];
    }
    return i;
}

/* ---- the end ----------------------------------------------------------------------- */

void shell_exit(int status)
{
    if (sh.control == CTL_EXIT)
        status = sh.exit_status;
    sh.status = status;
    traps_run();
    trap_exit();
    status = sh.status;
    fflush(stdout);
    if (sh.job_control)
        tcsetattr(sh.tty, TCSADRAIN, &sh.tmodes);
    jobs_free_all();
    functions_free_all();
    vars_free_all();
    history_free();
    traps_free_all();
    aliases_free_all();
    hash_forget();
    positional_free(sh.argv, sh.argc);
    free(sh.arg0);
    free(sh.self);
    exit(status & 0xff);
}

static struct source *open_script(const char *file)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        sh_error("%s: %s", file, strerror(err));
        shell_exit(err == ENOENT ? 127 : 126);
    }
    /* out of the way of the descriptors scripts use */
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    return source_fd(fd, true);
}

int main(int argc, char **argv)
{
    struct invocation inv = {0};
    sh.pid = getpid();
    sh.tty = -1;
    sigemptyset(&sh.reset_in_child);
    sigaddset(&sh.reset_in_child, SIGPIPE);
    if (argc >= 4 && strcmp(argv[1], "--subshell") == 0) {
        /* a sub-shell: its state comes from its parent (state.c) */
        sh.self = xstrdup(argv[0]);
        sh.bash = named_bash(argv[0]);
        traps_init();
        bool inline_state = strcmp(argv[2], "-") == 0 && argc >= 6;
        int first = inline_state ? 5 : 3;
        sh.arg0 = xstrdup(argv[first]);
        positional_set(argv + first + 1, argc - first - 1);
        shell_exit(inline_state ? subshell_main(argv[3], argv[4], -1)
                                : subshell_main(NULL, NULL, atoi(argv[2])));
    }
    init_variables();
    traps_init();
    sh.self = find_self(argc > 0 ? argv[0] : "sh");
    sh.bash = argc > 0 && named_bash(argv[0]);
    vars_start_clock();
    /* $_ starts as the shell's own path, as the name it was started by
     * (./bash) or as found in $PATH; then it is each simple command's
     * last word (pipeline.c) */
    var_set("_", argc > 0 && strchr(argv[0], '/') ? argv[0] : sh.self, 0);
    int first = parse_arguments(argc, argv, &inv);
    const char *name = inv.command && first < argc ? argv[first++] :
                       inv.file ? inv.file : argc > 0 ? argv[0] : "sh";
    sh.arg0 = xstrdup(name);
    positional_set(argv + first, argc - first);

    struct source *src;
    if (inv.force_interactive)
        sh.interactive = true;
    if (inv.command) {
        src = source_string(inv.command);
    } else if (inv.file) {
        src = open_script(inv.file);
    } else {
        sh.stdin_opt = true;
        sh.interactive = inv.force_interactive || (isatty(0) && isatty(2));
        if (sh.interactive) {
            init_user_variables();
            init_job_control();
            sh.monitor = sh.job_control;
        }
        src = sh.job_control ? source_terminal() : source_fd(0, false);
    }
    run_source(src);
    source_free(src);
    if (sh.interactive && sh.control != CTL_EXIT)
        fprintf(stderr, "exit\n");
    shell_exit(sh.status);
}
