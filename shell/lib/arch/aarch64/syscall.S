/*
 * arch/aarch64/syscall.S - the system call on AArch64.
 *
 * long __dx_syscall(long nr, long a0, ..., long a5): the kernel wants the
 * number in x8 and the arguments in x0-x5, and leaves the result in x0 -
 * so shift the C arguments down by one register and trap with svc #0.
 */
    .text
    .global __dx_syscall
    .type   __dx_syscall, %function
    .p2align 2
__dx_syscall:
    mov     x8, x0
    mov     x0, x1
    mov     x1, x2
    mov     x2, x3
    mov     x3, x4
    mov     x4, x5
    mov     x5, x6
    svc     #0
    ret
    .size   __dx_syscall, . - __dx_syscall
