/*
 * test_port.c - unit tests of ipc/port.c and ipc/cap.c, part one: ports,
 * sending and receiving, every right, derived handles, handles carried in
 * messages, filters, the name table, port_info and port_list.
 * test_port_call.c and test_port_fast.c have the rest.
 */
#include "ipctest.h"

/* ---- ports, sending, receiving -------------------------------------------- */

TEST(port_create_gives_every_right)
{
    uint32_t ports = kstats.ipc[KSTAT_PORT], caps = kstats.ipc[KSTAT_CAP];
    long fd = tport(init, 0);
    CHECK_EQ(fd, 3);
    CHECK_EQ(kstats.ipc[KSTAT_PORT], ports + 1);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps + 1);
    struct k_port_info pi = tpinfo(init, fd);
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
    CHECK_EQ(tpinfo(init, fd).queued, 3);
    struct k_port_msg m = trecv_expect(init, fd, 7, "hello");
    CHECK_EQ(m.sender, 1);
    CHECK_EQ(m.reply, -1);
    CHECK_EQ(m.flags, 0);
    CHECK_EQ(m.nhandles, 0);
    CHECK_EQ(m.handles[0], -1);
    trecv_expect(init, fd, 8, "world");
    trecv_expect(init, fd, 9, "");
    struct k_port_info pi = tpinfo(init, fd);
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
    CHECK_EQ(tpinfo(init, fd).queued, PORT_QUEUE_MAX);
    texit_reap(c, 0);
    tclose(init, fd);
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
    CHECK_EQ(tpinfo(init, s).rights, PORT_SEND);
    CHECK_EQ(tpinfo(init, fd).handles, 4);
    CHECK_EQ(tpinfo(init, fd).receivers, 2);
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
    CHECK_EQ(tpinfo(init, ss).rights, PORT_SEND);
    long none = tderive(init, ss, 0);
    CHECK_EQ(tpinfo(init, none).rights, 0);
    CHECK_EQ(tsend(init, none, 1, "x"), -EPERM);
    long ce = tsys(init, SYS_port_derive, s, (long)PORT_SEND, (long)PORT_CLOEXEC);
    CHECK(init->cloexec & ((uint64_t)1 << ce));
    /* a dup shares the capability: no new one */
    uint32_t caps = kstats.ipc[KSTAT_CAP];
    long d = tsys(init, SYS_dup, s);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps);
    CHECK_EQ(tpinfo(init, d).rights, PORT_SEND | PORT_GRANT);
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
    CHECK_EQ(tpinfo(init, fd).queued, 0);
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
    CHECK_EQ(tpinfo(c, got.handles[0]).rights, PORT_SEND | PORT_GRANT);
    CHECK_EQ(tpinfo(c, got.handles[1]).rights, PORT_GRANT | PORT_MANAGE);
    CHECK_EQ(tpinfo(c, got.handles[0]).id, tpinfo(init, other).id);
    /* the received handle works */
    CHECK_EQ(tsend(c, got.handles[0], 4, "through"), 0);
    trecv_expect(init, other, 4, "through");
    texit_reap(c, 0);
    CHECK_EQ(kstats.ipc[KSTAT_CAP], caps - 2);
    tclose(init, fd);
    tclose(init, other);
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
    CHECK_EQ(tpinfo(init, fd).queued, 0);
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
    CHECK_EQ(tpinfo(init, fd).queued, 1);         /* still there */
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
    struct k_port_info pi = tpinfo(init, fd);
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
    CHECK_EQ(tpinfo(init, fd).refused, 4);
    CHECK_EQ(tpinfo(init, fd).queued, 5);
    tclose(init, fd);
}

/* ---- names -------------------------------------------------------------------------- */

TEST(port_bind_lookup_unbind)
{
    long fd = tport(init, 0);
    CHECK_EQ(tbind(init, fd, "echo", PORT_SEND | PORT_GRANT), 0);
    CHECK_STR(tpinfo(init, fd).name, "echo");
    struct proc *c = tchild();
    long h = tlookup(c, "echo", 0, 0);
    CHECK(h >= 0);
    CHECK_EQ(tpinfo(c, h).rights, PORT_SEND | PORT_GRANT);
    CHECK_EQ(tpinfo(c, h).id, tpinfo(init, fd).id);
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
    CHECK_STR(tpinfo(init, fd).name, "alias");
    texit_reap(c, 0);
    tclose(init, other);
    tclose(init, fd);                                 /* "alias" goes with it */
    CHECK_EQ(tlookup(init, "alias", 0, 0), -ENOENT);
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
    CHECK_EQ(tpinfo(c, h).rights, PORT_SEND);
    /* with a timeout */
    uptr never = ustr(c, "never"), t = utimeout(c, 10);
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)never, (long)PORT_WAITNAME, (long)t), KERN_BLOCK);
    tclock_advance(10000000);
    CHECK_EQ(tsys(c, SYS_port_lookup, (long)never, (long)PORT_WAITNAME, (long)t), -ETIMEDOUT);
    texit_reap(c, 0);
    tclose(init, fd);
}

TEST(port_lookup_killed_while_waiting)
{
    struct proc *c = tchild();
    CHECK_EQ(tlookup(c, "nobody", PORT_WAITNAME, 0), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
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

TEST(port_receive_writes_only_the_data_in_use)
{
    long fd = tport(init, 0);
    struct k_port_msg m = tmsg(5, "hi");
    memset(m.data + 2, 'X', sizeof m.data - 2);      /* the sender's leftovers */
    CHECK_EQ(tsend_u(init, fd, umsg(init, &m), 0, 0), 0);
    struct k_port_msg blank;
    memset(&blank, 0xAA, sizeof blank);
    uptr u = umsg(init, &blank);
    CHECK_EQ(trecv_u(init, fd, u, 0, 0), 0);
    struct k_port_msg got = msg_at(init, u);
    CHECK_EQ(got.type, 5);
    CHECK_EQ(got.size, 2);
    CHECK(memcmp(got.data, "hi", 2) == 0);
    for (size_t i = 2; i < sizeof got.data; i++)
        CHECK_EQ(got.data[i], 0xAA);                 /* untouched, not the X's */
    tclose(init, fd);
}
