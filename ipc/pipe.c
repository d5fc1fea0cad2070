/*
 * pipe.c - pipes: a byte stream from writers to readers through a ring
 * buffer in the kernel.
 *
 * A pipe is made by pipe2() (two open files, one per end) or by the first
 * open of a FIFO (fifo.c). Files hold the ends: file.c calls pipe_read and
 * pipe_write for an F_PIPE file and pipe_close_end when the file's last
 * reference goes. The pipe lives while any end is open. splice() (here
 * too) fills a pipe straight from a regular file's memory.
 *
 * Nothing here sleeps. A read of an empty pipe, or a write that does not
 * fit, puts the caller on one of the pipe's wait queues and returns
 * KERN_BLOCK; the platform re-issues the same call once someone wakes it.
 * So every path below either completes (having changed the pipe) or blocks
 * (having changed nothing): a re-issued call then simply starts over.
 *
 * docs/ipc/pipes.md tells the whole story.
 */
#include "../kernel/kernel.h"

struct pipe {
    char        *buf;
    uint32_t     size;          /* capacity: a power of two, >= PIPE_SIZE_MIN */
    uint32_t     rpos, wpos;    /* bytes ever read and written, modulo 2^32 */
    int          readers;       /* open read ends */
    int          writers;       /* open write ends */
    struct waitq rwait;         /* readers waiting for data */
    struct waitq wwait;         /* writers waiting for room */
    uint32_t     id;
    char         rwhat[24];     /* what a blocked reader waits on, for ps: */
    char         wwhat[24];     /* "pipe 3 read", made once, not per block */
};

/*
 * rpos and wpos only ever grow (wrapping at 2^32). Because size is a power
 * of two that divides 2^32, wpos - rpos is the number of bytes queued even
 * after they wrap, and pos & (size - 1) is where a position lives in buf.
 * A full pipe and an empty one are then never confused, as they would be
 * with two indices kept below size.
 */
static uint32_t queued(struct pipe *pi) { return pi->wpos - pi->rpos; }
static uint32_t room(struct pipe *pi)   { return pi->size - queued(pi); }
static uint32_t slot(struct pipe *pi, uint32_t pos) { return pos & (pi->size - 1); }

static uint32_t next_id = 1;

struct pipe *pipe_alloc(void)
{
    struct pipe *pi = kzalloc(sizeof *pi);
    if (!pi)
        return NULL;
    pi->buf = kalloc(PIPE_SIZE_DEFAULT);
    if (!pi->buf) {
        kfree(pi);
        return NULL;
    }
    pi->size = PIPE_SIZE_DEFAULT;
    pi->id = next_id++;
    ksnprintf(pi->rwhat, sizeof pi->rwhat, "pipe %u read", (unsigned)pi->id);
    ksnprintf(pi->wwhat, sizeof pi->wwhat, "pipe %u write", (unsigned)pi->id);
    kstats.pipes++;
    return pi;
}

static void pipe_free(struct pipe *pi)
{
    /* A process blocked in read or write holds an open end, and one that
     * died left its queue: with no ends left nobody can be waiting. */
    KASSERT(waitq_empty(&pi->rwait) && waitq_empty(&pi->wwait));
    kfree(pi->buf);
    kfree(pi);
    kstats.pipes--;
}

void pipe_open_end(struct pipe *pi, bool reader, bool writer)
{
    if (reader)
        pi->readers++;
    if (writer)
        pi->writers++;
}

/*
 * Close one file's ends. The other side must hear about a last close:
 * readers blocked on an empty pipe now see end of file, writers blocked on
 * a full one now get EPIPE. Closing no end at all frees a pipe that never
 * had one (the undo of a pipe_alloc whose files could not be made).
 */
void pipe_close_end(struct pipe *pi, bool reader, bool writer)
{
    if (reader) {
        KASSERT(pi->readers > 0);
        pi->readers--;
    }
    if (writer) {
        KASSERT(pi->writers > 0);
        pi->writers--;
    }
    if (pi->readers == 0 && pi->writers == 0) {
        pipe_free(pi);
        return;
    }
    if (reader && pi->readers == 0)
        wakeup(&pi->wwait);
    if (writer && pi->writers == 0)
        wakeup(&pi->rwait);
}

