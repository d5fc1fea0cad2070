/*
 * procs.c - the list of processes, for ps, pgrep, pkill, killall and top.
 *
 * On Duplex the records come from the procinfo() system call of
 * <duplex.h>. On the development host there is no such call: a small
 * host-only shim reads the same facts from Linux's /proc, so that these
 * programs and the transcripts using them can be tried there too.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

#if defined(__linux__)
/* ---- host-only development code: procinfo() from Linux's /proc ---------- */
#include <dirent.h>
#include <sys/stat.h>

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
        char *end, statline[512], *paren;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || end == e->d_name || i++ < slot)
            continue;
        if (read_proc(pid, "stat", statline, sizeof statline) < 0 || !(paren = strrchr(statline, ')')))
            continue;
        memset(pi, 0, sizeof *pi);
        pi->pid = (int32_t)pid;
        char path[64];
        struct stat st;
        snprintf(path, sizeof path, "/proc/%ld", pid);
        if (stat(path, &st) == 0)
            pi->uid = st.st_uid, pi->gid = st.st_gid;
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

struct k_procinfo *proc_list(int *n)
{
    struct k_procinfo *v = NULL, pi;
    int cap = 0, slot;
    *n = 0;
    for (slot = 0; (slot = procinfo(slot, &pi)) > 0; ) {
        if (*n == cap)
            v = xrealloc(v, (size_t)(cap = cap * 2 + 16) * sizeof *v);
        v[(*n)++] = pi;
    }
    if (slot < 0) {
        free(v);
        return NULL;
    }
    return v;
}

/* The name of a process: its comm in /proc (the base name of the program
 * it was started by, at most 15 bytes: a script's own name, not its
 * interpreter's); if that cannot be read, the base name of the first word
 * of its command line. */
void proc_name(const struct k_procinfo *p, char out[16])
{
    char path[32];
    snprintf(path, sizeof path, "/proc/%d/comm", (int)p->pid);
    FILE *f = fopen(path, "r");
    if (f) {
        bool ok = fgets(out, 16, f) != NULL;
        fclose(f);
        out[strcspn(out, "\n")] = '\0';
        if (ok && out[0])
            return;
    }
    const char *cmd = p->cmdline;
    size_t n = strcspn(cmd, " ");
    const char *slash = memchr(cmd, '/', n);
    while (slash) {
        n -= (size_t)(slash + 1 - cmd);
        cmd = slash + 1;
        slash = memchr(cmd, '/', n);
    }
    if (n > 15)
        n = 15;
    memcpy(out, cmd, n);
    out[n] = '\0';
}

#if defined(__linux__)
int mem_info(long long *total, long long *used)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[128];
    long long t = -1, avail = -1, v;
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "MemTotal: %lld", &v) == 1)
            t = v * 1024;
        if (sscanf(line, "MemAvailable: %lld", &v) == 1)
            avail = v * 1024;
    }
    if (f)
        fclose(f);
    if (t < 0 || avail < 0)
        return -1;
    *total = t;
    *used = t - avail;
    return 0;
}
#else
int mem_info(long long *total, long long *used)
{
    struct k_kstat ks;
    if (kstat(&ks) != 0)
        return -1;
    *total = (long long)ks.heap_total;
    *used = (long long)ks.heap_used;
    return 0;
}
#endif
