/*
 * signame.c - what signals are called: names for kill -l and kill -INT
 * (sys_signame, sig2str, str2sig) and descriptions for messages
 * (sys_siglist, strsignal, psignal), in glibc's words.
 */
#include "libc.h"
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const sys_signame[NSIG] = {
    [SIGHUP] = "HUP",       [SIGINT] = "INT",       [SIGQUIT] = "QUIT",
    [SIGILL] = "ILL",       [SIGTRAP] = "TRAP",     [SIGABRT] = "ABRT",
    [SIGBUS] = "BUS",       [SIGFPE] = "FPE",       [SIGKILL] = "KILL",
    [SIGUSR1] = "USR1",     [SIGSEGV] = "SEGV",     [SIGUSR2] = "USR2",
    [SIGPIPE] = "PIPE",     [SIGALRM] = "ALRM",     [SIGTERM] = "TERM",
    [SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD",     [SIGCONT] = "CONT",
    [SIGSTOP] = "STOP",     [SIGTSTP] = "TSTP",     [SIGTTIN] = "TTIN",
    [SIGTTOU] = "TTOU",     [SIGURG] = "URG",       [SIGXCPU] = "XCPU",
    [SIGXFSZ] = "XFSZ",     [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
    [SIGWINCH] = "WINCH",   [SIGIO] = "IO",         [SIGPWR] = "PWR",
    [SIGSYS] = "SYS",
};

const char *const sys_siglist[NSIG] = {
    [SIGHUP] = "Hangup",
    [SIGINT] = "Interrupt",
    [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction",
    [SIGTRAP] = "Trace/breakpoint trap",
    [SIGABRT] = "Aborted",
    [SIGBUS] = "Bus error",
    [SIGFPE] = "Floating point exception",
    [SIGKILL] = "Killed",
    [SIGUSR1] = "User defined signal 1",
    [SIGSEGV] = "Segmentation fault",
    [SIGUSR2] = "User defined signal 2",
    [SIGPIPE] = "Broken pipe",
    [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated",
    [SIGSTKFLT] = "Stack fault",
    [SIGCHLD] = "Child exited",
    [SIGCONT] = "Continued",
    [SIGSTOP] = "Stopped (signal)",
    [SIGTSTP] = "Stopped",
    [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)",
    [SIGURG] = "Urgent I/O condition",
    [SIGXCPU] = "CPU time limit exceeded",
    [SIGXFSZ] = "File size limit exceeded",
    [SIGVTALRM] = "Virtual timer expired",
    [SIGPROF] = "Profiling timer expired",
    [SIGWINCH] = "Window changed",
    [SIGIO] = "I/O possible",
    [SIGPWR] = "Power failure",
    [SIGSYS] = "Bad system call",
};

static bool known(int sig)
{
    return sig > 0 && sig < NSIG && sys_signame[sig] != NULL;
}

/* POSIX.1-2024: the name without "SIG" into str (SIG2STR_MAX bytes). */
int sig2str(int sig, char *str)
{
    if (!known(sig))
        return -1;
    strcpy(str, sys_signame[sig]);
    return 0;
}

/* "INT", "SIGINT" (any case) or "2" to 2. 0 or -1. */
int str2sig(const char *str, int *sig)
{
    if (isdigit((unsigned char)*str)) {
        char *end;
        long n = strtol(str, &end, 10);
        if (*end != '\0' || n <= 0 || n >= NSIG || !known((int)n))
            return -1;
        *sig = (int)n;
        return 0;
    }
    if (strncasecmp(str, "SIG", 3) == 0)
        str += 3;
    for (int i = 1; i < NSIG; i++) {
        if (sys_signame[i] != NULL && strcasecmp(str, sys_signame[i]) == 0) {
            *sig = i;
            return 0;
        }
    }
    return -1;
}

char *strsignal(int sig)
{
    static char buf[32];
    if (known(sig))
        return (char *)sys_siglist[sig];
    snprintf(buf, sizeof buf, "Unknown signal %d", sig);
    return buf;
}

void psignal(int sig, const char *s)
{
    if (s != NULL && *s != '\0')
        fprintf(stderr, "%s: %s\n", s, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}