int pipe_readers(struct pipe *pi) { return pi->readers; }
int pipe_writers(struct pipe *pi) { return pi->writers; }

/* Block p on one of pi's queues, saying why for ps ("pipe 3 read"). */
static long pipe_sleep(struct proc *p, struct pipe *pi, struct waitq *wq)
{
    return sleep_on(p, wq, wq == &pi->rwait ? pi->rwhat : pi->wwhat);
}

/*
 * Copy n queued bytes, starting at the read position, out to the user.
 * The bytes may wrap around the end of buf, so it takes one or two copies.
 * Nothing is consumed here: a fault on the second copy leaves the pipe as
 * it was.
 */
static int copy_to_user(struct proc *p, struct pipe *pi, uptr dst, uint32_t n)
{
    uint32_t at = slot(pi, pi->rpos);
    uint32_t first = MIN(n, pi->size - at);
    if (copyout(p, dst, pi->buf + at, first) < 0)
        return -EFAULT;
    if (n > first && copyout(p, dst + first, pi->buf, n - first) < 0)
        return -EFAULT;
    return 0;
}

/* The mirror image: user bytes into the free space after the write
 * position. The bytes count only once wpos moves past them. */
static int copy_from_user(struct proc *p, struct pipe *pi, uptr src, uint32_t n)
{
    uint32_t at = slot(pi, pi->wpos);
    uint32_t first = MIN(n, pi->size - at);
    if (copyin(p, pi->buf + at, src, first) < 0)
        return -EFAULT;
    if (n > first && copyin(p, pi->buf, src + first, n - first) < 0)
        return -EFAULT;
    return 0;
}

long pipe_read(struct proc *p, struct pipe *pi, uptr buf, size_t n, bool nonblock)
{
    if (n == 0)
        return 0;
    if (queued(pi) == 0) {
        if (pi->writers == 0)
            return 0;                       /* end of file */
        if (nonblock)
            return -EAGAIN;
        return pipe_sleep(p, pi, &pi->rwait);
    }
    uint32_t m = (uint32_t)MIN(n, (size_t)queued(pi));
    if (copy_to_user(p, pi, buf, m) < 0)
        return -EFAULT;
    pi->rpos += m;
    wakeup(&pi->wwait);
    return m;
}

/*
 * A write of at most PIPE_BUF bytes is atomic: it goes in whole, never
 * interleaved with another writer's bytes, so it waits until all of it
 * fits. A larger write takes what fits now and returns that count; the C
 * library's write loop sends the rest. (Linux would keep the writer inside
 * the kernel until everything is written; a kernel that never sleeps must
 * return instead, and a partial count is what POSIX allows.)
 */
long pipe_write(struct proc *p, struct pipe *pi, uptr buf, size_t n, bool nonblock)
{
    if (n == 0)
        return 0;
    if (pi->readers == 0) {
        signal_send(p, SIGPIPE);
        return -EPIPE;
    }
    size_t need = n <= PIPE_BUF ? n : 1;
    if (room(pi) < need) {
        if (nonblock)
            return -EAGAIN;
        return pipe_sleep(p, pi, &pi->wwait);
    }
    uint32_t m = (uint32_t)MIN(n, (size_t)room(pi));
    if (copy_from_user(p, pi, buf, m) < 0)
        return -EFAULT;
    pi->wpos += m;
    wakeup(&pi->rwait);
    return m;
}

/*
 * splice from a regular file: up to n bytes of ip from off, straight from
 * the file's memory into the free space, with no copy through the caller's
 * memory. Like a big write it is not atomic: it takes what fits and waits
 * only when nothing does. At the end of the file it returns 0 at once,
 * even into a full pipe (Linux would first wait for room).
 */
