/*
 * test_sem.h - what the System V semaphore tests (test_sem.c, test_sem_ctl.c)
 * share: system calls with their arguments spelled out, children, and a way
 * to run the kernel heap dry.
 */
#ifndef DUPLEX_TEST_SEM_H
#define DUPLEX_TEST_SEM_H

#include "test.h"
#include "../../ipc/sysv.h"

#define HANDLER 0x4000L             /* any user address stands for a handler */

static inline long tsemget(struct proc *p, long key, long nsems, long flags)
{
    return tsys(p, SYS_semget, key, nsems, flags);
}

static inline long tctl(struct proc *p, long id, long num, long cmd, long arg)
{
    return tsys(p, SYS_semctl, id, num, cmd, arg);
}

static inline long tval(long id, int num) { return tctl(init, id, num, GETVAL, 0); }

/* semop with up to three operations given inline: num, op, flags each. */
static inline long tsemop3(struct proc *p, long id, int nsops, const struct k_sembuf *ops, uptr timeout)
{
    uptr u = ubytes(p, ops, (size_t)nsops * sizeof ops[0]);
    return tsys(p, SYS_semop, id, (long)u, (long)nsops, (long)timeout);
}

static inline long top(struct proc *p, long id, int num, int op, int flags)
{
    struct k_sembuf b = { (uint16_t)num, (int16_t)op, (int16_t)flags };
    return tsemop3(p, id, 1, &b, 0);
}

static inline struct proc *tkid(void) { return tspawn(init, "/bin/init"); }

static inline struct proc *tuser_kid(void)
{
    struct proc *c = tkid();
    CHECK_EQ(tsys(c, SYS_setgid, 1000L), 0);
    CHECK_EQ(tsys(c, SYS_setuid, 1000L), 0);
    return c;
}

/* Reap c, which a signal killed. */
static inline void treap_killed(struct proc *c)
{
    int pid = c->pid;
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
    int status = *(int *)uhost(init, st);
    CHECK(WIFSIGNALED(status));
}

static inline void tset_action(struct proc *p, int sig, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = HANDLER, .sa_flags = flags };
    CHECK_EQ(tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L), 0);
}

/* Eat the kernel heap, so that the next allocation fails; give it back. */
struct eaten {
    void *blocks[4096];
    int   n;
};
static inline void heap_eat(struct eaten *e)
{
    for (size_t sz = 1u << 20; sz >= 16; sz >>= 1)
        while (e->n < 4096 && (e->blocks[e->n] = kalloc(sz)) != NULL)
            e->n++;
    CHECK(e->n < 4096);
}
static inline void heap_return(struct eaten *e)
{
    while (e->n > 0)
        kfree(e->blocks[--e->n]);
}

#endif
