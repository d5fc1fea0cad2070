/*
 * semihost.c - talking to the host through QEMU's semihosting.
 *
 * With -semihosting, the instruction `hlt #0xf000` at EL1 is a request to
 * QEMU itself: w0 says which operation, x1 points at its arguments (in the
 * kernel's memory, which is identity-mapped, so virtual = physical). The
 * arm64 target uses it for the two things a serial line cannot carry:
 *
 *  - the host's standard error, for /dev/hosterr, and its standard output
 *    for /dev/hostout (SYS_WRITE to the ":tt" handles), so that `duplex -c`
 *    keeps a command's output and errors apart, byte for byte;
 *  - an exit status for QEMU (SYS_EXIT with ADP_Stopped_ApplicationExit),
 *    so that `poweroff 3` makes QEMU exit with status 3.
 *
 * Without -semihosting the same instruction is undefined. semihost_probe
 * tries a harmless request once at boot with `probing` set; trap_el1 then
 * skips the instruction instead of panicking, and the platform falls back
 * to the UART and PSCI.
 */
#include "arm64.h"

#define SYS_OPEN        0x01
#define SYS_WRITE       0x05
#define SYS_ERRNO       0x13
#define SYS_EXIT        0x18
#define ADP_Stopped_ApplicationExit 0x20026

volatile bool probing;
static bool present;
static long handle[3];                   /* host handles for streams 1 and 2 */

/* One request. A failed probe leaves x0 as it was: the marker. */
static long semihost_call(long op, void *arg)
{
    register long x0 __asm__("x0") = op;
    register void *x1 __asm__("x1") = arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

/* Open ":tt", the host's terminal streams: mode 4 ("w") is standard
 * output, mode 8 ("a") standard error. */
static long open_tt(long mode)
{
    static const char tt[] = ":tt";
    long args[3] = { (long)tt, mode, 3 };
    return semihost_call(SYS_OPEN, args);
}

bool semihost_probe(void)
{
    probing = true;
    long r = semihost_call(SYS_ERRNO, NULL);
    probing = false;
    present = r != SYS_ERRNO;            /* trap_el1 left x0 untouched */
    if (present) {
        handle[1] = open_tt(4);
        handle[2] = open_tt(8);
        present = handle[1] >= 0 && handle[2] >= 0;
    }
    return present;
}

bool semihost_present(void) { return present; }

/* SYS_WRITE answers the number of bytes NOT written; go on until all are. */
void semihost_write(int stream, const char *buf, size_t n)
{
    while (n > 0) {
        long args[3] = { handle[stream], (long)buf, (long)n };
        long left = semihost_call(SYS_WRITE, args);
        if (left < 0 || (size_t)left > n)
            return;
        buf += n - (size_t)left;
        n = (size_t)left;
    }
}

void semihost_exit(int code)
{
    long args[2] = { ADP_Stopped_ApplicationExit, code };
    semihost_call(SYS_EXIT, args);
    for (;;)
        __asm__ volatile("wfi");
}
