/*
 * test_port.c - unit tests of ipc/port.c and ipc/cap.c: ports, their
 * queue, every right, derived handles, handles carried in messages, call
 * and reply, the fast path, filters, timeouts, the name table, ports that
 * die, processes killed or interrupted while they wait, bad descriptors,
 * bad addresses, and running out of kernel memory.
 *
 * A call that blocks returns KERN_BLOCK; the test re-issues it later with
 * the same arguments, as a platform would.
 */
#include "test.h"
#include "../../kernel/uapi/port.h"

/* ---- helpers -------------------------------------------------------------- */

static struct k_port_msg tmsg(uint32_t type, const char *text)
{
    struct k_port_msg m;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.size = (uint16_t)strlen(text);
    memcpy(m.data, text, m.size);
    return m;
}

static long tport(struct proc *p, long flags) { return tsys(p, SYS_port_create, flags); }

static uptr umsg(struct proc *p, const struct k_port_msg *m) { return ubytes(p, m, sizeof *m); }

static long tsend_u(struct proc *p, long fd, uptr m, long flags, uptr timeout)
{
    return tsys(p, SYS_port_send, fd, (long)m, flags, (long)timeout);
}

static long tsend(struct proc *p, long fd, uint32_t type, const char *text)
{
    struct k_port_msg m = tmsg(type, text);
    return tsend_u(p, fd, umsg(p, &m), 0, 0);
}

static long trecv_u(struct proc *p, long fd, uptr out, long flags, uptr timeout)
{
    return tsys(p, SYS_port_recv, fd, (long)out, flags, (long)timeout);
}

static struct k_port_msg msg_at(struct proc *p, uptr u)
{
    struct k_port_msg m;
    memcpy(&m, uhost(p, u), sizeof m);
    return m;
}

/* Receive a message that must have this type and text; returns it. */
static struct k_port_msg trecv_expect(struct proc *p, long fd, uint32_t type, const char *text)
{
    uptr u = ubuf(p, sizeof(struct k_port_msg));
    CHECK_EQ(trecv_u(p, fd, u, 0, 0), 0);
    struct k_port_msg m = msg_at(p, u);
    CHECK_EQ(m.type, type);
    CHECK_EQ(m.size, strlen(text));
    CHECK(memcmp(m.data, text, m.size) == 0);
    return m;
}

static uptr utimeout(struct proc *p, long ms)
{
    struct k_timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
    return ubytes(p, &ts, sizeof ts);
}

static long tderive(struct proc *p, long fd, long rights)
{
    return tsys(p, SYS_port_derive, fd, rights, 0L);
}

static struct k_port_info tinfo(struct proc *p, long fd)
{
    struct k_port_info pi;
    uptr u = ubuf(p, sizeof pi);
    CHECK_EQ(tsys(p, SYS_port_info, fd, (long)u), 0);
    memcpy(&pi, uhost(p, u), sizeof pi);
    return pi;
}

static long tbind(struct proc *p, long fd, const char *name, long rights)
{
    return tsys(p, SYS_port_bind, fd, (long)ustr(p, name), rights);
}

static long tunbind(struct proc *p, long fd, const char *name)
{
    return tsys(p, SYS_port_unbind, fd, (long)ustr(p, name));
}

static long tlookup(struct proc *p, const char *name, long flags, uptr timeout)
{
    return tsys(p, SYS_port_lookup, (long)ustr(p, name), flags, (long)timeout);
}

static long tcall(struct proc *p, long fd, uptr req, uptr rep, uptr timeout)
{
    return tsys(p, SYS_port_call, fd, (long)req, (long)rep, (long)timeout);
}

static long treply(struct proc *p, long rfd, uint32_t type, const char *text)
{
    struct k_port_msg m = tmsg(type, text);
    return tsys(p, SYS_port_reply, rfd, (long)umsg(p, &m));
}

static long tfilter(struct proc *p, long fd, uint64_t types, uint32_t maxsize, uint32_t rate)
{
    struct k_port_filter fl = { types, maxsize, rate };
    return tsys(p, SYS_port_set_filter, fd, (long)ubytes(p, &fl, sizeof fl));
}

static void tclose(struct proc *p, long fd)
{
    CHECK_EQ(tsys(p, SYS_close, fd), 0);
}

static struct proc *tchild(void)
{
    tprog("/bin/child");
    return tspawn(init, "/bin/child");
}

static void tkill_reap(struct proc *p, int sig)
{
    int pid = p->pid;
    CHECK_EQ(tsys(init, SYS_kill, (long)pid, (long)sig), 0);
    CHECK_EQ(p->state, P_ZOMBIE);
    CHECK(p->wq == NULL);
    CHECK(p->call.file == NULL);
    uptr st = ubuf(init, sizeof(int));
    CHECK_EQ(tsys(init, SYS_wait4, (long)pid, (long)st, 0L, 0L), pid);
}

static long tsigaction(struct proc *p, int sig, uint64_t handler, uint32_t flags)
{
    struct k_sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    return tsys(p, SYS_sigaction, (long)sig, (long)ubytes(p, &sa, sizeof sa), 0L);
}

/* ---- ports, sending, receiving -------------------------------------------- */

TEST(port_create_gives_every_right)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    long fd = tport(init, 0);
    CHECK_EQ(fd, 3);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports + 1);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps + 1);
    struct k_port_info pi = tinfo(init, fd);
    CHECK_EQ(pi.rights, PORT_ALL);
    CHECK_EQ(pi.handles, 1);
    CHECK_EQ(pi.receivers, 1);
    CHECK_EQ(pi.queued, 0);
    CHECK_EQ(pi.creator, 1);
    CHECK_STR(pi.name, "");
    CHECK_EQ(tsys(init, SYS_read, fd, (long)ubuf(init, 8), 8L), -EINVAL);
    tclose(init, fd);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(tport(init, 1), -EINVAL);
    fd = tport(init, PORT_CLOEXEC);
    CHECK(init->cloexec & ((uint64_t)1 << fd));
    tclose(init, fd);
}

TEST(port_send_then_receive_in_order)
{
    long fd = tport(init, 0);
    CHECK_EQ(tsend(init, fd, 7, "hello"), 0);
    CHECK_EQ(tsend(init, fd, 8, "world"), 0);
    CHECK_EQ(tsend(init, fd, 9, ""), 0);
    CHECK_EQ(tinfo(init, fd).queued, 3);
    struct k_port_msg m = trecv_expect(init, fd, 7, "hello");
    CHECK_EQ(m.sender, 1);
    CHECK_EQ(m.reply, -1);
    CHECK_EQ(m.flags, 0);
    CHECK_EQ(m.nhandles, 0);
    CHECK_EQ(m.handles[0], -1);
    trecv_expect(init, fd, 8, "world");
    trecv_expect(init, fd, 9, "");
    struct k_port_info pi = tinfo(init, fd);
    CHECK_EQ(pi.sent, 3);
    CHECK_EQ(pi.received, 3);
    CHECK_EQ(pi.fastpath, 0);
    tclose(init, fd);
}

