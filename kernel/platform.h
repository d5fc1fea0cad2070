/*
 * platform.h - the contract between the portable kernel and a target.
 *
 * The kernel (kernel/ and ipc/) is plain portable C. Everything that depends
 * on the machine - how a process's code runs, where its memory is, how bytes
 * reach the console - lives behind the functions below. There are three
 * implementations: web/ (WebAssembly, in the browser and in Node), arm64/
 * (AArch64 on QEMU virt) and tests/unit/host.c (fake processes for the host
 * unit tests).
 *
 * The first half is what a platform provides (plat_*); the second half is
 * what the kernel provides to the platform (kernel_*). The kernel never
 * sleeps and never calls back into a running process: a system call either
 * completes or returns KERN_BLOCK, and the platform re-issues the same call
 * when the process is picked to run again.
 */
#ifndef DUPLEX_PLATFORM_H
#define DUPLEX_PLATFORM_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "uapi/types.h"

struct proc;
typedef unsigned long uptr;          /* an address in a process's memory */

/* The program image and arguments for a new process (or an exec), all in
 * kernel memory. argv and envp end with a null pointer. id names the
 * image's contents: two images with the same id (in one boot) have the
 * same bytes, so a platform may keep what it made of one (a compiled
 * module) for the other without looking at them; 0 promises nothing. */
struct exec_image {
    const void *code;                /* the executable file's bytes */
    size_t      len;
    uint64_t    id;
    char *const *argv;
    char *const *envp;
};

/* ---- provided by the platform ------------------------------------------ */

/* The console's output queue (tty.c) has bytes again after being empty:
 * take them with kernel_console_output, now or as soon as the terminal can
 * accept more, and keep taking until it returns 0. Called from inside the
 * kernel: the platform only notes it here, and takes the bytes after the
 * kernel call returns. */
void plat_console_kick(void);

/* Write to the host's own output stream (1: standard output, 2: standard
 * error) when the machine runs a single command for a launcher (the
 * /dev/hostout and /dev/hosterr devices); bytes go out unchanged. A platform
 * without such streams sends them to the console. Returns 0, or -EPIPE once
 * the stream's reader has gone (the launcher's output was piped into a
 * command that ended, as `./duplex -c yes | head` does). */
int plat_host_write(int stream, const char *buf, size_t n);

/* Nanoseconds on CLOCK_MONOTONIC (since boot) or CLOCK_REALTIME (since 1970).
 * The _COARSE variants may return a value read earlier, at most one
 * scheduling interval old (a timer tick, a time slice), where reading the
 * clock costs more than the caller's work (a clock read is a call out to
 * JavaScript on web); a platform with a cheap clock reads it each time. */
uint64_t plat_clock_ns(int clock);

/* Ask for kernel_tick() to be called once the monotonic clock reaches
 * deadline_ns; 0 cancels. A later call replaces an earlier one. */
void plat_timer_set(uint64_t deadline_ns);

/* The memory the kernel's allocator manages. Called once, by kernel_init. */
void *plat_heap(size_t *len);

/* The initramfs (a ustar archive) to unpack at boot; NULL if there is none. */
const void *plat_initramfs(size_t *len);

/* Create the user context of p from an image: its memory, code, stack,
 * arguments. If p already has a context (exec), replace it only on success.
 * Returns 0, -ENOEXEC for an image the platform cannot run, -ENOMEM. */
int plat_proc_load(struct proc *p, const struct exec_image *img);

/* fork: make child's user context a copy of parent's, which is in the
 * middle of its fork system call - its own memory with the same contents
 * at the same addresses, the same registers - except that in the child
 * the call returns 0. Shared memory is not copied: the kernel attaches
 * the parent's segments to the child afterwards with plat_shm_attach. The
 * child does not run before the parent's call has returned, so a platform
 * may finish the copy then. Returns 0, or -ENOMEM. */
int plat_proc_fork(struct proc *child, struct proc *parent);

/* Destroy p's user context. p never runs again; the kernel keeps the slot
 * until the zombie is reaped. Called for the running process too. */
void plat_proc_destroy(struct proc *p);

/* Copy between kernel memory and p's memory. 0, or -EFAULT if any byte of
 * the user range is not accessible (with the required write permission for
 * copyout). They never fault the kernel. */
int plat_copyin(struct proc *p, void *dst, uptr src, size_t n);
int plat_copyout(struct proc *p, uptr dst, const void *src, size_t n);

/* Copy a NUL-terminated string of at most max bytes (NUL included).
 * Returns its length without the NUL, -EFAULT, or -ENAMETOOLONG. */
long plat_copyinstr(struct proc *p, char *dst, uptr src, size_t max);

