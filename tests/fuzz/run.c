/*
 * run.c - the interpreter: an input is a program of system calls made by
 * up to FP_MAX processes, with what a platform does in between.
 *
 * The input is read as a sequence of operations. The first byte of each
 * says what it is: most values are a system call (calls.c), made by the
 * process the next byte picks, with arguments made by args.c; the top 32
 * values are events - run the processes the scheduler picks, advance the
 * clock, type at the console or resize it, take the console's output,
 * give /dev/hostin bytes, fault a process, sync shared memory, make a raw
 * call with any number, make part of a process's memory fault, take the
 * kernel's memory away or give it back, unpack a boot archive (archive.c).
 *
 * Processes behave as on a platform. A call that returns KERN_BLOCK is
 * re-issued, with the same arguments, when the process runs again: when
 * the scheduler picks it (ev_schedule) or before its next call. KERN_RESTART
 * re-issues it at once; signal handlers "run" and return (host.c records
 * them). A process that is blocked or stopped makes no call: an operation
 * for it goes to the next process that can run. Process 1 never calls
 * exit and is never faulted: it ending is a kernel panic by design.
 *
 * At the end of the input, end.c takes everything down and counts what is
 * left; then snapshot.c puts the kernel back as it was after boot.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "fuzz.h"
#include "../../kernel/uapi/port.h"
#include "../../kernel/uapi/socket.h"
#include "../../kernel/uapi/mman.h"

#define MAX_OPS   256

bool fuzz_trace;
bool fuzz_opmap;
struct fproc fprocs[FP_MAX];

/* ---- findings ------------------------------------------------------------------ */

void finding(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "FINDING: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(tests/fuzz/README.md: build/fuzz/replay -t FILE prints the calls)\n");
    abort();
}

