/*
 * end.c - the end of an input: everything taken down with the kernel's own
 * paths, then counted.
 *
 * Every other process is killed with SIGKILL and reaped by process 1,
 * which is woken from any call it waits in, gets its resource limits of
 * boot back, closes all its descriptors (and opens the console again, as
 * at boot), leaves every shared segment,
 * removes every message queue, segment, semaphore set and POSIX semaphore,
 * and every file and directory the input made (socket nodes, and POSIX
 * message queues in /dev/mqueue, among them). Then the kernel's counts of
 * live objects (kstat) must be those right after boot: anything else is a
 * leak. That, a process SIGKILL does not end, a file made at boot that is
 * gone and a failed check of host.c are findings; so are a kernel panic,
 * an assertion and a sanitizer report, wherever they happen.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../kernel/uapi/ipc.h"

static struct k_kstat base;            /* the counts right after boot */

/* The names of the POSIX semaphores an input opened, to unlink at its end. */
#define PSEM_MAX 16
static char psem_made[PSEM_MAX][PATH_MAX];
static int npsem_made;

void end_note_psem(const char *name)
{
    if (npsem_made < PSEM_MAX && strlen(name) < PATH_MAX)
        strcpy(psem_made[npsem_made++], name);
}

void end_reset(void) { npsem_made = 0; }

#define TREE_MAX 64
static struct { char path[64]; uint32_t ino; } tree[TREE_MAX];   /* the files after boot */
static int ntree;

/* /proc is the kernel's to make and remove (procfs.c): neither recorded
 * nor cleaned up. */
static void tree_record(struct inode *dir, const char *path)
{
    for (struct dirent_node *d = dir->entries; d; d = d->next) {
        if (d->ip->proc_kind)
            continue;
        if (ntree == TREE_MAX) {
            fprintf(stderr, "fuzz: more than %d files at boot\n", TREE_MAX);
            abort();
        }
        snprintf(tree[ntree].path, sizeof tree[ntree].path, "%s/%s", path, d->name);
        tree[ntree].ino = d->ip->ino;
        ntree++;
        if (d->ip->type == I_DIR)
            tree_record(d->ip, tree[ntree - 1].path);
    }
}

static bool in_tree(const char *path, uint32_t ino)
{
    for (int i = 0; i < ntree; i++)
        if (tree[i].ino == ino && strcmp(tree[i].path, path) == 0)
            return true;
    return false;
}

bool end_boot_file(const struct inode *ip)
{
    for (int i = 0; i < ntree; i++)
        if (tree[i].ino == ip->ino)
            return true;
    return false;
}

/* A call made by process 1 for the cleanup, with a string argument. */
static long init_call(long nr, const char *s, long a1, long a2)
{
    uptr u = ARENA_LO;
    if (s && plat_copyout(init, u, s, strlen(s) + 1) < 0)
        finding("cannot write into process 1's memory");
    return tsys(init, nr, s ? (long)u : a1, s ? a1 : a2, s ? a2 : 0L, 0L, 0L, 0L);
}

static void remove_tree(const char *path, struct inode *ip)
{
    if (ip->type == I_DIR) {
        while (ip->entries) {
            char sub[PATH_MAX];
            snprintf(sub, sizeof sub, "%s/%s", path, ip->entries->name);
            remove_tree(sub, ip->entries->ip);
        }
    }
    long r = init_call(ip->type == I_DIR ? SYS_rmdir : SYS_unlink, path, 0, 0);
    if (r != 0)
        finding("cleanup: cannot remove %s: %ld %s", path, r, errname(r));
}

/* Remove what is in dir and was not there after boot. */
static void remove_new(struct inode *dir, const char *path)
{
    struct dirent_node *d = dir->entries;
    while (d) {
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s/%s", path, d->name);
        if (d->ip->proc_kind || in_tree(sub, d->ip->ino)) {
            if (d->ip->type == I_DIR)
                remove_new(d->ip, sub);
            d = d->next;
        } else {
            remove_tree(sub, d->ip);
            d = dir->entries;         /* the list changed: start again */
        }
    }
}

static void check_tree(void)
{
    for (int i = 0; i < ntree; i++) {
        struct inode *ip;
        if (namei(init, tree[i].path, &ip) < 0)
            finding("a file made at boot is gone: %s", tree[i].path);
        uint32_t ino = ip->ino;
        iput(ip);
        if (ino != tree[i].ino)
            finding("a file made at boot was replaced: %s", tree[i].path);
    }
}

/* Remove every System V object of one kind, found by walking its table. */
static void remove_sysv(long ctl, long stat_cmd, int nslots)
{
    uptr buf = ARENA_LO + 4096;
    bool sem = ctl == SYS_semctl;             /* semctl(id, num, cmd, arg) */
    for (int slot = 0; slot < nslots; slot++) {
        long id = sem ? tsys(init, ctl, (long)slot, 0L, stat_cmd, (long)buf, 0L, 0L)
                      : tsys(init, ctl, (long)slot, stat_cmd, (long)buf, 0L, 0L, 0L);
        if (id < 0)
            continue;
        long r = sem ? tsys(init, ctl, id, 0L, (long)IPC_RMID, 0L, 0L, 0L)
                     : tsys(init, ctl, id, (long)IPC_RMID, 0L, 0L, 0L, 0L);
        if (r != 0)
            finding("cleanup: cannot remove IPC object %ld: %ld %s", id, r, errname(r));
    }
}

