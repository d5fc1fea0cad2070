/*
 * sigframe.c - running a signal handler in a process, and coming back.
 *
 * The kernel decides which handler is due (kernel_signal); making a
 * process run it is the platform's work, done as on Linux:
 *
 *  1. push a frame on the process's user stack holding every register it
 *     had (x0-x30, sp, pc, pstate, the FP/SIMD registers): the state the
 *     handler interrupts;
 *  2. set the registers so the process "calls" the handler: pc = handler,
 *     x0 = the signal number, sp = the frame, x30 (the return address) =
 *     the C library's trampoline (sa_restorer), and x19 = the signal mask
 *     to restore, which the trampoline passes to SYS_sigreturn;
 *  3. when the handler returns into the trampoline, it calls sigreturn; the
 *     kernel restores the mask, and sigreturn_restore reloads the registers
 *     from the frame, found at the stack pointer (the handler gave it back
 *     as it was). pstate is taken from the frame only for its condition
 *     flags: the process returns to EL0 with interrupts on, whatever the
 *     frame says.
 *
 * The library side is shell/lib/arch/aarch64/sigreturn.S.
 */
#include "arm64.h"

#define FRAME_MAGIC 0x4475706c53696721ul      /* "DuplSig!" */
#define PSTATE_NZCV 0xf0000000ul

struct sigframe {
    uint64_t x[31];
    uint64_t sp, pc, pstate;
    struct fpstate fp;
    uint64_t mask;                             /* also in x19 for the trampoline */
    uint64_t magic;
};

static bool push_frame(struct proc *p, const struct sig_delivery *d)
{
    struct uctx *c = kernel_proc_ctx(p);
    struct trapframe *tf = &c->tf;
    struct sigframe f;
    memcpy(f.x, tf->x, sizeof f.x);
    f.sp = tf->sp;
    f.pc = tf->elr;
    f.pstate = tf->spsr;
    ctx_fp_sync(c);
    f.fp = c->fp;
    f.mask = d->saved_mask;
    f.magic = FRAME_MAGIC;
    uptr sp = (tf->sp - sizeof f) & ~15ul;
    if (ucopyout(c, sp, &f, sizeof f) < 0)
        return false;
    tf->x[0] = (uint64_t)d->signo;
    tf->x[19] = d->saved_mask;
    tf->x[30] = d->restorer;
    tf->sp = sp;
    tf->elr = d->handler;
    return true;
}

bool signals_deliver(struct proc *p)
{
    struct sig_delivery d;
    for (int n = 0; n < NSIG; n++) {          /* each handler nests a frame */
        switch (kernel_signal(p, &d)) {
        case KSIG_NONE:
            return true;
        case KSIG_HANDLER:
            if (!push_frame(p, &d)) {         /* no room on its stack */
                kernel_fault(p, SIGSEGV, false);
                return false;
            }
            break;
        default:                              /* KSIG_EXIT, KSIG_STOP */
            return false;
        }
    }
    return true;
}

void sigreturn_restore(struct proc *p)
{
    struct uctx *c = kernel_proc_ctx(p);
    struct trapframe *tf = &c->tf;
    struct sigframe f;
    if (ucopyin(c, &f, tf->sp, sizeof f) < 0 || f.magic != FRAME_MAGIC) {
        kernel_fault(p, SIGSEGV, false);
        return;
    }
    memcpy(tf->x, f.x, sizeof tf->x);
    tf->sp = f.sp;
    tf->elr = f.pc;
    tf->spsr = f.pstate & PSTATE_NZCV;        /* EL0t, interrupts unmasked */
    c->fp = f.fp;
    ctx_fp_dirty(c);
}