void trace(const char *fmt, ...)
{
    if (!fuzz_trace)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

/* ---- processes -------------------------------------------------------------------- */

bool fp_alive(const struct fproc *fp)
{
    struct proc *p = fp->p;
    return p && p->pid == fp->pid && p->state != P_UNUSED && p->state != P_ZOMBIE &&
           p->state != P_EMBRYO;
}

static bool can_run(const struct fproc *fp)
{
    return fp_alive(fp) && (fp->p->state == P_RUNNABLE || fp->p->state == P_RUNNING);
}

static struct fproc *fproc_of(struct proc *p)
{
    for (int i = 0; i < FP_MAX; i++)
        if (fp_alive(&fprocs[i]) && fprocs[i].p == p)
            return &fprocs[i];
    return NULL;
}

/* A child the program can name; its descriptors are its parent's. */
static void track(struct fproc *parent, int pid)
{
    struct proc *p = proc_find(pid);
    if (!p)
        return;
    for (int i = 1; i < FP_MAX; i++) {
        if (!fp_alive(&fprocs[i])) {
            fprocs[i] = (struct fproc){ .p = p, .pid = pid, .nfds = parent->nfds };
            memcpy(fprocs[i].fds, parent->fds, sizeof parent->fds);
            return;
        }
    }
}

static void note_fd(struct fproc *fp, long fd)
{
    if (fd >= 0 && fd < NOFILE)
        fp->fds[fp->nfds++ % 4] = (int)fd;
}

/* The two descriptors pipe2 or chan_create wrote at u. */
static void note_fd_pair(struct fproc *fp, long u)
{
    int32_t fds[2];
    if (fp_alive(fp) && plat_copyin(fp->p, fds, (uptr)u, sizeof fds) == 0) {
        note_fd(fp, fds[0]);
        note_fd(fp, fds[1]);
    }
}

/* The descriptors a port message received at u brought: its handles, its reply. */
static void note_fd_msg(struct fproc *fp, long u)
{
    struct k_port_msg m;
    if (!fp_alive(fp) || plat_copyin(fp->p, &m, (uptr)u, sizeof m) < 0)
        return;
    for (int i = 0; i < m.nhandles && i < PORT_MSG_HANDLES; i++)
        note_fd(fp, m.handles[i]);
    note_fd(fp, m.reply);
}

/* The process the input names, or the next one after it that can run. */
static struct fproc *choose(struct in *in)
{
    int start = in_u8(in) % FP_MAX;
    for (int k = 0; k < FP_MAX; k++) {
        struct fproc *fp = &fprocs[(start + k) % FP_MAX];
        if (can_run(fp))
            return fp;
    }
    return NULL;
}

const char *errname(long r)
{
    static const char *const names[] = {
        [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO",
        [7] = "E2BIG", [8] = "ENOEXEC", [9] = "EBADF", [10] = "ECHILD", [11] = "EAGAIN",
        [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT", [16] = "EBUSY", [17] = "EEXIST",
        [20] = "ENOTDIR", [21] = "EISDIR", [22] = "EINVAL", [24] = "EMFILE", [25] = "ENOTTY",
        [27] = "EFBIG", [28] = "ENOSPC", [29] = "ESPIPE", [32] = "EPIPE", [34] = "ERANGE",
        [36] = "ENAMETOOLONG", [38] = "ENOSYS", [39] = "ENOTEMPTY", [42] = "ENOMSG",
        [43] = "EIDRM", [75] = "EOVERFLOW", [110] = "ETIMEDOUT",
    };
    if (r == KERN_BLOCK) return "(blocks)";
    if (r == KERN_EXIT) return "(exits)";
    if (r == KERN_RESTART) return "(restart)";
    if (r == KERN_EXEC) return "(exec)";
    if (r < 0 && r > -(long)(sizeof names / sizeof names[0]) && names[-r])
        return names[-r];
    return "";
}

/* The descriptors an SCM_RIGHTS message received with the msghdr at u brought. */
static void note_fd_rights(struct fproc *fp, long u)
{
    struct k_msghdr m;
    char ctl[1024];
    if (!fp_alive(fp) || plat_copyin(fp->p, &m, (uptr)u, sizeof m) < 0)
        return;
    size_t len = MIN(m.msg_controllen, sizeof ctl);
    if (len < sizeof(struct k_cmsghdr) || plat_copyin(fp->p, ctl, m.msg_control, len) < 0)
        return;
    for (size_t at = 0; at + sizeof(struct k_cmsghdr) <= len;) {
        struct k_cmsghdr h;
        memcpy(&h, ctl + at, sizeof h);
        if (h.cmsg_len < sizeof h || h.cmsg_len > len - at)
            break;
        if (h.cmsg_level == SOL_SOCKET && h.cmsg_type == SCM_RIGHTS)
            for (size_t o = K_CMSG_LEN(0); o + sizeof(int32_t) <= h.cmsg_len; o += sizeof(int32_t)) {
                int32_t fd;
                memcpy(&fd, ctl + at + o, sizeof fd);
                trace("[%d]   received descriptor %d\n", fp->pid, fd);
                note_fd(fp, fd);
            }
        at += K_CMSG_ALIGN(h.cmsg_len);
    }
}

/* What a result tells the program: new children, ids, addresses. */
static void note_result(struct fproc *fp, long nr, const long *a, long r)
{
    if (r < 0)
        return;
    switch (nr) {
    case SYS_open: case SYS_dup: case SYS_dup2: case SYS_fcntl: case SYS_port_create:
    case SYS_port_derive: case SYS_port_lookup: case SYS_socket: case SYS_accept4:
    case SYS_mq_open:
        note_fd(fp, r);
        break;
    case SYS_pipe2: case SYS_chan_create: note_fd_pair(fp, a[0]); break;
    case SYS_socketpair: note_fd_pair(fp, a[3]); break;
    case SYS_recvmsg: note_fd_rights(fp, a[1]); break;
    case SYS_port_recv: note_fd_msg(fp, a[1]); break;
    case SYS_port_call: note_fd_msg(fp, a[2]); break;
    case SYS_port_reply_recv: note_fd_msg(fp, a[3]); break;
    case SYS_sem_open: note_fd(fp, r); break;
    case SYS_spawn: case SYS_fork: if (r > 0) track(fp, (int)r); break;
    case SYS_msgget: ids_note(K_MSQID, r); break;
    case SYS_shmget: ids_note(K_SHMID, r); break;
    case SYS_semget: ids_note(K_SEMID, r); break;
    case SYS_shmat: case SYS_mmap: ids_note(K_SHMADDR, r); break;
    }
}

static const char *call_name(long nr)
{
    const struct call *c = call_by_nr(nr);
    return c ? c->name : "raw";
}

/* Issue call nr as fp, as the platform does: again at once after
 * KERN_RESTART (the handlers have run), and remembered if it blocks. */
static long issue(struct fproc *fp, long nr, const long *a)
{
    long r = 0;
    /* A semaphore's name, read before the call: a signal may end the
     * process as the call returns, and the end must unlink what it made. */
    char psem[PATH_MAX];
    if (nr != SYS_sem_open || plat_copyinstr(fp->p, psem, (uptr)a[0], sizeof psem) < 0)
        psem[0] = 0;
    for (int restarts = 0; restarts < 4; restarts++) {
        r = tsys(fp->p, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r != KERN_RESTART || !can_run(fp))
            break;
        trace("[%d]   restarted\n", fp->pid);
    }
    if (r >= 0 && psem[0])
        end_note_psem(psem);
    fp->pending = (r == KERN_BLOCK || r == KERN_RESTART) && fp_alive(fp);
    if (fp->pending) {
        fp->nr = nr;
        memcpy(fp->a, a, sizeof fp->a);
    }
    note_result(fp, nr, a, r);
    return r;
}

/* Run fp's blocked call again; true if it is done (fp may go on). */
static bool reissue(struct fproc *fp)
{
    if (!fp->pending)
        return true;
    long r = issue(fp, fp->nr, fp->a);
    trace("[%d] %s re-issued = %ld %s\n", fp->pid, call_name(fp->nr), r, errname(r));
    return !fp->pending && can_run(fp);
}

/* A system file mapped shared would keep the memory object that then
 * holds its bytes (kernel/mman.c) for as long as it exists - past the end
 * of the input, which cannot remove it: map it private instead, as a
 * system file is opened read-only. */
static void keep_system_files(struct fproc *fp, long nr, long *a)
{
    if (nr != SYS_mmap || !(a[3] & MAP_SHARED) || a[4] < 0 || a[4] >= NOFILE)
        return;
    struct file *f = fd_get(fp->p, (int)a[4]);
    if (f && f->type == F_INODE && end_boot_file(f->ip)) {
        a[3] = (a[3] & ~(long)MAP_SHARED) | MAP_PRIVATE;
        trace("[%d] (a file made at boot: mapped MAP_PRIVATE)\n", fp->pid);
    }
}

static void do_call(struct in *in, const struct call *c)
{
    struct fproc *fp = choose(in);
    if (!fp || !reissue(fp))
        return;
    if (c->nr == SYS_exit && fp->pid == 1) {
        trace("[1] exit: not for process 1\n");
        return;
    }
    struct gen g = { .in = in, .fp = fp, .bump = ARENA_LO };
    long a[6] = { 0 };
    int n = 0;
    for (int i = 0; i < 6 && c->arg[i] != K_NONE; i++, n++)
        a[i] = arg_make(&g, c->arg[i], i);
    keep_system_files(fp, c->nr, a);
    int pid = fp->pid;
    long r = issue(fp, c->nr, a);
    if (fuzz_trace) {
        fprintf(stderr, "[%d] %s(", pid, c->name);
        for (int i = 0; i < n; i++)
            fprintf(stderr, "%s%s", i ? ", " : "", g.desc[i]);
        fprintf(stderr, ") = %ld %s\n", r, errname(r));
    }
}

/* ---- events --------------------------------------------------------------------------- */

static void ev_schedule(struct in *in)
{
    struct proc *cur = tcurrent();
    if (cur && cur->state == P_RUNNING)
        kernel_yield(cur);            /* its time slice is over */
    int steps = in_u8(in) % 16 + 1;
    trace("-- schedule %d\n", steps);
    for (int i = 0; i < steps; i++) {
        struct proc *p = kernel_next();
        if (!p)
            break;
        struct fproc *fp = fproc_of(p);
        if (fp && fp->pending)
            reissue(fp);
        else
            kernel_yield(p);          /* it runs its own code, then its slice ends */
    }
}

static void ev_clock(struct in *in)
{
    static const uint64_t steps[] = { 1000000, 10000000, 100000000, 1000000000,
                                      3600000000000ull, 1, 0, 0 };
    uint8_t b = in_u8(in);
    uint64_t ns = steps[b % 8];
    if (b % 8 >= 6) {                 /* just to the timer the kernel asked for */
        uint64_t now = plat_clock_ns(CLOCK_MONOTONIC), t = ttimer();
        ns = t > now ? t - now : 0;
    }
    trace("-- clock +%llu ns\n", (unsigned long long)ns);
    tclock_advance(ns);
}

static size_t keys(struct in *in, char *buf, size_t max)
{
    static const char special[] = { 3, 26, 28, 4, '\r', '\n', 0x7f, 21, 23, 22, 'a', ' ',
                                    19, 17, 'x', '\t' };
    size_t n = in_u8(in) % max;
    for (size_t i = 0; i < n; i++) {
        uint8_t b = in_u8(in);
        buf[i] = b < 0x20 ? special[b % sizeof special] : (char)b;
    }
    return n;
}

static void ev_input(struct in *in)
{
    char buf[64];
    size_t n = keys(in, buf, sizeof buf);
    trace("-- console input %zu bytes\n", n);
    kernel_console_input(buf, n);
}

static void ev_resize(struct in *in)
{
    static const int sizes[] = { 0, 1, 24, 80, 65535, 65536, -1, 2147483647 };
    int rows = sizes[in_u8(in) % 8], cols = sizes[in_u8(in) % 8];
    trace("-- console resize %d x %d\n", rows, cols);
    kernel_console_resize(rows, cols);
}

static void ev_output(struct in *in)
{
    static const size_t maxes[] = { 1, 16, 512, 8192, 65536, 0 };
    size_t max = maxes[in_u8(in) % 6];
    if (max == 0) {
        tconsole();                   /* everything, as a terminal always ready */
        trace("-- console output: all\n");
        return;
    }
    static char buf[65536];
    size_t n = kernel_console_output(buf, max);
    trace("-- console output: %zu bytes\n", n);
}

static void ev_hostin(struct in *in)
{
    char buf[64];
    size_t n = keys(in, buf, sizeof buf);
    size_t taken = kernel_host_input(buf, n);
    trace("-- host input %zu bytes%s, %zu taken\n", n, n ? "" : " (end)", taken);
}

static void ev_fault(struct in *in)
{
    static const int sigs[] = { SIGSEGV, SIGILL, SIGFPE, SIGBUS };
    struct fproc *fp = choose(in);
    uint8_t b = in_u8(in);
    if (!fp || fp->pid == 1 || fp->pending)
        return;
    tsys(fp->p, SYS_getpid, 0L, 0L, 0L, 0L, 0L, 0L);   /* now the running process */
    if (!fp_alive(fp) || fp->p->state != P_RUNNING)
        return;
    trace("-- fault [%d] signal %d%s\n", fp->pid, sigs[b % 4], b & 4 ? " (handler may run)" : "");
    kernel_fault(fp->p, sigs[b % 4], b & 4);
    if (fp_alive(fp) && fp->p->state == P_RUNNING)
        tsys(fp->p, SYS_getpid, 0L, 0L, 0L, 0L, 0L, 0L);   /* the handler runs */
}

static void ev_raw(struct in *in)
{
    struct fproc *fp = choose(in);
    if (!fp || !reissue(fp))
        return;
    uint8_t b = in_u8(in);
    long nr = b < 0xf0 ? (long)(b % (NSYSCALL + 2)) - 1 : (long)(int32_t)in_u32(in);
    if (nr == SYS_exit && fp->pid == 1)
        return;
    struct gen g = { .in = in, .fp = fp, .bump = ARENA_LO };
    long a[6];
    for (int i = 0; i < 6; i++)
        a[i] = arg_make(&g, in_u8(in) & 1 ? K_ZEROS : K_INT, i);
    int pid = fp->pid;
    long r = issue(fp, nr, a);
    trace("[%d] syscall(%ld, %s, %s, %s, %s, %s, %s) = %ld %s\n", pid, nr, g.desc[0], g.desc[1],
          g.desc[2], g.desc[3], g.desc[4], g.desc[5], r, errname(r));
}

static void ev_fault_range(struct in *in)
{
    static const uptr lens[] = { 0, 1, 16, 4096, 65536, 8 };
    struct fproc *fp = choose(in);
    uptr lo = ARENA_LO + (uptr)in_u8(in) * 64, len = lens[in_u8(in) % 6];
    if (!fp)
        return;
    trace("-- [%d] memory faults at [%#lx, %#lx)\n", fp->pid, lo, lo + len);
    tfault_range(fp->p, lo, lo + len);
}

static void ev_squeeze(struct in *in)
{
    static const size_t holes[] = { 0, 64, 1024, 4096, 65536, 1 << 20 };
    uint8_t b = in_u8(in);
    if (b & 0x80) {
        trace("-- kernel memory given back\n");
        squeeze_release();
        return;
    }
    trace("-- kernel memory taken, but %zu bytes\n", holes[b % 6]);
    squeeze(holes[b % 6]);
}

static void event(struct in *in, int e)
{
    switch (e) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
        ev_schedule(in); break;
    case 8: case 9: case 10: ev_clock(in); break;
    case 11: case 12: ev_input(in); break;
    case 13: ev_resize(in); break;
    case 14: case 15: ev_output(in); break;
    case 16: ev_hostin(in); break;
    case 17: ev_fault(in); break;
    case 18: {
        struct fproc *fp = choose(in);
        if (fp) {
            trace("-- [%d] shared memory synced\n", fp->pid);
            tshm_sync(fp->p);
        }
        break;
    }
    case 19: case 20: case 21: case 22: ev_raw(in); break;
    case 23: ev_fault_range(in); break;
    case 24: ev_squeeze(in); break;
    case 25: ev_archive(in); break;
    default: ev_schedule(in); break;
    }
}

/* ---- one input --------------------------------------------------------------------------- */

void fuzz_boot(void)
{
    kernel_init();
    ramfs_create_path("/bin", I_DIR, 0755, NULL, 0);
    ramfs_create_path("/tmp", I_DIR, 01777, NULL, 0);
    tprog("/bin/init");
    tprog("/bin/p");
    char *argv[] = { "init", NULL }, *envp[] = { NULL };
    init = kernel_start("/bin/init", argv, envp);
    if (!init || kernel_next() != init) {
        fprintf(stderr, "fuzz: boot failed\n");
        abort();
    }
    tsys(init, SYS_getpid, 0L, 0L, 0L, 0L, 0L, 0L);   /* the running process */
    /* the console is its controlling terminal, as in the unit tests */
    if (tsys(init, SYS_ioctl, 0L, (long)TIOCSCTTY, 0L, 0L, 0L, 0L) != 0) {
        fprintf(stderr, "fuzz: process 1 cannot take the console\n");
        abort();
    }
    tconsole();
    end_record();
    snapshot_take();
}

void fuzz_one(const uint8_t *data, size_t size)
{
    snapshot_restore();
    memset(fprocs, 0, sizeof fprocs);
    fprocs[0] = (struct fproc){ .p = init, .pid = 1 };
    ids_reset();
    end_reset();
    struct in in = { data, size };
    for (int ops = 0; in.n > 0 && ops < MAX_OPS; ops++) {
        uint8_t op = in_u8(&in);
        if (op < 0xe0 && fuzz_opmap)     /* where each call is, and which */
            printf("%zu %d\n", size - in.n - 1, op % ncalls);
        if (op < 0xe0)
            do_call(&in, &calls[op % ncalls]);
        else
            event(&in, op - 0xe0);
    }
    trace("-- end: kill, reap, remove, count\n");
    end_of_input();
}
