/*
 * host.c - the host platform for the unit tests.
 *
 * It implements kernel/platform.h with fake processes: a process's "program"
 * is any file starting with FAKE_MAGIC, its memory is a 1 MiB host buffer
 * mapped at UBASE, and it runs only when a test issues a system call for it
 * (tsys). The clock is a counter the test advances.
 *
 * runner.c forks once per test and calls test_body in the child. The
 * system-call fuzzer (tests/fuzz/) links this file too, and resets the
 * kernel between inputs by restoring a snapshot instead of booting; the
 * few things it needs from here are at the end (tproc_save, tproc_restore,
 * test_failures).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "test.h"

/* ---- fake processes ------------------------------------------------------ */

struct hostproc {
    uint8_t *mem;
    uptr     scratch;          /* bump pointer for ustr/ubuf */
    uptr     brk;
    uptr     fault_lo, fault_hi;
    int      handled[64];
    int      nhandled;
    uint64_t dirty[USIZE / 4096 / 64];   /* pages of mem written since tproc_save */
    uint64_t used[USIZE / 4096 / 64];    /* pages of mem written since it was all zeros */
};

#define PAGE_SET(bits, pg) ((bits)[(pg) / 64] & (1ull << ((pg) % 64)))

/* A process's memory comes straight from the host's mmap, zeroed: pages
 * cost something only once touched, and a process made and ended costs
 * no bookkeeping of the sanitizer's allocator. The memory of an ended
 * process is kept for the next one, cleared where it was used: the
 * fuzzer makes thousands of processes a second. The list of spares lives
 * in host memory and is made at the first process (process 1, at boot):
 * a snapshot of this file's variables, taken later, holds only its
 * address, so a reset keeps the spares. */
#define SPARES 16
static struct { int n; uint8_t *mem[SPARES]; } *spares;

static uint8_t *mem_new(void)
{
    if (!spares)
        spares = calloc(1, sizeof *spares);
    if (spares->n > 0)
        return spares->mem[--spares->n];
    void *m = mmap(NULL, USIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        perror("host: mmap");
        abort();
    }
    return m;
}

static void mem_clear_used(struct hostproc *h)
{
    for (size_t pg = 0; pg < USIZE / 4096; pg++)
        if (PAGE_SET(h->used, pg))
            memset(h->mem + pg * 4096, 0, 4096);
}

static void mem_free(struct hostproc *h)
{
    if (spares->n == SPARES) {
        munmap(h->mem, USIZE);
        return;
    }
    mem_clear_used(h);
    spares->mem[spares->n++] = h->mem;
}

static struct hostproc *hp(struct proc *p)
{
    struct hostproc *h = kernel_proc_ctx(p);
    if (!h) {
        fprintf(stderr, "process %d has no user context\n", kernel_proc_pid(p));
        abort();
    }
    return h;
}

/* [a, a + n) lies in a process's memory. */
static bool ubounds_ok(uptr a, size_t n)
{
    return !(a < UBASE || n > USIZE || a - UBASE > USIZE - n);
}

/* ... and the kernel may copy there: tfault_range makes part of it fault
 * for the kernel's copies, as memory a program unmapped would. */
static bool urange_ok(struct hostproc *h, uptr a, size_t n)
{
    if (!ubounds_ok(a, n))
        return false;
    if (h->fault_hi > h->fault_lo && a < h->fault_hi && a + n > h->fault_lo)
        return false;
    return true;
}

/* Every write into a process's memory goes through here (mem_write):
 * an exec clears, and a fork copies, only the pages in use, and the
 * fuzzer's reset puts back only the pages written since its snapshot. */
static void mark_dirty(struct hostproc *h, uptr a, size_t n)
{
    for (size_t pg = (a - UBASE) / 4096; n && pg <= (a - UBASE + n - 1) / 4096; pg++) {
        h->dirty[pg / 64] |= 1ull << (pg % 64);
        h->used[pg / 64] |= 1ull << (pg % 64);
    }
}

uint64_t tlast_image_id;

static void shm_drop_all(struct proc *p);

/* An exec keeps the context and its memory, cleared: the context's
 * address stays what a snapshot of the kernel holds, and only the pages
 * in use are cleared, so an exec costs what the old image wrote. */
int plat_proc_load(struct proc *p, const struct exec_image *img)
{
    tlast_image_id = img->id;
    if (img->len < 4 || memcmp(img->code, FAKE_MAGIC, 4) != 0)
        return -ENOEXEC;
    struct hostproc *h = kernel_proc_ctx(p);
    uint8_t *mem;
    uint64_t dirty[USIZE / 4096 / 64] = { 0 };
    if (h) {                    /* exec: the old image's attachments go with it */
        shm_drop_all(p);
        mem = h->mem;
        mem_clear_used(h);
        for (size_t w = 0; w < USIZE / 4096 / 64; w++)
            dirty[w] = h->dirty[w] | h->used[w];
    } else {
        h = malloc(sizeof *h);
        mem = mem_new();
    }
    memset(h, 0, sizeof *h);
    h->mem = mem;
    memcpy(h->dirty, dirty, sizeof dirty);
    h->scratch = UBASE + USIZE / 2;
    h->brk = UBASE + 4096;
    kernel_set_proc_ctx(p, h);
    return 0;
}

/* A child's memory is a copy of its parent's; without a context to copy
 * (tfork_fail) the fork fails as a platform out of memory would. */
int tfork_fail;

int plat_proc_fork(struct proc *child, struct proc *parent)
{
    if (tfork_fail)
        return -ENOMEM;
    struct hostproc *h = calloc(1, sizeof *h), *ph = hp(parent);
    *h = *ph;
    h->nhandled = 0;
    h->mem = mem_new();          /* the pages in use: the others are zeros anyway */
    for (size_t pg = 0; pg < USIZE / 4096; pg++)
        if (PAGE_SET(ph->used, pg))
            memcpy(h->mem + pg * 4096, ph->mem + pg * 4096, 4096);
    kernel_set_proc_ctx(child, h);
    return 0;
}

void plat_proc_destroy(struct proc *p)
{
    struct hostproc *h = kernel_proc_ctx(p);
    if (h) {
        mem_free(h);
        free(h);
    }
    kernel_set_proc_ctx(p, NULL);
}

int plat_copyin(struct proc *p, void *dst, uptr src, size_t n)
{
    struct hostproc *h = hp(p);
    if (!urange_ok(h, src, n))
        return -EFAULT;
    memcpy(dst, h->mem + (src - UBASE), n);
    return 0;
}

int plat_copyout(struct proc *p, uptr dst, const void *src, size_t n)
{
    struct hostproc *h = hp(p);
    if (!urange_ok(h, dst, n))
        return -EFAULT;
    memcpy(h->mem + (dst - UBASE), src, n);
    mark_dirty(h, dst, n);
    return 0;
}

/* How many bytes from a on can be read, at most max. */
static size_t readable(struct hostproc *h, uptr a, size_t max)
{
    if (a < UBASE || a - UBASE >= USIZE)
        return 0;
    size_t n = MIN(max, USIZE - (a - UBASE));
    if (h->fault_hi > h->fault_lo && a < h->fault_hi && a + n > h->fault_lo)
        n = a >= h->fault_lo ? 0 : h->fault_lo - a;
    return n;
}

long plat_copyinstr(struct proc *p, char *dst, uptr src, size_t max)
{
    struct hostproc *h = hp(p);
    size_t n = readable(h, src, max);
    if (n == 0)
        return max ? -EFAULT : -ENAMETOOLONG;
    const uint8_t *s = h->mem + (src - UBASE), *nul = memchr(s, 0, n);
    if (nul) {
        memcpy(dst, s, (size_t)(nul - s) + 1);
        return nul - s;
    }
    memcpy(dst, s, n);
    return n < max ? -EFAULT : -ENAMETOOLONG;
}

