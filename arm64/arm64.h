/*
 * arm64.h - what the files of the AArch64 platform share: the machine's
 * addresses, the register frame of a trap, a process's context, and one
 * section per file for the functions it offers the others.
 *
 * The platform implements kernel/platform.h for QEMU's `virt` board with a
 * Cortex-A72: the kernel runs at EL1 on a single kernel stack with
 * interrupts masked, user processes run at EL0, each with its own page
 * table. docs/arm64.md tells the whole story; read it first.
 */
#ifndef DUPLEX_ARM64_H
#define DUPLEX_ARM64_H

#include "../kernel/kernel.h"

/* ---- the board (QEMU virt; fixed addresses, see docs/arm64.md) --------- */

#define RAM_BASE      0x40000000ul    /* RAM starts here ... */
#define RAM_MAX       0x40000000ul    /* ... and the platform uses at most 1 GiB */
#define GICD_BASE     0x08000000ul    /* GICv2 distributor */
#define GICC_BASE     0x08010000ul    /* GICv2 CPU interface */
#define UART_BASE     0x09000000ul    /* PL011 */
#define RTC_BASE      0x09010000ul    /* PL031: seconds since 1970 */
#define IRQ_VTIMER    27              /* the EL1 virtual timer (PPI 11) */
#define IRQ_UART      33              /* the PL011 (SPI 1) */

#define PAGE_SIZE     4096ul
#define PAGE_ROUND_UP(a)   (((a) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define PAGE_ROUND_DOWN(a) ((a) & ~(PAGE_SIZE - 1))

/* ---- user address space (vm.c) -------------------------------------------
 * The low 4 GiB of every address space belong to the kernel (its devices
 * and RAM, identity-mapped, EL1 only). A process lives in the 4 GiB above:
 * programs are linked at USER_BASE and the heap (brk) grows up after them;
 * shared-memory segments attached without an address go from SHM_BASE up;
 * the stack grows down from USER_TOP, by pages, on demand, up to STACK_MAX. */
#define USER_BASE     0x100000000ul   /* 4 GiB */
#define SHM_BASE      0x180000000ul   /* 6 GiB */
#define USER_TOP      0x200000000ul   /* 8 GiB: the initial stack pointer */
#define STACK_MAX     (8ul << 20)
#define STACK_LOW     (USER_TOP - STACK_MAX)

/* ---- traps (trap.c, vectors.S) ------------------------------------------- */

/* The registers of a process as vectors.S saves them on entry to the
 * kernel, and restores them on the way out. Offsets are used by vectors.S. */
struct trapframe {
    uint64_t x[31];     /* x0..x30 */
    uint64_t sp;        /* SP_EL0 */
    uint64_t elr;       /* where the process resumes */
    uint64_t spsr;      /* its PSTATE */
};
#define TF_SIZE 272     /* as vectors.S knows it (checked in trap.c) */

/* The FP/SIMD registers: q0..q31 as 64 words, then FPSR and FPCR. The
 * kernel itself never touches them (-mgeneral-regs-only), so they hold the
 * last process's values until another process needs them. */
struct fpstate {
    uint64_t q[64];
    uint64_t fpsr, fpcr;
};

/* Everything the platform keeps for one process: kernel_proc_ctx(p). */
struct uctx {
    struct trapframe tf;
    struct fpstate   fp;
    uint64_t *pgtable;      /* level-1 table (vm.c) */
    unsigned  asid;         /* address-space id tagging its TLB entries */
    uptr      heap_start;   /* the initial break, after the program */
    uptr      brk;
    struct text *text;      /* its program's shared text, or NULL (text.c) */
    bool      reissue;      /* the last call blocked: re-issue it when resumed */
};

/* main.c: boot.S calls it with the device tree's address and CurrentEL. */
void arm64_main(const void *dtb, uint64_t el) __attribute__((noreturn));

/* Called by vectors.S; each returns the frame to resume (the running
 * process's) after the kernel has done its work. */
struct trapframe *trap_el0_sync(struct trapframe *tf);
struct trapframe *trap_el0_irq(struct trapframe *tf);
struct trapframe *trap_el0_other(struct trapframe *tf);
void              trap_el1(struct trapframe *tf, uint64_t kind);

/* Pick a process and run it; never returns (the end of boot). */
void schedule(void) __attribute__((noreturn));

/* vectors.S */
void user_return(struct trapframe *tf) __attribute__((noreturn));
void fp_save(struct fpstate *fp);
void fp_load(const struct fpstate *fp);

/* ---- system registers ------------------------------------------------------ */

#define read_sysreg(r) ({ uint64_t v_; __asm__ volatile("mrs %0, " #r : "=r"(v_)); v_; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" :: "r"((uint64_t)(v)))
static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }

static inline uint32_t mmio_read(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }

/* ---- uart.c ------------------------------------------------------------------ */

void uart_init(void);
void uart_write(const char *s, size_t n);
void uart_irq(void);                 /* receive: push bytes into the tty */
void console_drain(void);            /* the tty's queued output, to the port */
bool console_is_output(void);        /* false under init -c (main.c) */

