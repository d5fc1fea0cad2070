/*
 * kernel_glue.c - the web platform's C half: kernel/platform.h on top of
 * functions imported from the JavaScript runtime (runtime.js), and the
 * exports the runtime calls.
 *
 * The kernel is one WebAssembly module with its own linear memory. User
 * processes are other instances with other memories, which this module
 * cannot address: copyin/copyout therefore go through JS, which holds every
 * process's memory. Numbers cross the boundary as i32 or f64 only (an i64
 * would arrive in JS as a BigInt, slow on the system-call path).
 */
#include "../kernel/kernel.h"

#define IMPORT(name) __attribute__((import_module("env"), import_name(#name)))

IMPORT(console_kick)  void js_console_kick(void);
IMPORT(host_write)    int js_host_write(int stream, const char *buf, size_t n);
IMPORT(now_ms)        double js_now_ms(int clock);
IMPORT(timer_set)     void js_timer_set(double deadline_ms);
/* A process is named to JS by its context number (ctx_of), except when
 * its image is made: proc_load gets the struct proc too, for the system
 * calls JS makes on its behalf. */
IMPORT(proc_load)     int js_proc_load(struct proc *p, int ctx, const void *code, size_t len,
                                       double id, char *const *argv, char *const *envp);
IMPORT(proc_fork)     int js_proc_fork(struct proc *child, int parent_ctx);
IMPORT(proc_destroy)  void js_proc_destroy(int ctx);
IMPORT(copyin)        int js_copyin(int ctx, void *dst, uptr src, size_t n);
IMPORT(copyout)       int js_copyout(int ctx, uptr dst, const void *src, size_t n);
IMPORT(copyinstr)     long js_copyinstr(int ctx, char *dst, uptr src, size_t max);
IMPORT(brk)           uptr js_brk(int ctx, uptr addr);
IMPORT(poweroff)      void js_poweroff(int code);
IMPORT(shm_attach)    long js_shm_attach(int ctx, void *kmem, size_t size, uptr addr,
                                         int readonly);
IMPORT(shm_detach)    void js_shm_detach(int ctx, uptr addr, size_t size);
IMPORT(shm_access)    void js_shm_access(void *kmem, size_t len, int write);
IMPORT(mem_map)       long js_mem_map(int ctx, uptr addr, size_t len);
IMPORT(panic)         void js_panic(const char *msg);
IMPORT(sync)          long js_sync(void);
IMPORT(download)      long js_download(const char *name, const void *data, size_t len);
IMPORT(fetch)         long js_fetch(const char *name, size_t size);

extern unsigned char __heap_base;

static const unsigned char *initramfs;
static size_t initramfs_len;

/* A buffer through which JS hands typed input and structures to the
 * kernel, and the kernel text (the process table) to JS. */
#define SCRATCH_SIZE (64 * 1024)
static char scratch[SCRATCH_SIZE] __attribute__((aligned(16)));

/* ---- platform.h ------------------------------------------------------------ */

void plat_console_kick(void) { js_console_kick(); }
int plat_host_write(int stream, const char *buf, size_t n) { return js_host_write(stream, buf, n); }
/* The coarse clocks: milliseconds the runtime writes whenever it reads the
 * clock itself, at least once per time slice and every few dozen system
 * calls (runtime.js, readClock). A precise read is a call out to JS that
 * costs more than a whole message-queue send. */
static double coarse_ms[2];             /* CLOCK_REALTIME, CLOCK_MONOTONIC */

uint64_t plat_clock_ns(int clock)
{
    if (clock == CLOCK_REALTIME_COARSE)
        return (uint64_t)(coarse_ms[0] * 1e6);
    if (clock == CLOCK_MONOTONIC_COARSE)
        return (uint64_t)(coarse_ms[1] * 1e6);
    return (uint64_t)(js_now_ms(clock) * 1e6);
}
void plat_timer_set(uint64_t deadline_ns) { js_timer_set((double)deadline_ns / 1e6); }

/* The heap runs from the end of the kernel's static data to the initramfs,
 * which the runtime placed at the top of memory before kernel_init. */
void *plat_heap(size_t *len)
{
    uintptr_t lo = (uintptr_t)&__heap_base;
    uintptr_t hi = initramfs ? (uintptr_t)initramfs
                             : (uintptr_t)__builtin_wasm_memory_size(0) * 65536;
    *len = hi - lo;
    return (void *)lo;
}

