/*
 * ctty.c - the controlling terminal: sessions, the foreground group,
 * job-control access rules.
 *
 * Duplex has one terminal, the console; tty.c is its line discipline and
 * this file decides who may use it. The tty belongs to at most one session
 * and has a foreground process group. A process's controlling terminal is
 * the console exactly when its session is the tty's: there is no other.
 *
 * Getting it. Process 1 starts with the console on fds 0-2 but not as its
 * controlling terminal (kernel_start opens it with O_NOCTTY, as Linux's
 * /dev/console never is one). A session leader without a terminal gets
 * the console when it opens /dev/console without O_NOCTTY and no other
 * session has it, or with TIOCSCTTY (root may take it from another session
 * with arg 1, which, as on Linux, hangs nobody up); its group is then the
 * foreground group. So init starts each
 * shell with a new session and an open of /dev/console among the spawn's
 * actions, as a getty does. /dev/tty means "my controlling terminal":
 * opening it without one fails with ENXIO.
 *
 * Letting go. When the session leader exits (or gives it up with
 * TIOCNOTTY) the foreground group gets SIGHUP and SIGCONT and the console
 * is free for the next session leader.
 *
 * Inside the session, the POSIX job-control rules:
 *   read     by a background process: SIGTTIN to its group, and the read is
 *            issued again once the group is continued; -EIO instead if the
 *            reader ignores or blocks SIGTTIN or its group is orphaned.
 *   write    by a background process with TOSTOP set: SIGTTOU likewise,
 *            unless the writer ignores or blocks SIGTTOU (then it writes);
 *            -EIO if its group is orphaned.
 *   change   (termios, window size, foreground group, tcflush) and
 *            tcdrain from the background: SIGTTOU as for a write, whatever
 *            TOSTOP says.
 * Outside the session, with a descriptor it inherited or kept after setsid
 * (it cannot open the console anew: 0600, root's), a process may write
 * and look (TCGETS, TIOCGWINSZ), as Linux allows, but not read: -EIO,
 * always. Linux would let it read a tty that is not its controlling
 * terminal, and that is a way to steal the lines the session's user types.
 * It may not change the settings either, unless it is root: -EPERM,
 * because this is a matter of privilege that root passes, as for kill;
 * -EIO stays the job-control answer of one's own terminal. The foreground
 * group can only be asked and set by the session (-ENOTTY, as POSIX says).
 *
 * An orphaned process group (POSIX) is one in which the parent of every
 * member is in the group or outside its session: nobody is left who could
 * continue it with job control. Its members do not stop at SIGTSTP,
 * SIGTTIN or SIGTTOU (signal.c drops them), and a process whose exit
 * orphans a group with a stopped member has that group sent SIGHUP and
 * then SIGCONT. (Linux does not count a parent that is process 1; POSIX
 * does, and so does Duplex, where init's session holds no one else.)
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

static bool live(struct proc *q)
{
    return q->state != P_UNUSED && q->state != P_EMBRYO && q->state != P_ZOMBIE;
}

/* Send sig to every process of group pgid except skip. */
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

/* The leader of the console's session - the shell a user is typing to -
 * or NULL while no session has the console. */
struct proc *ctty_leader(void)
{
    struct proc *p = ctty.sid ? proc_find(ctty.sid) : NULL;
    return p && live(p) ? p : NULL;
}

int ctty_foreground(struct proc *p)
{
    return in_session(p) ? ctty.pgrp : -1;
}

static bool in_background(struct proc *p)
{
    return ctty.pgrp != 0 && p->pgid != ctty.pgrp;
}

/* ---- orphaned process groups -------------------------------------------- */

/* Is group pgid orphaned, counting `gone` as exited already and its
 * children as given to init? (gone NULL: as things are.) */
static bool orphaned_without(int pgid, struct proc *gone)
{
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (!live(q) || q == gone || q->pgid != pgid)
            continue;
        struct proc *parent = q->parent == gone ? NULL : q->parent;
        if (parent && parent->pgid != pgid && parent->sid == q->sid)
            return false;
    }
    return true;
}

bool pgrp_orphaned(int pgid) { return orphaned_without(pgid, NULL); }

static bool has_stopped_member(int pgid)
{
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state == P_STOPPED && procs[i].pgid == pgid)
            return true;
    return false;
}

/* ---- access from the background ----------------------------------------- */

static bool sig_held_off(struct proc *p, int sig)
{
    return sig_is_ignored(p, sig) || (p->sig_mask & SIGBIT(sig));
}

/* Stop p's group with sig; the call is issued again once it is continued
 * (as Linux's -ERESTARTSYS), or fails with -EINTR if a handler without
 * SA_RESTART runs instead. */
