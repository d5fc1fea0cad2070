/*
 * dev.c - character devices: the devsw table and the nodes in /dev.
 *
 * A character device is an I_CHR inode whose `dev` number selects a row of
 * devsw; file.c sends reads and writes there and sys_ioctl sends ioctls.
 * The null, zero, full and random devices live here. The terminal is tty.c's: /dev/tty
 * and /dev/console are the same line discipline under two names (Duplex
 * has one terminal, so a controlling terminal is always the console), and
 * ctty.c's rules say who may open and use it.
 *
 * /dev/hostout and /dev/hosterr write to the host's own standard output and
 * error (plat_host_write), byte for byte, with no tty in between. A launcher
 * that runs one command line for a user on the host (`./duplex -c`) gives
 * them to the shell as fds 1 and 2, so that the command's output and its
 * errors come out on the host's two streams, exactly. /dev/hostin is the
 * host's standard input for such a command when it is not a terminal: a
 * bounded buffer that the platform fills (kernel_host_input) only as fast
 * as it is read, so piping a large file in loses nothing.
 *
 * /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N name a descriptor of
 * the process that opens them. Opening one gives the open file of that
 * descriptor, as dup() would - the BSDs' semantics, which shells and
 * scripts rely on (`echo err >/dev/stderr`, `cat /dev/fd/3`). Linux
 * instead reopens the file the descriptor refers to; the difference shows
 * only in the file offset, which here stays shared. Like Linux, O_TRUNC
 * empties a regular file, and a descriptor that is not open is ENOENT.
 * The three have nodes in /dev; /dev/fd/N is recognised by its name.
 */
#include "kernel.h"

static long null_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)p, (void)f, (void)buf, (void)n;
    return 0;                    /* always at end of file */
}

static long null_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)p, (void)f, (void)buf;
    return (long)n;              /* swallowed unread: buf is never touched */
}

/* Fill buf with zeros from a static block, a chunk at a time, so a huge
 * read costs no kernel memory. The block is as large as a pipe, so that
 * the usual reads (a block of dd, a buffer of stdio) take one copy: each
 * copy is a call out to the platform, which costs more than copying a few
 * KiB. A fault part-way gives a short read, of the 512-byte pieces before
 * the fault: the chunk that faulted is done again in pieces to find it. */
#define ZERO_PIECE 512

static long zero_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    static const char zeros[PIPE_SIZE_DEFAULT];
    (void)f;
    size_t done = 0;
    while (done < n) {
        size_t chunk = MIN(n - done, sizeof zeros);
        if (copyout(p, buf + done, zeros, chunk) < 0) {
            for (size_t piece; chunk > 0; chunk -= piece, done += piece) {
                piece = MIN(chunk, (size_t)ZERO_PIECE);
                if (copyout(p, buf + done, zeros, piece) < 0)
                    break;
            }
            return done ? (long)done : -EFAULT;
        }
        done += chunk;
    }
    return (long)done;
}

/* /dev/full: reads as zeros, every write fails as on a full disk. */
static long full_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)p, (void)f, (void)buf, (void)n;
    return -ENOSPC;
}

/*
 * /dev/urandom and /dev/random (the same): bytes of splitmix64, its state
 * stirred with both clocks and the reader's pid at every read, so that two
 * boots, two processes or two reads differ. It is no cryptographic
 * generator (Duplex has no entropy to gather): enough for dd's test data,
 * temporary names and shuffles, not for keys. Writes are accepted and
 * change nothing, as Linux mixes them in without crediting entropy.
 */
static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static long random_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)f;
    rng_state ^= plat_clock_ns(CLOCK_REALTIME) * 0x2545f4914f6cdd1dULL ^ now_ns() ^
                 ((uint64_t)p->pid << 48);
    char chunk[512];
    size_t done = 0;
    while (done < n) {
        size_t c = MIN(n - done, sizeof chunk);
        for (size_t i = 0; i < c; i += 8) {
            uint64_t v = rng_next();
            memcpy(chunk + i, &v, MIN((size_t)8, c - i));
        }
        if (copyout(p, buf + done, chunk, c) < 0)
            return done ? (long)done : -EFAULT;
        done += c;
    }
    return (long)done;
}

static long host_write(struct proc *p, uptr buf, size_t n, int stream)
{
    char chunk[4096];
    size_t done = 0;
    while (done < n) {
        size_t c = MIN(n - done, sizeof chunk);
        if (copyin(p, chunk, buf + done, c) < 0)
            return done ? (long)done : -EFAULT;
        if (plat_host_write(stream, chunk, c) < 0) {    /* as a pipe with no reader */
            signal_send(p, SIGPIPE);
            return done ? (long)done : -EPIPE;
        }
        done += c;
    }
    return (long)done;
}

static long hostout_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)f;
    return host_write(p, buf, n, 1);
}

static long hosterr_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)f;
    return host_write(p, buf, n, 2);
}

/* ---- /dev/hostin ---------------------------------------------------------- */

#define HOSTIN_SIZE 16384

static struct {
    char         buf[HOSTIN_SIZE];
    size_t       head, len;         /* a ring: len bytes from head */
    bool         eof;
    struct waitq wq;
} hostin;

size_t kernel_host_input(const char *buf, size_t n)
{
    if (n == 0) {
        hostin.eof = true;
        wakeup(&hostin.wq);
        return 0;
    }
    size_t taken = 0;
    while (taken < n && hostin.len < HOSTIN_SIZE) {
        hostin.buf[(hostin.head + hostin.len) % HOSTIN_SIZE] = buf[taken++];
        hostin.len++;
    }
    if (taken)
        wakeup(&hostin.wq);
    return taken;
}

