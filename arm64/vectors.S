/*
 * vectors.S - the way into the kernel and the way out: the exception
 * vector table, saving and restoring a process's registers, eret, and the
 * FP/SIMD register save and load.
 *
 * From user mode (EL0), every exception - a system call (svc), a fault, an
 * interrupt - saves the process's registers as a struct trapframe
 * (arm64.h) at the top of the kernel stack and calls C (trap.c). C copies
 * the frame into the process's context, does what must be done, possibly
 * switches to another process, and returns the frame of whichever process
 * runs next; user_return loads it and erets to EL0. Nothing stays on the
 * kernel stack between two traps, so the stack pointer starts again at the
 * top each time: this is what "one kernel stack for everything" means.
 *
 * The kernel runs with interrupts masked, so an exception taken at EL1 is
 * a kernel bug (trap_el1 panics) - except for the one undefined
 * instruction semihost.c provokes on purpose while probing, after which
 * trap_el1 returns and el1_return resumes the kernel.
 */
#define TF_SIZE 272

/* Unwinding information for debuggers only: a backtrace from C ends at the
 * entry from user mode (the return address is "undefined" there). */
    .cfi_sections .debug_frame

/* Save x0-x30, SP_EL0 (or the kernel's sp), ELR and SPSR at sp. */
.macro SAVE_FRAME from_el0
    sub     sp, sp, #TF_SIZE
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x19, [sp, #16 * 9]
    stp     x20, x21, [sp, #16 * 10]
    stp     x22, x23, [sp, #16 * 11]
    stp     x24, x25, [sp, #16 * 12]
    stp     x26, x27, [sp, #16 * 13]
    stp     x28, x29, [sp, #16 * 14]
    .if \from_el0
    mrs     x21, sp_el0
    .else
    add     x21, sp, #TF_SIZE
    .endif
    mrs     x22, elr_el1
    mrs     x23, spsr_el1
    stp     x30, x21, [sp, #16 * 15]
    stp     x22, x23, [sp, #16 * 16]
    mov     x29, #0                 /* no frame record above this one */
.endm

/* One 128-byte slot of the table: branch to the real handler. */
.macro VENTRY label
    .p2align 7
    b       \label
.endm

    .text
    .p2align 11
    .global vectors
vectors:
    VENTRY  el1_sp0_sync            /* current EL, SP_EL0: never used */
    VENTRY  el1_sp0_irq
    VENTRY  el1_sp0_fiq
    VENTRY  el1_sp0_serror
    VENTRY  el1_sync                /* current EL, SP_EL1: the kernel */
    VENTRY  el1_irq
    VENTRY  el1_fiq
    VENTRY  el1_serror
    VENTRY  el0_sync                /* lower EL, AArch64: a process */
    VENTRY  el0_irq
    VENTRY  el0_other
    VENTRY  el0_other
    VENTRY  el0_other               /* lower EL, AArch32: not supported */
    VENTRY  el0_other
    VENTRY  el0_other
    VENTRY  el0_other

/* ---- from user mode ----------------------------------------------------- */

/* The three entries from EL0: save, call C, return to whichever process
 * C chose. */
.macro EL0_TRAP handler
    .cfi_startproc
    .cfi_undefined x30
    SAVE_FRAME 1
    mov     x0, sp
    bl      \handler
    b       user_return
    .cfi_endproc
.endm

el0_sync:       EL0_TRAP trap_el0_sync
el0_irq:        EL0_TRAP trap_el0_irq
el0_other:      EL0_TRAP trap_el0_other

/* void user_return(struct trapframe *tf): load a process's registers and
 * enter it at EL0. The kernel stack is empty again from here on. */
    .global user_return
user_return:
    ldr     x1, =kstack_top
    mov     sp, x1
    ldp     x22, x23, [x0, #16 * 16]
    msr     elr_el1, x22
    msr     spsr_el1, x23
    ldp     x30, x21, [x0, #16 * 15]
    msr     sp_el0, x21
    ldp     x2, x3, [x0, #16 * 1]
    ldp     x4, x5, [x0, #16 * 2]
    ldp     x6, x7, [x0, #16 * 3]
    ldp     x8, x9, [x0, #16 * 4]
    ldp     x10, x11, [x0, #16 * 5]
    ldp     x12, x13, [x0, #16 * 6]
    ldp     x14, x15, [x0, #16 * 7]
    ldp     x16, x17, [x0, #16 * 8]
    ldp     x18, x19, [x0, #16 * 9]
    ldp     x20, x21, [x0, #16 * 10]
    ldp     x22, x23, [x0, #16 * 11]
    ldp     x24, x25, [x0, #16 * 12]
    ldp     x26, x27, [x0, #16 * 13]
    ldp     x28, x29, [x0, #16 * 14]
    ldp     x0, x1, [x0, #16 * 0]
    eret

/* ---- in the kernel: bugs, and the semihosting probe ---------------------- */

.macro EL1_TRAP kind
    SAVE_FRAME 0
    mov     x0, sp
    mov     x1, #\kind
    bl      trap_el1
    b       el1_return
.endm

el1_sync:       EL1_TRAP 0
el1_irq:        EL1_TRAP 1
el1_fiq:        EL1_TRAP 2
el1_serror:     EL1_TRAP 3
el1_sp0_sync:   EL1_TRAP 4
el1_sp0_irq:    EL1_TRAP 5
el1_sp0_fiq:    EL1_TRAP 6
el1_sp0_serror: EL1_TRAP 7

el1_return:
    ldp     x22, x23, [sp, #16 * 16]
    msr     elr_el1, x22
    msr     spsr_el1, x23
    ldr     x30, [sp, #16 * 15]
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x19, [sp, #16 * 9]
    ldp     x20, x21, [sp, #16 * 10]
    ldp     x22, x23, [sp, #16 * 11]
    ldp     x24, x25, [sp, #16 * 12]
    ldp     x26, x27, [sp, #16 * 13]
    ldp     x28, x29, [sp, #16 * 14]
    add     sp, sp, #TF_SIZE
    eret

/* ---- FP/SIMD registers (struct fpstate, arm64.h) ------------------------- */

    .global fp_save
fp_save:
    stp     q0, q1, [x0, #32 * 0]
    stp     q2, q3, [x0, #32 * 1]
    stp     q4, q5, [x0, #32 * 2]
    stp     q6, q7, [x0, #32 * 3]
    stp     q8, q9, [x0, #32 * 4]
    stp     q10, q11, [x0, #32 * 5]
    stp     q12, q13, [x0, #32 * 6]
    stp     q14, q15, [x0, #32 * 7]
    stp     q16, q17, [x0, #32 * 8]
    stp     q18, q19, [x0, #32 * 9]
    stp     q20, q21, [x0, #32 * 10]
    stp     q22, q23, [x0, #32 * 11]
    stp     q24, q25, [x0, #32 * 12]
    stp     q26, q27, [x0, #32 * 13]
    stp     q28, q29, [x0, #32 * 14]
    stp     q30, q31, [x0, #32 * 15]
    mrs     x1, fpsr
    mrs     x2, fpcr
    add     x0, x0, #512
    stp     x1, x2, [x0]
    ret

    .global fp_load
fp_load:
    ldp     q0, q1, [x0, #32 * 0]
    ldp     q2, q3, [x0, #32 * 1]
    ldp     q4, q5, [x0, #32 * 2]
    ldp     q6, q7, [x0, #32 * 3]
    ldp     q8, q9, [x0, #32 * 4]
    ldp     q10, q11, [x0, #32 * 5]
    ldp     q12, q13, [x0, #32 * 6]
    ldp     q14, q15, [x0, #32 * 7]
    ldp     q16, q17, [x0, #32 * 8]
    ldp     q18, q19, [x0, #32 * 9]
    ldp     q20, q21, [x0, #32 * 10]
    ldp     q22, q23, [x0, #32 * 11]
    ldp     q24, q25, [x0, #32 * 12]
    ldp     q26, q27, [x0, #32 * 13]
    ldp     q28, q29, [x0, #32 * 14]
    ldp     q30, q31, [x0, #32 * 15]
    add     x0, x0, #512
    ldp     x1, x2, [x0]
    msr     fpsr, x1
    msr     fpcr, x2
    ret
