/*
 * test_port_call.c - unit tests of port_call, port_reply and
 * port_reply_recv: with the server waiting or not, answers that carry
 * handles, servers that drop the reply capability or die, timeouts,
 * signals, callers that die, and bad arguments.
 */
#include "ipctest.h"

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
}

TEST(port_call_queued_then_served)
{
    long fd = tport(init, 0);
    struct proc *cl = tchild();
    struct k_port_msg q = tmsg(1, "req");
    uptr req = umsg(cl, &q), rep = ubuf(cl, 64);
    CHECK_EQ(tcall(cl, fd, req, rep, 0), KERN_BLOCK);
    CHECK_EQ(tpinfo(init, fd).queued, 1);
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
    CHECK_EQ(tpinfo(cl, ans.handles[0]).rights, PORT_SEND | PORT_GRANT);
    texit_reap(cl, 0);
    tclose(init, fd);
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
    CHECK_EQ(tpinfo(init, fd).queued, 0);
    /* the answer cannot be copied out: the call fails, the answer is lost */
    struct proc *cl = tchild();
    q = tmsg(1, "req");
    uptr req = umsg(cl, &q);
    CHECK_EQ(tcall(cl, fd, req, 8, 0), KERN_BLOCK);
    struct k_port_msg got;
    /* a call received into a bad buffer stays queued, reply and all */
    CHECK_EQ(trecv_u(init, fd, 8, 0, 0), -EFAULT);
    CHECK_EQ(tpinfo(init, fd).queued, 1);
    CHECK_EQ(cl->state, P_BLOCKED);
    got = trecv_expect(init, fd, 1, "req");
    /* a bad reply message keeps the capability for another try */
    CHECK_EQ(tsys(init, SYS_port_reply, (long)got.reply, 8L), -EFAULT);
    CHECK(fd_get(init, got.reply) != NULL);
    CHECK_EQ(treply(init, got.reply, 2, "ok"), 0);
    CHECK_EQ(tcall(cl, fd, req, 8, 0), -EFAULT);
    texit_reap(cl, 0);
    tclose(init, fd);
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
    CHECK_EQ(tpinfo(init, fd).queued, 1);
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
}
