/*
 * gic.c - the GICv2 interrupt controller, and dispatching interrupts.
 *
 * Two interrupts matter: the virtual timer (a per-CPU "PPI", timer.c) and
 * the UART's receive interrupt (a shared "SPI", uart.c). The distributor
 * enables them and routes the UART to CPU 0; the CPU interface lets every
 * priority through.
 *
 * The kernel never takes an interrupt while it runs: PSTATE masks them at
 * EL1. They arrive while a process runs at EL0 (vectors.S -> trap.c), or
 * while the kernel idles in `wfi`, which wakes up for a pending interrupt
 * even when it is masked; the idle loop then calls irq_poll. Either way
 * irq_poll acknowledges and handles everything pending.
 */
#include "arm64.h"

#define GICD_CTLR        (GICD_BASE + 0x000)
#define GICD_ISENABLER   (GICD_BASE + 0x100)    /* one bit per interrupt */
#define GICD_IPRIORITYR  (GICD_BASE + 0x400)    /* one byte per interrupt */
#define GICD_ITARGETSR   (GICD_BASE + 0x800)    /* one byte per interrupt */
#define GICD_ICFGR       (GICD_BASE + 0xc00)    /* two bits per interrupt */

#define GICC_CTLR        (GICC_BASE + 0x000)
#define GICC_PMR         (GICC_BASE + 0x004)
#define GICC_IAR         (GICC_BASE + 0x00c)
#define GICC_EOIR        (GICC_BASE + 0x010)

#define IRQ_SPURIOUS     1023

void gic_init(void)
{
    mmio_write(GICD_CTLR, 0);
    mmio_write(GICC_PMR, 0xff);          /* every priority is high enough */
    mmio_write(GICC_CTLR, 1);
    mmio_write(GICD_CTLR, 1);
}

static void set_byte(uintptr_t base, unsigned irq, uint8_t v)
{
    uintptr_t reg = base + (irq & ~3u);
    unsigned shift = (irq & 3u) * 8;
    uint32_t w = mmio_read(reg);
    w = (w & ~(0xffu << shift)) | ((uint32_t)v << shift);
    mmio_write(reg, w);
}

void gic_enable(unsigned irq)
{
    set_byte(GICD_IPRIORITYR, irq, 0x80);
    if (irq >= 32) {                     /* an SPI: to CPU 0, level-triggered */
        set_byte(GICD_ITARGETSR, irq, 1);
        uintptr_t cfg = GICD_ICFGR + (irq / 16) * 4;
        mmio_write(cfg, mmio_read(cfg) & ~(2u << ((irq % 16) * 2)));
    }
    mmio_write(GICD_ISENABLER + (irq / 32) * 4, 1u << (irq % 32));
}

unsigned gic_ack(void) { return mmio_read(GICC_IAR) & 0x3ff; }
void gic_eoi(unsigned irq) { mmio_write(GICC_EOIR, irq); }

void irq_poll(void)
{
    for (;;) {
        unsigned irq = gic_ack();
        if (irq == IRQ_SPURIOUS)
            return;
        if (irq == IRQ_VTIMER)
            timer_irq();
        else if (irq == IRQ_UART)
            uart_irq();
        gic_eoi(irq);
    }
}