uptr plat_brk(struct proc *p, uptr addr)
{
    struct hostproc *h = hp(p);
    if (addr >= UBASE + 4096 && addr <= UBASE + USIZE / 2)
        h->brk = addr;
    return h->brk;
}

/* Shared memory on fake processes: the segment is copied into the
 * process's memory at attach and back at detach; tshm_sync does both ways
 * in between, standing in for the mirroring a platform does at switches.
 * Segments attached without an address go in the top quarter of a
 * process's memory. Like the web platform, this one keeps its own list of
 * what it mirrors, and detach finds the entry by address: a test fails if
 * the kernel ever hands it an attachment that overlaps another, or detaches
 * one it does not have. */
#define SHM_BASE (UBASE + USIZE * 3 / 4)
#define MAX_ATTACH 64
static struct { struct proc *p; void *kmem; size_t size; uptr addr; bool ro; } attach[MAX_ATTACH];

void plat_shm_window(struct proc *p, uptr *lo, uptr *hi)
{
    (void)p;
    *lo = SHM_BASE;
    *hi = UBASE + USIZE;
}

static void prot_note(struct proc *p, uptr addr, size_t len, int prot);

long plat_shm_attach(struct proc *p, void *kmem, size_t size, uptr addr, bool readonly)
{
    struct hostproc *h = hp(p);
    CHECK((addr & 4095) == 0);
    /* Mapping pages is not a copy by the kernel: a fault range does not
     * stop it (a platform never refuses to map again what it just had
     * mapped, which mman.c's region_split counts on). */
    if (!ubounds_ok(addr, size))
        return -EINVAL;
    for (int i = 0; i < MAX_ATTACH; i++)
        if (attach[i].p == p)
            CHECK(addr >= attach[i].addr + attach[i].size || attach[i].addr >= addr + size);
    for (int i = 0; i < MAX_ATTACH; i++) {
        if (attach[i].p)
            continue;
        attach[i].p = p, attach[i].kmem = kmem, attach[i].size = size;
        attach[i].addr = addr, attach[i].ro = readonly;
        memcpy(h->mem + (addr - UBASE), kmem, size);
        mark_dirty(h, addr, size);
        prot_note(p, addr, size, readonly ? PROT_READ : PROT_READ | PROT_WRITE);
        return 0;
    }
    return -ENOMEM;
}

static void shm_drop_all(struct proc *p)
{
    for (int i = 0; i < MAX_ATTACH; i++)
        if (attach[i].p == p)
            attach[i].p = NULL;
}

void plat_shm_detach(struct proc *p, uptr addr, size_t size)
{
    (void)size;
    for (int i = 0; i < MAX_ATTACH; i++) {
        if (attach[i].p != p || attach[i].addr != addr)
            continue;
        if (!attach[i].ro && kernel_proc_ctx(p))
            memcpy(attach[i].kmem, hp(p)->mem + (addr - UBASE), attach[i].size);
        attach[i].p = NULL;
        return;
    }
    CHECK(!"plat_shm_detach: no such attachment");
}

/* The kernel reads or writes shared memory itself (a mapped file): as the
 * web platform does, the running process's writes go to the kernel's copy
 * first, and after a write every copy is refreshed once the call is over
 * (tsys). */
static bool shm_written;

void plat_shm_access(void *kmem, size_t len, bool write)
{
    struct proc *p = tcurrent();
    for (int i = 0; p && i < MAX_ATTACH; i++) {
        char *k = attach[i].kmem;
        if (attach[i].p == p && !attach[i].ro && k < (char *)kmem + len &&
            (char *)kmem < k + attach[i].size)
            memcpy(k, hp(p)->mem + (attach[i].addr - UBASE), attach[i].size);
    }
    shm_written |= write;
}