/* Set p's program break (the top of its heap) to addr, or report it for
 * addr 0. Returns the new break, or the old one if addr cannot be had. */
uptr plat_brk(struct proc *p, uptr addr);

/* Shared memory. The kernel alone decides where a segment goes in p and
 * keeps the record of p's attachments (ipc/shm.c); the platform only makes
 * each record true.
 * plat_shm_window: the addresses [*lo, *hi) where a segment attached
 * without an address may go; the kernel takes the lowest page there that
 * none of p's attachments occupies.
 * plat_shm_attach: make `size` bytes of kernel memory at kmem (page-aligned,
 * a whole number of pages) visible in p at addr, read-only if asked. addr
 * is page-aligned and clear of p's other attachments (the kernel checked).
 * Returns 0, or -EINVAL if p cannot have memory there (outside its address
 * space, over its own code, data, heap or stack), -ENOMEM. On arm64 the same
 * physical pages are mapped; on web, where each process has its own memory,
 * the platform keeps p's copy and kmem in step at every switch, so programs
 * need no sync calls.
 * plat_shm_detach: undo the attachment at addr (also at exit); not called
 * at exec, whose new image never had the old one's attachments. */
void plat_shm_window(struct proc *p, uptr *lo, uptr *hi);
long plat_shm_attach(struct proc *p, void *kmem, size_t size, uptr addr, bool readonly);
void plat_shm_detach(struct proc *p, uptr addr, size_t size);

/* The kernel itself is about to read (write false) or write bytes of
 * shared memory that processes may have attached - a mapped file's, for
 * read(2), write(2) or msync. A platform that keeps copies in processes
 * (web) brings the kernel's copy up to date first, and after a write the
 * copies; where the pages are the same (arm64) there is nothing to do. */
void plat_shm_access(void *kmem, size_t len, bool write);

/* Private memory (mman.c). The kernel chose addr (page-aligned, clear of
 * p's mappings and attachments) and len (whole pages).
 * plat_mem_map: [addr, addr + len) of p becomes fresh zeroed memory of
 * p's own, accessible as prot says (PROT_*); fork copies it with the rest
 * of p's memory. 0, -EINVAL if p cannot have memory there (outside its
 * address space, over its own code, data, heap or stack), -ENOMEM.
 * plat_mem_unmap: that memory goes (not called at exit or exec).
 * plat_mem_protect: the pages of [addr, addr + len), private or attached,
 * become accessible as prot says; a platform that cannot protect pages
 * (web) only returns 0. */
long plat_mem_map(struct proc *p, uptr addr, size_t len, int prot);
void plat_mem_unmap(struct proc *p, uptr addr, size_t len);
long plat_mem_protect(struct proc *p, uptr addr, size_t len, int prot);

/* The machine's name for uname -m: "wasm32", "aarch64", ... */
const char *plat_machine(void);

/* Switch the machine off (the poweroff command); code is what a launcher
 * exits with. The console's queued output is shown first (the platform may
 * call kernel_console_output from here). */
void plat_poweroff(int code);

/* Stop everything with a message: a kernel bug. Never returns. */
void plat_panic(const char *msg) __attribute__((noreturn));

/* sync(2): save now whatever the platform keeps of the file system
 * between boots (the page: /home), without waiting for it to be written.
 * Returns 0, or the error of the last save that failed (-ENOSPC: the
 * storage is full) until one succeeds. A platform that keeps nothing
 * returns 0. */
long plat_sync(void);

/* download(2): hand the len bytes at data to the world outside as a file
 * called name (the page: the browser's download). 0, or -EOPNOTSUPP where
 * the platform has no such place. */
long plat_download(const char *name, const void *data, size_t len);

/* Start bringing the bytes of the file the platform knows as name (size
 * bytes: a file of the boot archive listed without its bytes, kernel/lazy.c)
 * and return 0; the platform answers later, from its own loop, with
 * kernel_lazy_fill. A platform whose boot archives hold every file's bytes
 * returns -EIO. */
long plat_fetch(const char *name, size_t size);

/* ---- provided by the kernel -------------------------------------------- */

/* Internal results of kernel_syscall; they never reach user space. */
#define KERN_BLOCK   (-1001)  /* p waits: run it again later, re-issue the call */
#define KERN_EXIT    (-1002)  /* p has exited; its context is destroyed */
#define KERN_RESTART (-1003)  /* deliver p's signal handlers, then re-issue */
#define KERN_EXEC    (-1004)  /* p's context was replaced: start it afresh */

/* Set up every kernel structure and unpack the initramfs. */
void kernel_init(void);

/* Create process 1 running path, with the console on fds 0, 1 and 2. */
struct proc *kernel_start(const char *path, char *const argv[], char *const envp[]);