TEST(port_full_queue_blocks_the_sender)
{
    long fd = tport(init, 0);
    for (int i = 0; i < PORT_QUEUE_MAX; i++)
        CHECK_EQ(tsend(init, fd, (uint32_t)i, "x"), 0);
    struct k_port_msg m = tmsg(99, "late");
    uptr um = umsg(init, &m);
    CHECK_EQ(tsend_u(init, fd, um, PORT_NONBLOCK, 0), -EAGAIN);
    struct proc *c = tchild();
    uptr cm = umsg(c, &m);
    CHECK_EQ(tsend_u(c, fd, cm, 0, 0), KERN_BLOCK);
    CHECK(strstr(c->wait_what, " send") != NULL);
    trecv_expect(init, fd, 0, "x");
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsend_u(c, fd, cm, 0, 0), 0);
    for (int i = 1; i < PORT_QUEUE_MAX; i++)
        trecv_expect(init, fd, (uint32_t)i, "x");
    trecv_expect(init, fd, 99, "late");
    /* a send that times out on a full port sends nothing */
    for (int i = 0; i < PORT_QUEUE_MAX; i++)
        CHECK_EQ(tsend(init, fd, 1, "y"), 0);
    uptr t = utimeout(c, 20);
    CHECK_EQ(tsend_u(c, fd, cm, 0, t), KERN_BLOCK);
    tclock_advance(20000000);
    CHECK_EQ(tsend_u(c, fd, cm, 0, t), -ETIMEDOUT);
    CHECK_EQ(tinfo(init, fd).queued, PORT_QUEUE_MAX);
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_receive_nonblocking_and_timeout)
{
    long fd = tport(init, 0);
    uptr u = ubuf(init, sizeof(struct k_port_msg));
    CHECK_EQ(trecv_u(init, fd, u, PORT_NONBLOCK, 0), -EAGAIN);
    CHECK_EQ(trecv_u(init, fd, u, 0, utimeout(init, 0)), -ETIMEDOUT);
    uptr t = utimeout(init, 50);
    CHECK_EQ(trecv_u(init, fd, u, 0, t), KERN_BLOCK);
    CHECK_EQ(kstats.timers, 1);
    tclock_advance(50000000);
    CHECK_EQ(trecv_u(init, fd, u, 0, t), -ETIMEDOUT);
    CHECK_EQ(tsys(init, SYS_fcntl, fd, (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), -EAGAIN);
    CHECK_EQ(trecv_u(init, fd, u, 2, 0), -EINVAL);
    struct k_timespec bad = { 0, -5 };
    CHECK_EQ(trecv_u(init, fd, u, 0, ubytes(init, &bad, sizeof bad)), -EINVAL);
    CHECK_EQ(trecv_u(init, fd, u, 0, 8), -EFAULT);
    tclose(init, fd);
}

/* ---- rights ------------------------------------------------------------------- */

TEST(port_every_call_checks_its_right)
{
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND);
    long r = tderive(init, fd, PORT_RECEIVE);
    long m = tderive(init, fd, PORT_MANAGE | PORT_SEND);
    CHECK(s > 0 && r > 0 && m > 0);
    CHECK_EQ(tinfo(init, s).rights, PORT_SEND);
    CHECK_EQ(tinfo(init, fd).handles, 4);
    CHECK_EQ(tinfo(init, fd).receivers, 2);
    uptr u = ubuf(init, sizeof(struct k_port_msg));
    /* without RECEIVE: EPERM */
    CHECK_EQ(trecv_u(init, s, u, 0, 0), -EPERM);
    CHECK_EQ(trecv_u(init, m, u, PORT_NONBLOCK, 0), -EPERM);
    /* without SEND */
    CHECK_EQ(tsend(init, r, 1, "x"), -EPERM);
    CHECK_EQ(tcall(init, r, u, u, 0), -EPERM);
    /* without MANAGE */
    CHECK_EQ(tfilter(init, s, 0, 0, 0), -EPERM);
    CHECK_EQ(tbind(init, s, "name", PORT_SEND), -EPERM);
    CHECK_EQ(tunbind(init, r, "name"), -EPERM);
    /* each right works */
    CHECK_EQ(tsend(init, s, 1, "via send"), 0);
    trecv_expect(init, r, 1, "via send");
    CHECK_EQ(tfilter(init, m, 0, 0, 0), 0);
    CHECK_EQ(tbind(init, m, "name", PORT_SEND), 0);
    CHECK_EQ(tunbind(init, m, "name"), 0);
    tclose(init, s);
    tclose(init, r);
    tclose(init, m);
    tclose(init, fd);
}

TEST(port_derive_never_adds_rights)
{
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND | PORT_GRANT);
    CHECK(s > 0);
    CHECK_EQ(tderive(init, s, PORT_SEND | PORT_RECEIVE), -EPERM);
    CHECK_EQ(tderive(init, s, PORT_MANAGE), -EPERM);
    CHECK_EQ(tderive(init, s, 0x10), -EINVAL);
    CHECK_EQ(tsys(init, SYS_port_derive, s, (long)PORT_SEND, 1L), -EINVAL);
    long ss = tderive(init, s, PORT_SEND);
    CHECK_EQ(tinfo(init, ss).rights, PORT_SEND);
    long none = tderive(init, ss, 0);
    CHECK_EQ(tinfo(init, none).rights, 0);
    CHECK_EQ(tsend(init, none, 1, "x"), -EPERM);
    long ce = tsys(init, SYS_port_derive, s, (long)PORT_SEND, (long)PORT_CLOEXEC);
    CHECK(init->cloexec & ((uint64_t)1 << ce));
    /* a dup shares the capability: no new one */
    uint32_t caps = kstats.ipc[KSTAT_CAP];
    long d = tsys(init, SYS_dup, s);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(tinfo(init, d).rights, PORT_SEND | PORT_GRANT);
    long all[] = { fd, s, ss, none, ce, d };
    for (size_t i = 0; i < ARRAY_SIZE(all); i++)
        tclose(init, all[i]);
}

