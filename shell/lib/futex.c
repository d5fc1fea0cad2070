/*
 * futex.c - what the process-shared synchronisation of the library is
 * built on (sem.c's unnamed semaphores, pthread.c's mutexes and condition
 * variables): the futex system call (ipc/futex.c), and turning absolute
 * deadlines into the relative timeouts it takes.
 *
 * The word is shared between processes when it lies in shared memory
 * (MAP_SHARED, shmat): the kernel then knows it by the memory object and
 * offset, whatever address each process has it at. `shared` false asks
 * for the private key (FUTEX_PRIVATE_FLAG), for objects that are not
 * process-shared.
 */
#include "libc.h"
#include <sys/mman.h>
#include <sys/stat.h>               /* struct k_timespec */
#include <time.h>

static int op(int base, bool shared)
{
    return shared ? base : base | FUTEX_PRIVATE_FLAG;
}

long __dx_futex_wait(volatile unsigned *word, unsigned val, const struct timespec *rel,
                     bool shared)
{
    struct k_timespec k;
    if (rel) {
        k.tv_sec = rel->tv_sec;
        k.tv_nsec = rel->tv_nsec;
    }
    return __dx_syscall(SYS_futex, P(word), op(FUTEX_WAIT, shared), (long)val,
                        rel ? P(&k) : 0, 0, 0);
}

long __dx_futex_wake(volatile unsigned *word, int n, bool shared)
{
    return __dx_syscall(SYS_futex, P(word), op(FUTEX_WAKE, shared), n, 0, 0, 0);
}

bool __dx_time_left(int clock, const struct timespec *abstime, struct timespec *left)
{
    struct timespec now;
    clock_gettime(clock, &now);
    long long ns = (abstime->tv_sec - now.tv_sec) * 1000000000LL +
                   (abstime->tv_nsec - now.tv_nsec);
    if (ns <= 0)
        return false;
    left->tv_sec = ns / 1000000000LL;
    left->tv_nsec = (long)(ns % 1000000000LL);
    return true;
}
