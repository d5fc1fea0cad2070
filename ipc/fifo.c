/*
 * fifo.c - FIFOs (named pipes): a pipe that processes find by a name in
 * the file system instead of inheriting its descriptors.
 *
 * mkfifo (sys_mknod in sysfile.c) makes an I_FIFO inode; it holds no data.
 * open() of that inode comes here from file_open: the first open gives the
 * inode a pipe (ip->pipe, from pipe.c), later opens share it, and the last
 * close frees it with whatever was still queued. The name stays until it
 * is unlinked, and the next open starts with an empty pipe.
 *
 * Reading and writing an open FIFO is reading and writing its pipe: the
 * file is an F_PIPE file like either end of pipe2(). What is special is
 * open itself, which waits for the other side:
 *
 *   O_RDONLY             waits until some writer has opened
 *   O_WRONLY             waits until some reader has opened
 *   O_RDONLY|O_NONBLOCK  returns at once
 *   O_WRONLY|O_NONBLOCK  fails with ENXIO if there is no reader
 *   O_RDWR               returns at once (it is both sides)
 *
 * A waiting open has already made its file and counts as a reader or a
 * writer - so two openers of opposite sides always find each other, and a
 * non-blocking writer succeeds while a reader waits in open.
 */
#include "../kernel/kernel.h"

/*
 * The restartable model (docs/design.md, "The kernel never sleeps"): a
 * blocked open is re-issued from the start when it is woken. Its file
 * already exists and counts as an end, so it is kept in p->call.file and
 * picked up again instead of making a second one. p->call.gen holds the
 * other side's count of opens at the time it blocked: the open completes as
 * soon as that count moves. Waiting for "an end is open now" would not do: a
 * writer may open, write and close before the waiting reader runs again, and
 * that reader must still wake up (and read what was written).
 */
static uint32_t other_side_gen(struct file *f)
{
    return (f->flags & O_ACCMODE) == O_RDONLY ? f->ip->fifo_writers_gen
                                               : f->ip->fifo_readers_gen;
}

static long fifo_wait(struct proc *p, struct inode *ip)
{
    return sleep_on(p, &ip->fifo_wq, wait_text(p, "fifo %u open", (unsigned)ip->ino));
}

/* A re-issued open that was waiting for the other side. */
static long fifo_open_resume(struct proc *p, struct file **out)
{
    struct file *f = p->call.file;
    if (other_side_gen(f) == p->call.gen)
        return fifo_wait(p, f->ip);         /* woken, but not by an open */
    p->call.file = NULL;
    *out = f;
    return 0;
}

/* Open ip's pipe as a new F_PIPE file: the inode gets a pipe if it has
 * none, and the file holds a reference on the inode. */
static long fifo_file(struct inode *ip, int flags, struct file **out)
{
    bool fresh = ip->pipe == NULL;
    if (fresh && !(ip->pipe = pipe_alloc()))
        return -ENOMEM;
    struct file *f = file_alloc();
    if (!f) {
        if (fresh) {
            pipe_close_end(ip->pipe, false, false);   /* frees it */
            ip->pipe = NULL;
        }
        return -ENFILE;
    }
    f->type = F_PIPE;
    f->pipe = ip->pipe;
    f->ip = ip;
    iget(ip);
    f->flags = (uint32_t)flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
    pipe_open_end(ip->pipe, FILE_READABLE(f), FILE_WRITABLE(f));
    *out = f;
    return 0;
}

long fifo_open(struct proc *p, struct inode *ip, int flags, struct file **out)
{
    if (p->restarted && p->call.file)
        return fifo_open_resume(p, out);

    int acc = flags & O_ACCMODE;
    bool nonblock = (flags & O_NONBLOCK) != 0;
    if (acc == O_WRONLY && nonblock && (!ip->pipe || pipe_readers(ip->pipe) == 0))
        return -ENXIO;

    struct file *f;
    long err = fifo_file(ip, flags, &f);
    if (err < 0)
        return err;

    /* Announce this open to whoever waits for our side. */
    if (FILE_READABLE(f))
        ip->fifo_readers_gen++;
    if (FILE_WRITABLE(f))
        ip->fifo_writers_gen++;
    wakeup(&ip->fifo_wq);
    /* The other side's opens so far; one less if it is open now, so that
     * it counts as come (poll's hangup of a reader, fifo_writer_came). */
    bool peer_here = acc == O_RDONLY ? pipe_writers(ip->pipe) > 0
                                     : pipe_readers(ip->pipe) > 0;
    f->peer_gen = other_side_gen(f) - peer_here;

    bool wait = (acc == O_RDONLY && !nonblock && pipe_writers(ip->pipe) == 0) ||
                (acc == O_WRONLY && pipe_readers(ip->pipe) == 0);
    if (!wait) {
        *out = f;
        return 0;
    }
    if (flags & O_SPAWN_DEFER) {
        /* spawn's file action for a child that has not run: see below */
        f->peer_pending = true;
        *out = f;
        return 0;
    }
    /* If p is killed or interrupted while it waits, the generic code of
     * syscall.c closes p->call.file: this end then goes away again. */
    p->call.file = f;
    p->call.gen = other_side_gen(f);
    return fifo_wait(p, ip);
}

/*
 * A FIFO named in a spawn file action (`cat < fifo &`) cannot make spawn
 * wait: the spawning process - the shell - would hang, not the child. So
 * spawn's open returns at once with the file marked peer_pending, and the
 * wait the open would have done happens at the child's first read or
 * write on it instead. The child cannot tell the difference: it never runs
 * before that read or write anyway.
 */
long fifo_wait_peer(struct proc *p, struct file *f)
{
    if (!f->peer_pending)
        return 0;
    if (other_side_gen(f) == f->peer_gen &&
        ((FILE_READABLE(f) && pipe_writers(f->pipe) == 0) ||
         (FILE_WRITABLE(f) && pipe_readers(f->pipe) == 0)))
        return fifo_wait(p, f->ip);
    f->peer_pending = false;
    return 0;
}

/* poll's hangup of a FIFO's reader: a writer was there when it opened, or
 * has opened since - not for a reader that opened (O_NONBLOCK) with no
 * writer and has seen none yet, as on Linux. */
bool fifo_writer_came(struct file *f)
{
    return f->ip->fifo_writers_gen != f->peer_gen;
}

/*
 * The last reference to a FIFO's file is gone (file_close; it drops the
 * inode's reference afterwards). With the last end the pipe goes, and the
 * inode forgets it, so that unread bytes do not survive to the next open.
 */
void fifo_close(struct file *f)
{
    struct inode *ip = f->ip;
    struct pipe *pi = f->pipe;
    bool reader = FILE_READABLE(f), writer = FILE_WRITABLE(f);
    if (pipe_readers(pi) == (int)reader && pipe_writers(pi) == (int)writer)
        ip->pipe = NULL;
    pipe_close_end(pi, reader, writer);
}
