/*
 * futex.c - sleeping on a word of memory: wait while the word holds a
 * value, wake the sleepers of a word. The C library builds everything
 * process-shared on it (shell/lib/futex.c): unnamed semaphores, mutexes,
 * condition variables.
 *
 * A word is known by a key that two processes agree on. In a shared
 * mapping (kernel/mman.c) or a System V attachment (shm.c) the key is the
 * memory object and the offset in it, whatever address each process has
 * it at; anywhere else, or with FUTEX_PRIVATE_FLAG, it is the process and
 * the address. Sleepers wait on one of a few hashed queues and remember
 * their key in p->call; a wake walks the queue for that key.
 *
 * The check and the sleep are one step, as the kernel is single-threaded:
 * a waker that changes the word and then wakes cannot slip in between.
 * The restartable model (docs/design.md) needs one more thing: a sleeper
 * that FUTEX_WAKE woke returns 0 when its call is re-issued, without
 * looking at the word again - the waker may have changed something else
 * (a condition variable's mutex), and the word may hold the old value
 * again; going back to sleep would lose that wakeup. p->call.futex_woken
 * says so. A signal handler ends the wait with EINTR, and a timeout
 * (relative, as Linux's FUTEX_WAIT has it) with ETIMEDOUT.
 *
 * On the web target each process reads its own copy of shared memory:
 * the value a waiter compares is what it saw last, which is exactly what
 * its own code just read before deciding to wait (docs/design.md, "Shared
 * memory on two targets").
 */
#include "../kernel/kernel.h"

#define BUCKETS 16

static struct waitq buckets[BUCKETS];

struct key {
    const void *obj;
    uptr        off;
};

static struct key key_of(struct proc *p, uptr addr, bool private)
{
    struct key k = { p, addr };
    if (!private && !mmap_key(p, addr, &k.obj, &k.off))
        shm_key(p, addr, &k.obj, &k.off);
    return k;
}

static struct waitq *bucket(struct key k)
{
    uintptr_t h = (uintptr_t)k.obj ^ (k.off >> 2) ^ (k.off >> 9);
    return &buckets[(h ^ (h >> 7)) % BUCKETS];
}

static long futex_wait(struct proc *p, uptr addr, struct key k, uint32_t val, uptr timeout)
{
    if (p->restarted && p->call.futex_woken)
        return 0;
    p->call.futex_woken = false;
    bool timed;
    long r = ipc_deadline(p, timeout, &timed);
    if (r < 0)
        return r;
    uint32_t now;
    if (copyin(p, &now, addr, sizeof now) < 0)
        return -EFAULT;
    if (now != val)
        return -EAGAIN;
    p->call.futex_obj = k.obj;
    p->call.futex_off = k.off;
    return ipc_wait(p, bucket(k), "futex", timed);
}

/* Wake at most n sleepers of k, longest sleeper first. */
static long futex_wake(struct key k, long n)
{
    struct waitq *q = bucket(k);
    long woken = 0;
    while (woken < n) {
        struct proc *w = NULL;
        waitq_for_each(e, q) {
            if (e->p->call.futex_obj == k.obj && e->p->call.futex_off == k.off) {
                w = e->p;
                break;
            }
        }
        if (!w)
            break;
        w->call.futex_woken = true;
        wakeup_proc(w);
        woken++;
    }
    return woken;
}

/* futex(addr, op, val, timeout) */
long sys_futex(struct proc *p, const long *a)
{
    uptr addr = (uptr)a[0];
    int op = (int)a[1];
    if (addr & 3)
        return -EINVAL;
    struct key k = key_of(p, addr, (op & FUTEX_PRIVATE_FLAG) != 0);
    switch (op & ~FUTEX_PRIVATE_FLAG) {
    case FUTEX_WAIT:
        return futex_wait(p, addr, k, (uint32_t)a[2], (uptr)a[3]);
    case FUTEX_WAKE:
        return futex_wake(k, (int)a[2]);
    default:
        return -ENOSYS;
    }
}
