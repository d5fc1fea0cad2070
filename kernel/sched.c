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
 * queue is a FIFO too, so wakeup_one wakes the longest waiter. A process
 * waits through wait entries of its own (struct proc's waits), one per
 * queue: usually one, several for poll. Whichever queue wakes it takes it
 * off all of them, and the re-issued call looks at everything again.
 *
 * Timers are a deadline per process (a wakeup), and its alarm (SIGALRM,
 * itimer.c); kernel_tick scans the table, which is small.
 */
#include "kernel.h"

static struct proc *rq_head, *rq_tail;


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

/* Append one of p's entries to the end of wq (a FIFO: wakeup_one wakes the
 * longest waiter). A queue p is on already is not added twice. */
void wait_also(struct proc *p, struct waitq *wq)
{
    for (int i = 0; i < p->nwaits; i++)
        if (p->waits[i].wq == wq)
            return;
    KASSERT(p->nwaits < NWAIT);
    struct wait_entry *e = &p->waits[p->nwaits++];
    e->p = p;
    e->wq = wq;
    e->next = NULL;
    struct wait_entry **pp = &wq->head;
    while (*pp)
        pp = &(*pp)->next;
    *pp = e;
    kstats.waiters++;
}

long sleep_on(struct proc *p, struct waitq *wq, const char *what)
{
    KASSERT(p->state != P_BLOCKED);
    if (wq)
        wait_also(p, wq);
    p->state = P_BLOCKED;
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

/* Take p off every queue it is on. */
void wait_cancel(struct proc *p)
{
    for (int i = 0; i < p->nwaits; i++) {
        struct wait_entry *e = &p->waits[i];
        for (struct wait_entry **pp = &e->wq->head; *pp; pp = &(*pp)->next) {
            if (*pp == e) {
                *pp = e->next;
                break;
            }
        }
        e->p = NULL;
        e->wq = NULL;
        e->next = NULL;
        kstats.waiters--;
    }
    p->nwaits = 0;
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
    wait_cancel(p);
    timer_cancel(p);
    if (p->state == P_RUNNABLE)
        runq_remove(p);
    p->wait_what = "";
}

void wakeup_proc(struct proc *p)
{
    wait_cancel(p);
    timer_cancel(p);
    if (p->state == P_BLOCKED) {
        p->wait_what = "";
        make_runnable(p);
    }
}

void wakeup(struct waitq *wq)
{
    while (wq->head)
        wakeup_proc(wq->head->p);
}

void wakeup_one(struct waitq *wq)
{
    if (wq->head)
        wakeup_proc(wq->head->p);
}

bool waitq_empty(struct waitq *wq) { return wq->head == NULL; }

/* ---- timers --------------------------------------------------------------- */

void timer_reprogram(void)
{
    uint64_t first = 0;
    for (int i = 0; i < NPROC; i++) {
        if (procs[i].state == P_UNUSED)
            continue;
        uint64_t d = procs[i].deadline, a = procs[i].alarm;
        if (d && (!first || d < first))
            first = d;
        if (a && (!first || a < first))
            first = a;
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
        if (p->state == P_UNUSED)
            continue;
        if (p->deadline && p->deadline <= now)
            wakeup_proc(p);
        if (p->alarm && p->alarm <= now)
            itimer_fire(p, now);
    }
    timer_reprogram();
}
