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
    return sig > 0 && sig < NTRAPS && sig != SIGKILL && sig != SIGSTOP ? sig : -1;
}

static void set_disposition(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, NULL);
}

/* Back to what the shell does without a trap. */
static void reset(int sig)
{
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
    free(actions[sig]);
    actions[sig] = xstrdup(action);
    if (sig == 0)
        return;
    /* an ignored signal stays ignored in the programs the shell starts */
    if (*action)
        sigaddset(&sh.reset_in_child, sig);
    else
        sigdelset(&sh.reset_in_child, sig);
    set_disposition(sig, *action ? on_signal : SIG_IGN);
}

static void list_traps(void)
{
    for (int sig = 0; sig < NTRAPS; sig++) {
        if (!actions[sig])
            continue;
        char *q = shell_quote(actions[sig]);
        printf("trap -- %s %s%s\n", q, sig ? "SIG" : "", sig ? signal_name(sig) : "EXIT");
        free(q);
    }
}

int bi_trap(char **argv)
{
    int i = 1, status = 0;
    if (!argv[1]) {
        list_traps();
        return 0;
    }
    if (strcmp(argv[1], "--") == 0)
        i++;
    const char *action = argv[i];
    if (!action)
        return 0;
    bool resetting = strcmp(action, "-") == 0;
    if (trap_number(action) >= 0 && !argv[i + 1])
        resetting = true;                   /* trap SIG: reset it */
    else
        i++;
    for (; argv[i]; i++) {
        int sig = trap_number(argv[i]);
        if (sig < 0) {
            sh_error("trap: %s: invalid signal specification", argv[i]);
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
    for (int sig = 0; sig < NTRAPS; sig++) {
        free(actions[sig]);
        actions[sig] = NULL;
    }
}