TEST(port_bad_descriptors)
{
    long fd = tport(init, 0);
    uptr pu = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(tsys(init, SYS_pipe2, (long)pu, 0L), 0);
    int pfd[2];
    memcpy(pfd, uhost(init, pu), sizeof pfd);
    uptr u = ubuf(init, sizeof(struct k_port_msg));
    long bad[] = { -1, 63, 64, pfd[0] };
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        long b = bad[i];
        CHECK_EQ(tsend(init, b, 1, "x"), -EBADF);
        CHECK_EQ(trecv_u(init, b, u, 0, 0), -EBADF);
        CHECK_EQ(tcall(init, b, u, u, 0), -EBADF);
        CHECK_EQ(treply(init, b, 1, "x"), -EBADF);
        CHECK_EQ(tderive(init, b, PORT_SEND), -EBADF);
        CHECK_EQ(tbind(init, b, "n", PORT_SEND), -EBADF);
        CHECK_EQ(tunbind(init, b, "n"), -EBADF);
        CHECK_EQ(tfilter(init, b, 0, 0, 0), -EBADF);
        CHECK_EQ(tsys(init, SYS_port_info, b, (long)u), -EBADF);
    }
    CHECK_EQ(treply(init, fd, 1, "x"), -EBADF);      /* a port is not a reply capability */
    tclose(init, pfd[0]);
    tclose(init, pfd[1]);
    tclose(init, fd);
}

TEST(port_bad_messages)
{
    long fd = tport(init, 0);
    struct k_port_msg m = tmsg(1, "x");
    m.size = PORT_MSG_DATA + 1;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EINVAL);
    m = tmsg(1, "x");
    m.nhandles = PORT_MSG_HANDLES + 1;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EINVAL);
    m = tmsg(1, "x");
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 1, 0), -EINVAL);
    CHECK_EQ(tsend_u(init, fd, 8, 0, 0), -EFAULT);
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 8), -EFAULT);
    CHECK_EQ(tinfo(init, fd).queued, 0);
    CHECK_EQ(tsys(init, SYS_port_info, fd, 8L), -EFAULT);
    /* a receive into a bad buffer loses nothing */
    CHECK_EQ(tsend(init, fd, 5, "kept"), 0);
    CHECK_EQ(trecv_u(init, fd, 8, 0, 0), -EFAULT);
    trecv_expect(init, fd, 5, "kept");
    tclose(init, fd);
}

/* ---- handles in messages -------------------------------------------------------- */

TEST(port_message_carries_handles)
{
    long fd = tport(init, 0), other = tport(init, 0);
    long g1 = tderive(init, other, PORT_SEND | PORT_GRANT);
    long g2 = tderive(init, other, PORT_GRANT | PORT_MANAGE);
    uint32_t caps = kstats.ipc[KSTAT_CAP];
    struct k_port_msg m = tmsg(3, "two");
    m.nhandles = 2;
    m.handles[0] = (int32_t)g1;
    m.handles[1] = (int32_t)g2;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), 0);
    tclose(init, g1);                /* the message keeps them alive */
    tclose(init, g2);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    struct proc *c = tchild();       /* inherits fd and other */
    struct k_port_msg got = trecv_expect(c, fd, 3, "two");
    CHECK_EQ(got.nhandles, 2);
    CHECK_EQ(got.handles[2], -1);
    CHECK_EQ(tinfo(c, got.handles[0]).rights, PORT_SEND | PORT_GRANT);
    CHECK_EQ(tinfo(c, got.handles[1]).rights, PORT_GRANT | PORT_MANAGE);
    CHECK_EQ(tinfo(c, got.handles[0]).id, tinfo(init, other).id);
    /* the received handle works */
    CHECK_EQ(tsend(c, got.handles[0], 4, "through"), 0);
    trecv_expect(init, other, 4, "through");
    texit_reap(c, 0);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps - 2);
    tclose(init, fd);
    tclose(init, other);
    trm("/bin/child");
}

TEST(port_handles_need_grant_and_never_receive)
{
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND);
    long rg = tderive(init, fd, PORT_RECEIVE | PORT_GRANT);
    uptr pu = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(tsys(init, SYS_pipe2, (long)pu, 0L), 0);
    int pfd[2];
    memcpy(pfd, uhost(init, pu), sizeof pfd);
    struct k_port_msg m = tmsg(1, "h");
    m.nhandles = 1;
    m.handles[0] = (int32_t)s;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EPERM);   /* no GRANT */
    m.handles[0] = (int32_t)rg;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EPERM);   /* RECEIVE stays */
    m.handles[0] = fd;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EPERM);
    m.handles[0] = pfd[0];
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EBADF);   /* not a handle */
    m.handles[0] = 50;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), -EBADF);
    CHECK_EQ(tinfo(init, fd).queued, 0);
    tclose(init, pfd[0]);
    tclose(init, pfd[1]);
    tclose(init, s);
    tclose(init, rg);
    tclose(init, fd);
}

TEST(port_receiver_without_room_for_handles)
{
    long fd = tport(init, 0);
    long g = tderive(init, fd, PORT_SEND | PORT_GRANT);
    struct k_port_msg m = tmsg(1, "h");
    m.nhandles = 1;
    m.handles[0] = (int32_t)g;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), 0);
    int last = -1;
    for (long d; (d = tsys(init, SYS_dup, 0L)) >= 0; )
        last = (int)d;
    uptr u = ubuf(init, sizeof m);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), -EMFILE);
    CHECK_EQ(tinfo(init, fd).queued, 1);         /* still there */
    tclose(init, last);
    struct k_port_msg got = trecv_expect(init, fd, 1, "h");
    CHECK_EQ(got.handles[0], last);
    for (int d = 0; d <= last; d++)
        if (d != 0 && d != 1 && d != 2 && d != fd)
            tclose(init, d);
    tclose(init, fd);
}

TEST(port_handles_go_with_a_dropped_message)
{
    uint32_t caps = kstats.ipc[KSTAT_CAP], ports = kstats.ipc[KSTAT_PORT];
    long fd = tport(init, 0), other = tport(init, 0);
    long g = tderive(init, other, PORT_SEND | PORT_GRANT);
    struct k_port_msg m = tmsg(1, "h");
    m.nhandles = 1;
    m.handles[0] = (int32_t)g;
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), 0);
    tclose(init, g);
    tclose(init, other);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports + 2);      /* other lives on, in the message */
    tclose(init, fd);                                 /* fd dies: its queue goes */
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
}

/* ---- the fast path ---------------------------------------------------------------- */

