/*
 * fork.c - fork: a new process that is a copy of its parent.
 *
 * Duplex made processes with spawn alone for a long time, because on the
 * web target a process is a WebAssembly instance, and an instance cannot
 * be copied by the engine. It can be copied by hand, though: memory and
 * globals into a new instance of the same module, after an asyncify unwind
 * has put the parent's stack into its memory (web/process.js; "Processes"
 * in docs/design.md). So fork is the platform's plat_proc_fork plus what
 * the kernel copies itself, as POSIX lists it:
 *
 *   shared with the parent   open files and their offsets (the descriptors
 *                            are copies, close-on-exec marks included)
 *   copied                   memory (by the platform), signal dispositions
 *                            and mask, cwd, umask, uid and gid, process
 *                            group and session, System V attachments
 *                            and shared mappings (the same memory, again)
 *   not inherited            pending signals, the interval timer, SEM_UNDO
 *                            adjustments, a blocked call's state
 *
 * The child starts runnable, returning 0 from the same fork call; the
 * parent gets the child's pid. Either all of the child is made, or fork
 * fails (EAGAIN: the process table is full; ENOMEM) and nothing of it is
 * left. spawn stays: it is cheaper when the child runs another program.
 */
#include "kernel.h"

static void fork_undo(struct proc *c)
{
    shm_exit(c);
    mmap_exit(c);
    fd_close_all(c);
    iput(c->cwd);
    c->cwd = NULL;
    if (c->ctx)
        plat_proc_destroy(c);
    c->ctx = NULL;
    proc_free(c);
}

long sys_fork(struct proc *p, const long *a)
{
    (void)a;
    struct proc *c = proc_alloc(p);     /* ids, group, session, umask */
    if (!c)
        return -EAGAIN;
    c->cwd = p->cwd;
    iget(c->cwd);
    fd_inherit(c, p);
    memcpy(c->sig_action, p->sig_action, sizeof c->sig_action);
    c->sig_mask = p->sig_mask;
    memcpy(c->cmdline, p->cmdline, sizeof c->cmdline);
    c->cmdline_len = p->cmdline_len;
    c->exe = p->exe;
    iget(c->exe);
    memcpy(c->comm, p->comm, sizeof c->comm);
    long r = plat_proc_fork(c, p);
    if (r == 0)
        r = shm_fork(c, p);
    if (r == 0)
        r = mmap_fork(c, p);
    if (r < 0) {
        fork_undo(c);
        return r;
    }
    make_runnable(c);
    return c->pid;
}
