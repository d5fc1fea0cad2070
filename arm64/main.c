/*
 * main.c - bringing the arm64 machine up, and the simple parts of
 * kernel/platform.h: console, host streams, heap, initramfs, poweroff,
 * panic.
 *
 * boot.S calls arm64_main with the device tree's address. In order: the
 * UART (so that a panic can be seen), the command line and the RAM size
 * from the device tree (read before anything can overwrite it), the MMU,
 * semihosting, memory, interrupts and the timer, then the portable kernel
 * (kernel_init, kernel_start) and the first process.
 *
 * Physical memory after boot:
 *
 *   0x40000000  (QEMU's boot stub, unused)
 *   0x40080000  the kernel image: code, data, the initramfs, BSS, the stack
 *   next 2 MiB  the kernel heap, 64 MiB (plat_heap): the ramfs, with the
 *               initramfs's 9 MiB, and the IPC objects' memory live there
 *   after it    4 KiB pages for page tables and processes (pmem.c),
 *               up to the end of RAM
 *
 * The command line is init's: QEMU's -append "init -c LINE" arrives as
 * /chosen/bootargs. It is split at spaces, except that everything after
 * a "-c " is one argument, verbatim, so LINE needs no quoting. A first
 * word tty=ROWSxCOLS gives the terminal's size. With "-c" the machine
 * runs one command line for a launcher (arm64/run.sh): the console's
 * output (the tty's echo) is then not output and is dropped, as the web
 * launcher drops it. LINE may be 64 KiB long; a longer command line is
 * refused with a panic, never cut (run.sh checks first, and says so).
 */
#include "arm64.h"

#define HEAP_SIZE   (64ul << 20)
#define MAX_ARGS    16

extern char __kernel_end[];
extern const char initramfs_start[], initramfs_end[];   /* initramfs.S */

static bool  launcher_mode;               /* init -c: the console is not output */
static int   boot_el;                     /* where QEMU started us: 1 or 2 */

/* init's arguments, up to the 64 KiB the launchers let through (run.sh
 * checks; ARG_MAX, 2 MiB, is more than a static buffer should take), and
 * room for the words before them ("tty=ROWSxCOLS init -c "). */
#define CMDLINE_MAX (64 * 1024 + 256)

static char  cmdline[CMDLINE_MAX];
static size_t cmdline_len;                /* of a command line too long to keep */
static char *init_argv[MAX_ARGS + 1];
static int   tty_rows, tty_cols;
static void *heap;

/* ---- platform.h: the simple part ------------------------------------------------ */

bool console_is_output(void) { return !launcher_mode; }

int plat_host_write(int stream, const char *buf, size_t n)
{
    if (semihost_present() && (stream == 1 || stream == 2))
        semihost_write(stream, buf, n);
    else
        uart_write(buf, n);
    return 0;                               /* QEMU's streams: it tells of no reader */
}

void *plat_heap(size_t *len)
{
    *len = HEAP_SIZE;
    return heap;
}

const void *plat_initramfs(size_t *len)
{
    *len = (size_t)(initramfs_end - initramfs_start);
    return *len ? initramfs_start : NULL;
}

const char *plat_machine(void) { return "aarch64"; }

/* The board keeps nothing between boots, and has no world to hand files
 * to: sync has nothing to do, and download is not supported. */
long plat_sync(void) { return 0; }

long plat_download(const char *name, const void *data, size_t len)
{
    (void)name;
    (void)data;
    (void)len;
    return -EOPNOTSUPP;
}

/* The boot archive holds every file's bytes: nothing is fetched later. */
long plat_fetch(const char *name, size_t size)
{
    (void)name;
    (void)size;
    return -EIO;
}

/* With semihosting, QEMU exits with the code. Otherwise PSCI SYSTEM_OFF:
 * QEMU's firmware interface answers hvc, or smc when the board has EL2
 * (then hvc would reach the hypervisor level, which is ours). */
void plat_poweroff(int code)
{
    console_drain();                        /* what was written before the end */
    if (semihost_present())
        semihost_exit(code);
    register uint64_t x0 __asm__("x0") = 0x84000008;      /* SYSTEM_OFF */
    if (boot_el == 2)
        __asm__ volatile("smc #0" : "+r"(x0));
    else
        __asm__ volatile("hvc #0" : "+r"(x0));
    for (;;)
        __asm__ volatile("wfi");
}

