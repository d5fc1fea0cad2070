/*
 * fault.c - misbehave on purpose, to watch the system protect itself.
 *
 *   fault null      write through a null pointer
 *   fault kernel    write into the kernel's memory (address 0x40080000,
 *                   where the arm64 kernel's code is)
 *   fault jump      jump to an address where there is no code
 *   fault efault    hand the kernel a bad buffer: read(0, (void *)1, 10)
 *                   fails with EFAULT, and the program says so
 *   fault spin      compute forever without a single system call
 *
 * The first three are killed by SIGSEGV - only this process: the shell
 * reports "Segmentation fault" and carries on. The last shows the other
 * line of defence: the kernel checks every address a system call is given
 * and refuses a bad one with an error instead of faulting itself. And a
 * process that never gives the CPU back loses it anyway on arm64, where
 * the timer interrupts it every 10 ms (run it in the background and the
 * shell still answers; the web target cannot interrupt WebAssembly code).
 *
 * On arm64 the MMU catches the first three: the null page and the kernel
 * are not mapped for user mode. On the web target a process is a
 * WebAssembly instance that cannot even address the kernel, and a bad
 * jump is a call through a function table that has no such entry; but its
 * memory does start at address 0, so `fault null` does not trap there.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define KERNEL_ADDRESS 0x40080000u
#define NOWHERE        0x0dead000u

static int usage(void)
{
    fprintf(stderr, "usage: fault null|kernel|jump|efault|spin\n");
    return 2;
}

/* volatile: the compiler must not drop or reorder the bad accesses. */
static void write_at(uintptr_t addr)
{
    *(volatile int *)addr = 42;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return usage();
    const char *what = argv[1];
    if (strcmp(what, "null") == 0) {
        write_at(0);
    } else if (strcmp(what, "kernel") == 0) {
        write_at(KERNEL_ADDRESS);
    } else if (strcmp(what, "jump") == 0) {
        void (*volatile fn)(void) = (void (*)(void))(uintptr_t)NOWHERE;
        fn();
    } else if (strcmp(what, "efault") == 0) {
        ssize_t n = read(0, (void *)1, 10);
        if (n < 0) {
            printf("read: %s\n", strerror(errno));
            return 1;
        }
        printf("read returned %zd\n", n);
        return 0;
    } else if (strcmp(what, "spin") == 0) {
        for (volatile unsigned long i = 0;; i++)
            ;
    } else {
        return usage();
    }
    printf("fault %s: still alive\n", what);
    return 0;
}
