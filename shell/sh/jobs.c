/*
 * jobs.c - jobs: the processes of one pipeline, waited for together.
 *
 * Every pipeline the shell starts is a job, foreground ones included, so
 * that ^Z can turn one into a stopped job at any time. With job control
 * (an interactive shell), a job is its own process group; a foreground job
 * is given the terminal (tcsetpgrp) and the shell takes it back when the
 * job stops or ends.
 *
 * The shell never handles SIGCHLD: it learns about its children by
 * calling waitpid(-1) - blocking while a foreground job runs, and
 * WNOHANG before each prompt (jobs_reap) - and files every status under
 * the job that owns the pid. A job has a number ([1]) once it is in the
 * background or stopped; `+` marks the current job, `-` the previous one.
 */
#include "sh.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static struct job *jobs;
static unsigned recency;

/* ---- signals: names and the words bash prints ----------------------------- */

static const struct { const char *name, *text; } signals[] = {
    [SIGHUP] = { "HUP", "Hangup" },         [SIGINT] = { "INT", "Interrupt" },
    [SIGQUIT] = { "QUIT", "Quit" },         [SIGILL] = { "ILL", "Illegal instruction" },
    [SIGTRAP] = { "TRAP", "Trace/breakpoint trap" },
    [SIGABRT] = { "ABRT", "Aborted" },      [SIGBUS] = { "BUS", "Bus error" },
    [SIGFPE] = { "FPE", "Floating point exception" },
    [SIGKILL] = { "KILL", "Killed" },       [SIGUSR1] = { "USR1", "User defined signal 1" },
    [SIGSEGV] = { "SEGV", "Segmentation fault" },
    [SIGUSR2] = { "USR2", "User defined signal 2" },
    [SIGPIPE] = { "PIPE", "Broken pipe" },  [SIGALRM] = { "ALRM", "Alarm clock" },
    [SIGTERM] = { "TERM", "Terminated" },   [SIGCHLD] = { "CHLD", "Child exited" },
    [SIGCONT] = { "CONT", "Continued" },    [SIGSTOP] = { "STOP", "Stopped (signal)" },
    [SIGTSTP] = { "TSTP", "Stopped" },      [SIGTTIN] = { "TTIN", "Stopped (tty input)" },
    [SIGTTOU] = { "TTOU", "Stopped (tty output)" },
    [SIGURG] = { "URG", "Urgent I/O condition" },
    [SIGXCPU] = { "XCPU", "CPU time limit exceeded" },
    [SIGXFSZ] = { "XFSZ", "File size limit exceeded" },
    [SIGVTALRM] = { "VTALRM", "Virtual timer expired" },
    [SIGPROF] = { "PROF", "Profiling timer expired" },
    [SIGWINCH] = { "WINCH", "Window changed" }, [SIGSYS] = { "SYS", "Bad system call" },
};
#define NSIGNALS ((int)(sizeof signals / sizeof signals[0]))

const char *signal_text(int sig)
{
    static char buf[32];
    if (sig > 0 && sig < NSIGNALS && signals[sig].text)
        return signals[sig].text;
    snprintf(buf, sizeof buf, "Signal %d", sig);
    return buf;
}

const char *signal_name(int sig)
{
    static char buf[16];
    if (sig > 0 && sig < NSIGNALS && signals[sig].name)
        return signals[sig].name;
    snprintf(buf, sizeof buf, "%d", sig);
    return buf;
}

/* "INT", "SIGINT" or "2" -> 2; "0" -> 0, the null signal kill uses to ask
 * whether a process exists; -1 if it is none. */
int signal_number(const char *s)
{
    long n;
    if (parse_int(s, &n))
        return n >= 0 && n < 65 ? (int)n : -1;
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (int k = 1; k < NSIGNALS; k++)
        if (signals[k].name && strcasecmp(s, signals[k].name) == 0)
            return k;
    return -1;
}

/* The exit status the shell reports for a wait status. */
int status_of(int ws)
{
    if (WIFEXITED(ws))
        return WEXITSTATUS(ws);
    if (WIFSIGNALED(ws))
        return 128 + WTERMSIG(ws);
    if (WIFSTOPPED(ws))
        return 128 + WSTOPSIG(ws);
    return 0;
}