void plat_panic(const char *msg)
{
    static const char head[] = "\r\nkernel panic: ", tail[] = "\r\n";
    uart_write(head, sizeof head - 1);
    uart_write(msg, strlen(msg));
    uart_write(tail, sizeof tail - 1);
    if (semihost_present()) {
        if (launcher_mode) {
            semihost_write(2, head + 2, sizeof head - 3);
            semihost_write(2, msg, strlen(msg));
            semihost_write(2, "\n", 1);
        }
        semihost_exit(70);
    }
    for (;;)
        __asm__ volatile("wfi");
}

/* ---- boot ------------------------------------------------------------------------- */

/* The RAM's end from /memory's reg (two 64-bit cells: base, size). */
static uintptr_t ram_end(const void *dtb)
{
    uint32_t len;
    const uint8_t *reg = fdt_prop(dtb, "memory", "reg", &len);
    uint64_t size = 256ul << 20;
    if (reg && len >= 16) {
        size = 0;
        for (int i = 8; i < 16; i++)
            size = size << 8 | reg[i];
    }
    return RAM_BASE + MIN(size, RAM_MAX);
}

static int parse_int(const char **s)
{
    int v = 0;
    while (**s >= '0' && **s <= '9')
        v = v * 10 + (*(*s)++ - '0');
    return v;
}

/* Split cmdline in place into init_argv (see the comment at the top). */
static void parse_cmdline(void)
{
    char *s = cmdline;
    int argc = 0;
    while (*s == ' ')
        s++;
    if (strncmp(s, "tty=", 4) == 0) {
        const char *t = s + 4;
        tty_rows = parse_int(&t);
        if (*t == 'x')
            t++;
        tty_cols = parse_int(&t);
        s = (char *)t;
    }
    while (*s && argc < MAX_ARGS) {
        while (*s == ' ')
            *s++ = '\0';
        if (!*s)
            break;
        init_argv[argc++] = s;
        if (argc > 1 && strcmp(init_argv[argc - 2], "-c") == 0)
            break;                          /* the rest is the command line */
        while (*s && *s != ' ')
            s++;
    }
    if (argc == 0) {
        static char init[] = "init", once[] = "--once";
        init_argv[argc++] = init;
        init_argv[argc++] = once;
    } else if (argc >= 2 && argc < MAX_ARGS && strcmp(init_argv[argc - 1], "-c") == 0) {
        static char empty[] = "";
        init_argv[argc++] = empty;          /* -c with an empty command line */
    }
    init_argv[argc] = NULL;
    launcher_mode = argc >= 2 && strcmp(init_argv[1], "-c") == 0;
}

static void read_cmdline(const void *dtb)
{
    uint32_t len;
    const char *args = fdt_prop(dtb, "chosen", "bootargs", &len);
    if (args && len > sizeof cmdline)
        cmdline_len = len - 1;              /* refused once a panic can reach QEMU */
    else if (args && len > 0)
        kstrlcpy(cmdline, args, MIN((size_t)len, sizeof cmdline));
    parse_cmdline();
}

void arm64_main(const void *dtb, uint64_t el)
{
    boot_el = (int)el;
    uart_init();
    read_cmdline(dtb);
    uintptr_t end = ram_end(dtb);
    vm_init(end);
    semihost_probe();
    if (cmdline_len)
        panic("the command line is %lu bytes, more than %lu", (unsigned long)cmdline_len,
              (unsigned long)sizeof cmdline - 1);

    uintptr_t heap_lo = ((uintptr_t)__kernel_end + (2ul << 20) - 1) & ~((2ul << 20) - 1);
    heap = (void *)heap_lo;
    pmem_init(heap_lo + HEAP_SIZE, end);

    gic_init();
    timer_init();
    gic_enable(IRQ_UART);

    kernel_init();
    if (tty_rows > 0 && tty_cols > 0)
        kernel_console_resize(tty_rows, tty_cols);
    uart_irq();                             /* input that came during boot */
    static char path[64];
    ksnprintf(path, sizeof path, "/bin/%s", init_argv[0]);
    static char *envp[] = { "PATH=/bin:/usr/bin", "HOME=/home", "TERM=xterm-256color", NULL };
    kernel_start(path, init_argv, envp);
    schedule();
}
