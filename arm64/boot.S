/*
 * boot.S - the first instructions: from QEMU's hand-off to C.
 *
 * The kernel image is a Linux arm64 "Image" (the 64-byte header below), so
 * QEMU's -kernel loads it as it loads Linux: at RAM base + text_offset
 * (0x40080000, where kernel.ld links it), with the MMU off, interrupts
 * masked, and x0 = the physical address of the device tree. QEMU enters at
 * EL1, or at EL2 when the board has virtualization on; at EL2 we set up
 * just enough for a kernel at EL1 (AArch64, timers and FP usable) and drop
 * down with an eret.
 *
 * At EL1: a stack, a zeroed BSS, the exception vectors, FP/SIMD enabled
 * for user processes (the kernel is built with -mgeneral-regs-only and
 * never uses them), then arm64_main(dtb, boot_el) in main.c.
 */

    .section .text.boot, "ax"
    .global _start
_start:
    /* The Image header (Linux Documentation/arch/arm64/booting.rst). */
    b       entry                   /* code0: jump over the header */
    .long   0                       /* code1 */
    .quad   0x80000                 /* text_offset from a 2 MiB boundary */
    .quad   __image_size            /* bytes to reserve, BSS included */
    .quad   0x2                     /* flags: little endian, 4 KiB pages */
    .quad   0, 0, 0                 /* reserved */
    .ascii  "ARM\x64"               /* magic */
    .long   0                       /* reserved (PE header offset) */

entry:
    msr     daifset, #0xf           /* no interrupts until we ask */
    mov     x19, x0                 /* keep the device tree's address */
    mrs     x20, CurrentEL
    lsr     x20, x20, #2            /* 1 or 2 */
    cmp     x20, #2
    b.ne    at_el1

    /* At EL2: EL1 runs AArch64, may use the counters and timers and the
     * FP registers untrapped, and the virtual counter is the physical one. */
    mov     x0, #(1 << 31)          /* HCR_EL2.RW */
    msr     hcr_el2, x0
    mrs     x0, cnthctl_el2
    orr     x0, x0, #3              /* EL1PCTEN | EL1PCEN */
    msr     cnthctl_el2, x0
    msr     cntvoff_el2, xzr
    mov     x0, #0x33ff             /* CPTR_EL2: RES1 bits, no traps */
    msr     cptr_el2, x0
    msr     hstr_el2, xzr
    ldr     x0, =0x30d00800         /* SCTLR_EL1: RES1 bits, MMU off */
    msr     sctlr_el1, x0
    mov     x0, #0x3c5              /* SPSR: EL1h, D A I F masked */
    msr     spsr_el2, x0
    adr     x0, at_el1
    msr     elr_el2, x0
    eret

at_el1:
    ldr     x0, =kstack_top
    mov     sp, x0

    ldr     x0, =__bss_start        /* zero the BSS (16-byte aligned) */
    ldr     x1, =__bss_end
1:  cmp     x0, x1
    b.hs    2f
    stp     xzr, xzr, [x0], #16
    b       1b
2:
    ldr     x0, =vectors
    msr     vbar_el1, x0
    mov     x0, #(3 << 20)          /* CPACR_EL1.FPEN: FP/SIMD not trapped */
    msr     cpacr_el1, x0
    isb

    mov     x0, x19
    mov     x1, x20
    bl      arm64_main
3:  wfe                             /* not reached */
    b       3b

/* The one kernel stack. The kernel keeps nothing on it between traps: every
 * entry from user mode starts again at the top (vectors.S). */
    .section .bss
    .p2align 4
    .global kstack, kstack_top
kstack:
    .space  64 * 1024
kstack_top:
