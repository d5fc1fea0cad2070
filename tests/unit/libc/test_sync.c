/*
 * test_sync.c - what the library adds to the kernel's calls for poll and
 * select (sets to poll entries and back, timeouts, EBADF), unnamed
 * semaphores (the count taken in the process, the futex only to sleep),
 * process-shared mutexes and condition variables (types, errors,
 * timeouts), and shm_open's names.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

/* ---- poll and select ------------------------------------------------------ */

TEST(poll_passes_its_timeout_and_mask)
{
    struct pollfd p[2] = { { 0, POLLIN, 7 }, { 1, POLLOUT, 7 } };
    fk_poll_ready(1, POLLOUT);
    CHECK_EQ(poll(p, 2, 1500), 1);
    CHECK_EQ(p[0].revents, 0);
    CHECK_EQ(p[1].revents, POLLOUT);
    CHECK_EQ(fk_last_poll().timeout_ns, 1500000000LL);
    CHECK(!fk_last_poll().masked);
    errno = 0;
    p[1].fd = -1;
    CHECK_EQ(poll(p, 2, -1), -1);                /* no timeout, nothing ready */
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(fk_last_poll().timeout_ns, -1);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    struct timespec ts = { 2, 5 };
    CHECK_EQ(ppoll(p, 1, &ts, &mask), 0);
    CHECK_EQ(fk_last_poll().timeout_ns, 2000000005LL);
    CHECK(fk_last_poll().masked);
    CHECK_EQ(fk_last_poll().mask, 1ull << (SIGINT - 1));
}

