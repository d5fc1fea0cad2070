/*
 * ctty.c - the controlling terminal: sessions, the foreground group,
 * job-control access rules.
 *
 * Duplex has one terminal, the console; tty.c is its line discipline and
 * this file decides who may use it. The tty belongs to at most one
 * session and has a foreground process group. A process's controlling
 * terminal is the console exactly when its session is the tty's: there is
 * no other terminal. kernel_start gives the console to process 1's session
 * (tty_set_session); when the session leader exits (or gives it up with
 * TIOCNOTTY) the foreground group gets SIGHUP and SIGCONT and the console
 * is free for the next session leader that asks (TIOCSCTTY). A read by a
 * background process of the session sends SIGTTIN to its group and is
 * issued again once the group is continued, or fails with -EIO if the
 * reader ignores or blocks SIGTTIN. Background writes and settings changes
 * are allowed: no TOSTOP, no SIGTTOU.
 */
#include "kernel.h"

static struct {
    int sid;                            /* the session it belongs to, or 0 */
    int pgrp;                           /* the foreground group, or 0 */
} ctty;

void ctty_init(void)
{
    ctty.sid = ctty.pgrp = 0;
}

/* Send sig to every process of group pgid except skip (which may be
 * exiting and must not be signalled again). */
static void signal_group_except(int pgid, int sig, struct proc *skip)
{
    for (int i = 0; i < NPROC; i++)
        if (&procs[i] != skip && procs[i].pgid == pgid)
            signal_send(&procs[i], sig);   /* skips unused slots and zombies */
}

/* A signal character or a new window size: the foreground group hears. */
void ctty_signal_foreground(int sig)
{
    if (ctty.pgrp > 0)
        signal_group_except(ctty.pgrp, sig, NULL);
}

static bool in_session(struct proc *p) { return ctty.sid && p->sid == ctty.sid; }

/* ---- reading ------------------------------------------------------------ */

/* A background process of the session may not read: its group gets
 * SIGTTIN, which stops it, and the read is issued again once it is
 * continued - as Linux's -ERESTARTSYS. 0 if p may read. */
long ctty_check_read(struct proc *p)
{
    if (!in_session(p) || ctty.pgrp == 0 || p->pgid == ctty.pgrp)
        return 0;
    if (sig_is_ignored(p, SIGTTIN) || (p->sig_mask & SIGBIT(SIGTTIN)))
        return -EIO;
    signal_group_except(p->pgid, SIGTTIN, NULL);
    return signal_restart_ok(p) ? KERN_RESTART : -EINTR;
}

/* ---- sessions and the foreground group ---------------------------------- */

/* At boot: the console becomes the terminal of p's session, with p's group
 * in the foreground. */
void tty_set_session(struct proc *p)
{
    ctty.sid = p->sid;
    ctty.pgrp = p->pgid;
}

/* The session lets go of the tty: its foreground group is hung up. */
static void hangup(struct proc *skip)
{
    int pgrp = ctty.pgrp;
    ctty.sid = ctty.pgrp = 0;
    if (pgrp > 0) {
        signal_group_except(pgrp, SIGHUP, skip);
        signal_group_except(pgrp, SIGCONT, skip);   /* stopped: wake to die */
    }
    tty_wake_readers();
}

void tty_proc_exit(struct proc *p)
{
    if (ctty.sid != 0 && p->pid == ctty.sid)
        hangup(p);
}

/* TIOCSPGRP: the group must be one of the caller's session. As on Linux,
 * an id nobody has is -ESRCH, one that is not such a group -EPERM. */
static long set_foreground(struct proc *p, uptr arg)
{
    int32_t pgid;
    if (!in_session(p))
        return -ENOTTY;
    if (copyin(p, &pgid, arg, sizeof pgid) < 0)
        return -EFAULT;
    if (pgid < 0)
        return -EINVAL;
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (q->state == P_UNUSED || q->state == P_EMBRYO || q->pgid != pgid)
            continue;
        if (q->sid != p->sid)
            return -EPERM;
        ctty.pgrp = pgid;
        tty_wake_readers();         /* a reader may be in the background now */
        return 0;
    }
    return proc_find(pgid) ? -EPERM : -ESRCH;
}

/* TIOCSCTTY: a session leader without a terminal takes the console. Root
 * may steal it from another session with arg 1. */
static long take_ctty(struct proc *p, struct file *f, uptr arg)
{
    if (p->pid == p->sid && ctty.sid == p->sid)
        return 0;
    if (p->pid != p->sid)
        return -EPERM;
    if (ctty.sid != 0 && !(arg == 1 && p->uid == 0))
        return -EPERM;
    if (f && !FILE_READABLE(f) && p->uid != 0)
        return -EPERM;
    ctty.sid = p->sid;
    ctty.pgrp = p->pgid;
    return 0;
}

/* TIOCNOTTY: only a session leader really lets go (a member cannot leave
 * its session's terminal here, so for it this changes nothing). */
static long drop_ctty(struct proc *p)
{
    if (!in_session(p))
        return -ENOTTY;
    if (p->pid == p->sid)
        hangup(NULL);
    return 0;
}

/* The ioctls about sessions and groups; tty_ioctl hands them over. */
long ctty_ioctl(struct proc *p, struct file *f, unsigned long req, uptr arg)
{
    switch (req) {
    case TIOCGPGRP:
        return in_session(p) ? put_int(p, arg, ctty.pgrp) : -ENOTTY;
    case TIOCSPGRP:
        return set_foreground(p, arg);
    case TIOCGSID:
        return in_session(p) ? put_int(p, arg, ctty.sid) : -ENOTTY;
    case TIOCSCTTY:
        return take_ctty(p, f, arg);
    case TIOCNOTTY:
        return drop_ctty(p);
    default:
        return -ENOTTY;
    }
}
