/*
 * sched.c - who runs next, who waits for what, and who wakes when.
 *
 * The kernel has no stack per process, so "sleeping" is only bookkeeping: a
 * system call that must wait records the wait queue it is on and returns
 * KERN_BLOCK (sleep_on); the platform then stops running that process. A
 * wakeup moves the process back to the run queue, and when the platform
 * picks it again it re-issues the same system call from the start, which
 * finds the condition changed (or sleeps again: wakeups may be spurious,
 * every blocking path re-checks).
 *
 * The run queue is a FIFO: round-robin among runnable processes. A wait
 * queue is a FIFO too, so wakeup_one wakes the longest waiter. Timers are a
 * deadline per process; kernel_tick scans the table, which is small.
 */
#include "kernel.h"

static struct proc *rq_head, *rq_tail;

static void timer_reprogram(void);

void sched_init(void)
{
    rq_head = rq_tail = NULL;
    kstats.waiters = 0;
    kstats.timers = 0;
}

uint64_t now_ns(void) { return plat_clock_ns(CLOCK_MONOTONIC); }

void make_runnable(struct proc *p)
{
    p->state = P_RUNNABLE;
    p->rq_next = NULL;
    if (rq_tail)
        rq_tail->rq_next = p;
    else
        rq_head = p;
    rq_tail = p;
}

void runq_remove(struct proc *p)
{
    struct proc *prev = NULL;
    for (struct proc *q = rq_head; q; prev = q, q = q->rq_next) {
        if (q != p)
            continue;
        if (prev)
            prev->rq_next = q->rq_next;
        else
            rq_head = q->rq_next;
        if (rq_tail == q)
            rq_tail = prev;
        q->rq_next = NULL;
        return;
    }
}

struct proc *kernel_next(void)
{
    struct proc *p = rq_head;
    if (!p)
        return NULL;
    rq_head = p->rq_next;
    if (!rq_head)
        rq_tail = NULL;
    p->rq_next = NULL;
    p->state = P_RUNNING;
    return p;
}

void kernel_yield(struct proc *p)
{
    if (p->state == P_RUNNING)
        make_runnable(p);
}

/* ---- wait queues ---------------------------------------------------------- */

long sleep_on(struct proc *p, struct waitq *wq, const char *what)
{
    KASSERT(p->wq == NULL);
    p->state = P_BLOCKED;
    p->wq = wq;
    p->wq_next = NULL;
    if (wq) {
        struct proc **pp = &wq->head;
        while (*pp)
            pp = &(*pp)->wq_next;
        *pp = p;
        kstats.waiters++;
    }
    p->wait_what = what;        /* kept, not copied: sleeping is a hot path */
    p->blocked_call = true;
    return KERN_BLOCK;
}

const char *wait_text(struct proc *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kvsnprintf(p->wait_buf, sizeof p->wait_buf, fmt, ap);
    va_end(ap);
    return p->wait_buf;
}

static void waitq_remove(struct proc *p)
{
    struct waitq *wq = p->wq;
    if (!wq)
        return;
    for (struct proc **pp = &wq->head; *pp; pp = &(*pp)->wq_next) {
        if (*pp == p) {
            *pp = p->wq_next;
            break;
        }
    }
    p->wq = NULL;
    p->wq_next = NULL;
    kstats.waiters--;
}

static void timer_cancel(struct proc *p)
{
    if (p->deadline) {
        p->deadline = 0;
        kstats.timers--;
        timer_reprogram();
    }
}

/* Take p off whatever it waits on, without making it runnable: for a
 * process that stops or exits while blocked. */
void sched_detach(struct proc *p)
{
    waitq_remove(p);
    timer_cancel(p);
    if (p->state == P_RUNNABLE)
        runq_remove(p);
    p->wait_what = "";
}

void wakeup_proc(struct proc *p)
{
    waitq_remove(p);
    timer_cancel(p);
    if (p->state == P_BLOCKED) {
        p->wait_what = "";
        make_runnable(p);
    }
}

void wakeup(struct waitq *wq)
{
    while (wq->head)
        wakeup_proc(wq->head);
}

void wakeup_one(struct waitq *wq)
{
    if (wq->head)
        wakeup_proc(wq->head);
}

bool waitq_empty(struct waitq *wq) { return wq->head == NULL; }

/* ---- timers --------------------------------------------------------------- */

static void timer_reprogram(void)
{
    uint64_t first = 0;
    for (int i = 0; i < NPROC; i++) {
        uint64_t d = procs[i].deadline;
        if (procs[i].state != P_UNUSED && d && (!first || d < first))
            first = d;
    }
    plat_timer_set(first);
}

void sleep_until(struct proc *p, uint64_t deadline)
{
    if (!p->deadline)
        kstats.timers++;
    p->deadline = deadline ? deadline : 1;
    timer_reprogram();
}

void kernel_tick(void)
{
    uint64_t now = now_ns();
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state != P_UNUSED && p->deadline && p->deadline <= now)
            wakeup_proc(p);
    }
    timer_reprogram();
}