static void shm_refresh(void)
{
    for (int i = 0; shm_written && i < MAX_ATTACH; i++) {
        if (!attach[i].p || !kernel_proc_ctx(attach[i].p))
            continue;
        struct hostproc *h = hp(attach[i].p);
        memcpy(h->mem + (attach[i].addr - UBASE), attach[i].kmem, attach[i].size);
        mark_dirty(h, attach[i].addr, attach[i].size);
    }
    shm_written = false;
}

/* Private mappings: memory of the fake process, zeroed. Protection is
 * only noted (as on the web target, it is not enforced): a log of what
 * was asked for, newest last, that tmem_prot searches. */
#define NPROTS 256
static struct { struct proc *p; uptr addr; size_t len; int prot; } prots[NPROTS];
static int nprots;

static void prot_note(struct proc *p, uptr addr, size_t len, int prot)
{
    int i = nprots++ % NPROTS;
    prots[i].p = p, prots[i].addr = addr, prots[i].len = len, prots[i].prot = prot;
}

long plat_mem_map(struct proc *p, uptr addr, size_t len, int prot)
{
    struct hostproc *h = hp(p);
    CHECK((addr & 4095) == 0 && (len & 4095) == 0);
    if (!urange_ok(h, addr, len) || addr < SHM_BASE)
        return -EINVAL;                 /* below: the fake program's own */
    memset(h->mem + (addr - UBASE), 0, len);
    mark_dirty(h, addr, len);
    return plat_mem_protect(p, addr, len, prot);
}

void plat_mem_unmap(struct proc *p, uptr addr, size_t len)
{
    memset(hp(p)->mem + (addr - UBASE), 0xdd, len);      /* gone: not zeros */
    mark_dirty(hp(p), addr, len);
}

long plat_mem_protect(struct proc *p, uptr addr, size_t len, int prot)
{
    prot_note(p, addr, len, prot);
    return 0;
}

int tmem_prot(struct proc *p, uptr addr)
{
    for (int n = nprots - 1; n >= 0 && n >= nprots - NPROTS; n--) {
        int i = n % NPROTS;
        if (prots[i].p == p && prots[i].addr <= addr && addr < prots[i].addr + prots[i].len)
            return prots[i].prot;
    }
    return -1;
}

void tshm_sync(struct proc *from)
{
    for (int i = 0; i < MAX_ATTACH; i++)
        if (attach[i].p == from && !attach[i].ro)
            memcpy(attach[i].kmem, hp(from)->mem + (attach[i].addr - UBASE), attach[i].size);
    for (int i = 0; i < MAX_ATTACH; i++) {
        if (!attach[i].p || attach[i].p == from)
            continue;
        struct hostproc *h = hp(attach[i].p);
        memcpy(h->mem + (attach[i].addr - UBASE), attach[i].kmem, attach[i].size);
        mark_dirty(h, attach[i].addr, attach[i].size);
    }
}

/* ---- console, clock, memory ---------------------------------------------- */

#ifndef HOST_CONSOLE_SIZE
#define HOST_CONSOLE_SIZE (1 << 16)   /* the fuzzer, which never reads it, keeps less */
#endif
static char console[HOST_CONSOLE_SIZE];
static size_t console_len;
static uint64_t clock_now = 1000000000ull;
static uint64_t timer_deadline;

static void console_add(const char *buf, size_t n)
{
    if (n > sizeof console - 1 - console_len)
        n = sizeof console - 1 - console_len;
    memcpy(console + console_len, buf, n);
    console_len += n;
    console[console_len] = '\0';
}

/* The tty's output queue is emptied when a test looks at the screen, as a
 * terminal that is always ready would; tests of flow control call
 * kernel_console_output themselves instead. */
int tconsole_kicks;
void plat_console_kick(void) { tconsole_kicks++; }

