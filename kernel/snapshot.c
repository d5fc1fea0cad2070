/*
 * snapshot.c - the whole system at one moment, as text: every process,
 * every IPC object, and which descriptors and attachments join them. The
 * page's live view (web/view.js) draws it a few times a second; nothing
 * else keeps a copy of the state it shows.
 *
 * The snapshot is the platform's to ask for (kernel_snapshot), not a
 * process's: the view belongs to the machine's screen, and it must be
 * taken while the scheduler is paused, when no process could make a
 * system call. It is read out of the kernel's own structures each time -
 * processes through proc_info, the record ps prints; each kind of object
 * by the file that owns it (pipe_snap, msgq_snap, ...), beside that file's
 * listing for ipcs - so the view, ps and ipcs cannot disagree.
 *
 * The format: one record a line, fields separated by tabs, the first field
 * naming the record and every other one KEY=VALUE:
 *
 *   proc  pid= ppid= pgid= sid= state= wait= cmd=
 *         state is ps's letter (R S T Z), wait what a blocked one waits
 *         on, as ps says it ("pipe 3 write").
 *   obj   kind= id= ... waiters=
 *         one IPC object; the fields after id are its kind's own (a
 *         pipe's queued= and cap=, a message queue's qnum= and types=, a
 *         semaphore set's values=, ...), and waiters= lists the pids on
 *         its wait queues, the processes blocked on it.
 *   edge  pid= fd= kind= id= role= ...
 *         process pid reaches the object through descriptor fd (role read,
 *         write, send, recv, handle with rights=) or an attachment (fd=-1,
 *         role attached).
 *
 * A reader skips records and fields it does not know. A new kind of
 * object adds obj lines of its kind, a describer for its descriptors in
 * describers[] below, and nothing else (sockets did: sock_snap).
 * docs/design.md, "The live view", says what it costs.
 */
#include "kernel.h"

/* Append text; past the end of the buffer only the length grows, so that
 * the caller learns how much room the whole snapshot needs. */
void snap_put(struct snap *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = s->len < s->cap ? s->cap - s->len : 0;
    int n = kvsnprintf(room ? s->buf + s->len : NULL, room, fmt, ap);
    va_end(ap);
    s->len += (size_t)n;
}

/* A text field's value: tabs and newlines would end the field or the
 * record, so they become spaces. */
void snap_text(struct snap *s, const char *key, const char *v)
{
    snap_put(s, "\t%s=", key);
    for (; *v; v++)
        snap_put(s, "%c", *v == '\t' || *v == '\n' ? ' ' : *v);
}

/* "\twaiters=PID,PID": every process on the queues given, once each (a
 * poller waits on several queues at once), NULL-terminated. */
void snap_waiters(struct snap *s, struct waitq *const *wqs)
{
    snap_put(s, "\twaiters=");
    int n = 0;
    for (int i = 0; wqs[i]; i++)
        waitq_for_each(e, wqs[i]) {
            bool seen = false;
            for (int j = 0; j < i && !seen; j++)
                waitq_for_each(o, wqs[j]) seen |= o->p == e->p;
            if (!seen)
                snap_put(s, n++ ? ",%d" : "%d", e->p->pid);
        }
}

static void snap_procs(struct snap *s)
{
    struct k_procinfo pi;
    for (long slot = 0; (slot = proc_info(slot, &pi)) != 0; ) {
        snap_put(s, "proc\tpid=%d\tppid=%d\tpgid=%d\tsid=%d\tstate=%c",
                 pi.pid, pi.ppid, pi.pgid, pi.sid, pi.state);
        snap_text(s, "wait", pi.wait);
        snap_text(s, "cmd", pi.cmdline);
        snap_put(s, "\n");
    }
}

static const char *pipe_role(struct file *f)
{
    return FILE_READABLE(f) && FILE_WRITABLE(f) ? "read,write"
         : FILE_READABLE(f) ? "read" : "write";
}

/* The describers of F_OBJ descriptors, one per kind of object reached
 * through them: each says "\tkind=..\tid=..\trole=.." and true for its
 * own files. A file none of them knows is shown by its fileops' name. */
static bool (*const describers[])(struct file *f, struct snap *s) = {
    chan_snap_file, cap_snap_file, psem_snap_file, sock_snap_file,
};

static void snap_obj_file(struct snap *s, struct file *f)
{
    for (size_t i = 0; i < ARRAY_SIZE(describers); i++)
        if (describers[i](f, s))
            return;
    snap_put(s, "\tkind=%s\tid=?\trole=handle", f->ops->name);
}

/* Every descriptor of every process that reaches an IPC object, and the
 * pipes and FIFOs themselves, which exist only as long as a descriptor
 * reaches them. Ordinary files and devices are not IPC objects; a POSIX
 * message queue is an inode of /dev/mqueue, reached like a file. */
static void snap_descriptors(struct snap *s)
{
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == P_UNUSED || p->state == P_EMBRYO || p->state == P_ZOMBIE)
            continue;
        for (int fd = 0; fd < NOFILE; fd++) {
            struct file *f = p->ofile[fd];
            if (!f || (f->type == F_INODE && f->ip->type != I_MQUEUE))
                continue;
            if (f->type == F_INODE) {                /* a POSIX message queue */
                snap_put(s, "edge\tpid=%d\tfd=%d", p->pid, fd);
                mqueue_snap_file(f, s);
                snap_put(s, "\n");
            } else if (f->type == F_PIPE) {
                const char *kind = f->ip ? "fifo" : "pipe";
                pipe_snap(s, f->pipe, kind);         /* at its first descriptor only */
                snap_put(s, "edge\tpid=%d\tfd=%d\tkind=%s\tid=%u\trole=%s\n", p->pid, fd,
                         kind, pipe_id(f->pipe), pipe_role(f));
            } else {
                snap_put(s, "edge\tpid=%d\tfd=%d", p->pid, fd);
                snap_obj_file(s, f);
                snap_put(s, "\n");
            }
        }
    }
}

size_t kernel_snapshot(char *buf, size_t cap)
{
    static uint32_t gen;
    struct snap s = { buf, cap, 0, ++gen };
    snap_procs(&s);
    snap_descriptors(&s);
    msgq_snap(&s);
    shm_snap(&s);
    sem_snap(&s);
    psem_snap(&s);
    chan_snap(&s);
    port_snap(&s);
    sock_snap(&s);
    mqueue_snap(&s);
    return s.len;
}
