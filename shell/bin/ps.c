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
 * On Duplex the records come from the procinfo() system call of
 * <duplex.h>. On the development host there is no such call: a small
 * host-only shim below reads the same facts from Linux's /proc, so that ps
 * and the transcripts using it can be tried there too.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "ps"

#if defined(__linux__)
/* ---- host-only development code: procinfo() from Linux's /proc ---------- */
#include <dirent.h>
#include "../../kernel/uapi/proc.h"

/* Read a small /proc file into buf (NUL-terminated); its length or -1. */
static long read_proc(long pid, const char *what, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/%s", pid, what);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return (long)n;
}

/* Slot i is the i-th numeric entry of /proc; returns the next slot, 0 at
 * the end. A process that vanished meanwhile is skipped. */
static int procinfo(int slot, struct k_procinfo *pi)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    int i = 0;
    while (d && (e = readdir(d)) != NULL) {
        char *end, stat[512], *paren;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || end == e->d_name || i++ < slot)
            continue;
        if (read_proc(pid, "stat", stat, sizeof stat) < 0 || !(paren = strrchr(stat, ')')))
            continue;
        memset(pi, 0, sizeof *pi);
        pi->pid = (int32_t)pid;
        sscanf(paren + 2, "%c %d %d", &pi->state, &pi->ppid, &pi->pgid);
        if ((pi->state == 'S' || pi->state == 'D') &&
            read_proc(pid, "wchan", pi->wait, sizeof pi->wait) > 0 && strcmp(pi->wait, "0") == 0)
            pi->wait[0] = '\0';                /* "0": Linux does not say */
        long n = read_proc(pid, "cmdline", pi->cmdline, sizeof pi->cmdline);
        for (long k = 0; k + 1 < n; k++)
            if (pi->cmdline[k] == '\0')
                pi->cmdline[k] = ' ';       /* argv joined by spaces */
        closedir(d);
        return i;
    }
    if (d)
        closedir(d);
    return 0;
}
/* ---- end of host-only code ----------------------------------------------- */
#else
#include <duplex.h>
#endif

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
    struct k_procinfo *v = NULL, pi;
    size_t n = 0, cap = 0;
    int slot;
    for (slot = 0; (slot = procinfo(slot, &pi)) > 0; ) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            struct k_procinfo *more = realloc(v, cap * sizeof *v);
            if (!more) {
                fprintf(stderr, PROG ": out of memory\n");
                free(v);
                return 1;
            }
            v = more;
        }
        v[n++] = pi;
    }
    if (slot < 0) {
        fprintf(stderr, PROG ": cannot read the process table: %s\n", strerror(errno));
        free(v);
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
