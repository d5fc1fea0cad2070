/*
 * trap.c - `trap ACTION SIGNAL...`: commands to run when a signal arrives,
 * or when the shell exits (EXIT, or 0).
 *
 * The signal handler only notes that the signal came; the action runs
 * later, between two commands (traps_run, called before each command), as
 * POSIX says: a handler cannot safely run shell code, and a shell waiting
 * for a foreground job runs the trap when the job is done, as bash does.
 *
 *   trap 'rm -f $tmp' EXIT    run at exit
 *   trap 'echo ouch' INT      run on ^C, instead of dying
 *   trap '' TERM              ignore (programs started later ignore it too)
 *   trap - INT                back to the default
 *   trap                      list the traps
 */
#include "sh.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTRAPS 65           /* EXIT (0) and signals 1..64 */

static char *actions[NTRAPS];
static volatile sig_atomic_t pending[NTRAPS];
static volatile sig_atomic_t any_pending;
static bool running;

static void on_signal(int sig)
{
    if (sig == SIGWINCH)
        shell_on_winch(sig);                /* the line editor redraws too */
    if (sig > 0 && sig < NTRAPS) {
        pending[sig] = 1;
        any_pending = 1;
    }
}

/* "EXIT", "0", "INT", "SIGINT", "2" -> the number, or -1. */
static int trap_number(const char *s)
{
    if (strcmp(s, "EXIT") == 0 || strcmp(s, "0") == 0)
        return 0;
    int sig = signal_number(s);
    return sig > 0 && sig < NTRAPS ? sig : -1;
}

static void set_disposition(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, NULL);
}

/* Signals ignored when a non-interactive shell started cannot be trapped
 * or reset there (POSIX): `cmd &` without job control ignores ^C, and so
 * must a script it runs, whatever its traps say. */
static sigset_t ignored_on_entry;

void traps_init(void)
{
    sigemptyset(&ignored_on_entry);
    for (int sig = 1; sig < NTRAPS; sig++) {
        struct sigaction sa;
        if (sig != SIGKILL && sig != SIGSTOP && sigaction(sig, NULL, &sa) == 0 &&
            sa.sa_handler == SIG_IGN)
            sigaddset(&ignored_on_entry, sig);
    }
}

static bool fixed(int sig)
{
    return sig > 0 && !sh.interactive && sigismember(&ignored_on_entry, sig);
}

/* Back to what the shell does without a trap. */
static void reset(int sig)
{
    if (fixed(sig))
        return;
    free(actions[sig]);
    actions[sig] = NULL;
    if (sig == 0)
        return;
    if (sig == SIGINT && sh.job_control)
        set_disposition(sig, shell_on_interrupt);
    else if (sig == SIGWINCH && sh.job_control)
        catch_window_changes();
    else if (sh.job_control && sigismember(&sh.reset_in_child, sig))
        set_disposition(sig, SIG_IGN);      /* what an interactive shell ignores */
    else
        set_disposition(sig, SIG_DFL);
}

static void set_trap(int sig, const char *action)
{
    if (fixed(sig))
        return;
    free(actions[sig]);
    actions[sig] = xstrdup(action);
    if (sig == 0 || sig == SIGKILL || sig == SIGSTOP)
        return;                             /* they cannot be caught: only listed */
    /* an ignored signal stays ignored in the programs the shell starts */
    if (*action)
        sigaddset(&sh.reset_in_child, sig);
    else
        sigdelset(&sh.reset_in_child, sig);
    set_disposition(sig, *action ? on_signal : SIG_IGN);
}

/* A sub-shell lists its parent's traps until it sets one of its own
 * (POSIX: `trap` in $(...) shows the shell's traps). */
static char *inherited[NTRAPS];
static bool any_inherited;

static void forget_inherited(void)
{
    for (int sig = 0; sig < NTRAPS; sig++) {
        free(inherited[sig]);
        inherited[sig] = NULL;
    }
    any_inherited = false;
}

void trap_inherit(int sig, const char *action)
{
    if (sig < 0 || sig >= NTRAPS)
        return;
    free(inherited[sig]);
    inherited[sig] = xstrdup(action);
    any_inherited = true;
    if (sig > 0 && !*action)
        set_trap(sig, "");                  /* an ignored signal stays ignored */
}

/* trap -- 'echo hi' INT, as dash lists them. */
static void list_traps(void)
{
    char **table = actions;
    for (int sig = 0; sig < NTRAPS; sig++) {
        if (!table[sig])
            continue;
        char *q = shell_quote(table[sig]);
        printf("trap -- %s %s\n", q, sig ? signal_name(sig) : "EXIT");
        free(q);
    }
}

void traps_serialize(struct strbuf *out)
{
    for (int sig = 0; sig < NTRAPS; sig++) {
        if (!actions[sig])
            continue;
        char n[32];
        snprintf(n, sizeof n, "__state trap %d ", sig);
        sb_adds(out, n);
        char *q = shell_quote(actions[sig]);
        sb_adds(out, q);
        sb_addc(out, '\n');
        free(q);
    }
}

static bool unsigned_number(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int bi_trap(char **argv)
{
    int i = 1, status = 0;
    if (argv[1] && strcmp(argv[1], "--") == 0)
        i++;
    if (!argv[i]) {
        list_traps();
        return 0;
    }
    if (argv[i][0] == '-' && argv[i][1] && !argv[i][2] && argv[i][1] != '-' &&
        strcmp(argv[i], "-") != 0) {
        if (strcmp(argv[i], "-l") == 0) {
            for (int sig = 1; sig < NTRAPS; sig++)
                if (signal_name(sig)[0] > '9')
                    printf("%d) SIG%s\n", sig, signal_name(sig));
            return 0;
        }
        sh_error("trap: Illegal option %s", argv[i]);
        return 2;
    }
    const char *action = argv[i];
    /* `trap N ...` with N a number, or one operand alone: conditions to reset */
    bool resetting = strcmp(action, "-") == 0 || unsigned_number(action) || !argv[i + 1];
    if (!unsigned_number(action) && argv[i + 1])
        i++;
    forget_inherited();
    for (; argv[i]; i++) {
        int sig = trap_number(argv[i]);
        if (sig < 0) {
            sh_error("trap: %s: bad trap", argv[i]);
            status = 1;
        } else if (resetting) {
            reset(sig);
        } else {
            set_trap(sig, action);
        }
    }
    return status;
}

/* Run the actions of the signals that came; $? is kept across them. */
void traps_run(void)
{
    if (!any_pending || running)
        return;
    any_pending = 0;
    running = true;
    for (int sig = 1; sig < NTRAPS; sig++) {
        if (!pending[sig])
            continue;
        pending[sig] = 0;
        if (actions[sig] && *actions[sig]) {
            int status = sh.status;
            char *action = xstrdup(actions[sig]);
            run_string(action);
            free(action);
            if (sh.control != CTL_EXIT)
                sh.status = status;
        }
    }
    running = false;
}

/* At exit, once. */
void trap_exit(void)
{
    char *action = actions[0];
    if (!action)
        return;
    actions[0] = NULL;
    enum control saved = sh.control;
    int status = sh.status;
    sh.control = CTL_NONE;
    run_string(action);
    free(action);
    if (sh.control != CTL_EXIT)             /* `exit N` in the trap decides */
        sh.status = status;
    sh.control = saved;
}

void traps_free_all(void)
{
    forget_inherited();
    for (int sig = 0; sig < NTRAPS; sig++) {
        free(actions[sig]);
        actions[sig] = NULL;
    }
}
