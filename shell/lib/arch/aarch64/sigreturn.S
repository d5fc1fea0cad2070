/*
 * arch/aarch64/sigreturn.S - where a signal handler returns to on AArch64.
 *
 * The platform runs a handler by setting, in the interrupted process's
 * registers, pc = the handler (the library's __dx_sigdispatch, see
 * signal.c), x0 = the signal number, x30 = __dx_sigreturn (the sa_restorer
 * the library gave the kernel), and x19 = the signal mask to restore. x19
 * is callee-saved, so it comes back from the handler unchanged. The
 * trampoline then makes the sigreturn system call with the mask split in
 * two 32-bit halves (the call's signature is the same on every target);
 * the platform restores the interrupted registers, which it saved before
 * starting the handler. sigreturn does not return here.
 */
#include "../../../../kernel/uapi/syscall.h"

    .text
    .global __dx_sigreturn
    .type   __dx_sigreturn, %function
    .p2align 2
__dx_sigreturn:
    mov     w0, w19                 /* the mask's low half (zero-extended) */
    lsr     x1, x19, #32            /* its high half */
    mov     x8, #SYS_sigreturn
    svc     #0
    brk     #1                      /* not reached */
    .size   __dx_sigreturn, . - __dx_sigreturn

/* libc.h: const unsigned long __dx_sig_restorer */
    .section .rodata
    .global __dx_sig_restorer
    .type   __dx_sig_restorer, %object
    .p2align 3
__dx_sig_restorer:
    .quad   __dx_sigreturn
    .size   __dx_sig_restorer, 8
