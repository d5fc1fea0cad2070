/*
 * kstat - the kernel's counts of live objects.
 *
 *   kstat            every count, on one line
 *   kstat NAME...    only these, in this order
 *
 *   $ kstat chan port cap
 *   chan 0 port 0 cap 0
 *
 * NAME is one of: procs files inodes pipes waiters timers allocs heap
 * msgq msg shm sem chan port cap undo maps memobjs sock inflight mq mqmsg
 * (mmap regions and the memory objects behind shared ones; sockets,
 * descriptors in flight in SCM_RIGHTS messages, POSIX message queues and
 * their messages). Three more are printed only when named: frames, text
 * and textloads, the platform's physical pages in use, those holding
 * programs' shared text, and the pages of text ever loaded from files
 * (arm64; 0 on the web target). They are not counts that return to where
 * they were - a program's text stays for its next run - so the line of
 * every count, which transcripts compare before and after, leaves them
 * out. The figures come from the kstat()
 * call of <duplex.h>, the same ones the unit tests compare before and
 * after each test: a transcript can show that something left nothing
 * behind (a process killed while it waited, a channel closed) by printing
 * the counts that matter before and after. Counts that depend on how the
 * system was started (procs, files) differ between targets; the IPC ones
 * do not.
 */
#include <duplex.h>
#include <stdio.h>
#include <string.h>

static const char *const names[] = {
    "procs", "files", "inodes", "pipes", "waiters", "timers", "allocs", "heap",
    "msgq", "msg", "shm", "sem", "chan", "port", "cap", "undo", "maps", "memobjs",
    "sock", "inflight", "mq", "mqmsg",
    "frames", "text", "textloads",      /* only when named */
};
#define NNAMES (int)(sizeof names / sizeof names[0])
#define NDEFAULT 22                     /* printed without names */

/* The count called names[i]. */
static unsigned long long count(const struct k_kstat *ks, int i)
{
    const uint32_t base[] = { ks->procs, ks->files, ks->inodes, ks->pipes,
                              ks->waiters, ks->timers, ks->allocs };
    if (i < 7)
        return base[i];
    if (i == 7)
        return (unsigned long long)ks->heap_used;
    if (i < 16)
        return ks->ipc[i - 8];  /* msgq .. undo are KSTAT_MSGQ .. KSTAT_UNDO */
    const uint64_t rest[] = { ks->mappings, ks->memobjs,
                              ks->sockets, ks->inflight, ks->mqueues, ks->mqmsgs,
                              ks->frames, ks->text, ks->textloads };
    return rest[i - 16];
}

static int find(const char *name)
{
    for (int i = 0; i < NNAMES; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

int main(int argc, char **argv)
{
    struct k_kstat ks;
    if (kstat(&ks) < 0) {
        perror("kstat");
        return 1;
    }
    for (int a = 1; a < argc; a++) {
        if (find(argv[a]) < 0) {
            fprintf(stderr, "kstat: unknown count '%s'\n", argv[a]);
            fprintf(stderr, "usage: kstat [procs|files|inodes|pipes|waiters|timers|allocs|"
                            "heap|msgq|msg|shm|sem|chan|port|cap|undo|maps|memobjs|"
                            "sock|inflight|mq|mqmsg|frames|text|textloads]...\n");
            return 2;
        }
    }
    int n = argc > 1 ? argc - 1 : NDEFAULT;
    for (int k = 0; k < n; k++) {
        int i = argc > 1 ? find(argv[k + 1]) : k;
        printf("%s%s %llu", k ? " " : "", names[i], count(&ks, i));
    }
    printf("\n");
    return 0;
}