long pipe_fill_from(struct proc *p, struct pipe *pi, struct inode *ip, int64_t off,
                    size_t n, bool nonblock)
{
    if (n == 0 || off >= ip->size)
        return 0;
    if (pi->readers == 0) {
        signal_send(p, SIGPIPE);
        return -EPIPE;
    }
    if (room(pi) == 0) {
        if (nonblock)
            return -EAGAIN;
        return pipe_sleep(p, pi, &pi->wwait);
    }
    uint32_t m = (uint32_t)MIN(n, (size_t)room(pi));
    uint32_t at = slot(pi, pi->wpos);
    size_t got = ramfs_read_kernel(ip, pi->buf + at, MIN(m, pi->size - at), off);
    if (got == pi->size - at && got < m)            /* the rest, at the start */
        got += ramfs_read_kernel(ip, pi->buf, m - got, off + (int64_t)got);
    pi->wpos += (uint32_t)got;
    wakeup(&pi->rwait);
    return (long)got;
}

/* F_SETPIPE_SZ: a new capacity, rounded up to a power of two. */
long pipe_set_size(struct pipe *pi, long size)
{
    if (size <= 0 || size > PIPE_SIZE_MAX)
        return -EINVAL;
    uint32_t cap = PIPE_SIZE_MIN;
    while (cap < (uint32_t)size)
        cap <<= 1;
    uint32_t used = queued(pi);
    if (cap < used)
        return -EBUSY;
    if (cap == pi->size)
        return cap;
    char *nbuf = kalloc(cap);
    if (!nbuf)
        return -ENOMEM;
    /* Move the queued bytes to the start of the new buffer, in order. */
    uint32_t at = slot(pi, pi->rpos);
    uint32_t first = MIN(used, pi->size - at);
    memcpy(nbuf, pi->buf + at, first);
    memcpy(nbuf + first, pi->buf, used - first);
    kfree(pi->buf);
    pi->buf = nbuf;
    pi->size = cap;
    pi->rpos = 0;
    pi->wpos = used;
    wakeup(&pi->wwait);                     /* there may be room now */
    return cap;
}

/*
 * poll: as Linux's pipes answer it. A read end has POLLIN when bytes are
 * queued, and POLLHUP once every writer has gone - for a FIFO, only if a
 * writer came at all since this reader opened it, so that a reader that
 * opened with O_NONBLOCK first does not see a hangup before anyone wrote.
 * A write end has POLLOUT when a write of PIPE_BUF bytes would not wait
 * (smaller writes may fit earlier), and POLLERR once every reader has
 * gone. A pipe's read queue is woken by writes and by the last writer's
 * close, its write queue by reads and by the last reader's close.
 */
unsigned pipe_poll(struct file *f, unsigned events, struct proc *waiter)
{
    struct pipe *pi = f->pipe;
    unsigned got = 0;
    if (FILE_READABLE(f)) {
        if (queued(pi) > 0)
            got |= POLLIN | POLLRDNORM;
        if (pi->writers == 0 && (!f->ip || fifo_writer_came(f)))
            got |= POLLHUP;
        if (waiter && (events & (POLLIN | POLLRDNORM | POLLHUP)))
            wait_also(waiter, &pi->rwait);
    }
    if (FILE_WRITABLE(f)) {
        if (room(pi) >= MIN(pi->size, PIPE_BUF))
            got |= POLLOUT | POLLWRNORM;
        if (pi->readers == 0)
            got |= POLLERR;
        if (waiter)
            wait_also(waiter, &pi->wwait);
    }
    return got;
}

long pipe_get_size(struct pipe *pi) { return pi->size; }
long pipe_nread(struct pipe *pi)    { return queued(pi); }

/* ---- splice(fd_in, off_t *off_in, fd_out, off_t *off_out, len, flags) ---- */

/*
 * Move bytes from a regular file into a pipe inside the kernel: one copy,
 * where read and write would copy them out to the caller and back in. cat
 * uses it to pump a file into a pipeline. Duplex splices only that way
 * round; every other pair of files (a pipe into a pipe or a file, which
 * Linux also splices) is EINVAL, and the caller falls back to read and
 * write. With off_in, the file is read there and *off_in moves on, not the
 * file's offset. The call blocks like a big write (SPLICE_F_NONBLOCK or
 * O_NONBLOCK on the pipe: EAGAIN instead), and decides everything before
 * it moves a byte, so that a re-issued call starts over.
 */