const void *plat_initramfs(size_t *len)
{
    *len = initramfs_len;
    return initramfs;
}

/* The runtime's number for p's image, which proc_load handed out: an
 * index into its table of processes, cheaper than a lookup by address on
 * every copy and every switch. 0 before the first image. */
static int ctx_of(struct proc *p) { return (int)(uintptr_t)kernel_proc_ctx(p); }

int plat_proc_load(struct proc *p, const struct exec_image *img)
{
    /* the id as a double: exact below 2^53, and no BigInt in JS */
    int ctx = js_proc_load(p, ctx_of(p), img->code, img->len, (double)img->id,
                           img->argv, img->envp);
    if (ctx < 0)
        return ctx;
    kernel_set_proc_ctx(p, (void *)(uintptr_t)ctx);
    return 0;
}

/* The runtime makes the child's instance now and copies the parent's
 * memory into it when the parent's fork call unwinds (process.js). */
int plat_proc_fork(struct proc *child, struct proc *parent)
{
    int ctx = js_proc_fork(child, ctx_of(parent));
    if (ctx < 0)
        return ctx;
    kernel_set_proc_ctx(child, (void *)(uintptr_t)ctx);
    return 0;
}

void plat_proc_destroy(struct proc *p) { js_proc_destroy(ctx_of(p)); }

int plat_copyin(struct proc *p, void *dst, uptr src, size_t n)
{
    return n ? js_copyin(ctx_of(p), dst, src, n) : 0;
}

int plat_copyout(struct proc *p, uptr dst, const void *src, size_t n)
{
    return n ? js_copyout(ctx_of(p), dst, src, n) : 0;
}

long plat_copyinstr(struct proc *p, char *dst, uptr src, size_t max)
{
    return js_copyinstr(ctx_of(p), dst, src, max);
}

uptr plat_brk(struct proc *p, uptr addr) { return js_brk(ctx_of(p), addr); }
const char *plat_machine(void) { return "wasm32"; }

/* A segment attached without an address goes above the program's break
 * (the runtime moves the break past it, so the heap never grows into it),
 * anywhere up to the 4 GiB a wasm32 memory can reach. */
void plat_shm_window(struct proc *p, uptr *lo, uptr *hi)
{
    *lo = js_brk(ctx_of(p), 0);
    *hi = 0xffff0000u;
}

long plat_shm_attach(struct proc *p, void *kmem, size_t size, uptr addr, bool readonly)
{
    return js_shm_attach(ctx_of(p), kmem, size, addr, readonly);
}

void plat_shm_detach(struct proc *p, uptr addr, size_t size)
{
    js_shm_detach(ctx_of(p), addr, size);
}
void plat_shm_access(void *kmem, size_t len, bool write) { js_shm_access(kmem, len, write); }

/* Private mappings are memory of the instance, above the break (the
 * runtime moves the break past them). A linear memory has neither holes
 * nor page protection: unmapped memory stays the program's, and mprotect
 * is only recorded by the kernel (docs/design.md). */
long plat_mem_map(struct proc *p, uptr addr, size_t len, int prot)
{
    (void)prot;
    return js_mem_map(ctx_of(p), addr, len);
}

void plat_mem_unmap(struct proc *p, uptr addr, size_t len)
{
    (void)p;
    (void)addr;
    (void)len;
}

long plat_mem_protect(struct proc *p, uptr addr, size_t len, int prot)
{
    (void)p;
    (void)addr;
    (void)len;
    (void)prot;
    return 0;
}

void plat_poweroff(int code) { js_poweroff(code); }

/* The page keeps /home in the browser's storage (web/store.js); Node keeps
 * nothing. */
long plat_sync(void) { return js_sync(); }
long plat_download(const char *name, const void *data, size_t len)
{
    return js_download(name, data, len);
}

/* The page boots an archive that lists most files without their bytes
 * (kernel/lazy.c); the runtime fetches them. Node's archives hold all. */
long plat_fetch(const char *name, size_t size) { return js_fetch(name, size); }

void plat_panic(const char *msg)
{
    js_panic(msg);
    __builtin_trap();
}

/* ---- exports for the runtime --------------------------------------------------- */

#define EXPORT(name) __attribute__((export_name(#name)))

