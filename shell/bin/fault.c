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
 *   fault shm       attach a shared-memory segment over another one
 *   fault deep N    recurse N calls deep, then block in a system call
 *   fault mprotect  write to a mapped page that mprotect made read-only
 *
 * The first three are killed by SIGSEGV - only this process: the shell
 * reports "Segmentation fault" and carries on. The last shows the other
 * line of defence: the kernel checks every address a system call is given
 * and refuses a bad one with an error instead of faulting itself. And a
 * process that never gives the CPU back loses it anyway: on arm64 the timer
 * interrupts it every 10 ms, on the web target the preemption points the
 * build puts in its loop do (run it in the background and the shell still
 * answers; ^C or kill ends it).
 *
 * On arm64 the MMU catches the first three: the null page and the kernel
 * are not mapped for user mode. On the web target a process is a
 * WebAssembly instance that cannot even address the kernel, and a bad
 * jump is a call through a function table that has no such entry; but its
 * memory does start at address 0, so `fault null` does not trap there.
 *
 * fault shm tries to confuse the kernel's account of where segments are:
 * two segments A and B attached, A detached, then one segment over B and
 * two at A's old address. Only the first at A's address may succeed, the
 * others fail with EINVAL (a process's segments never overlap). It then
 * detaches what it has, removes every segment, and works the kernel's heap
 * through many switches (messages queued, slept on, received) to show that
 * no stale copy of a removed segment is written into kernel memory. Run it
 * as an ordinary user (runas 1000 fault shm): it needs no privilege.
 *
 * fault mprotect is killed by SIGSEGV on arm64, whose MMU enforces page
 * protection; a WebAssembly memory has none, so on the web target the
 * write goes through and the program says so.
 *
 * fault deep N shows that a deep stack can block: a blocked process is
 * stopped with its whole stack kept (on the web target, saved into its
 * memory), however deep it is, as long as it fit while running.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#define KERNEL_ADDRESS 0x40080000u
#define NOWHERE        0x0dead000u

static int usage(void)
{
    fprintf(stderr, "usage: fault null|kernel|jump|efault|spin|shm|mprotect|deep N\n");
    return 2;
}

/* ---- fault mprotect --------------------------------------------------------- */

static int mprotect_write(void)
{
    volatile char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("fault: mmap");
        return 1;
    }
    p[0] = 'x';
    if (mprotect((void *)p, 4096, PROT_READ) < 0) {
        perror("fault: mprotect");
        return 1;
    }
    printf("read-only now, and still readable: %c\n", p[0]);
    fflush(stdout);
    p[0] = 'y';
    printf("written: page protection is not enforced here\n");
    return 0;
}

/* ---- fault shm ------------------------------------------------------------- */

#define SEGS 5

static void *attach_as(const char *what, int id, void *addr)
{
    void *p = shmat(id, addr, 0);
    printf("%s: %s\n", what, p == (void *)-1 ? strerror(errno) : "attached");
    return p == (void *)-1 ? NULL : p;
}

/* Queue messages, sleep (other processes run, segments are switched out
 * and in), receive them: each message is a block of the kernel's heap,
 * where a stale mirror copied into kernel memory would show, or would make
 * the kernel panic when the heap's canaries are checked. */
static int heap_survives(void)
{
    struct { long type; char text[4000]; } out, in;
    int q = msgget(IPC_PRIVATE, 0600);
    if (q < 0)
        return 0;
    int ok = 1;
    for (int round = 0; round < 20 && ok; round++) {
        for (int i = 0; i < 4; i++) {
            out.type = 1;
            memset(out.text, 'a' + (round + i) % 26, sizeof out.text);
            if (msgsnd(q, &out, sizeof out.text, 0) < 0)
                ok = 0;
        }
        usleep(1000);
        for (int i = 0; i < 4 && ok; i++) {
            memset(out.text, 'a' + (round + i) % 26, sizeof out.text);
            if (msgrcv(q, &in, sizeof in.text, 0, 0) != (ssize_t)sizeof in.text ||
                memcmp(in.text, out.text, sizeof in.text) != 0)
                ok = 0;
        }
    }
    msgctl(q, IPC_RMID, NULL);
    return ok;
}

static int shm_overlap(void)
{
    int ids[SEGS];
    for (int i = 0; i < SEGS; i++) {
        ids[i] = shmget(IPC_PRIVATE, 4096, 0600);
        if (ids[i] < 0) {
            perror("fault: shmget");
            return 1;
        }
    }
    char *a = shmat(ids[0], NULL, 0), *b = shmat(ids[1], NULL, 0);
    if (a == (void *)-1 || b == (void *)-1) {
        perror("fault: shmat");
        return 1;
    }
    shmdt(a);
    attach_as("a segment over one still attached", ids[2], b);
    char *c = attach_as("a segment where one was detached", ids[3], a);
    attach_as("a second segment at that address", ids[4], a);
    if (c)
        memset(c, 'c', 4096);
    memset(b, 'b', 4096);
    shmdt(a);
    shmdt(b);
    for (int i = 0; i < SEGS; i++)
        shmctl(ids[i], IPC_RMID, NULL);
    printf("kernel memory %s\n", heap_survives() ? "intact" : "CORRUPTED");
    return 0;
}

/* ---- fault deep N -------------------------------------------------------- */

/* Not a tail call: every level keeps its frame until the sleep returns. */
__attribute__((noinline)) static unsigned deep(unsigned n, volatile unsigned *sink)
{
    if (n == 0) {
        struct timespec t = { 0, 10 * 1000 * 1000 };
        nanosleep(&t, NULL);
        return 0;
    }
    unsigned r = deep(n - 1, sink) + 1;
    *sink += r;
    return r;
}

/* volatile: the compiler must not drop or reorder the bad accesses. */
static void write_at(uintptr_t addr)
{
    *(volatile int *)addr = 42;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "deep") == 0) {
        volatile unsigned sink = 0;
        unsigned n = (unsigned)strtoul(argv[2], NULL, 10);
        printf("fault deep: back from %u calls deep\n", deep(n, &sink));
        return 0;
    }
    if (argc != 2)
        return usage();
    const char *what = argv[1];
    if (strcmp(what, "shm") == 0) {
        return shm_overlap();
    } else if (strcmp(what, "mprotect") == 0) {
        return mprotect_write();
    } else if (strcmp(what, "null") == 0) {
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
