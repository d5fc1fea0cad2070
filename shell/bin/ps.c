/*
 * ps - list the processes.
 *
 *   ps
 *
 * One line per process, every process in the system:
 *
 *     PID  PPID  PGID STAT WCHAN        CMD
 *       1     0     1 S    wait         init
 *       7     1     7 S    tty read     sh
 *      12     7    12 R    -            ps
 *
 * STAT is the state letter: R runnable, S sleeping, T stopped, Z zombie.
 * WCHAN is what a sleeping process waits on, as the kernel names its wait
 * queues ("pipe 3 read"), or "-". CMD is the command line, cut short by
 * the kernel at 127 bytes. The columns widen to fit their widest entry.
 *
 * The records come from proc_list() (util/procs.c): Duplex's procinfo()
 * system call, or Linux's /proc on the development host.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "ps"

#include "util/util.h"

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG "\n"
               "List every process: PID, parent, process group, state, what it\n"
               "waits on, and its command line.\n");
    exit(status);
}

static int width_of(long v)
{
    char buf[24];
    return snprintf(buf, sizeof buf, "%ld", v);
}

static int widen(int w, int candidate)
{
    return candidate > w ? candidate : w;
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        if (strcmp(argv[1], "--help") == 0)
            usage(0);
        fprintf(stderr, PROG ": unknown argument '%s'\n", argv[1]);
        usage(1);
    }
    int count;
    struct k_procinfo *v = proc_list(&count);
    size_t n = (size_t)count;
    if (!v) {
        fprintf(stderr, PROG ": cannot read the process table: %s\n", strerror(errno));
        return 1;
    }
    /* Columns as wide as their widest entry: no pid, however long, shifts
     * the ones after it. */
    int pid_w = 5, ppid_w = 5, pgid_w = 5, wchan_w = 5;
    for (size_t i = 0; i < n; i++) {
        v[i].wait[sizeof v[i].wait - 1] = '\0';
        v[i].cmdline[sizeof v[i].cmdline - 1] = '\0';
        pid_w = widen(pid_w, width_of(v[i].pid));
        ppid_w = widen(ppid_w, width_of(v[i].ppid));
        pgid_w = widen(pgid_w, width_of(v[i].pgid));
        wchan_w = widen(wchan_w, (int)strlen(v[i].wait));
    }
    printf("%*s %*s %*s STAT %-*s CMD\n", pid_w, "PID", ppid_w, "PPID", pgid_w, "PGID",
           wchan_w, "WCHAN");
    for (size_t i = 0; i < n; i++) {
        const struct k_procinfo *p = &v[i];
        printf("%*d %*d %*d %c    %-*s %s\n", pid_w, (int)p->pid, ppid_w, (int)p->ppid,
               pgid_w, (int)p->pgid, p->state ? p->state : '?', wchan_w,
               p->wait[0] ? p->wait : "-", p->cmdline);
    }
    free(v);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