/* ---- the table ---------------------------------------------------------------- */

static void job_free(struct job *j)
{
    free(j->pids);
    free(j->status);
    free(j->state);
    free(j->text);
    free(j);
}

void job_forget(struct job *j)
{
    for (struct job **pp = &jobs; *pp; pp = &(*pp)->next) {
        if (*pp == j) {
            *pp = j->next;
            job_free(j);
            return;
        }
    }
}

struct job *job_new(const char *text, pid_t pgid)
{
    struct job *j = xmalloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->text = xstrdup(text ? text : "");
    j->pgid = pgid;
    j->next = jobs;
    jobs = j;
    return j;
}

void job_add(struct job *j, pid_t pid)
{
    size_t n = (size_t)j->n + 1;
    j->pids = xrealloc(j->pids, n * sizeof *j->pids);
    j->status = xrealloc(j->status, n * sizeof *j->status);
    j->state = xrealloc(j->state, n * sizeof *j->state);
    j->pids[j->n] = pid;
    j->status[j->n] = 0;
    j->state[j->n] = PS_RUNNING;
    j->n++;
}

static bool job_running(const struct job *j)
{
    for (int k = 0; k < j->n; k++)
        if (j->state[k] == PS_RUNNING)
            return true;
    return false;
}

static bool job_done(const struct job *j)
{
    for (int k = 0; k < j->n; k++)
        if (j->state[k] != PS_DONE)
            return false;
    return true;
}

static void give_number(struct job *j)
{
    if (j->id)
        return;
    int max = 0;
    for (struct job *o = jobs; o; o = o->next)
        if (o->id > max)
            max = o->id;
    j->id = max + 1;
}

/* File a status from waitpid under its job. */
static void record(pid_t pid, int ws)
{
    for (struct job *j = jobs; j; j = j->next) {
        for (int k = 0; k < j->n; k++) {
            if (j->pids[k] != pid)
                continue;
            if (WIFSTOPPED(ws)) {
                j->state[k] = PS_STOPPED;
                j->notified = false;
                j->seq = ++recency;
            } else if (WIFCONTINUED(ws)) {
                j->state[k] = PS_RUNNING;
            } else {
                j->state[k] = PS_DONE;
                j->status[k] = ws;
                j->notified = false;
            }
            return;
        }
    }
}

/* Wait for one change; false if there are no children left. */
static bool wait_any(int options)
{
    int ws;
    pid_t pid = waitpid(-1, &ws, options);
    if (pid < 0 && errno == EINTR)
        return true;
    if (pid <= 0)
        return false;
    record(pid, ws);
    return true;
}

/* A child that cannot be waited for is gone: count it as done. With
 * `interruptible`, ^C ends the wait (the `wait` builtin). */
static void wait_while_running(struct job *j, bool interruptible)
{
    while (job_running(j) && !(interruptible && interrupt_seen())) {
        if (!wait_any(WUNTRACED)) {
            for (int k = 0; k < j->n; k++)
                if (j->state[k] == PS_RUNNING)
                    j->state[k] = PS_DONE;
        }
    }
}

void jobs_reap(void)
{
    while (wait_any(WNOHANG | WUNTRACED | WCONTINUED))
        ;
}

/* ---- foreground and background ------------------------------------------------- */

static void terminal_reclaim(void)
{
    if (sh.job_control)
        tcsetpgrp(sh.tty, sh.pgid);
}

static struct job *current_job(int which)   /* 0: current (+), 1: previous (-) */
{
    struct job *best = NULL, *second = NULL;
    for (struct job *j = jobs; j; j = j->next) {
        if (!j->id)
            continue;
        if (!best || j->seq > best->seq) {
            second = best;
            best = j;
        } else if (!second || j->seq > second->seq) {
            second = j;
        }
    }
    return which ? second : best;
}

static char job_mark(const struct job *j)
{
    return j == current_job(0) ? '+' : j == current_job(1) ? '-' : ' ';
}