/* ---- gic.c ------------------------------------------------------------------- */

void gic_init(void);
void gic_enable(unsigned irq);
unsigned gic_ack(void);              /* 1023: nothing pending */
void gic_eoi(unsigned irq);
void irq_poll(void);                 /* handle every pending interrupt */

/* ---- timer.c ------------------------------------------------------------------ */

void timer_init(void);
void timer_irq(void);
void slice_start(void);              /* a process starts a 10 ms time slice */
void slice_stop(void);
bool slice_over(void);

/* ---- fdt.c: the device tree QEMU hands over ---------------------------------- */

/* The value of property `prop` of the first node whose name starts with
 * `node` ("chosen", "memory"), or NULL. */
const void *fdt_prop(const void *fdt, const char *node, const char *prop, uint32_t *len);

/* ---- semihost.c --------------------------------------------------------------- */

bool semihost_probe(void);           /* is QEMU's semihosting on? */
bool semihost_present(void);
void semihost_write(int stream, const char *buf, size_t n);
void semihost_exit(int code) __attribute__((noreturn));
extern volatile bool probing;        /* trap_el1: an undefined hlt is a "no" */

/* ---- pmem.c: physical pages --------------------------------------------------- */

void  pmem_init(uintptr_t start, uintptr_t end);
void *page_alloc(void);              /* a zeroed 4 KiB page, or NULL */
void  page_free(void *pa);

/* ---- vm.c: page tables --------------------------------------------------------- */

void      vm_init(uintptr_t ram_end);   /* kernel map, MMU on */
uint64_t *vm_create(void);              /* a table with only the kernel in it */
void      vm_destroy(uint64_t *l1);     /* free it and every user page */
uint64_t *vm_copy(uint64_t *l1);        /* fork: a copy of every private page */
/* Map a fresh zeroed page at va; returns its kernel address or NULL. */
void     *vm_map(uint64_t *l1, uptr va, bool write, bool exec);
void      vm_unmap(uint64_t *l1, uptr va);
/* Shared memory: map the page at physical address pa (not the process's
 * own: never freed with it) at va; false if va is taken. */
bool      vm_map_shared(uint64_t *l1, uptr va, uintptr_t pa, bool readonly);
/* Program text: map the read-only page pa (the text's, not the process's
 * own) at va; false if va is taken or out of memory. */
bool      vm_map_text(uint64_t *l1, uptr va, uintptr_t pa, bool exec);
bool      vm_is_mapped(uint64_t *l1, uptr va);
void      vm_protect(uint64_t *l1, uptr va, int prot);   /* PROT_* of the page at va */
bool      vm_is_shared(uint64_t *l1, uptr va);
/* The kernel address of the byte at user address va, if the process may
 * access it (write: and write it), else NULL. Grows the stack on demand. */
void     *vm_user(uint64_t *l1, uptr va, bool write);
void      vm_switch(struct uctx *c);    /* make c's table the current one */
void      vm_switch_kernel(void);
void      vm_forget(struct uctx *c);    /* drop c's TLB entries (pages went) */
unsigned  asid_alloc(void);
void      asid_free(unsigned asid);
void      icache_sync(const void *p, size_t n);   /* after writing code there */

/* ---- text.c: programs' read-only pages, shared and kept ---------------------- */
struct text;
struct text *text_get(uint64_t id);  /* the kept text of image id, held; or NULL */
struct text *text_new(uint64_t id);  /* an empty one, held; NULL: out of memory */
bool  text_room(const struct text *t, uptr va);     /* may it take the page at va */
void *text_page(struct text *t, uptr va, bool exec); /* its page at va, to fill */
void  text_done(struct text *t);     /* filled: keep it */
bool  text_map(struct text *t, uint64_t *l1);       /* map every page of t */
bool  text_has(const struct text *t, uptr va);      /* is va a page of t (t may be NULL) */
void  text_hold(struct text *t);     /* one more context maps t (t may be NULL) */
void  text_put(struct text *t);      /* one less (t may be NULL) */
bool  text_reclaim(void);            /* free every text nobody maps; false if none */
/* ---- usercopy.c -------------------------------------------------------------- */

int ucopyout(struct uctx *c, uptr dst, const void *src, size_t n);
int ucopyin(struct uctx *c, void *dst, uptr src, size_t n);

/* ---- exec.c: contexts ----------------------------------------------------------- */

void ctx_switch_to(struct uctx *c);  /* page table and FP registers of c */
void ctx_fp_sync(struct uctx *c);    /* c's FP registers into c->fp */
void ctx_fp_dirty(struct uctx *c);   /* c->fp changed: reload before running */

/* ---- sigframe.c ------------------------------------------------------------------ */

/* Arrange for p's pending signals before it returns to user mode.
 * false: p is no longer running (killed or stopped). */
bool signals_deliver(struct proc *p);
/* After SYS_sigreturn: the registers the handler interrupted. */
void sigreturn_restore(struct proc *p);

#endif