long sys_splice(struct proc *p, const long *a)
{
    struct file *in = fd_get(p, (int)a[0]), *out = fd_get(p, (int)a[2]);
    uptr uoff_in = (uptr)a[1], uoff_out = (uptr)a[3];
    size_t len = (size_t)a[4];
    unsigned flags = (unsigned)a[5];
    if (!in || !out || !FILE_READABLE(in) || !FILE_WRITABLE(out))
        return -EBADF;
    if (flags & ~(unsigned)(SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT))
        return -EINVAL;
    if (out->type != F_PIPE || in->type != F_INODE || in->ip->type != I_REG)
        return -EINVAL;
    if (uoff_out)
        return -ESPIPE;                     /* a pipe has no offset */
    int64_t off = in->off;
    if (uoff_in) {
        /* written back unchanged first: once bytes have moved, the new
         * offset must not fail to arrive */
        if (copyin(p, &off, uoff_in, sizeof off) < 0 || copyout(p, uoff_in, &off, sizeof off) < 0)
            return -EFAULT;
        if (off < 0)
            return -EINVAL;
    }
    long r = fifo_wait_peer(p, out);
    if (r < 0)
        return r;
    bool nonblock = (flags & SPLICE_F_NONBLOCK) || (out->flags & O_NONBLOCK);
    r = pipe_fill_from(p, out->pipe, in->ip, off, len, nonblock);
    if (r <= 0)
        return r;
    off += r;
    if (uoff_in)
        copyout(p, uoff_in, &off, sizeof off);
    else
        in->off = off;
    return r;
}

/* ---- pipe2(int fds[2], flags) ------------------------------------------ */

/* One end of a new pipe as an open file; NULL when out of files. */
static struct file *pipe_file(struct pipe *pi, int accmode, int flags)
{
    struct file *f = file_alloc();
    if (!f)
        return NULL;
    f->type = F_PIPE;
    f->pipe = pi;
    f->ip = NULL;                           /* anonymous: no inode */
    f->flags = (uint32_t)(accmode | (flags & O_NONBLOCK));
    pipe_open_end(pi, accmode == O_RDONLY, accmode == O_WRONLY);
    return f;
}

/* Take back a descriptor that fd_alloc gave out moments ago. */
static void fd_unalloc(struct proc *p, int fd)
{
    p->ofile[fd] = NULL;
    p->cloexec &= ~((uint64_t)1 << fd);
}

long sys_pipe2(struct proc *p, const long *a)
{
    uptr ufds = (uptr)a[0];
    int flags = (int)a[1];
    if (flags & ~(O_NONBLOCK | O_CLOEXEC))
        return -EINVAL;

    struct pipe *pi = pipe_alloc();
    if (!pi)
        return -ENOMEM;
    struct file *rf = pipe_file(pi, O_RDONLY, flags);
    if (!rf) {
        pipe_close_end(pi, false, false);   /* frees it */
        return -ENFILE;
    }
    struct file *wf = pipe_file(pi, O_WRONLY, flags);
    if (!wf) {
        file_close(rf);                     /* and the pipe with it */
        return -ENFILE;
    }

    /* From here on, a failure takes back everything done so far, so that
     * a failed pipe2 leaves the process exactly as it found it. */
    int fds[2];
    long err;
    fds[0] = fd_alloc(p, rf, 0);
    if (fds[0] < 0) {
        err = fds[0];
        goto fail_files;
    }
    fds[1] = fd_alloc(p, wf, 0);
    if (fds[1] < 0) {
        err = fds[1];
        goto fail_fd0;
    }
    if (copyout(p, ufds, fds, sizeof fds) < 0) {
        err = -EFAULT;
        fd_unalloc(p, fds[1]);
        goto fail_fd0;
    }
    if (flags & O_CLOEXEC)
        p->cloexec |= ((uint64_t)1 << fds[0]) | ((uint64_t)1 << fds[1]);
    return 0;

fail_fd0:
    fd_unalloc(p, fds[0]);
fail_files:
    file_close(rf);
    file_close(wf);
    return err;
}