TEST(port_fast_path_hands_the_message_over)
{
    long fd = tport(init, 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, sizeof(struct k_port_msg));
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK(strstr(c->wait_what, "port ") && strstr(c->wait_what, " recv"));
    uint32_t files = kstats.files;
    CHECK_EQ(tsend(init, fd, 11, "direct"), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->call.file != NULL);                      /* the message is in its slot */
    CHECK_EQ(kstats.files, files + 1);
    struct k_port_info pi = tinfo(init, fd);
    CHECK_EQ(pi.queued, 0);
    CHECK_EQ(pi.fastpath, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);             /* the restarted receive */
    struct k_port_msg m = msg_at(c, u);
    CHECK_EQ(m.type, 11);
    CHECK(memcmp(m.data, "direct", 6) == 0);
    CHECK(c->call.file == NULL);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(tinfo(init, fd).received, 1);
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_fast_path_wakes_one_receiver_per_message)
{
    long fd = tport(init, 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, 64), ub = ubuf(b, 64);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), KERN_BLOCK);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "first"), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    CHECK_EQ(b->state, P_BLOCKED);                    /* only the longest waiter */
    CHECK_EQ(tsend(init, fd, 2, "second"), 0);
    CHECK_EQ(b->state, P_RUNNABLE);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), 0);
    CHECK_EQ(msg_at(b, ub).type, 2);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), 0);
    CHECK_EQ(msg_at(a, ua).type, 1);
    CHECK_EQ(tinfo(init, fd).fastpath, 2);
    texit_reap(a, 0);
    texit_reap(b, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_queued_flag_turns_the_fast_path_off)
{
    long fd = tport(init, PORT_QUEUED);
    struct proc *c = tchild();
    uptr u = ubuf(c, 64);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "q"), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK(c->call.file == NULL);
    CHECK_EQ(tinfo(init, fd).queued, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
    CHECK_EQ(msg_at(c, u).type, 1);
    CHECK_EQ(tinfo(init, fd).fastpath, 0);
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_fast_path_receiver_killed_gives_the_message_back)
{
    long fd = tport(init, 0);
    struct proc *a = tchild(), *b = tchild();
    uptr ua = ubuf(a, 64), ub = ubuf(b, 64);
    CHECK_EQ(trecv_u(a, fd, ua, 0, 0), KERN_BLOCK);
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "one"), 0);
    CHECK_EQ(tsend(init, fd, 2, "two"), 0);          /* a holds "one", b "two" */
    tkill_reap(a, SIGKILL);
    CHECK_EQ(tinfo(init, fd).queued, 1);              /* "one" is back, first */
    CHECK_EQ(trecv_u(b, fd, ub, 0, 0), 0);
    CHECK_EQ(msg_at(b, ub).type, 2);
    trecv_expect(b, fd, 1, "one");
    texit_reap(b, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_fast_path_bad_buffer_gives_the_message_back)
{
    long fd = tport(init, 0);
    struct proc *c = tchild();
    CHECK_EQ(trecv_u(c, fd, 8, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "safe"), 0);
    CHECK_EQ(trecv_u(c, fd, 8, 0, 0), -EFAULT);
    CHECK(c->call.file == NULL);
    CHECK_EQ(tinfo(init, fd).queued, 1);
    trecv_expect(c, fd, 1, "safe");
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_fast_path_then_a_signal)
{
    /* A receiver handed a message and then signalled still gets the
     * message: it is runnable, not waiting, so the handler runs after. */
    long fd = tport(init, 0);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, UBASE + 0x100, 0), 0);
    uptr u = ubuf(c, 64);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsend(init, fd, 1, "first"), 0);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
    CHECK_EQ(msg_at(c, u).type, 1);
    CHECK_EQ(thandled(c)[0], SIGUSR1);
    /* interrupted while waiting: EINTR, and nothing is handed over */
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsend(init, fd, 2, "second"), 0);
    CHECK_EQ(tinfo(init, fd).fastpath, 1);
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), -EINTR);
    trecv_expect(c, fd, 2, "second");
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

/* Take the whole kernel heap but a hole of about `hole` bytes. */
static void *hog[1024];
static int nhog;

static void tsqueeze(size_t hole)
{
    void *h = hole ? kalloc(hole) : NULL;
    for (size_t chunk = (size_t)1 << 24; chunk > 0; chunk /= 2)
        while (nhog < 1024 && (hog[nhog] = kalloc(chunk)) != NULL)
            nhog++;
    kfree(h);
}

static void trelease(void)
{
    while (nhog > 0)
        kfree(hog[--nhog]);
}

TEST(port_fast_path_out_of_memory_queues_instead)
{
    /* Grow the hole: first the message itself does not fit (ENOMEM), then
     * it does but the hand-over's file does not (queued), then both do. */
    long fd = tport(init, 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, 64);
    struct k_port_msg m = tmsg(1, "q");
    uptr um = umsg(init, &m);
    bool queued = false, handed = false;
    CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    for (size_t hole = 16; hole < 1024 && !handed; hole += 8) {
        uint64_t fast = tinfo(init, fd).fastpath;
        tsqueeze(hole);
        long r = tsend_u(init, fd, um, 0, 0);
        trelease();
        if (r == -ENOMEM)
            continue;
        CHECK_EQ(r, 0);
        handed = tinfo(init, fd).fastpath > fast;
        queued |= !handed;
        CHECK_EQ(c->state, P_RUNNABLE);
        CHECK_EQ(trecv_u(c, fd, u, 0, 0), 0);
        CHECK_EQ(msg_at(c, u).type, 1);
        if (!handed)
            CHECK_EQ(trecv_u(c, fd, u, 0, 0), KERN_BLOCK);
    }
    CHECK(queued && handed);
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

/* ---- call and reply --------------------------------------------------------------- */

TEST(port_call_and_reply_with_a_waiting_server)
{
    long fd = tport(init, 0);
    struct proc *srv = tchild();
    uptr su = ubuf(srv, 64);
    CHECK_EQ(trecv_u(srv, fd, su, 0, 0), KERN_BLOCK);
    struct k_port_msg q = tmsg(5, "ping");
    uptr req = umsg(init, &q), rep = ubuf(init, 64);
    uint32_t caps = kstats.ipc[KSTAT_CAP], files = kstats.files;
    CHECK_EQ(tcall(init, fd, req, rep, 0), KERN_BLOCK);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps + 1);        /* the reply capability */
    CHECK_EQ(kstats.files, files + 2);                /* the caller's side, the hand-over */
    CHECK(strstr(init->wait_what, " call") != NULL);
    CHECK_EQ(srv->state, P_RUNNABLE);
    CHECK_EQ(trecv_u(srv, fd, su, 0, 0), 0);
    struct k_port_msg got = msg_at(srv, su);
    CHECK_EQ(got.type, 5);
    CHECK_EQ(got.flags, PORT_MSG_CALL);
    CHECK(got.reply >= 3);
    CHECK_EQ(got.sender, 1);
    CHECK_EQ(kstats.files, files + 2);                /* the hand-over became the reply */
    CHECK_EQ(fd_get(srv, got.reply)->type, F_OBJ);
    CHECK_EQ(treply(srv, got.reply, 6, "pong"), 0);
    CHECK_EQ(kstats.files, files + 1);
    CHECK(fd_get(srv, got.reply) == NULL);            /* one-shot: it is gone */
    CHECK_EQ(treply(srv, got.reply, 6, "again"), -EBADF);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(tcall(init, fd, req, rep, 0), 0);        /* the restarted call */
    struct k_port_msg ans = msg_at(init, rep);
    CHECK_EQ(ans.type, 6);
    CHECK(memcmp(ans.data, "pong", 4) == 0);
    CHECK_EQ(ans.sender, srv->pid);
    CHECK_EQ(ans.reply, -1);
    CHECK(init->call.file == NULL);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    texit_reap(srv, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_queued_then_served)
{
    long fd = tport(init, 0);
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    CHECK_EQ(tinfo(init, fd).queued, 1);
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    CHECK_EQ(cl->state, P_BLOCKED);
    /* the answer may carry a handle */
    long g = tderive(init, fd, PORT_SEND | PORT_GRANT);
    struct k_port_msg a = tmsg(2, "ans");
    a.nhandles = 1;
    a.handles[0] = (int32_t)g;
    CHECK_EQ(tsys(init, SYS_port_reply, (long)got.reply, (long)umsg(init, &a)), 0);
    tclose(init, g);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), 0);
    struct k_port_msg ans = msg_at(cl, rep);
    CHECK_EQ(ans.type, 2);
    CHECK_EQ(ans.nhandles, 1);
    CHECK_EQ(tinfo(cl, ans.handles[0]).rights, PORT_SEND | PORT_GRANT);
    texit_reap(cl, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_server_drops_the_reply)
{
    long fd = tport(init, 0);
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    /* the server closes the reply capability */
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    tclose(init, got.reply);
    CHECK_EQ(cl->state, P_RUNNABLE);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), -EPIPE);
    /* the server dies holding it */
    struct proc *srv = tchild();
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    got = trecv_expect(srv, fd, 1, "req");
    tkill_reap(srv, SIGKILL);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), -EPIPE);
    /* the port dies with the call still queued */
    texit_reap(cl, 0);
    long s = tderive(init, fd, PORT_SEND);
    cl = tchild();
    tclose(cl, fd);                   /* cl keeps only the SEND handle */
    CHECK_EQ(tcall(cl, s, req, rep, 0), KERN_BLOCK);
    tclose(init, fd);                 /* the last RECEIVE: the queued call goes */
    CHECK_EQ(cl->state, P_RUNNABLE);
    CHECK_EQ(tcall(cl, s, req, rep, 0), -EPIPE);
    CHECK_EQ(tcall(cl, s, req, rep, 0), -EPIPE);      /* and a dead port takes none */
    texit_reap(cl, 0);
    tclose(init, s);
    trm("/bin/child");
}

