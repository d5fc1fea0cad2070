/*
 * pthread.c - process-shared mutexes and condition variables, on futexes
 * (futex.c, ipc/futex.c). Each process has one thread, so "thread" below
 * is "process".
 *
 * A mutex is a word that is 0 (free), 1 (taken) or 2 (taken, and someone
 * may sleep on it) - the classic three-state futex mutex: taking a free
 * mutex and giving back one that nobody wants are one atomic instruction
 * each, without the kernel. A taker that finds the mutex taken marks it 2
 * and sleeps while it stays 2; the holder that gives back a 2 wakes one
 * sleeper, which marks it 2 again when it takes it (it cannot know whether
 * others sleep too).
 *
 * A condition variable is a counter of signals. A waiter reads it, gives
 * back the mutex and sleeps while the counter still has that value; a
 * signal adds one and wakes a sleeper, a broadcast wakes them all. Since
 * the waiter reads the counter before giving back the mutex, a signal
 * sent after that cannot be missed. Wakeups may be spurious (POSIX allows
 * it): callers wait in a loop on their own condition.
 */
#include "libc.h"
#include <limits.h>
#include <pthread.h>
#include <unistd.h>

static bool cas(volatile unsigned *w, unsigned old, unsigned new)
{
    return __atomic_compare_exchange_n(w, &old, new, false, __ATOMIC_SEQ_CST,
                                       __ATOMIC_SEQ_CST);
}

static unsigned xchg(volatile unsigned *w, unsigned v)
{
    return __atomic_exchange_n(w, v, __ATOMIC_SEQ_CST);
}

static bool valid_pshared(int pshared)
{
    return pshared == PTHREAD_PROCESS_PRIVATE || pshared == PTHREAD_PROCESS_SHARED;
}

static bool valid_abstime(const struct timespec *t)
{
    return t->tv_nsec >= 0 && t->tv_nsec < 1000000000L;
}

/* ---- attributes ---------------------------------------------------------------- */

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
    attr->__pshared = PTHREAD_PROCESS_PRIVATE;
    attr->__type = PTHREAD_MUTEX_DEFAULT;
    return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
    (void)attr;
    return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
    if (!valid_pshared(pshared))
        return EINVAL;
    attr->__pshared = pshared;
    return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
    *pshared = attr->__pshared;
    return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
    if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
        type != PTHREAD_MUTEX_ERRORCHECK)
        return EINVAL;
    attr->__type = type;
    return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
    *type = attr->__type;
    return 0;
}

int pthread_condattr_init(pthread_condattr_t *attr)
{
    attr->__pshared = PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
    (void)attr;
    return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
    if (!valid_pshared(pshared))
        return EINVAL;
    attr->__pshared = pshared;
    return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{
    *pshared = attr->__pshared;
    return 0;
}

/* ---- mutexes -------------------------------------------------------------------- */

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
    m->__lock = 0;
    m->__owner = 0;
    m->__count = 0;
    m->__type = attr ? attr->__type : PTHREAD_MUTEX_DEFAULT;
    m->__pshared = attr ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
    return m->__lock ? EBUSY : 0;
}

/* Take the word, sleeping until abstime at most (NULL: no limit): 0 or
 * ETIMEDOUT. A sleep a signal handler ends is simply tried again. */
static int lock_word(pthread_mutex_t *m, const struct timespec *abstime)
{
    if (cas(&m->__lock, 0, 1))
        return 0;
    unsigned c = xchg(&m->__lock, 2);
    while (c != 0) {
        struct timespec left, *rel = NULL;
        if (abstime) {
            if (!__dx_time_left(CLOCK_REALTIME, abstime, &left))
                return ETIMEDOUT;
            rel = &left;
        }
        __dx_futex_wait(&m->__lock, 2, rel, m->__pshared);
        c = xchg(&m->__lock, 2);
    }
    return 0;
}

static void unlock_word(pthread_mutex_t *m)
{
    if (__atomic_fetch_sub(&m->__lock, 1, __ATOMIC_SEQ_CST) != 1) {
        __atomic_store_n(&m->__lock, 0, __ATOMIC_SEQ_CST);
        __dx_futex_wake(&m->__lock, 1, m->__pshared);
    }
}

/* The type's rules before taking: 0 to go on and take the word, -1 when
 * it is done already (a recursive mutex taken again), or an error number. */
static int before_lock(pthread_mutex_t *m, pid_t *self)
{
    if (m->__type == PTHREAD_MUTEX_NORMAL)
        return 0;
    *self = getpid();
    if (m->__owner != *self)
        return 0;
    if (m->__type == PTHREAD_MUTEX_ERRORCHECK)
        return EDEADLK;
    if (m->__count == UINT_MAX)
        return EAGAIN;
    m->__count++;
    return -1;
}

static void took(pthread_mutex_t *m, pid_t self, unsigned count)
{
    if (m->__type != PTHREAD_MUTEX_NORMAL) {
        m->__owner = self;
        m->__count = count;
    }
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
    pid_t self = 0;
    if (abstime && !valid_abstime(abstime))
        return EINVAL;
    int r = before_lock(m, &self);
    if (r)
        return r < 0 ? 0 : r;
    if ((r = lock_word(m, abstime)) == 0)
        took(m, self, 1);
    return r;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
    return pthread_mutex_timedlock(m, NULL);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
    pid_t self = 0;
    int r = before_lock(m, &self);
    if (r)
        return r < 0 ? 0 : r == EDEADLK ? EBUSY : r;
    if (!cas(&m->__lock, 0, 1))
        return EBUSY;
    took(m, self, 1);
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    if (m->__type != PTHREAD_MUTEX_NORMAL) {
        if (m->__owner != getpid())
            return EPERM;
        if (--m->__count > 0)
            return 0;
        m->__owner = 0;
    }
    unlock_word(m);
    return 0;
}

/* ---- condition variables ------------------------------------------------------------ */

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
    c->__seq = 0;
    c->__pshared = attr ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
    return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
    (void)c;
    return 0;
}

/* Give back the mutex whole (a recursive one too), sleep, take it again
 * as it was. */
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
    struct timespec left, *rel = NULL;
    if (abstime) {
        if (!valid_abstime(abstime))
            return EINVAL;
        if (!__dx_time_left(CLOCK_REALTIME, abstime, &left))
            return ETIMEDOUT;
        rel = &left;
    }
    if (m->__type != PTHREAD_MUTEX_NORMAL && m->__owner != getpid())
        return EPERM;
    unsigned seq = __atomic_load_n(&c->__seq, __ATOMIC_SEQ_CST);
    unsigned count = m->__count;
    pid_t self = m->__owner;
    m->__owner = 0;
    unlock_word(m);
    long w = __dx_futex_wait(&c->__seq, seq, rel, c->__pshared);
    lock_word(m, NULL);
    took(m, self, count);
    return w == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    return pthread_cond_timedwait(c, m, NULL);
}

int pthread_cond_signal(pthread_cond_t *c)
{
    __atomic_fetch_add(&c->__seq, 1, __ATOMIC_SEQ_CST);
    __dx_futex_wake(&c->__seq, 1, c->__pshared);
    return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
    __atomic_fetch_add(&c->__seq, 1, __ATOMIC_SEQ_CST);
    __dx_futex_wake(&c->__seq, INT_MAX, c->__pshared);
    return 0;
}
