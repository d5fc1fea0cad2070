/*
 * ttytest.h - helpers shared by the console's tests (test_tty.c, the line
 * discipline; test_ctty.c, who may use it): typing, reading fd 0 (the
 * console, which init has from boot and children inherit), the ioctls,
 * and children in their own groups or sessions.
 */
#ifndef DUPLEX_TTYTEST_H
#define DUPLEX_TTYTEST_H

#include "test.h"

#define SYS3(p, nr, a, b, c) \
    tsys((p), (nr), (long)(a), (long)(b), (long)(c), 0L, 0L, 0L)
#define BAD      ((uptr)8)              /* below UBASE: every copy faults */
#define RBUF     (UBASE + 0x1000)       /* each process's read buffer */
#define HANDLER  0x1234                 /* host.c records, never runs it */

static inline void type(const char *s) { kernel_console_input(s, strlen(s)); }

/* read(0, RBUF, n) as p. */
static inline long rd(struct proc *p, size_t n)
{
    return SYS3(p, SYS_read, 0, RBUF, n);
}

/* A read as p must return exactly the bytes s. */
#define CHECK_READ(p, n, s) do {                                            \
        long r_ = rd((p), (n));                                             \
        CHECK_EQ(r_, (long)strlen(s));                                      \
        if (r_ >= 0 && r_ < 8192) {                                         \
            char b_[8192];                                                  \
            memcpy(b_, uhost((p), RBUF), (size_t)r_);                       \
            b_[r_] = '\0';                                                  \
            CHECK_STR(b_, (s));                                             \
        }                                                                   \
    } while (0)

static inline long ioc(struct proc *p, unsigned long req, uptr arg)
{
    return SYS3(p, SYS_ioctl, 0, req, arg);
}

/* An ioctl that returns an int (a pgid, a sid, a count): it, or -errno. */
static inline long ioc_int(struct proc *p, unsigned long req)
{
    uptr a = ubuf(p, sizeof(int32_t));
    long r = ioc(p, req, a);
    return r < 0 ? r : *(int32_t *)uhost(p, a);
}

static inline long set_pgrp(struct proc *p, int32_t pgid)
{
    return ioc(p, TIOCSPGRP, ubytes(p, &pgid, sizeof pgid));
}

static inline struct k_termios getattr(struct proc *p)
{
    struct k_termios t;
    uptr a = ubuf(p, sizeof t);
    CHECK_EQ(ioc(p, TCGETS, a), 0);
    memcpy(&t, uhost(p, a), sizeof t);
    return t;
}

static inline void setattr(unsigned long req, struct k_termios t)
{
    CHECK_EQ(ioc(init, req, ubytes(init, &t, sizeof t)), 0);
}

static inline void set_lflag(uint32_t on, uint32_t off)
{
    struct k_termios t = getattr(init);
    t.c_lflag = (t.c_lflag | on) & ~off;
    setattr(TCSETS, t);
}

static inline void set_raw(int vmin, int vtime)
{
    struct k_termios t = getattr(init);
    t.c_lflag &= ~(uint32_t)(ICANON | ECHO);
    t.c_cc[VMIN] = (uint8_t)vmin;
    t.c_cc[VTIME] = (uint8_t)vtime;
    setattr(TCSETS, t);
}

static inline void set_handler(struct proc *p, int sig, uint64_t handler,
                        uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    CHECK_EQ(SYS3(p, SYS_sigaction, sig, ubytes(p, &sa, sizeof sa), 0), 0);
}

/* A child of parent; with own_group, the leader of a new process group
 * (in the background), with own_session, of a new session. */
enum { SAME, OWN_GROUP, OWN_SESSION };
static inline struct proc *child(struct proc *parent, int how)
{
    tprog("/bin/child");
    struct proc *c = tspawn(parent, "/bin/child");
    if (how == OWN_GROUP)
        CHECK_EQ(SYS3(parent, SYS_setpgid, c->pid, c->pid, 0), 0);
    if (how == OWN_SESSION)
        CHECK_EQ(SYS3(c, SYS_setsid, 0, 0, 0), c->pid);
    return c;
}

/* init plays the shell: it gives the terminal to a job and takes it back
 * from the background, which a shell may do because it ignores SIGTTOU. */
static inline void act_as_shell(void)
{
    set_handler(init, SIGTTOU, SIG_IGN, 0);
}

static inline int reap(int pid, int options)
{
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(SYS3(init, SYS_wait4, pid, st, options), pid);
    return *(int *)uhost(init, st);
}

static inline void kill_reap(struct proc *c)
{
    int pid = c->pid;
    CHECK_EQ(SYS3(init, SYS_kill, pid, SIGKILL, 0), 0);
    CHECK_EQ(WTERMSIG(reap(pid, 0)), SIGKILL);
}

#endif