TEST(select_turns_sets_into_poll_and_back)
{
    fk_poll_ready(0, POLLIN);
    fk_poll_ready(1, POLLOUT);
    fk_poll_ready(2, POLLHUP);                   /* a hangup is readable */
    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(0, &r);
    FD_SET(1, &r);
    FD_SET(2, &r);
    FD_SET(1, &w);
    struct timeval tv = { 0, 250000 };
    CHECK_EQ(select(3, &r, &w, NULL, &tv), 3);
    CHECK(FD_ISSET(0, &r) && !FD_ISSET(1, &r) && FD_ISSET(2, &r));
    CHECK(FD_ISSET(1, &w));
    CHECK_EQ(fk_last_poll().nfds, 3);            /* one entry per descriptor */
    CHECK_EQ(fk_last_poll().timeout_ns, 250000000LL);
    CHECK_EQ(tv.tv_sec, 0);                      /* the time that was left */
    CHECK(tv.tv_usec <= 250000);
    /* a descriptor that is not open, or cannot be */
    FD_ZERO(&r);
    FD_SET(5, &r);
    errno = 0;
    CHECK_EQ(select(6, &r, NULL, NULL, &tv), -1);
    CHECK_EQ(errno, EBADF);
    FD_ZERO(&r);
    FD_SET(100, &r);
    CHECK_EQ(select(101, &r, NULL, NULL, &tv), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(select(-1, NULL, NULL, NULL, &tv), -1);
    CHECK_EQ(errno, EINVAL);
    tv.tv_usec = 1000000;
    CHECK_EQ(select(1, NULL, NULL, NULL, &tv), -1);
    CHECK_EQ(errno, EINVAL);
    /* no sets, a timeout: a sleep */
    struct timespec ts = { 0, 1000 };
    CHECK_EQ(pselect(0, NULL, NULL, NULL, &ts, NULL), 0);
    CHECK_EQ(fk_last_poll().nfds, 0);
}

/* ---- unnamed semaphores ------------------------------------------------------ */

TEST(unnamed_semaphore_counts_in_the_process)
{
    sem_t s;
    int v;
    errno = 0;
    CHECK_EQ(sem_init(&s, 1, (unsigned)SEM_VALUE_MAX + 1), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_init(&s, 1, 2), 0);
    CHECK_EQ(sem_trywait(&s), 0);
    CHECK_EQ(sem_wait(&s), 0);
    CHECK_EQ(sem_trywait(&s), -1);
    CHECK_EQ(errno, EAGAIN);
    CHECK_EQ(sem_getvalue(&s, &v), 0);
    CHECK_EQ(v, 0);
    CHECK_EQ(fk_futex().waits, 0);               /* no kernel while it could take */
    CHECK_EQ(sem_post(&s), 0);
    CHECK_EQ(fk_futex().wakes, 0);               /* nobody sleeps: no wake */
    CHECK_EQ(sem_wait(&s), 0);
    /* 0: it sleeps in the kernel; a handler ends the sleep with EINTR */
    CHECK_EQ(sem_wait(&s), -1);
    CHECK_EQ(errno, EINTR);
    CHECK_EQ(fk_futex().waits, 1);
    CHECK_EQ(fk_futex().last_op, FUTEX_WAIT);    /* shared: no private flag */
    CHECK_EQ(s.__waiters, 0);
    /* a deadline already passed, or not a time at all */
    struct timespec past = { 1, 0 }, bad = { 2000000000, 1000000000 };
    CHECK_EQ(sem_timedwait(&s, &past), -1);
    CHECK_EQ(errno, ETIMEDOUT);
    CHECK_EQ(sem_timedwait(&s, &bad), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fk_futex().waits, 1);
    CHECK_EQ(sem_destroy(&s), 0);
}

TEST(unnamed_semaphore_limits_and_kinds)
{
    sem_t s, named = { .__fd = 3 };
    CHECK_EQ(sem_init(&s, 0, SEM_VALUE_MAX), 0);
    errno = 0;
    CHECK_EQ(sem_post(&s), -1);
    CHECK_EQ(errno, EOVERFLOW);
    CHECK_EQ(sem_close(&s), -1);                 /* not opened by name */
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(sem_destroy(&named), -1);
    CHECK_EQ(errno, EINVAL);
    /* a private one sleeps on the private key; a sleeper is woken by post */
    CHECK_EQ(sem_init(&s, 0, 0), 0);
    CHECK_EQ(sem_wait(&s), -1);
    CHECK_EQ(fk_futex().last_op, FUTEX_WAIT | FUTEX_PRIVATE_FLAG);
    s.__waiters = 1;                             /* as if another process slept */
    CHECK_EQ(sem_post(&s), 0);
    CHECK_EQ(fk_futex().wakes, 1);
    CHECK_EQ(fk_futex().last_wake_n, 1);
}

/* ---- mutexes and condition variables ------------------------------------------ */

TEST(mutex_types)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    CHECK_EQ(pthread_mutex_lock(&m), 0);
    CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
    CHECK_EQ(pthread_mutex_destroy(&m), EBUSY);
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK_EQ(pthread_mutex_destroy(&m), 0);

    pthread_mutexattr_t a;
    int type, pshared;
    CHECK_EQ(pthread_mutexattr_init(&a), 0);
    CHECK_EQ(pthread_mutexattr_settype(&a, 9), EINVAL);
    CHECK_EQ(pthread_mutexattr_setpshared(&a, 9), EINVAL);
    CHECK_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK), 0);
    CHECK_EQ(pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
    CHECK_EQ(pthread_mutexattr_gettype(&a, &type), 0);
    CHECK_EQ(pthread_mutexattr_getpshared(&a, &pshared), 0);
    CHECK_EQ(type, PTHREAD_MUTEX_ERRORCHECK);
    CHECK_EQ(pshared, PTHREAD_PROCESS_SHARED);
    CHECK_EQ(pthread_mutex_init(&m, &a), 0);
    CHECK_EQ(pthread_mutex_unlock(&m), EPERM);   /* not held */
    CHECK_EQ(pthread_mutex_lock(&m), 0);
    CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
    CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
    CHECK_EQ(pthread_mutex_unlock(&m), 0);

    CHECK_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
    CHECK_EQ(pthread_mutex_init(&m, &a), 0);
    CHECK_EQ(pthread_mutex_lock(&m), 0);
    CHECK_EQ(pthread_mutex_lock(&m), 0);
    CHECK_EQ(pthread_mutex_trylock(&m), 0);
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK(m.__lock != 0);                        /* still held once */
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK_EQ(m.__lock, 0);
    CHECK_EQ(pthread_mutexattr_destroy(&a), 0);
}

