/*
 * main.c - bringing the kernel up: kernel_init and kernel_start.
 *
 * The platform calls kernel_init once, after its own setup, then
 * kernel_start to create process 1. Every subsystem's init resets its state
 * completely, so the host unit tests can boot a fresh kernel per test.
 */
#include "kernel.h"

void kernel_init(void)
{
    size_t len;
    void *heap = plat_heap(&len);
    memset(&kstats, 0, sizeof kstats);
    kalloc_init(heap, len);
    sched_init();
    proc_init();
    vfs_init();
    dev_init();
    procfs_init();
    mman_init();
    mqueue_init();
    sock_init();
    tty_init();
    const void *archive = plat_initramfs(&len);
    if (archive) {
        long n = initramfs_unpack(archive, len);
        if (n < 0)
            panic("initramfs: cannot unpack (error %ld)", n);
    }
}

/* Process 1 gets the console on fds 0-2, but not as its controlling
 * terminal (see ctty.c): it leaves that to the sessions it starts. */
static void open_console(struct proc *p)
{
    struct file *f;
    long r = file_open(p, "/dev/console", O_RDWR | O_NOCTTY, 0, &f);
    if (r < 0)
        panic("cannot open /dev/console (error %ld)", r);
    p->ofile[0] = f;
    for (int fd = 1; fd <= 2; fd++) {
        file_dup(f);
        p->ofile[fd] = f;
    }
}

struct proc *kernel_start(const char *path, char *const argv[], char *const envp[])
{
    struct proc *p = proc_alloc(NULL);
    KASSERT(p && p->pid == 1);
    p->cwd = vfs_root();
    iget(p->cwd);
    signal_init_proc(p, NULL);
    open_console(p);
    int r = spawn_load(p, p, path, argv, envp);
    if (r < 0)
        panic("cannot start %s (error %d)", path, r);
    make_runnable(p);
    return p;
}

/* The platform's ways into the tty. */
void kernel_console_input(const char *buf, size_t n) { tty_input(buf, n); }
void kernel_console_resize(int rows, int cols) { tty_resize(rows, cols); }
size_t kernel_console_output(char *buf, size_t max) { return tty_output_take(buf, max); }
