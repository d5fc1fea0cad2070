/*
 * arch/aarch64/start.S - the entry point of every program on AArch64.
 *
 * The kernel starts a process at _start with the stack laid out as on
 * Linux: sp points at argc, then argv[0..argc-1], a null pointer, envp[...]
 * and a null pointer. _start hands the three to __libc_start_main (start.c),
 * which never returns. The frame pointer and link register are zeroed so
 * that a debugger's backtrace ends here.
 */
    .text
    .global _start
    .type   _start, %function
    .p2align 2
_start:
    mov     x29, #0
    mov     x30, #0
    ldr     x0, [sp]                /* argc */
    add     x1, sp, #8              /* argv */
    add     x2, x1, x0, lsl #3      /* &argv[argc], the null pointer */
    add     x2, x2, #8              /* envp */
    bl      __libc_start_main
    brk     #0                      /* not reached */
    .size   _start, . - _start