/* Process 1 may be waiting in a call: wake it as a signal with a handler
 * would; the call, issued again, then ends at once (EINTR, or a restart
 * that is not made) and lets go of what it held. */
static void free_init(void)
{
    struct fproc *fp = &fprocs[0];
    for (int i = 0; i < 2 && fp->pending; i++) {
        if (init->state == P_BLOCKED) {
            init->interrupted = true;
            wakeup_proc(init);
        }
        if (init->state != P_RUNNING && init->state != P_RUNNABLE)
            break;
        long r = tsys(init, fp->nr, fp->a[0], fp->a[1], fp->a[2], fp->a[3], fp->a[4], fp->a[5]);
        fp->pending = r == KERN_BLOCK;
    }
    if (init->state != P_RUNNING && init->state != P_RUNNABLE)
        finding("process 1 cannot run at the end (state %d)", init->state);
    if (fp->pending)
        finding("process 1 cannot get out of its call");
}

static void kill_others(void)
{
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_UNUSED || q->state == P_ZOMBIE || q->pid == 1)
            continue;
        if (q->state == P_RUNNING)
            kernel_yield(q);
        signal_send(q, SIGKILL);
        if (q->state != P_ZOMBIE && q->state != P_UNUSED)
            finding("SIGKILL did not end process %d (state %d)", q->pid, q->state);
    }
}

static void cleanup(void)
{
    squeeze_release();
    tfault_range(init, 0, 0);
    kill_others();
    free_init();
    init->uid = init->gid = 0;        /* root again, to remove what others made */
    rlimit_init(init, NULL);          /* its limits as at boot: RLIMIT_NOFILE 0 would
                                         keep it from opening the console again */
    while (tsys(init, SYS_wait4, -1L, 0L, (long)WNOHANG, 0L, 0L, 0L) > 0)
        ;
    if (kstats.procs != 1)
        finding("%u processes are left after everything was killed and reaped", kstats.procs);
    for (int fd = 0; fd < NOFILE; fd++)
        if (init->ofile[fd])
            tsys(init, SYS_close, (long)fd, 0L, 0L, 0L, 0L, 0L);
    if (init_call(SYS_open, "/dev/console", O_RDWR, 0) != 0 ||   /* 0, 1, 2 as at boot */
        tsys(init, SYS_dup, 0L, 0L, 0L, 0L, 0L, 0L) != 1 ||
        tsys(init, SYS_dup, 0L, 0L, 0L, 0L, 0L, 0L) != 2)
        finding("cleanup: process 1 cannot open the console");
    init_call(SYS_chdir, "/", 0, 0);
    shm_exit(init);
    mmap_exit(init);
    semundo_exit(init);
    static const struct k_itimerval off;
    if (plat_copyout(init, ARENA_LO, &off, sizeof off) < 0 ||
        tsys(init, SYS_setitimer, 0L, (long)ARENA_LO, 0L, 0L, 0L, 0L) != 0)
        finding("cleanup: process 1 cannot stop its interval timer");
    if (kstats.ipc[KSTAT_MSGQ] != base.ipc[KSTAT_MSGQ])
        remove_sysv(SYS_msgctl, MSG_STAT, MSGMNI);
    if (kstats.ipc[KSTAT_SHM] != base.ipc[KSTAT_SHM])
        remove_sysv(SYS_shmctl, SHM_STAT, SHMMNI);
    if (kstats.ipc[KSTAT_SEM] != base.ipc[KSTAT_SEM]) {
        remove_sysv(SYS_semctl, SEM_STAT, SEMMNI);
        for (int i = 0; i < npsem_made; i++)
            init_call(SYS_sem_unlink, psem_made[i], 0, 0);
    }
    if (kstats.inodes != base.inodes || kstats.allocs != base.allocs)
        remove_new(vfs_root(), "");
    check_tree();
    tconsole();
}

static void check_counts(void)
{
#define CMP(f) if (kstats.f != base.f) \
        finding("leak: kstat " #f " is %llu after the input, %llu after boot", \
                (unsigned long long)kstats.f, (unsigned long long)base.f);
    /* the objects by kind first, then the files, inodes and memory they
     * hold: a leak is named by what leaked */
    CMP(procs) CMP(ipc[0]) CMP(ipc[1]) CMP(ipc[2]) CMP(ipc[3]) CMP(ipc[4]) CMP(ipc[5])
    CMP(ipc[6]) CMP(ipc[7]) CMP(sockets) CMP(inflight) CMP(mqueues) CMP(mqmsgs) CMP(pipes)
    CMP(mappings) CMP(memobjs) CMP(files) CMP(inodes) CMP(waiters) CMP(timers) CMP(allocs)
    CMP(heap_used)
#undef CMP
    if (test_failures())
        finding("a check of the host platform failed (above)");
}

/* At boot: the counts, and the files, to compare with at every end. */
void end_record(void)
{
    tree_record(vfs_root(), "");
    base = kstats;
}

void end_of_input(void)
{
    cleanup();
    check_counts();
}