EXPORT(web_scratch) char *web_scratch(void) { return scratch; }
EXPORT(web_coarse_clock) double *web_coarse_clock(void) { return coarse_ms; }

EXPORT(web_set_initramfs) void web_set_initramfs(const void *p, size_t len)
{
    initramfs = p;
    initramfs_len = len;
}

/* Start process 1. The runtime asked web_boot_args for room and wrote
 * "path\0arg0\0arg1\0..." there: a block of the kernel heap as large as
 * the strings, so that no limit of the platform stands between a launcher's
 * command line and init. The limit is ARG_MAX, when init spawns the shell,
 * which says "Argument list too long". The strings are copied into the new
 * process (and its cmdline) by kernel_start, then freed. */
static char *boot_args;

EXPORT(web_boot_args) char *web_boot_args(size_t n)
{
    kfree(boot_args);
    boot_args = kalloc(n);
    return boot_args;
}

EXPORT(web_start) struct proc *web_start(int argc)
{
    static char *envp[] = { "PATH=/bin:/usr/bin", "HOME=/home", "TERM=xterm-256color", NULL };
    char **argv = boot_args ? kalloc((size_t)(argc + 1) * sizeof *argv) : NULL;
    if (!argv)
        return NULL;
    char *s = boot_args;
    const char *path = s;
    s += strlen(s) + 1;
    for (int i = 0; i < argc; i++) {
        argv[i] = s;
        s += strlen(s) + 1;
    }
    argv[argc] = NULL;
    struct proc *p = kernel_start(path, argv, envp);
    kfree(argv);
    kfree(boot_args);
    boot_args = NULL;
    return p;
}

EXPORT(web_init) void web_init(void) { kernel_init(); }

/* After each call, whether p has a signal to act on: the runtime reads this
 * word from memory instead of calling web_signal after every system call,
 * which would cost a second crossing into the kernel on the hot path. */
static volatile int32_t sigwork;
EXPORT(web_sigwork) volatile int32_t *web_sigwork(void) { return &sigwork; }

EXPORT(web_syscall) long web_syscall(struct proc *p, long nr, long a0, long a1, long a2,
                                     long a3, long a4, long a5)
{
    long r = kernel_syscall(p, nr, a0, a1, a2, a3, a4, a5);
    sigwork = r != KERN_EXIT &&
              (p->sig_pending & (~p->sig_mask | SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))) != 0;
    return r;
}

/* The next process to run, by its context number (ctx_of). 0: none. */
EXPORT(web_next) int web_next(void)
{
    struct proc *p = kernel_next();
    if (!p)
        return 0;
    int ctx = ctx_of(p);
    if (!ctx)
        plat_panic("a runnable process has no image");
    return ctx;
}
EXPORT(web_yield) void web_yield(struct proc *p) { kernel_yield(p); }
EXPORT(web_tick) void web_tick(void) { kernel_tick(); }

EXPORT(web_input) void web_input(size_t n) { kernel_console_input(scratch, n); }

/* Console output for the screen: up to max bytes (at most CONSOLE_MAX) are
 * left at web_console_buf; returns how many. */
#define CONSOLE_MAX 16384
static char console_buf[CONSOLE_MAX];
EXPORT(web_console_buf) char *web_console_buf(void) { return console_buf; }
EXPORT(web_console_output) size_t web_console_output(size_t max)
{
    return kernel_console_output(console_buf, MIN(max, (size_t)CONSOLE_MAX));
}
EXPORT(web_host_input) size_t web_host_input(size_t n) { return kernel_host_input(scratch, n); }
EXPORT(web_resize) void web_resize(int rows, int cols) { kernel_console_resize(rows, cols); }

/* Signals: the delivery record is left in scratch for the runtime to read:
 * signo, flags, handler, restorer, then the saved mask as two words. */
EXPORT(web_signal) int web_signal(struct proc *p)
{
    struct sig_delivery d;
    int r = kernel_signal(p, &d);
    if (r == KSIG_HANDLER) {
        uint32_t *w = (uint32_t *)(void *)scratch;
        w[0] = (uint32_t)d.signo;
        w[1] = d.flags;
        w[2] = (uint32_t)d.handler;
        w[3] = (uint32_t)d.restorer;
        w[4] = (uint32_t)d.saved_mask;
        w[5] = (uint32_t)(d.saved_mask >> 32);
    }
    return r;
}