TEST(port_call_times_out_and_the_late_reply_fails)
{
    long fd = tport(init, 0);
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64), t = utimeout(cl, 30);
    CHECK_EQ(tcall(cl, fd, req, rep, t), KERN_BLOCK);
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    tclock_advance(10000000);
    CHECK_EQ(cl->state, P_BLOCKED);
    tclock_advance(20000000);
    CHECK_EQ(tcall(cl, fd, req, rep, t), -ETIMEDOUT);
    CHECK(cl->call.file == NULL);
    CHECK_EQ(treply(init, got.reply, 2, "late"), -EPIPE);
    CHECK(fd_get(init, got.reply) == NULL);
    /* a zero timeout still sends, then gives up at its first look */
    uptr t0 = utimeout(cl, 0);
    CHECK_EQ(tcall(cl, fd, req, rep, t0), KERN_BLOCK);
    tclock_advance(1);
    CHECK_EQ(cl->state, P_RUNNABLE);
    CHECK_EQ(tcall(cl, fd, req, rep, t0), -ETIMEDOUT);
    got = trecv_expect(init, fd, 1, "req");
    tclose(init, got.reply);
    texit_reap(cl, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_is_never_restarted)
{
    long fd = tport(init, 0);
    struct proc *cl = tchild();
    CHECK_EQ(tsigaction(cl, SIGUSR1, UBASE + 0x100, SA_RESTART), 0);
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)cl->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), -EINTR);     /* EINTR despite SA_RESTART */
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    CHECK_EQ(treply(init, got.reply, 2, "nobody"), -EPIPE);
    texit_reap(cl, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_caller_killed_leaves_nothing)
{
    long fd = tport(init, 0);
    uint32_t caps = kstats.ipc[KSTAT_CAP];
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    CHECK_EQ(tcall(cl, fd, umsg(cl, &q), ubuf(cl, 64), 0), KERN_BLOCK);
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    tkill_reap(cl, SIGKILL);
    CHECK_EQ(treply(init, got.reply, 2, "x"), -EPIPE);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_waits_for_room_first)
{
    long fd = tport(init, 0);
    for (int i = 0; i < PORT_QUEUE_MAX; i++)
        CHECK_EQ(tsend(init, fd, 0, "fill"), 0);
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    CHECK(strstr(cl->wait_what, " send") != NULL);
    CHECK(cl->call.file == NULL);                     /* nothing sent yet */
    trecv_expect(init, fd, 0, "fill");
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);  /* sent, now waits for the answer */
    CHECK(strstr(cl->wait_what, " call") != NULL);
    for (int i = 1; i < PORT_QUEUE_MAX; i++)
        trecv_expect(init, fd, 0, "fill");
    struct k_port_msg got = trecv_expect(init, fd, 1, "req");
    CHECK_EQ(treply(init, got.reply, 2, "ok"), 0);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), 0);
    CHECK_EQ(msg_at(cl, rep).type, 2);
    texit_reap(cl, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_call_reply_bad_arguments)
{
    long fd = tport(init, 0);
    uptr rep = ubuf(init, 64);
    CHECK_EQ(tcall(init, fd, 8, rep, 0), -EFAULT);
    struct k_port_msg q = tmsg(1, "req");
    q.size = 99;
    CHECK_EQ(tcall(init, fd, umsg(init, &q), rep, 0), -EINVAL);
    CHECK_EQ(tcall(init, fd, umsg(init, &q), rep, 8), -EFAULT);
    CHECK_EQ(tinfo(init, fd).queued, 0);
    /* the answer cannot be copied out: the call fails, the answer is lost */
    struct proc *cl = tchild();
    q = tmsg(1, "req");
    uptr req = umsg(cl, &q);
    CHECK_EQ(tcall(cl, fd, req, 8, 0), KERN_BLOCK);
    struct k_port_msg got;
    /* a call received into a bad buffer stays queued, reply and all */
    CHECK_EQ(trecv_u(init, fd, 8, 0, 0), -EFAULT);
    CHECK_EQ(tinfo(init, fd).queued, 1);
    CHECK_EQ(cl->state, P_BLOCKED);
    got = trecv_expect(init, fd, 1, "req");
    /* a bad reply message keeps the capability for another try */
    CHECK_EQ(tsys(init, SYS_port_reply, (long)got.reply, 8L), -EFAULT);
    CHECK(fd_get(init, got.reply) != NULL);
    CHECK_EQ(treply(init, got.reply, 2, "ok"), 0);
    CHECK_EQ(tcall(cl, fd, req, 8, 0), -EFAULT);
    texit_reap(cl, 0);
    tclose(init, fd);
    trm("/bin/child");
}