static long stop_group(struct proc *p, int sig)
{
    signal_group_except(p->pgid, sig, NULL);
    return signal_restart_ok(p) ? KERN_RESTART : -EINTR;
}

/* A background output or change: SIGTTOU, unless held off (then it is
 * allowed); -EIO if nobody could continue the group. */
static long check_background_output(struct proc *p)
{
    if (!in_background(p) || sig_held_off(p, SIGTTOU))
        return 0;
    if (pgrp_orphaned(p->pgid))
        return -EIO;
    return stop_group(p, SIGTTOU);
}

long ctty_check_read(struct proc *p)
{
    if (!in_session(p))
        return -EIO;
    if (!in_background(p))
        return 0;
    if (sig_held_off(p, SIGTTIN) || pgrp_orphaned(p->pgid))
        return -EIO;
    return stop_group(p, SIGTTIN);
}

long ctty_check_write(struct proc *p, bool tostop)
{
    if (!tostop || !in_session(p))
        return 0;
    return check_background_output(p);
}

long ctty_check_change(struct proc *p)
{
    if (!in_session(p))
        return p->uid == 0 ? 0 : -EPERM;
    return check_background_output(p);
}

/* ---- getting and losing the terminal ------------------------------------ */

static void take(struct proc *p)
{
    ctty.sid = p->sid;
    ctty.pgrp = p->pgid;
}

/* open("/dev/console"): a session leader without a terminal gets it. */
long ctty_open_console(struct proc *p, int flags)
{
    if (!(flags & O_NOCTTY) && ctty.sid == 0 && p->pid == p->sid)
        take(p);
    return 0;
}

/* open("/dev/tty"): the caller's controlling terminal, if it has one. */
long ctty_open_tty(struct proc *p)
{
    return in_session(p) ? 0 : -ENXIO;
}

/* The session lets go of the tty (its foreground group is hung up by the
 * caller): readers must look again, they are outside now. */
static int release(void)
{
    int pgrp = ctty.pgrp;
    ctty.sid = ctty.pgrp = 0;
    tty_wake_readers();
    return pgrp;
}

static void hangup_group(int pgrp, struct proc *skip)
{
    if (pgrp > 0) {
        signal_group_except(pgrp, SIGHUP, skip);
        signal_group_except(pgrp, SIGCONT, skip);   /* stopped: wake to die */
    }
}

/* Before p exits (its files are closed, its children not yet given to
 * init): note what its going changes, and let go of the console if p
 * led its session. The signals wait for ctty_exit_end, when p is a zombie
 * and can be signalled by no one - not even by its dying children. */
void ctty_exit_begin(struct proc *p, struct ctty_exit *x)
{
    x->hangup = ctty.sid != 0 && p->pid == ctty.sid ? release() : 0;
    x->norphans = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *q = &procs[i];
        if (!live(q) || (q != p && q->parent != p))
            continue;
        int g = q->pgid;
        bool seen = false;
        for (int k = 0; k < x->norphans; k++)
            seen |= x->orphans[k] == g;
        if (!seen && !pgrp_orphaned(g) && orphaned_without(g, p))
            x->orphans[x->norphans++] = g;
    }
}

void ctty_exit_end(const struct ctty_exit *x)
{
    hangup_group(x->hangup, NULL);
    for (int k = 0; k < x->norphans; k++)
        if (has_stopped_member(x->orphans[k]))
            hangup_group(x->orphans[k], NULL);
}

/* A spawned child that never ran gives back the console it opened. */
void ctty_spawn_undone(struct proc *c)
{
    if (ctty.sid != 0 && c->pid == ctty.sid)
        release();
}

/* ---- the ioctls about sessions and groups ------------------------------- */

/* TIOCSPGRP: the group must be one of the caller's session. As on Linux,
 * an id nobody has is -ESRCH, one that is not such a group -EPERM. */
static long set_foreground(struct proc *p, uptr arg)
{
    int32_t pgid;
    if (!in_session(p))
        return -ENOTTY;
    long r = check_background_output(p);
    if (r != 0)
        return r;
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
    if (ctty.sid != 0)
        release();                      /* stolen, as on Linux: no hangup */
    take(p);
    return 0;
}

/* TIOCNOTTY: only a session leader really lets go (a member cannot leave
 * its session's terminal here, so for it this changes nothing). */
static long drop_ctty(struct proc *p)
{
    if (!in_session(p))
        return -ENOTTY;
    if (p->pid == p->sid)
        hangup_group(release(), NULL);
    return 0;
}

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