/* Carry out system call nr for p, which must be the running process. */
long kernel_syscall(struct proc *p, long nr, long a0, long a1, long a2,
                    long a3, long a4, long a5);

/* Bytes typed at the console, and a change of the console's size. */
void kernel_console_input(const char *buf, size_t n);
void kernel_console_resize(int rows, int cols);

/* Take up to max bytes of console output (already processed by the tty:
 * "\r\n" line ends) for the screen; 0 when none is queued. Writers blocked
 * on a full queue become runnable. A platform calls it only as fast as its
 * terminal accepts bytes: that pace is the console's flow control. */
size_t kernel_console_output(char *buf, size_t max);

/* Bytes of the host's standard input for /dev/hostin (a launcher running
 * one command line with piped input). Returns how many were taken: the
 * device's buffer is bounded, and the platform offers the rest again after
 * running processes (which may have read some). n == 0 marks the end of the
 * input; it is taken once everything before it was. */
size_t kernel_host_input(const char *buf, size_t n);

/* The timer asked for with plat_timer_set has expired (calling it early or
 * more often is harmless). */
void kernel_tick(void);

/* The next process to run (it becomes the running one), or NULL if none is
 * runnable: then the platform idles until input or a timer. */
struct proc *kernel_next(void);

/* The running process gives up the CPU but stays runnable (time slice
 * over, sched_yield). */
void kernel_yield(struct proc *p);

/* Before returning to p in user mode, the platform asks what to do about
 * p's pending signals. Default actions are taken here. */
struct sig_delivery {
    int        signo;
    uint32_t   flags;        /* the handler's SA_ flags */
    uptr       handler;      /* user address of the handler */
    uptr       restorer;     /* user address of the return trampoline, or 0 */
    k_sigset_t saved_mask;   /* mask to restore at sigreturn */
};
#define KSIG_NONE    0       /* nothing to do: return to p */
#define KSIG_HANDLER 1       /* run d->handler(d->signo) in p, then sigreturn */
#define KSIG_EXIT    2       /* p was killed; its context is destroyed */
#define KSIG_STOP    3       /* p is stopped: do not run it until it is picked again */
int kernel_signal(struct proc *p, struct sig_delivery *d);

/* The file system, for a platform that keeps some of it between boots or
 * moves files in and out (share.c). kernel_archive writes the tree at path
 * as a ustar archive into a buffer of the kernel's heap (free it with
 * kernel_free); *skipped counts names ustar cannot hold. kernel_restore
 * unpacks such an archive (names that exist are left alone). Both return
 * 0 or -errno. kernel_fs_changes counts the changes to the tree so far:
 * nothing to save while it stays the same. kernel_put_file makes (or
 * replaces) the regular file name in the current directory of the
 * console's shell, as that shell would, with exactly the permission bits
 * mode; where gets that directory's path. kernel_set_path makes the
 * regular file (or with dir, the directory) at an absolute path, or
 * replaces a regular file's bytes, with the permission bits mode;
 * kernel_remove_path removes a file or an empty directory (a folder of
 * the platform's kept in step). */
long     kernel_archive(const char *path, void **out, size_t *len, long *skipped);
void     kernel_free(void *p);
long     kernel_restore(const void *archive, size_t len);
uint64_t kernel_fs_changes(void);
long     kernel_put_file(const char *name, const void *data, size_t len, uint32_t mode,
                         char *where, size_t where_size);
long     kernel_set_path(const char *path, bool dir, const void *data, size_t len,
                         uint32_t mode);
long     kernel_remove_path(const char *path);

/* The answer to plat_fetch(name): with err 0, the len bytes at data; else
 * why the bytes cannot be had (-EIO). The calls waiting for them go on.
 * 0, -ENOENT if nothing waits for name (the file went meanwhile), or the
 * error the waiting calls get (-EIO: not the size promised, -ENOSPC). */
long     kernel_lazy_fill(const char *name, const void *data, size_t len, long err);

/* p faulted in user mode (bad access, illegal instruction, ...). With
 * can_handle, a handler for sig runs if p has one (the platform then calls
 * kernel_signal); otherwise, or if none, p dies of sig. */
void kernel_fault(struct proc *p, int sig, bool can_handle);

/* The whole system as text, for a view of it beside the terminal
 * (kernel/snapshot.c says the format): up to cap bytes into buf, NUL
 * included; returns the length of all of it, which is cap or more when it
 * did not fit (ask again with that much room and one byte more). */
size_t kernel_snapshot(char *buf, size_t cap);

/* What the platform keeps for a process: an opaque pointer the kernel
 * never looks into. */
void *kernel_proc_ctx(struct proc *p);
void  kernel_set_proc_ctx(struct proc *p, void *ctx);
int   kernel_proc_pid(struct proc *p);

#endif