static long treply_recv(struct proc *p, long reply, uptr answer, long fd, uptr m, long flags)
{
    return tsys(p, SYS_port_reply_recv, reply, (long)answer, fd, (long)m, flags, 0L);
}

TEST(port_reply_recv_is_a_server_loop)
{
    long fd = tport(init, 0);
    struct proc *srv = tchild();
    uptr sm = ubuf(srv, 64);
    CHECK_EQ(treply_recv(srv, -1, sm, fd, sm, 0), KERN_BLOCK);     /* nothing to answer yet */
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "one");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    CHECK_EQ(treply_recv(srv, -1, sm, fd, sm, 0), 0);
    struct k_port_msg got = msg_at(srv, sm);
    CHECK_EQ(got.type, 1);
    /* answer (in place: the same buffer) and wait for the next, in one call */
    long reply = got.reply;
    CHECK_EQ(treply_recv(srv, reply, sm, fd, sm, 0), KERN_BLOCK);
    CHECK(fd_get(srv, reply) == NULL);                /* the answer went */
    CHECK_EQ(tcall(cl, fd, req, rep, 0), 0);
    CHECK_EQ(msg_at(cl, rep).type, 1);
    CHECK(memcmp(msg_at(cl, rep).data, "one", 3) == 0);
    /* the re-issued call only receives: it must not answer again */
    struct k_port_msg q2 = tmsg(2, "two");
    uptr req2 = umsg(cl, &q2);
    CHECK_EQ(tcall(cl, fd, req2, rep, 0), KERN_BLOCK);
    CHECK_EQ(treply_recv(srv, reply, sm, fd, sm, 0), 0);
    got = msg_at(srv, sm);
    CHECK_EQ(got.type, 2);
    CHECK_EQ(got.reply, reply);                       /* the lowest free descriptor again */
    /* a caller that has gone does not stop the receive */
    tkill_reap(cl, SIGKILL);
    CHECK_EQ(tsend(init, fd, 3, "three"), 0);
    CHECK_EQ(treply_recv(srv, got.reply, sm, fd, sm, 0), 0);
    CHECK_EQ(msg_at(srv, sm).type, 3);
    texit_reap(srv, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_reply_recv_bad_arguments)
{
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND);
    uptr m = ubuf(init, 64);
    CHECK_EQ(tsend(init, fd, 1, "queued"), 0);
    /* a bad reply handle: nothing is received */
    CHECK_EQ(treply_recv(init, 40, m, fd, m, 0), -EBADF);
    CHECK_EQ(treply_recv(init, fd, m, fd, m, 0), -EBADF);
    CHECK_EQ(tinfo(init, fd).queued, 1);
    /* a call to answer, then checks on the receiving side come first */
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(2, "call");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    trecv_expect(init, fd, 1, "queued");
    struct k_port_msg got = trecv_expect(init, fd, 2, "call");
    CHECK_EQ(treply_recv(init, got.reply, m, s, m, 0), -EPERM);    /* no RECEIVE */
    CHECK_EQ(treply_recv(init, got.reply, m, 50, m, 0), -EBADF);
    CHECK_EQ(treply_recv(init, got.reply, m, fd, m, 7), -EINVAL);
    CHECK(fd_get(init, got.reply) != NULL);           /* not answered */
    CHECK_EQ(treply_recv(init, got.reply, 8, fd, m, 0), -EFAULT);
    CHECK(fd_get(init, got.reply) != NULL);
    CHECK_EQ(treply_recv(init, got.reply, m, fd, m, PORT_NONBLOCK), -EAGAIN);
    CHECK(fd_get(init, got.reply) == NULL);           /* answered, then found nothing */
    CHECK_EQ(tcall(cl, fd, req, rep, 0), 0);
    texit_reap(cl, 0);
    tclose(init, s);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_reply_recv_interrupted_after_answering)
{
    long fd = tport(init, 0);
    struct proc *srv = tchild(), *cl = tchild();
    CHECK_EQ(tsigaction(srv, SIGUSR1, UBASE + 0x100, SA_RESTART), 0);
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    struct k_port_msg got = trecv_expect(srv, fd, 1, "req");
    uptr sm = umsg(srv, &got);
    CHECK_EQ(treply_recv(srv, got.reply, sm, fd, sm, 0), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)srv->pid, (long)SIGUSR1), 0);
    CHECK_EQ(treply_recv(srv, got.reply, sm, fd, sm, 0), -EINTR);  /* never restarted */
    CHECK_EQ(tcall(cl, fd, req, rep, 0), 0);                        /* the answer went */
    CHECK_EQ(msg_at(cl, rep).type, 1);
    texit_reap(cl, 0);
    texit_reap(srv, 0);
    tclose(init, fd);
    trm("/bin/child");
}

/* ---- the filter ---------------------------------------------------------------------- */

TEST(port_filter_types_and_size)
{
    long fd = tport(init, 0);
    CHECK_EQ(tfilter(init, fd, (1u << 1) | (1u << 3), 4, 0), 0);
    CHECK_EQ(tsend(init, fd, 1, "ok"), 0);
    CHECK_EQ(tsend(init, fd, 3, "four"), 0);
    CHECK_EQ(tsend(init, fd, 2, "no"), -EACCES);
    CHECK_EQ(tsend(init, fd, 64, "no"), -EACCES);
    CHECK_EQ(tsend(init, fd, 3, "fives"), -EACCES);
    struct k_port_msg q = tmsg(7, "call");
    CHECK_EQ(tcall(init, fd, umsg(init, &q), ubuf(init, 64), 0), -EACCES);
    struct k_port_info pi = tinfo(init, fd);
    CHECK_EQ(pi.refused, 4);
    CHECK_EQ(pi.sent, 2);
    CHECK_EQ(pi.filter.types, (1u << 1) | (1u << 3));
    CHECK_EQ(pi.filter.maxsize, 4);
    CHECK_EQ(tfilter(init, fd, 0, PORT_MSG_DATA + 1, 0), -EINVAL);
    CHECK_EQ(tsys(init, SYS_port_set_filter, fd, 8L), -EFAULT);
    CHECK_EQ(tfilter(init, fd, 0, 0, 0), 0);          /* everything again */
    CHECK_EQ(tsend(init, fd, 63, "anything at all"), 0);
    tclose(init, fd);
}