static void state_text(const struct job *j, char *buf, size_t size)
{
    int last = j->status[j->n - 1];
    if (job_running(j))
        snprintf(buf, size, "Running");
    else if (!job_done(j))
        snprintf(buf, size, "Stopped");
    else if (WIFSIGNALED(last))
        snprintf(buf, size, "%s", signal_text(WTERMSIG(last)));
    else if (WEXITSTATUS(last))
        snprintf(buf, size, "Exit %d", WEXITSTATUS(last));
    else
        snprintf(buf, size, "Done");
}

/* [1]+  Running                 sleep 10 &   (-l: with the pid) */
static void print_job(const struct job *j, FILE *f, bool with_pid)
{
    char state[48];
    state_text(j, state, sizeof state);
    fprintf(f, "[%d]%c ", j->id, job_mark(j));
    if (with_pid)
        fprintf(f, "%d ", (int)j->pids[0]);
    else
        fputc(' ', f);
    fprintf(f, "%-24s%s%s\n", state, j->text, job_running(j) ? " &" : "");
}

/* The foreground job stopped: it becomes a numbered, stopped job. */
static void job_stopped(struct job *j)
{
    if (sh.job_control) {
        tcgetattr(sh.tty, &j->tmodes);
        j->has_tmodes = true;
    }
    give_number(j);
    j->seq = ++recency;
    j->notified = true;
    fflush(stdout);
    fprintf(stderr, "\n");
    print_job(j, stderr, false);
}

/* A foreground job ended: say how, if a signal other than ^C ended it. */
static void job_ended(struct job *j)
{
    bool interrupted = false;
    for (int k = 0; k < j->n; k++)
        interrupted |= WIFSIGNALED(j->status[k]) && WTERMSIG(j->status[k]) == SIGINT;
    int last = j->status[j->n - 1];
    if (WIFSIGNALED(last) && WTERMSIG(last) != SIGINT && WTERMSIG(last) != SIGPIPE) {
        fflush(stdout);
        fprintf(stderr, "%s\n", signal_text(WTERMSIG(last)));
    }
    if (interrupted && sh.interactive) {
        fputc('\n', stderr);
        sh.control = CTL_INTERRUPT;     /* ^C also ends the loop around it */
    }
}

/* Wait for a foreground job to end or stop. Returns the status of its
 * last process (128+N for a signal); a job that ended is forgotten. */
int job_wait_fg(struct job *j, bool *stopped)
{
    wait_while_running(j, false);
    if (j->pgid && !j->nested && sh.job_control)
        terminal_reclaim();
    *stopped = !job_done(j);
    if (*stopped) {
        job_stopped(j);
        if (sh.job_control && !j->nested)
            tcsetattr(sh.tty, TCSADRAIN, &sh.tmodes);
        return 128 + SIGTSTP;
    }
    int last = j->status[j->n - 1];
    if (sh.job_control && j->pgid && !j->nested && WIFSIGNALED(last))   /* it may have left it raw */
        tcsetattr(sh.tty, TCSADRAIN, &sh.tmodes);
    job_ended(j);
    job_forget(j);
    return status_of(last);
}

/* A pipeline that could not be completed (pipeline.c): the stages already
 * started are killed and reaped, silently, and the terminal comes back. */
void job_abandon(struct job *j)
{
    for (int k = 0; k < j->n; k++)
        kill(j->pids[k], SIGKILL);
    wait_while_running(j, false);
    if (j->pgid && !j->nested && sh.job_control)
        terminal_reclaim();
    job_forget(j);
}

void job_background(struct job *j)
{
    give_number(j);
    j->seq = ++recency;
    if (sh.interactive)
        fprintf(stderr, "[%d] %d\n", j->id, (int)j->pids[j->n - 1]);
}

static struct job *job_by_id(int id)
{
    for (struct job *j = jobs; j; j = j->next)
        if (j->id == id)
            return j;
    return NULL;
}

static int max_id(void)
{
    int max = 0;
    for (struct job *j = jobs; j; j = j->next)
        max = j->id > max ? j->id : max;
    return max;
}