/* Like a pipe's read end: what is there, or end of file, or wait. Bytes
 * leave the ring only once they are copied out, so a fault loses none. */
static long hostin_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    (void)f;
    if (hostin.len == 0) {
        if (hostin.eof || n == 0)
            return 0;
        return sleep_on(p, &hostin.wq, "hostin read");
    }
    size_t done = 0;
    while (done < n && hostin.len > 0) {
        size_t run = MIN(MIN(n - done, hostin.len), HOSTIN_SIZE - hostin.head);
        if (copyout(p, buf + done, hostin.buf + hostin.head, run) < 0)
            return done ? (long)done : -EFAULT;
        hostin.head = (hostin.head + run) % HOSTIN_SIZE;
        hostin.len -= run;
        done += run;
    }
    return (long)done;
}

static unsigned hostin_poll(struct file *f, unsigned events, struct proc *waiter)
{
    (void)f;
    if (waiter && (events & (POLLIN | POLLRDNORM | POLLHUP)))
        wait_also(waiter, &hostin.wq);
    return hostin.len ? POLLIN | POLLRDNORM : hostin.eof ? POLLHUP : 0;
}

static void dev_init_hostin(void)
{
    hostin.head = hostin.len = 0;
    hostin.eof = false;
    hostin.wq.head = NULL;
}

static long tty_open(struct proc *p, int flags)
{
    (void)flags;
    return ctty_open_tty(p);
}

bool dev_fd_path(const char *path, int *fd)
{
    static const char prefix[] = "/dev/fd/";
    for (size_t i = 0; i < sizeof prefix - 1; i++)
        if (path[i] != prefix[i])
            return false;
    const char *d = path + sizeof prefix - 1;
    int n = 0;
    if (!*d)
        return false;
    for (; *d; d++) {
        if (*d < '0' || *d > '9' || n >= NOFILE)
            return false;
        n = n * 10 + (*d - '0');
    }
    *fd = n;
    return true;
}

long dev_fd_open(struct proc *p, int fd, int flags, struct file **out)
{
    struct file *f = fd >= 0 && fd < NOFILE ? p->ofile[fd] : NULL;
    if (!f)
        return -ENOENT;
    int acc = flags & O_ACCMODE;
    if ((acc != O_WRONLY && !FILE_READABLE(f)) || (acc != O_RDONLY && !FILE_WRITABLE(f)))
        return -EACCES;
    if ((flags & O_TRUNC) && f->type == F_INODE && f->ip && f->ip->type == I_REG &&
        FILE_WRITABLE(f))
        ramfs_truncate(f->ip, 0);
    f->ref++;
    *out = f;
    return 0;
}

/* The nodes' modes are Linux's: the console is the logged-in user's (root
 * here), /dev/tty is everyone's but means each one's own terminal. The
 * launcher's standard input is as private as the console; its output and
 * error take writes from anyone, as the console's fds do. */
const struct devsw devsw[NDEV] = {
    [DEV_NULL]    = { "null",    0666, NULL, null_read, null_write, NULL, NULL },
    [DEV_ZERO]    = { "zero",    0666, NULL, zero_read, null_write, NULL, NULL },
    [DEV_TTY]     = { "tty",     0666, tty_open, tty_read, tty_write, tty_ioctl, tty_poll },
    [DEV_CONSOLE] = { "console", 0600, ctty_open_console, tty_read, tty_write, tty_ioctl,
                      tty_poll },
    [DEV_HOSTOUT] = { "hostout", 0666, NULL, null_read, hostout_write, NULL, NULL },
    [DEV_HOSTERR] = { "hosterr", 0666, NULL, null_read, hosterr_write, NULL, NULL },
    [DEV_HOSTIN]  = { "hostin",  0600, NULL, hostin_read, NULL, NULL, hostin_poll },
    [DEV_STDIN]   = { "stdin",   0666, NULL, NULL, NULL, NULL, NULL },   /* opened as fd 0: */
    [DEV_STDOUT]  = { "stdout",  0666, NULL, NULL, NULL, NULL, NULL },   /* dev_fd_open */
    [DEV_STDERR]  = { "stderr",  0666, NULL, NULL, NULL, NULL, NULL },
    [DEV_FULL]    = { "full",    0666, NULL, zero_read, full_write, NULL, NULL },
    [DEV_URANDOM] = { "urandom", 0666, NULL, random_read, null_write, NULL, NULL },
    [DEV_RANDOM]  = { "random",  0666, NULL, random_read, null_write, NULL, NULL },
};

void dev_init(void)
{
    dev_init_hostin();
    struct inode *dir;
    long r = ramfs_create_path("/dev", I_DIR, 0755, NULL, 0);
    if (r == 0)
        r = namei(NULL, "/dev", &dir);
    if (r < 0)
        panic("dev_init: cannot make /dev (error %ld)", r);
    for (int d = DEV_NULL; d < NDEV; d++) {
        struct inode *ip = ramfs_alloc(I_CHR, devsw[d].mode, NULL);
        if (!ip)
            panic("dev_init: out of memory");
        ip->dev = d;
        r = dir_link(dir, devsw[d].name, ip);
        if (r < 0)
            panic("dev_init: cannot make /dev/%s (error %ld)", devsw[d].name, r);
    }
    iput(dir);
}