TEST(port_filter_rate)
{
    long fd = tport(init, 0);
    CHECK_EQ(tfilter(init, fd, 0, 0, 2), 0);          /* 2 per second */
    CHECK_EQ(tsend(init, fd, 1, "a"), 0);
    CHECK_EQ(tsend(init, fd, 1, "b"), 0);             /* a burst of two */
    CHECK_EQ(tsend(init, fd, 1, "c"), -EAGAIN);
    tclock_advance(400000000);
    CHECK_EQ(tsend(init, fd, 1, "d"), -EAGAIN);
    tclock_advance(100000000);                        /* half a second: one more */
    CHECK_EQ(tsend(init, fd, 1, "e"), 0);
    CHECK_EQ(tsend(init, fd, 1, "f"), -EAGAIN);
    tclock_advance(5000000000ull);                    /* a quiet while: a burst again */
    CHECK_EQ(tsend(init, fd, 1, "g"), 0);
    CHECK_EQ(tsend(init, fd, 1, "h"), 0);
    CHECK_EQ(tsend(init, fd, 1, "i"), -EAGAIN);
    CHECK_EQ(tinfo(init, fd).refused, 4);
    CHECK_EQ(tinfo(init, fd).queued, 5);
    tclose(init, fd);
}

/* ---- names -------------------------------------------------------------------------- */

TEST(port_bind_lookup_unbind)
{
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "echo", PORT_SEND | PORT_GRANT), 0);
    CHECK_STR(tinfo(init, fd).name, "echo");
    struct proc *c = tchild();
    long h = tlookup(c, "echo", 0, 0);
    CHECK(h >= 0);
    CHECK_EQ(tinfo(c, h).rights, PORT_SEND | PORT_GRANT);
    CHECK_EQ(tinfo(c, h).id, tinfo(init, fd).id);
    uptr u = ubuf(c, 64);
    CHECK_EQ(trecv_u(c, h, u, 0, 0), -EPERM);         /* a looked-up handle cannot receive */
    CHECK_EQ(tsend(c, h, 1, "hi"), 0);
    trecv_expect(init, fd, 1, "hi");
    CHECK_EQ(tbind(init, fd, "echo", PORT_SEND), -EEXIST);
    CHECK_EQ(tbind(init, fd, "alias", PORT_SEND), 0);  /* two names, one port */
    CHECK_EQ(tunbind(c, h, "echo"), -EPERM);          /* no MANAGE */
    long other = tport(init, 0);
    CHECK_EQ(tunbind(init, other, "echo"), -EPERM);   /* not its name */
    CHECK_EQ(tunbind(init, fd, "echo"), 0);
    CHECK_EQ(tunbind(init, fd, "echo"), -ENOENT);
    CHECK_EQ(tlookup(c, "echo", 0, 0), -ENOENT);
    CHECK_STR(tinfo(init, fd).name, "alias");
    texit_reap(c, 0);
    tclose(init, other);
    tclose(init, fd);                                 /* "alias" goes with it */
    CHECK_EQ(tlookup(init, "alias", 0, 0), -ENOENT);
    trm("/bin/child");
}

TEST(port_bind_bad_arguments)
{
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND | PORT_MANAGE);
    CHECK_EQ(tbind(init, s, "x", PORT_RECEIVE), -EPERM);    /* more than s has */
    CHECK_EQ(tbind(init, fd, "x", 0x100), -EINVAL);
    CHECK_EQ(tbind(init, fd, "", PORT_SEND), -EINVAL);
    char longname[PORT_NAME_MAX + 1];
    memset(longname, 'n', sizeof longname - 1);
    longname[PORT_NAME_MAX] = '\0';
    CHECK_EQ(tbind(init, fd, longname, PORT_SEND), -ENAMETOOLONG);
    CHECK_EQ(tlookup(init, longname, 0, 0), -ENAMETOOLONG);
    CHECK_EQ(tsys(init, SYS_port_bind, fd, 8L, (long)PORT_SEND), -EFAULT);
    CHECK_EQ(tsys(init, SYS_port_unbind, fd, 8L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_port_lookup, 8L, 0L, 0L), -EFAULT);
    CHECK_EQ(tlookup(init, "x", 1, 0), -EINVAL);
    CHECK_EQ(tlookup(init, "x", 0, 8), -EFAULT);
    /* a dead port cannot be bound */
    tclose(init, fd);
    CHECK_EQ(tbind(init, s, "late", PORT_SEND), -EPIPE);
    CHECK_EQ(tsend(init, s, 1, "x"), -EPIPE);
    tclose(init, s);
}

TEST(port_name_table_fills_up)
{
    long fd = tport(init, 0);
    char name[16];
    for (int i = 0; i < PORT_NAMES_MAX; i++) {
        snprintf(name, sizeof name, "n%d", i);
        CHECK_EQ(tbind(init, fd, name, PORT_SEND), 0);
    }
    CHECK_EQ(tbind(init, fd, "one too many", PORT_SEND), -ENOSPC);
    CHECK_EQ(tunbind(init, fd, "n7"), 0);
    CHECK_EQ(tbind(init, fd, "one too many", PORT_SEND), 0);
    tclose(init, fd);                                 /* every name goes */
    CHECK_EQ(tlookup(init, "n3", 0, 0), -ENOENT);
}

TEST(port_lookup_waits_for_the_name)
{
    struct proc *c = tchild();
    uptr name = ustr(c, "later");
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)name, (long)PORT_WAITNAME, 0L), KERN_BLOCK);
    CHECK_STR(c->wait_what, "port lookup");
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "other", PORT_SEND), 0);
    CHECK_EQ(c->state, P_RUNNABLE);                   /* any bind wakes it ... */
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)name, (long)PORT_WAITNAME, 0L), KERN_BLOCK);
    CHECK_EQ(tbind(init, fd, "later", PORT_SEND), 0);
    long h = tsys(c, SYS_port_lookup, (long)name, (long)PORT_WAITNAME, 0L);
    CHECK(h >= 0);                                    /* ... its own name ends the wait */
    CHECK_EQ(tinfo(c, h).rights, PORT_SEND);
    /* with a timeout */
    uptr never = ustr(c, "never"), t = utimeout(c, 10);
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)never, (long)PORT_WAITNAME, (long)t), KERN_BLOCK);
    tclock_advance(10000000);
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)never, (long)PORT_WAITNAME, (long)t), -ETIMEDOUT);
    texit_reap(c, 0);
    tclose(init, fd);
    trm("/bin/child");
}