static void forget_done(void)
{
    struct job *next;
    for (struct job *j = jobs; j; j = next) {
        next = j->next;
        if (j->id && job_done(j) && j->notified)
            job_forget(j);
    }
}

/* Before a prompt: what changed in the background since the last one,
 * in the order of the job numbers. */
void jobs_notify(void)
{
    jobs_reap();
    for (int id = 1, max = max_id(); id <= max; id++) {
        struct job *j = job_by_id(id);
        if (!j || j->notified || job_running(j))
            continue;
        j->notified = true;
        if (sh.interactive)
            print_job(j, stderr, false);
    }
    forget_done();
}

void jobs_free_all(void)
{
    while (jobs) {
        struct job *j = jobs;
        jobs = j->next;
        job_free(j);
    }
}

/* ---- the job builtins --------------------------------------------------------- */

/* %n, %+, %%, %-, %prefix, or a pid of one of the job's processes. */
static struct job *find_job(const char *spec, const char *who, bool pid_ok)
{
    struct job *found = NULL;
    long n;
    if (!spec || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0) {
        found = current_job(0);
    } else if (strcmp(spec, "%-") == 0) {
        found = current_job(1);
    } else if (spec[0] == '%' && parse_int(spec + 1, &n)) {
        for (struct job *j = jobs; j; j = j->next)
            if (j->id && j->id == n)
                found = j;
    } else if (spec[0] == '%') {
        for (struct job *j = jobs; j; j = j->next)
            if (j->id && strncmp(j->text, spec + 1, strlen(spec + 1)) == 0)
                found = j;
    } else if (pid_ok && parse_int(spec, &n)) {
        for (struct job *j = jobs; j; j = j->next)
            for (int k = 0; k < j->n; k++)
                if (j->pids[k] == n)
                    found = j;
    }
    if (!found && pid_ok && spec && parse_int(spec, &n))
        sh_error("%s: pid %s is not a child of this shell", who, spec);
    else if (!found)
        sh_error("%s: %s: no such job", who, spec ? spec : "current");
    return found;
}

int bi_jobs(char **argv)
{
    bool pids = argv[1] && strcmp(argv[1], "-p") == 0;
    bool longer = argv[1] && strcmp(argv[1], "-l") == 0;
    jobs_reap();
    for (int id = 1, max = max_id(); id <= max; id++) {
        struct job *j = job_by_id(id);
        if (!j)
            continue;
        if (pids) {
            printf("%d\n", (int)j->pids[0]);
        } else {
            print_job(j, stdout, longer);
        }
        j->notified = true;
    }
    fflush(stdout);
    forget_done();
    return 0;
}

static void continue_job(struct job *j)
{
    for (int k = 0; k < j->n; k++)
        if (j->state[k] == PS_STOPPED)
            j->state[k] = PS_RUNNING;
    if (j->pgid)
        killpg(j->pgid, SIGCONT);
    else
        for (int k = 0; k < j->n; k++)
            kill(j->pids[k], SIGCONT);
}

int bi_fg(char **argv)
{
    if (!sh.job_control) {
        sh_error("fg: no job control");
        return 1;
    }
    struct job *j = find_job(argv[1], "fg", false);
    if (!j)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    tcsetpgrp(sh.tty, j->pgid);
    if (j->has_tmodes)
        tcsetattr(sh.tty, TCSADRAIN, &j->tmodes);
    j->seq = ++recency;
    continue_job(j);
    bool stopped;
    return job_wait_fg(j, &stopped);
}

int bi_bg(char **argv)
{
    if (!sh.job_control) {
        sh_error("bg: no job control");
        return 1;
    }
    struct job *j = find_job(argv[1], "bg", false);
    if (!j)
        return 1;
    continue_job(j);
    printf("[%d]%c %s &\n", j->id, job_mark(j), j->text);
    fflush(stdout);
    return 0;
}

