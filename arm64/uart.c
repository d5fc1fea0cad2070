/*
 * uart.c - the PL011 serial port: the console of the arm64 target.
 *
 * Output is polled: wait while the transmit FIFO is full, write a byte.
 * QEMU drains the FIFO at once, so this never waits long, and it works
 * everywhere, even in a panic. The tty's output queue is emptied into the
 * port by console_drain, which trap.c calls each time it is about to run a
 * process or idle: writing a byte takes as long as the port (QEMU's output
 * stream) takes to accept it, so that is the pace writers get. Input raises
 * an interrupt (gic.c routes it here) and every received byte is pushed
 * into the kernel's tty with kernel_console_input: the kernel never polls
 * the console.
 *
 * QEMU connects the port to its own stdin and stdout (-serial stdio), byte
 * for byte.
 */
#include "arm64.h"

#define UART_DR    (UART_BASE + 0x00)   /* data */
#define UART_FR    (UART_BASE + 0x18)   /* flags */
#define UART_IBRD  (UART_BASE + 0x24)   /* baud rate divisor, integer part */
#define UART_FBRD  (UART_BASE + 0x28)   /*   and fraction */
#define UART_LCRH  (UART_BASE + 0x2c)   /* line control */
#define UART_CR    (UART_BASE + 0x30)   /* control */
#define UART_IMSC  (UART_BASE + 0x38)   /* interrupt mask */
#define UART_ICR   (UART_BASE + 0x44)   /* interrupt clear */

#define FR_RXFE    (1u << 4)            /* receive FIFO empty */
#define FR_TXFF    (1u << 5)            /* transmit FIFO full */
#define LCRH_8BIT  (3u << 5)
#define CR_UARTEN  (1u << 0)
#define CR_TXE     (1u << 8)
#define CR_RXE     (1u << 9)
#define INT_RX     (1u << 4)            /* receive */
#define INT_RT     (1u << 6)            /* receive timeout */

/* The FIFOs stay off: the receive side is then a one-byte register, and
 * the emulator hands over the next byte only once that one was read, so no
 * byte is ever dropped, even one sent before the kernel started. (Switching
 * the FIFOs on resets them, which lost or repeated early input.) */
void uart_init(void)
{
    mmio_write(UART_CR, 0);
    mmio_write(UART_IBRD, 13);          /* 115200 baud from 24 MHz: QEMU ignores it */
    mmio_write(UART_FBRD, 1);
    mmio_write(UART_LCRH, LCRH_8BIT);
    mmio_write(UART_IMSC, INT_RX | INT_RT);
    mmio_write(UART_CR, CR_UARTEN | CR_TXE | CR_RXE);
}

static void uart_putc(char c)
{
    while (mmio_read(UART_FR) & FR_TXFF)
        ;
    mmio_write(UART_DR, (uint8_t)c);
}

void uart_write(const char *s, size_t n)
{
    while (n--)
        uart_putc(*s++);
}

/* The tty has output (plat_console_kick, from inside the kernel): noted
 * here, written out by the next console_drain. */
static bool console_owed;

void plat_console_kick(void) { console_owed = true; }

/* Write the tty's queued output to the port. With init -c the console is
 * not the command's output (that goes through semihosting): it is taken
 * and dropped, so that writers never wait for it. */
void console_drain(void)
{
    char buf[256];
    while (console_owed) {
        size_t n = kernel_console_output(buf, sizeof buf);
        if (n < sizeof buf)
            console_owed = false;
        if (!console_is_output())
            continue;
        uart_write(buf, n);
    }
}

/* Drain the receive FIFO into the tty, a buffer at a time. The interrupt
 * is acknowledged first: a byte that arrives after the FIFO was found
 * empty then raises a new one. (Acknowledging after draining would lose
 * it, and QEMU raises the receive interrupt only when the FIFO goes from
 * empty to one byte: input would stop for good.) */
void uart_irq(void)
{
    char buf[64];
    size_t n = 0;
    mmio_write(UART_ICR, INT_RX | INT_RT);
    while (!(mmio_read(UART_FR) & FR_RXFE)) {
        buf[n++] = (char)(mmio_read(UART_DR) & 0xff);
        if (n == sizeof buf) {
            kernel_console_input(buf, n);
            n = 0;
        }
    }
    if (n)
        kernel_console_input(buf, n);
}