TEST(port_lookup_killed_while_waiting)
{
    struct proc *c = tchild();
    CHECK_EQ(tlookup(c, "nobody", PORT_WAITNAME, 0), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    trm("/bin/child");
}

/* ---- death ---------------------------------------------------------------------------- */

TEST(port_dies_with_its_last_receiver)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT];
    long fd = tport(init, 0);
    long s = tderive(init, fd, PORT_SEND);
    CHECK_EQ(tbind(init, fd, "svc", PORT_SEND), 0);
    for (int i = 0; i < PORT_QUEUE_MAX; i++)
        CHECK_EQ(tsend(init, s, 1, "q"), 0);
    struct proc *c = tchild();
    tclose(c, fd);                                    /* c keeps only s */
    struct k_port_msg m = tmsg(2, "blocked");
    uptr um = umsg(c, &m);
    CHECK_EQ(tsend_u(c, s, um, 0, 0), KERN_BLOCK);
    uint64_t heap = kstats.heap_used;
    tclose(init, fd);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsend_u(c, s, um, 0, 0), -EPIPE);
    CHECK(kstats.heap_used < heap);                   /* the queue went */
    CHECK_EQ(tlookup(init, "svc", 0, 0), -ENOENT);    /* and the name */
    CHECK_EQ(tinfo(init, s).receivers, 0);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports + 1);      /* s still holds it */
    texit_reap(c, 0);
    tclose(init, s);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    trm("/bin/child");
}

TEST(port_killed_while_receiving_leaves_nothing)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    struct proc *c = tchild();
    long fd = tport(c, 0);
    CHECK_EQ(tbind(c, fd, "gone", PORT_SEND), 0);
    CHECK_EQ(trecv_u(c, fd, ubuf(c, 64), 0, utimeout(c, 5000)), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 1);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    CHECK_EQ(kstats.timers, 0);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(tlookup(init, "gone", 0, 0), -ENOENT);
    trm("/bin/child");
}

/* ---- port_info, port_list ---------------------------------------------------------------- */

TEST(port_list_walks_the_live_ports)
{
    long a = tport(init, 0), b = tport(init, 0), c = tport(init, 0);
    CHECK_EQ(tbind(init, c, "third", PORT_SEND), 0);
    long bs = tderive(init, b, PORT_SEND);
    tclose(init, b);                                  /* dead: not listed */
    struct k_port_info pi;
    uptr u = ubuf(init, sizeof pi);
    long slot = 0;
    int seen = 0;
    while ((slot = tsys(init, SYS_port_list, slot, (long)u)) > 0) {
        memcpy(&pi, uhost(init, u), sizeof pi);
        CHECK_EQ(pi.id, slot);
        CHECK_EQ(pi.rights, 0);
        seen++;
    }
    CHECK_EQ(seen, 2);
    CHECK_STR(pi.name, "third");
    CHECK_EQ(tsys(init, SYS_port_list, -1L, (long)u), -EINVAL);
    CHECK_EQ(tsys(init, SYS_port_list, 0L, 8L), -EFAULT);
    tclose(init, a);
    tclose(init, bs);
    tclose(init, c);
    CHECK_EQ(tsys(init, SYS_port_list, 0L, (long)u), 0);
}

/* ---- descriptors and memory ---------------------------------------------------------------- */

TEST(port_out_of_descriptors)
{
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "full", PORT_SEND), 0);
    int last = -1;
    for (long d; (d = tsys(init, SYS_dup, 0L)) >= 0; )
        last = (int)d;
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    CHECK_EQ(tport(init, 0), -EMFILE);
    CHECK_EQ(tderive(init, fd, PORT_SEND), -EMFILE);
    CHECK_EQ(tlookup(init, "full", 0, 0), -EMFILE);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    for (int d = 3; d <= last; d++)
        if (d != fd)
            tclose(init, d);
    tclose(init, fd);
}

TEST(port_out_of_memory_everywhere)
{
    /* every call that allocates fails with ENOMEM and leaves nothing */
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "mem", PORT_SEND), 0);
    struct k_port_msg q = tmsg(1, "x");
    uptr um = umsg(init, &q), rep = ubuf(init, 64);
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    uint32_t files = kstats.files;
    tsqueeze(0);
    CHECK_EQ(tport(init, 0), -ENOMEM);
    CHECK_EQ(tderive(init, fd, PORT_SEND), -ENOMEM);
    CHECK_EQ(tlookup(init, "mem", 0, 0), -ENOMEM);
    CHECK_EQ(tsend_u(init, fd, um, 0, 0), -ENOMEM);
    CHECK_EQ(tcall(init, fd, um, rep, 0), -ENOMEM);
    trelease();
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(kstats.files, files);
    CHECK_EQ(tinfo(init, fd).queued, 0);
    /* a port, its capability and its file, failing one after the other */
    bool made = false;
    for (size_t hole = 16; hole < 2048 && !made; hole += 16) {
        tsqueeze(hole);
        long r = tport(init, 0);
        trelease();
        made = r >= 0;
        if (made)
            tclose(init, r);
        else
            CHECK_EQ(r, -ENOMEM);
        CHECK_EQ(kstats.ipc[KSTAT_PORT], ports);
        CHECK_EQ(kstats.files, files);
    }
    CHECK(made);
    tclose(init, fd);
}

TEST(port_call_out_of_memory_at_every_step)
{
    long fd = tport(init, 0);
    struct k_port_msg q = tmsg(1, "x");
    uptr um = umsg(init, &q), rep = ubuf(init, 64);
    uint32_t caps = kstats.ipc[KSTAT_CAP], files = kstats.files;
    uptr t0 = utimeout(init, 0);
    bool sent = false;
    for (size_t hole = 16; hole < 2048 && !sent; hole += 16) {
        tsqueeze(hole);
        long r = tcall(init, fd, um, rep, t0);
        trelease();
        sent = r == KERN_BLOCK;
        if (!sent) {
            CHECK_EQ(r, -ENOMEM);
            CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
            CHECK_EQ(kstats.files, files);
        }
    }
    CHECK(sent);
    tclock_advance(1);
    CHECK_EQ(tcall(init, fd, um, rep, t0), -ETIMEDOUT);
    struct k_port_msg got = trecv_expect(init, fd, 1, "x");
    CHECK_EQ(treply(init, got.reply, 1, "y"), -EPIPE);
    /* the receiving side: no memory for the reply capability's file */
    CHECK_EQ(tcall(init, fd, um, rep, t0), KERN_BLOCK);
    tclock_advance(1);
    CHECK_EQ(tcall(init, fd, um, rep, t0), -ETIMEDOUT);
    uptr u = ubuf(init, 64);
    tsqueeze(0);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), -ENOMEM);
    struct k_port_msg r2 = tmsg(1, "y");
    uptr ur = umsg(init, &r2);
    trelease();
    CHECK_EQ(tinfo(init, fd).queued, 1);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), 0);
    got = msg_at(init, u);
    tsqueeze(0);                /* a reply allocates nothing */
    CHECK_EQ(tsys(init, SYS_port_reply, (long)got.reply, (long)ur), -EPIPE);
    trelease();
    tclose(init, fd);
}
