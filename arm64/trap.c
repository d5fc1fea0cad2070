/*
 * trap.c - what happens when a process enters the kernel, and which
 * process leaves it: system calls, faults, interrupts, and the scheduling
 * loop.
 *
 * vectors.S saves the running process's registers and calls one of the
 * trap_el0_* functions below. They copy the registers into the process's
 * context, handle the event, and end in resume(), which decides who runs
 * next and returns that process's registers for vectors.S to load. The
 * kernel keeps no other state between traps: this loop is the whole of
 * the arm64 platform's part of the blocking model (docs/design.md):
 *
 *  - a system call that returns KERN_BLOCK leaves x0..x8 untouched and its
 *    saved pc moved back onto the `svc`: the process is stopped exactly
 *    before the call. When the kernel picks it again, resume() issues the
 *    same call again at once, from the saved registers (as if it had
 *    executed the svc again, without first returning to user mode, where
 *    an interrupt could deliver a signal between the wakeup and the
 *    re-issue);
 *  - KERN_RESTART also moves pc back onto the svc, and the signal handler's
 *    frame saves that pc: after sigreturn, the call is issued afresh;
 *  - before every return to user mode, signals_deliver (sigframe.c) asks
 *    the kernel about pending signals;
 *  - the timer ends a time slice every 10 ms (timer.c): the process yields
 *    and the next one runs;
 *  - with no process to run, the CPU waits in `wfi` for an interrupt;
 *  - before either, the console's queued output goes out (uart.c).
 */
#include "arm64.h"

/* Exception classes (ESR_EL1 bits 31:26). */
#define EC_UNKNOWN    0x00
#define EC_ILLEGAL    0x0e
#define EC_SVC64      0x15
#define EC_SYSREG     0x18
#define EC_IABT_LOW   0x20
#define EC_PC_ALIGN   0x22
#define EC_DABT_LOW   0x24
#define EC_SP_ALIGN   0x26
#define EC_FP_EXC     0x2c
#define EC_BRK        0x3c

#define FSC_ALIGNMENT 0x21

_Static_assert(sizeof(struct trapframe) == TF_SIZE, "vectors.S's frame");

static struct proc *cur;             /* the running process, NULL when none */

static struct uctx *ctx(struct proc *p) { return kernel_proc_ctx(p); }

/* ---- system calls ------------------------------------------------------------- */

static void syscall(struct proc *p)
{
    struct trapframe *tf = &ctx(p)->tf;
    long nr = (long)tf->x[8];
    long r = kernel_syscall(p, nr, (long)tf->x[0], (long)tf->x[1], (long)tf->x[2],
                            (long)tf->x[3], (long)tf->x[4], (long)tf->x[5]);
    switch (r) {
    case KERN_BLOCK:                  /* stopped before the svc, to re-issue */
        tf->elr -= 4;
        ctx(p)->reissue = true;
        cur = NULL;
        return;
    case KERN_EXIT:                   /* its context is gone */
        cur = NULL;
        return;
    case KERN_EXEC:                   /* a new context, starting at its entry */
        return;
    case KERN_RESTART:                /* handlers first, then the svc again */
        tf->elr -= 4;
        return;
    }
    if (nr == SYS_sigreturn && r == 0)
        sigreturn_restore(p);
    else
        tf->x[0] = (uint64_t)r;
    if (!ctx(p))                      /* sigreturn found a bad frame */
        cur = NULL;
}

/* ---- faults ------------------------------------------------------------------- */

static bool translation_fault(uint64_t esr) { return (esr & 0x3c) == 0x04; }

/* The signal for a fault of p, or 0 when the kernel fixed it (the stack
 * grew onto a new page). */
static int fault_signal(struct proc *p, uint64_t esr, uptr far)
{
    switch (esr >> 26) {
    case EC_DABT_LOW:
    case EC_IABT_LOW:
        if (translation_fault(esr) && far >= STACK_LOW && far < USER_TOP &&
            vm_user(ctx(p)->pgtable, far, true))
            return 0;
        return (esr & 0x3f) == FSC_ALIGNMENT ? SIGBUS : SIGSEGV;
    case EC_PC_ALIGN:
    case EC_SP_ALIGN:
        return SIGBUS;
    case EC_FP_EXC:
        return SIGFPE;
    case EC_UNKNOWN:                  /* an undefined instruction */
    case EC_ILLEGAL:                  /* an impossible PSTATE */
    case EC_SYSREG:                   /* a system register EL0 may not use */
    case EC_BRK:                      /* brk: __builtin_trap, like wasm's unreachable */
    default:
        return SIGILL;
    }
}

static void user_fault(struct proc *p, uint64_t esr, uptr far)
{
    int sig = fault_signal(p, esr, far);
    if (!sig)
        return;
    kernel_fault(p, sig, true);       /* a handler runs, or p dies */
    if (!ctx(p))
        cur = NULL;
}

/* ---- choosing who runs ---------------------------------------------------------- */

/* The next runnable process; idle in wfi until there is one. Interrupts
 * stay masked: wfi wakes for a pending one anyway, and irq_poll takes it. */
static struct proc *pick(void)
{
    struct proc *p;
    slice_stop();
    for (;;) {
        console_drain();              /* may wake writers that waited on it */
        if ((p = kernel_next()))
            break;
        __asm__ volatile("wfi");
        irq_poll();
    }
    slice_start();
    return p;
}

static struct trapframe *resume(void)
{
    for (;;) {
        console_drain();
        if (!cur)
            cur = pick();
        struct uctx *c = ctx(cur);
        if (c->reissue) {             /* its call blocked: issue it again */
            c->reissue = false;
            c->tf.elr += 4;
            syscall(cur);
            continue;
        }
        if (!signals_deliver(cur)) {  /* killed or stopped */
            cur = NULL;
            continue;
        }
        c = ctx(cur);
        ctx_switch_to(c);
        return &c->tf;
    }
}

void schedule(void)
{
    user_return(resume());
}

/* ---- entries from vectors.S ------------------------------------------------------- */

struct trapframe *trap_el0_sync(struct trapframe *tf)
{
    uint64_t esr = read_sysreg(esr_el1), far = read_sysreg(far_el1);
    ctx(cur)->tf = *tf;
    if (esr >> 26 == EC_SVC64)
        syscall(cur);
    else
        user_fault(cur, esr, far);
    return resume();
}

struct trapframe *trap_el0_irq(struct trapframe *tf)
{
    ctx(cur)->tf = *tf;
    irq_poll();
    if (slice_over()) {
        kernel_yield(cur);
        cur = NULL;
    }
    return resume();
}

/* An SError (an external abort) caused by a process: it dies. */
struct trapframe *trap_el0_other(struct trapframe *tf)
{
    ctx(cur)->tf = *tf;
    kernel_fault(cur, SIGBUS, false);
    cur = NULL;
    return resume();
}

void trap_el1(struct trapframe *tf, uint64_t kind)
{
    static const char *const kinds[] = {
        "synchronous exception", "interrupt", "FIQ", "SError",
        "exception on SP_EL0", "interrupt on SP_EL0", "FIQ on SP_EL0", "SError on SP_EL0",
    };
    uint64_t esr = read_sysreg(esr_el1);
    if (kind == 0 && probing && esr >> 26 == EC_UNKNOWN) {
        tf->elr += 4;                 /* semihost.c's probe: no semihosting */
        return;
    }
    panic("%s in the kernel: ESR %lx at pc %lx, address %lx, sp %lx",
          kinds[kind & 7], esr, tf->elr, read_sysreg(far_el1), tf->sp);
}