TEST(mutex_contended_sleeps_and_wakes)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    m.__lock = 1;                                /* held by another process */
    struct timespec past = { 1, 0 }, bad = { 1, -1 };
    CHECK_EQ(pthread_mutex_timedlock(&m, &past), ETIMEDOUT);
    CHECK_EQ(m.__lock, 2);                       /* marked: someone wants it */
    CHECK_EQ(pthread_mutex_timedlock(&m, &bad), EINVAL);
    /* its holder gives it back and wakes one sleeper */
    m.__lock = 2;
    m.__lock = 0;
    CHECK_EQ(pthread_mutex_trylock(&m), 0);
    m.__lock = 2;                                /* as if someone slept meanwhile */
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK_EQ(m.__lock, 0);
    CHECK_EQ(fk_futex().wakes, 1);
}

TEST(condition_variables)
{
    pthread_condattr_t ca;
    pthread_cond_t c;
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    int pshared;
    CHECK_EQ(pthread_condattr_init(&ca), 0);
    CHECK_EQ(pthread_condattr_setpshared(&ca, 5), EINVAL);
    CHECK_EQ(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED), 0);
    CHECK_EQ(pthread_condattr_getpshared(&ca, &pshared), 0);
    CHECK_EQ(pshared, PTHREAD_PROCESS_SHARED);
    CHECK_EQ(pthread_cond_init(&c, &ca), 0);
    CHECK_EQ(pthread_mutex_lock(&m), 0);
    /* a wait the fake ends at once (EINTR) is a spurious wakeup: 0, held */
    CHECK_EQ(pthread_cond_wait(&c, &m), 0);
    CHECK(m.__lock != 0);
    CHECK_EQ(fk_futex().waits, 1);
    struct timespec past = { 1, 0 };
    CHECK_EQ(pthread_cond_timedwait(&c, &m, &past), ETIMEDOUT);
    CHECK(m.__lock != 0);
    fk_futex_wait_result(-ETIMEDOUT);
    struct timespec later = { 2000000000, 0 };
    CHECK_EQ(pthread_cond_timedwait(&c, &m, &later), ETIMEDOUT);
    CHECK_EQ(pthread_mutex_unlock(&m), 0);
    CHECK_EQ(pthread_cond_signal(&c), 0);
    CHECK_EQ(fk_futex().last_wake_n, 1);
    CHECK_EQ(pthread_cond_broadcast(&c), 0);
    CHECK_EQ(fk_futex().last_wake_n, INT_MAX);
    CHECK_EQ(c.__seq, 2);
    CHECK_EQ(pthread_cond_destroy(&c), 0);
    CHECK_EQ(pthread_condattr_destroy(&ca), 0);
}

/* ---- shm_open ------------------------------------------------------------------ */

TEST(shm_open_names)
{
    char longname[NAME_MAX + 3];
    memset(longname, 'a', sizeof longname - 1);
    longname[0] = '/';
    longname[sizeof longname - 1] = '\0';
    errno = 0;
    CHECK_EQ(shm_open("/", O_RDONLY, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_open("/a/b", O_RDONLY, 0), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(shm_open(longname, O_RDONLY, 0), -1);
    CHECK_EQ(errno, ENAMETOOLONG);
    fk_file("/dev/shm/frame", "x");
    CHECK(shm_open("//frame", O_RDONLY, 0) >= 0);
    CHECK_EQ(shm_unlink("frame"), 0);
    CHECK_STR(fk_tried(), "/dev/shm/frame;");
    CHECK_EQ(shm_unlink(""), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, 3, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOSYS);                     /* the fake has no mmap */
}