const char *tconsole(void)
{
    static char out[sizeof console];
    char buf[512];
    size_t n;
    while ((n = kernel_console_output(buf, sizeof buf)) > 0)
        console_add(buf, n);
    memcpy(out, console, console_len + 1);
    console_len = 0;
    console[0] = '\0';
    return out;
}

uint64_t plat_clock_ns(int clock)
{
    bool real = clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE;
    return real ? clock_now + 1700000000ull * 1000000000ull : clock_now;
}

void plat_timer_set(uint64_t deadline_ns) { timer_deadline = deadline_ns; }
uint64_t ttimer(void) { return timer_deadline; }

void tclock_advance(uint64_t ns)
{
    clock_now += ns;
    kernel_tick();
}

#define HEAP_SIZE (64u << 20)
void *plat_heap(size_t *len)
{
    static void *heap;
    if (!heap)
        heap = calloc(1, HEAP_SIZE);     /* zero: a snapshot finds its used part */
    *len = HEAP_SIZE;
    return heap;
}

const void *plat_initramfs(size_t *len) { *len = 0; return NULL; }
const char *plat_machine(void) { return "host"; }

/* sync and download: what the kernel handed over, for the tests. */
long tsync_result;                   /* what plat_sync answers */
int tsync_calls;
char tdownload_name[256];
char tdownload_data[4096];
size_t tdownload_len;

long plat_sync(void)
{
    tsync_calls++;
    return tsync_result;
}

long plat_download(const char *name, const void *data, size_t len)
{
    snprintf(tdownload_name, sizeof tdownload_name, "%s", name);
    tdownload_len = len;
    memcpy(tdownload_data, data, len < sizeof tdownload_data ? len : sizeof tdownload_data);
    return 0;
}

/* plat_fetch: the last name asked for, and how many; tfetch_result is
 * what it answers (the bytes come later, from the test: kernel_lazy_fill). */
char tfetch_name[256];
int tfetch_calls;
long tfetch_result;

long plat_fetch(const char *name, size_t size)
{
    (void)size;
    snprintf(tfetch_name, sizeof tfetch_name, "%s", name);
    tfetch_calls++;
    return tfetch_result;
}

int tpoweroff_code = -1;
void plat_poweroff(int code) { tpoweroff_code = code; }

int thost_closed;                    /* streams whose reader has gone: bit N for stream N */

int plat_host_write(int stream, const char *buf, size_t n)
{
    if (thost_closed & (1 << stream))
        return -EPIPE;
    char tag[8];
    snprintf(tag, sizeof tag, "<%d>", stream);   /* tests tell the streams apart */
    console_add(tag, strlen(tag));
    console_add(buf, n);
    return 0;
}

void plat_panic(const char *msg)
{
    fprintf(stderr, "kernel panic: %s\n", msg);
    abort();
}

/* ---- driving processes ---------------------------------------------------- */

struct proc *init;
static struct proc *running;

struct proc *tcurrent(void) { return running; }

static void make_running(struct proc *p)
{
    if (running == p && p->state == P_RUNNING)
        return;
    if (running && running->state == P_RUNNING)
        kernel_yield(running);
    if (p->state == P_RUNNABLE) {
        runq_remove(p);
        p->state = P_RUNNING;
    }
    if (p->state != P_RUNNING) {
        fprintf(stderr, "tsys: process %d is not runnable (state %d)\n", p->pid, p->state);
        abort();
    }
    running = p;
}

static void deliver_signals(struct proc *p)
{
    struct sig_delivery d;
    for (int guard = 0; guard < 64; guard++) {
        int r = kernel_signal(p, &d);
        if (r != KSIG_HANDLER)
            return;
        struct hostproc *h = hp(p);
        if (h->nhandled < 63)
            h->handled[h->nhandled++] = d.signo;
        /* the handler returns at once: sigreturn restores the mask */
        kernel_syscall(p, SYS_sigreturn, (long)(d.saved_mask & 0xffffffffu),
                       (long)(d.saved_mask >> 32), 0, 0, 0, 0);
    }
}