/* wait: every background job; wait ID...: those, the status of the last. */
int bi_wait(char **argv)
{
    int status = 0;
    if (!argv[1]) {
        for (struct job *j = jobs; j; j = j->next)
            if (j->id)
                wait_while_running(j, true);
        jobs_notify();
        return interrupt_seen() ? 130 : 0;
    }
    for (int i = 1; argv[i]; i++) {
        long pid;
        bool number = parse_int(argv[i], &pid);
        if (!number && argv[i][0] != '%') {
            sh_error("wait: %s: bad pid", argv[i]);
            status = 2;
            continue;
        }
        struct job *j = find_job(argv[i], "wait", true);
        if (!j) {
            status = number ? 127 : 2;
            continue;
        }
        wait_while_running(j, true);
        if (interrupt_seen())
            return 130;
        int k = j->n - 1;
        if (parse_int(argv[i], &pid))
            while (k > 0 && j->pids[k] != pid)
                k--;
        status = job_done(j) ? status_of(j->status[k]) : 128 + SIGTSTP;
        if (job_done(j))
            job_forget(j);
    }
    return status;
}

/* kill -l: every signal's name without SIG, one a line (POSIX leaves the
 * layout open; dash's is this one, which a script can read word by word);
 * kill -l ARG...: each number's name (an exit status 128+N names N, as
 * `kill -l $?` wants) and each name's number. */
static int kill_list(char **args)
{
    int status = 0;
    if (*args && strcmp(*args, "--") == 0)
        args++;
    if (!*args)
        for (int k = 1; k < NSIGNALS; k++)
            if (signals[k].name)
                printf("%s\n", signals[k].name);
    for (; *args; args++) {
        long n;
        if (parse_int(*args, &n)) {
            if (n > 128)
                n -= 128;
            if (n > 0 && n < NSIGNALS && signals[n].name) {
                printf("%s\n", signals[n].name);
                continue;
            }
        } else if ((n = signal_number(*args)) > 0) {
            printf("%ld\n", n);
            continue;
        }
        sh_error("kill: %s: invalid signal specification", *args);
        status = 1;
    }
    return status;
}

static int signal_job(struct job *j, int sig)
{
    int r = 0;
    if (j->pgid)
        r = killpg(j->pgid, sig);
    else
        for (int k = 0; k < j->n; k++)
            if (j->state[k] != PS_DONE && kill(j->pids[k], sig) < 0)
                r = -1;
    /* a stopped job would only die once continued: continue it, as bash does */
    if (r == 0 && !job_running(j) && !job_done(j) && sig != SIGCONT && sig != SIGSTOP &&
        sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU)
        continue_job(j);
    return r;
}

/* kill [-s SIG | -SIG] [--] pid|%job ... ; kill -l [status|SIG ...] */
int bi_kill(char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;
    if (argv[1] && strcmp(argv[1], "-l") == 0)
        return kill_list(argv + 2);
    if (argv[1] && strcmp(argv[1], "-s") == 0 && argv[2]) {
        sig = signal_number(argv[2]);
        i = 3;
    } else if (argv[1] && argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--") != 0) {
        sig = signal_number(argv[1] + 1);
        i = 2;
    }
    if (sig >= 0 && argv[i] && strcmp(argv[i], "--") == 0)
        i++; /* -- ends the options, so a negative pid (a group) can follow */
    if (sig < 0) {
        sh_error("kill: %s: invalid signal specification", argv[i - 1]);
        return 2;
    }
    if (!argv[i]) {
        sh_error("kill: usage: kill [-s SIG | -SIG] pid|%%job ... or kill -l");
        return 2;
    }
    for (; argv[i]; i++) {
        long pid;
        int r;
        if (argv[i][0] == '%') {
            struct job *j = find_job(argv[i], "kill", false);
            if (!j) {
                status = 1;
                continue;
            }
            r = signal_job(j, sig);
        } else if (parse_int(argv[i], &pid)) {
            r = kill((pid_t)pid, sig);
        } else {
            sh_error("kill: %s: arguments must be process or job IDs", argv[i]);
            status = 1;
            continue;
        }
        if (r < 0) {
            sh_error("kill: (%s) - %s", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
