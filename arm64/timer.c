/*
 * timer.c - time: the clocks, the kernel's timer, and time slices.
 *
 * The ARM generic timer gives a counter (CNTVCT_EL0, CNTFRQ_EL0 ticks per
 * second: 62.5 MHz on QEMU) and a compare register that raises an
 * interrupt when the counter passes it. One compare register serves two
 * clients, so it is always set to the earlier of:
 *
 *  - the kernel's deadline (plat_timer_set), at which kernel_tick runs and
 *    wakes sleepers;
 *  - the end of the running process's time slice, 10 ms after it was
 *    picked, at which trap.c makes it yield: this is preemption.
 *
 * With neither (the machine idles) the timer is off, so QEMU sleeps until
 * input arrives. CLOCK_REALTIME is the PL031 real-time clock's seconds at
 * boot plus the time since.
 */
#include "arm64.h"

#define SLICE_NS     10000000ull         /* 10 ms */
#define CTL_ENABLE   1u
#define RTC_DR       (RTC_BASE + 0x000)

static uint64_t freq;                    /* counter ticks per second */
static uint64_t kernel_deadline;         /* ns, 0: none */
static uint64_t slice_end;               /* ns, 0: no slice is counting */
static bool     slice_expired;           /* it ended: the process must yield */
static uint64_t boot_realtime_s;

static uint64_t ticks_to_ns(uint64_t t)
{
    return t / freq * 1000000000ull + t % freq * 1000000000ull / freq;
}

static uint64_t ns_to_ticks(uint64_t ns)
{
    return ns / 1000000000ull * freq + ns % 1000000000ull * freq / 1000000000ull;
}

static uint64_t now(void)
{
    isb();                                /* read the counter in program order */
    return ticks_to_ns(read_sysreg(cntvct_el0));
}

uint64_t plat_clock_ns(int clock)
{
    if (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)
        return boot_realtime_s * 1000000000ull + now();
    return now();
}

/* Point the compare register at the earlier of the two deadlines. */
static void program(void)
{
    uint64_t t = kernel_deadline;
    if (slice_end && (!t || slice_end < t))
        t = slice_end;
    if (!t) {
        write_sysreg(cntv_ctl_el0, 0);
        return;
    }
    write_sysreg(cntv_cval_el0, ns_to_ticks(t) + 1);
    write_sysreg(cntv_ctl_el0, CTL_ENABLE);
    isb();
}

void plat_timer_set(uint64_t deadline_ns)
{
    kernel_deadline = deadline_ns;
    program();
}

void timer_init(void)
{
    freq = read_sysreg(cntfrq_el0);
    boot_realtime_s = mmio_read(RTC_DR);
    write_sysreg(cntv_ctl_el0, 0);
    gic_enable(IRQ_VTIMER);
}

/* The compare register fired: note an ended slice, run the kernel's
 * timers if they are due. Reprogramming lowers the interrupt line (the
 * timer's interrupt is a level: it stays up while the counter is past the
 * compare value), so both deadlines are cleared once they have passed. */
void timer_irq(void)
{
    uint64_t t = now();
    if (slice_end && t >= slice_end) {
        slice_end = 0;
        slice_expired = true;
    }
    if (kernel_deadline && t >= kernel_deadline) {
        kernel_deadline = 0;
        kernel_tick();                    /* may set a new deadline */
    }
    program();
}

void slice_start(void)
{
    slice_end = now() + SLICE_NS;
    slice_expired = false;
    program();
}

void slice_stop(void)
{
    slice_end = 0;
    slice_expired = false;
    program();
}

bool slice_over(void) { return slice_expired; }