long tsys(struct proc *p, long nr, ...)
{
    va_list ap;
    long a[6];
    va_start(ap, nr);
    for (int i = 0; i < 6; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    make_running(p);
    long r = kernel_syscall(p, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    shm_refresh();
    if (r == KERN_EXIT)
        running = NULL;
    else if (r != KERN_BLOCK)
        deliver_signals(p);
    if (p->state != P_RUNNING && running == p)
        running = NULL;
    return r;
}

const int *thandled(struct proc *p)
{
    struct hostproc *h = hp(p);
    h->handled[h->nhandled] = 0;
    return h->handled;
}

uptr ubuf(struct proc *p, size_t n)
{
    struct hostproc *h = hp(p);
    uptr a = h->scratch;
    n = (n + 15) & ~(size_t)15;
    if (a + n > UBASE + USIZE) {
        fprintf(stderr, "ubuf: out of fake user memory\n");
        abort();
    }
    h->scratch += n;
    memset(h->mem + (a - UBASE), 0, n);
    mark_dirty(h, a, n);
    return a;
}

uptr ubytes(struct proc *p, const void *b, size_t n)
{
    uptr a = ubuf(p, n);
    memcpy(uhost(p, a), b, n);
    return a;
}

uptr ustr(struct proc *p, const char *s) { return ubytes(p, s, strlen(s) + 1); }

void *uhost(struct proc *p, uptr a)
{
    struct hostproc *h = hp(p);
    if (a >= UBASE && a - UBASE < USIZE)      /* the test may write a little there */
        mark_dirty(h, a, MIN((size_t)4096, USIZE - (a - UBASE)));
    return h->mem + (a - UBASE);
}

uptr uargv(struct proc *p, const char *const *argv)
{
    int n = 0;
    while (argv[n])
        n++;
    uptr arr = ubuf(p, (size_t)(n + 1) * sizeof(uptr));
    uptr *host = uhost(p, arr);
    for (int i = 0; i < n; i++)
        host[i] = ustr(p, argv[i]);
    host[n] = 0;
    return arr;
}

void tfault_range(struct proc *p, uptr lo, uptr hi)
{
    hp(p)->fault_lo = lo;
    hp(p)->fault_hi = hi;
}

void tprog(const char *path)
{
    ramfs_create_path("/bin", I_DIR, 0755, NULL, 0);
    long r = ramfs_create_path(path, I_REG, 0755, FAKE_MAGIC, 4);
    if (r < 0 && r != -EEXIST) {
        fprintf(stderr, "tprog %s: %ld\n", path, r);
        abort();
    }
}

void trm(const char *path)
{
    struct inode *dir;
    char name[NAME_MAX + 1];
    if (nameiparent(init, path, &dir, name) < 0 || dir_unlink(dir, name) < 0) {
        fprintf(stderr, "trm %s: cannot remove\n", path);
        abort();
    }
    iput(dir);
}

struct proc *tspawn(struct proc *parent, const char *path)
{
    const char *argv[] = { path, NULL };
    long pid = tsys(parent, SYS_spawn, (long)ustr(parent, path), (long)uargv(parent, argv),
                    0L, 0L, 0L, 0L);
    if (pid <= 0) {
        fprintf(stderr, "tspawn %s: %ld\n", path, pid);
        abort();
    }
    return proc_find((int)pid);
}

void texit_reap(struct proc *p, int code)
{
    struct proc *parent = p->parent;
    int pid = p->pid;
    CHECK_EQ(tsys(p, SYS_exit, (long)code), KERN_EXIT);
    uptr st = ubuf(parent, sizeof(int));
    CHECK_EQ(tsys(parent, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    CHECK_EQ(*(int *)uhost(parent, st), W_EXITCODE(code, 0));
}

/* ---- out of kernel memory, on purpose -------------------------------------- */

#define SQUEEZE_MAX 1024
static void *squeezed[SQUEEZE_MAX];
static int nsqueezed;

void tsqueeze(size_t hole)
{
    void *h = hole ? kalloc(hole) : NULL;
    for (size_t chunk = (size_t)1 << 24; chunk > 0; chunk /= 2)
        while (nsqueezed < SQUEEZE_MAX && (squeezed[nsqueezed] = kalloc(chunk)) != NULL)
            nsqueezed++;
    CHECK(nsqueezed < SQUEEZE_MAX);
    kfree(h);
}

void trelease(void)
{
    while (nsqueezed > 0)
        kfree(squeezed[--nsqueezed]);
}

/* ---- one test's life, inside the child the runner forked ------------------ */

static bool allow_leaks;
static int failures_in_test;

void tallow_leaks(void) { allow_leaks = true; }
int test_failures(void) { return failures_in_test; }

void test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures_in_test++;
}

static void tboot(void)
{
    kernel_init();
    ramfs_create_path("/bin", I_DIR, 0755, NULL, 0);
    ramfs_create_path("/tmp", I_DIR, 01777, NULL, 0);
    tprog("/bin/init");
    char *argv[] = { "init", NULL };
    char *envp[] = { NULL };
    init = kernel_start("/bin/init", argv, envp);
    if (!init || kernel_next() != init) {
        fprintf(stderr, "boot failed\n");
        abort();
    }
    running = init;
    /* init takes the console as its controlling terminal, as a getty
     * would: most tests read it as init, the foreground of its session */
    if (kernel_syscall(init, SYS_ioctl, 0, TIOCSCTTY, 0, 0, 0, 0) != 0) {
        fprintf(stderr, "boot: init cannot take the console\n");
        abort();
    }
    tconsole();
}

#define COUNTED(X) X(procs) X(files) X(inodes) X(pipes) X(waiters) X(timers) \
                   X(allocs) X(heap_used) \
                   X(ipc[0]) X(ipc[1]) X(ipc[2]) X(ipc[3]) \
                   X(ipc[4]) X(ipc[5]) X(ipc[6]) X(ipc[7]) X(mappings) X(memobjs) \
                   X(sockets) X(inflight) X(mqueues) X(mqmsgs)

static void check_leaks(const struct k_kstat *base)
{
    if (allow_leaks)
        return;
#define CMP(f) if (kstats.f != base->f) \
        test_fail("leak check", 0, #f ": %llu at boot, %llu at the end", \
                  (unsigned long long)base->f, (unsigned long long)kstats.f);
    COUNTED(CMP)
#undef CMP
}

/* Boot, run the body, check for leaks: the number of failed checks. */
int test_body(test_fn fn)
{
    tboot();
    struct k_kstat base = kstats;
    fn();
    check_leaks(&base);
    return failures_in_test;
}

/* ---- the fuzzer's fast reset ------------------------------------------------- */

/* A copy of p's context: the record and all of its memory. */
struct tsaved {
    struct hostproc h;
    uint8_t         mem[USIZE];
};

struct tsaved *tproc_save(struct proc *p)
{
    struct hostproc *h = hp(p);
    struct tsaved *s = malloc(sizeof *s);
    memset(h->dirty, 0, sizeof h->dirty);
    s->h = *h;
    memcpy(s->mem, h->mem, USIZE);
    return s;
}

/* Put p's context back as tproc_save found it. Only the pages written
 * since then through this file (copyout, ubuf, shared memory, mappings,
 * exec) are copied back, so that a reset costs what the input changed. */
void tproc_restore(struct proc *p, const struct tsaved *s)
{
    struct hostproc *h = hp(p);
    for (size_t pg = 0; pg < USIZE / 4096; pg++)
        if (PAGE_SET(h->dirty, pg))
            memcpy(h->mem + pg * 4096, s->mem + pg * 4096, 4096);
    uint8_t *mem = h->mem;
    *h = s->h;
    h->mem = mem;
}