EXPORT(web_fault) void web_fault(struct proc *p, int sig) { kernel_fault(p, sig, false); }

/* The process table in scratch, as ps shows it (PID STAT WCHAN CMD, one
 * line each): a launcher's report of a machine where nothing can run. */
EXPORT(web_ps) size_t web_ps(void)
{
    struct k_procinfo pi;
    size_t n = 0;
    for (long slot = 0; (slot = proc_info(slot, &pi)) != 0 && n < SCRATCH_SIZE; ) {
        n += (size_t)ksnprintf(scratch + n, SCRATCH_SIZE - n, "%5d %c    %-16s %s\n",
                               pi.pid, pi.state, pi.wait[0] ? pi.wait : "-", pi.cmdline);
    }
    return MIN(n, (size_t)SCRATCH_SIZE - 1);
}

/* ---- files in and out (kernel/share.c) ------------------------------------------ */

/* Blocks of the kernel's heap for the runtime to fill (a dropped file, the
 * saved /home): NULL if there is no room. */
EXPORT(web_alloc) void *web_alloc(size_t n) { return kalloc(n ? n : 1); }
EXPORT(web_free) void web_free(void *p) { kfree(p); }

/* The tree at path (a string in scratch) as a ustar archive: its address,
 * with its length and the names left out in scratch, or 0 with -errno in
 * scratch. The runtime frees it with web_free. */
EXPORT(web_archive) void *web_archive(void)
{
    void *out = NULL;
    size_t len = 0;
    long skipped = 0;
    long r = kernel_archive(scratch, &out, &len, &skipped);
    int32_t *w = (int32_t *)(void *)scratch;
    w[0] = r < 0 ? (int32_t)r : (int32_t)len;
    w[1] = (int32_t)skipped;
    return r < 0 ? NULL : out;
}

EXPORT(web_restore) long web_restore(const void *archive, size_t len)
{
    return kernel_restore(archive, len);
}

EXPORT(web_fs_changes) double web_fs_changes(void) { return (double)kernel_fs_changes(); }

/* The file named by the string in scratch, with len bytes at data, into
 * the console shell's directory; that directory's path is left in scratch. */
EXPORT(web_put_file) long web_put_file(const void *data, size_t len, int mode)
{
    char name[NAME_MAX + 1];
    kstrlcpy(name, scratch, sizeof name);
    if (strlen(scratch) > NAME_MAX)
        return -ENAMETOOLONG;
    return kernel_put_file(name, data, len, (uint32_t)mode, scratch, SCRATCH_SIZE);
}

/* A folder of the host kept in step (./duplex --mount, web/mount.js):
 * the absolute path in scratch made a directory (dir) or a regular file
 * with len bytes at data, or removed. 0 or -errno. */
EXPORT(web_set_path) long web_set_path(int dir, const void *data, size_t len, int mode)
{
    return kernel_set_path(scratch, dir != 0, data, len, (uint32_t)mode);
}
EXPORT(web_remove_path) long web_remove_path(void) { return kernel_remove_path(scratch); }

/* The answer to js_fetch for the name in scratch: len bytes at data, or
 * err (-errno) if they could not be had. */
EXPORT(web_lazy_fill) long web_lazy_fill(const void *data, size_t len, long err)
{
    char name[PATH_MAX];
    kstrlcpy(name, scratch, sizeof name);
    return kernel_lazy_fill(name, data, len, err);
}

/* The live view's snapshot (kernel/snapshot.c) in a buffer of the kernel
 * heap that grows to fit it: its length; web_snapshot_buf says where. */
static char *snap_buf;
static size_t snap_cap;

EXPORT(web_snapshot_buf) char *web_snapshot_buf(void) { return snap_buf; }
EXPORT(web_snapshot) size_t web_snapshot(void)
{
    size_t n = kernel_snapshot(snap_buf, snap_cap);
    if (n < snap_cap)
        return n;
    char *bigger = krealloc(snap_buf, n + 4096);
    if (!bigger)
        return MIN(n, snap_cap ? snap_cap - 1 : 0);    /* what fitted */
    snap_buf = bigger;
    snap_cap = n + 4096;
    return kernel_snapshot(snap_buf, snap_cap);
}
EXPORT(web_pid) int web_pid(struct proc *p) { return kernel_proc_pid(p); }
