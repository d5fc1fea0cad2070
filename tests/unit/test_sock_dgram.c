/*
 * test_sock_dgram.c - unit tests of ipc/sock_dgram.c and ipc/sock_io.c:
 * datagrams (boundaries, truncation and MSG_TRUNC, the sender's address,
 * a full queue that waits or fails, EMSGSIZE, a receiver gone),
 * SOCK_SEQPACKET over a connection, sendmsg and recvmsg with several
 * buffers and every bad header, and processes killed while they wait.
 */
#include "ipctest.h"

/* ---- datagrams ---------------------------------------------------------------------- */

TEST(sock_dgram_boundaries_and_truncation)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    CHECK_EQ(tsock_send(init, sv[0], "first", 0), 5);
    CHECK_EQ(tsock_send(init, sv[0], "second", 0), 6);
    CHECK_EQ(tsock_send(init, sv[0], "", 0), 0);               /* an empty datagram is one */
    CHECK_EQ(tsock_send(init, sv[0], "truncated", 0), 9);
    tsock_expect(init, sv[1], "first");
    char got[16];
    CHECK_EQ(tsock_recv(init, sv[1], 3, 0, got), 3);          /* the rest is lost */
    CHECK_STR(got, "sec");
    CHECK_EQ(tsock_recv(init, sv[1], 10, MSG_DONTWAIT, NULL), 0);
    struct trecvd g = trecv_msg(init, sv[1], 4, 0, MSG_PEEK);
    CHECK_EQ(g.r, 4);
    CHECK_EQ(g.flags, MSG_TRUNC);
    CHECK_EQ(tsock_recv(init, sv[1], 4, MSG_TRUNC, got), 9);   /* its real length */
    CHECK_STR(got, "trun");
    CHECK_EQ(tsock_recv(init, sv[1], 10, MSG_DONTWAIT, NULL), -EAGAIN);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(sock_dgram_sendto_recvfrom_addresses)
{
    long srv = tsock(init, SOCK_DGRAM), cli = tsock(init, SOCK_DGRAM), anon = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, srv, "/tmp/srv"), 0);
    CHECK_EQ(tbind_path(init, cli, "/tmp/cli"), 0);
    CHECK_EQ(tsock_send(init, anon, "x", 0), -ENOTCONN);
    CHECK_EQ(tsendto(init, cli, "from cli", "/tmp/srv"), 8);
    CHECK_EQ(tsendto(init, anon, "from anon", "/tmp/srv"), 9);
    CHECK_EQ(tsendto(init, anon, "x", "/tmp/none"), -ENOENT);
    struct k_sockaddr_un a;
    uptr u = ubuf(init, sizeof a), buf = ubuf(init, 32);
    int32_t len = sizeof a;
    uptr lp = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_recvfrom, srv, (long)buf, 32L, 0L, (long)u, (long)lp), 8);
    CHECK_EQ(*(int32_t *)uhost(init, lp), SUN_PATH_OFFSET + 9);
    memcpy(&a, uhost(init, u), sizeof a);
    CHECK_STR(a.sun_path, "/tmp/cli");
    /* an unbound sender has no address: length 0, as on Linux */
    *(int32_t *)uhost(init, lp) = sizeof a;
    CHECK_EQ(tsys(init, SYS_recvfrom, srv, (long)buf, 32L, 0L, (long)u, (long)lp), 9);
    CHECK_EQ(*(int32_t *)uhost(init, lp), 0);
    /* bad address buffers lose nothing */
    CHECK_EQ(tsendto(init, cli, "again", "/tmp/srv"), 5);
    CHECK_EQ(tsys(init, SYS_recvfrom, srv, (long)buf, 32L, 0L, (long)u, 8L), -EFAULT);
    *(int32_t *)uhost(init, lp) = -1;
    CHECK_EQ(tsys(init, SYS_recvfrom, srv, (long)buf, 32L, 0L, (long)u, (long)lp), -EINVAL);
    tsock_expect(init, srv, "again");
    /* a stream refuses an address */
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsendto(init, sv[0], "x", "/tmp/srv"), -EISCONN);
    long s = tsock(init, SOCK_STREAM);
    CHECK_EQ(tsendto(init, s, "x", "/tmp/srv"), -EOPNOTSUPP);
    CHECK_EQ(tsock_send(init, s, "x", MSG_NOSIGNAL), -ENOTCONN);
    CHECK_EQ(tsock_recv(init, s, 4, 0, NULL), -EINVAL);
    tclose(init, s);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    tclose(init, srv);
    tclose(init, cli);
    tclose(init, anon);
    CHECK_EQ(tunlink("/tmp/srv"), 0);
    CHECK_EQ(tunlink("/tmp/cli"), 0);
}

/* Linux's queue holds 11 datagrams (net.unix.max_dgram_qlen 10). */
TEST(sock_dgram_full_queue_waits)
{
    long srv = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, srv, "/tmp/srv"), 0);
    struct proc *c = tchild();
    long cli = tsock(c, SOCK_DGRAM);
    for (int i = 0; i < 11; i++)
        CHECK_EQ(tsendto(c, cli, "m", "/tmp/srv"), 1);
    long len;
    uptr a = taddr(c, "/tmp/srv", &len);
    uptr m = ustr(c, "last");
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, (long)MSG_DONTWAIT, (long)a, len), -EAGAIN);
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, 0L, (long)a, len), KERN_BLOCK);
    CHECK_STR(c->wait_what, "sock 1 send");
    tsock_expect(init, srv, "m");
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, 0L, (long)a, len), 4);
    /* a sender killed while it waits leaves nothing */
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, 0L, (long)a, len), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.waiters, 0);
    /* the receiver gone: its waiting senders wake and are refused */
    c = tchild();
    tclose(c, srv);
    cli = tsock(c, SOCK_DGRAM);
    a = taddr(c, "/tmp/srv", &len);
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, 0L, (long)a, len), KERN_BLOCK);
    tclose(init, srv);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_sendto, cli, (long)m, 4L, 0L, (long)a, len), -ECONNREFUSED);
    texit_reap(c, 0);
    CHECK_EQ(tunlink("/tmp/srv"), 0);
}

TEST(sock_dgram_sizes)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    size_t max = 212992 - 32;
    uptr big = ubuf(init, max + 1);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)big, (long)max + 1, 0L, 0L, 0L), -EMSGSIZE);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)big, (long)max, 0L, 0L, 0L), (long)max);
    /* the receiver's SO_RCVBUF bounds the queue's bytes */
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)big, 100L, (long)MSG_DONTWAIT, 0L, 0L),
             -EAGAIN);
    CHECK_EQ(tsock_recv(init, sv[1], 1, 0, NULL), 1);
    for (int i = 0; i < 11; i++)
        CHECK_EQ(tsock_send(init, sv[0], "m", 0), 1);
    CHECK_EQ(tpoll(init, sv[0], POLLOUT), 0);
    CHECK_EQ(tsock_recv(init, sv[1], 1, 0, NULL), 1);
    CHECK_EQ(tpoll(init, sv[0], POLLOUT), POLLOUT);
    CHECK_EQ(tsetopt(init, sv[0], SO_SNDBUF, 3000), 0);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)big, 6000L, 0L, 0L, 0L), -EMSGSIZE);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)big, 5968L, 0L, 0L, 0L), 5968);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* A datagram socket whose default peer has gone: ECONNREFUSED once, then
 * it is disconnected; either side's shutdown is EPIPE, without SIGPIPE. */
TEST(sock_dgram_peer_gone_and_shutdown)
{
    long a = tsock(init, SOCK_DGRAM), b = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, a, "/tmp/a"), 0);
    CHECK_EQ(tconnect_path(init, b, "/tmp/a"), 0);
    CHECK_EQ(tsys(init, SYS_shutdown, b, (long)SHUT_WR), 0);
    CHECK_EQ(tsock_send(init, b, "x", 0), -EPIPE);
    CHECK_EQ(thandled(init)[0], 0);
    long c = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tsys(init, SYS_shutdown, a, (long)SHUT_RD), 0);
    CHECK_EQ(tsendto(init, c, "x", "/tmp/a"), -EPIPE);
    CHECK_EQ(tsock_recv(init, a, 4, 0, NULL), 0);
    CHECK_EQ(tpoll(init, a, POLLIN | POLLRDHUP), POLLIN | POLLRDHUP);
    CHECK_EQ(tconnect_path(init, c, "/tmp/a"), 0);
    tclose(init, a);
    CHECK_EQ(tsock_send(init, c, "x", 0), -ECONNREFUSED);
    CHECK_EQ(tsock_send(init, c, "x", 0), -ENOTCONN);
    tclose(init, b);
    tclose(init, c);
    CHECK_EQ(tunlink("/tmp/a"), 0);
}

TEST(sock_dgram_recv_waits_and_killed)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 8L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(tsock_send(init, sv[0], "hey", 0), 3);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 8L, 0L, 0L, 0L), 3);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 8L, 0L, 0L, 0L), KERN_BLOCK);
    tkill_reap(c, SIGKILL);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- SOCK_SEQPACKET ------------------------------------------------------------------ */

TEST(sock_seqpacket_records_and_end)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_SEQPACKET, sv), 0);
    CHECK_EQ(tsock_send(init, sv[0], "abc", 0), 3);
    CHECK_EQ(tsock_send(init, sv[0], "de", 0), 2);
    char got[8];
    CHECK_EQ(tsock_recv(init, sv[1], 2, 0, got), 2);
    CHECK_STR(got, "ab");
    tsock_expect(init, sv[1], "de");
    /* an address is ignored */
    CHECK_EQ(tsendto(init, sv[0], "x", "/nowhere"), 1);
    tsock_expect(init, sv[1], "x");
    /* shutdown and close: EOF and EPIPE, no SIGPIPE */
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], (long)SHUT_WR), 0);
    CHECK_EQ(tsock_send(init, sv[0], "x", 0), -EPIPE);
    CHECK_EQ(tsock_recv(init, sv[1], 8, 0, NULL), 0);
    CHECK_EQ(tsock_send(init, sv[1], "left", 0), 4);
    tclose(init, sv[1]);
    tsock_expect(init, sv[0], "left");
    CHECK_EQ(tsock_recv(init, sv[0], 8, 0, NULL), 0);
    CHECK_EQ(thandled(init)[0], 0);
    tclose(init, sv[0]);
    long s = tsock(init, SOCK_SEQPACKET);
    CHECK_EQ(tsock_send(init, s, "x", 0), -ENOTCONN);
    CHECK_EQ(tsock_recv(init, s, 8, 0, NULL), -ENOTCONN);
    tclose(init, s);
}

/* ---- sendmsg, recvmsg ------------------------------------------------------------------ */

TEST(sock_msg_iovecs)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_SEQPACKET, sv), 0);
    struct k_iovec iov[3] = {
        { ustr(init, "one "), 4 }, { ustr(init, ""), 0 }, { ustr(init, "two"), 3 },
    };
    struct k_msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = ubytes(init, iov, sizeof iov);
    mh.msg_iovlen = 3;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &mh, sizeof mh), 0L), 7);
    uptr b1 = ubuf(init, 2), b2 = ubuf(init, 8);
    struct k_iovec in[2] = { { b1, 2 }, { b2, 8 } };
    mh.msg_iov = ubytes(init, in, sizeof in);
    mh.msg_iovlen = 2;
    uptr h = ubytes(init, &mh, sizeof mh);
    CHECK_EQ(tsys(init, SYS_recvmsg, (long)sv[1], (long)h, 0L), 7);
    CHECK(memcmp(uhost(init, b1), "on", 2) == 0);
    CHECK(memcmp(uhost(init, b2), "e two", 5) == 0);
    CHECK_EQ(((struct k_msghdr *)uhost(init, h))->msg_flags, 0);
    /* bad headers */
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], 8L, 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_recvmsg, (long)sv[1], 8L, 0L), -EFAULT);
    mh.msg_iovlen = UIO_MAXIOV + 1;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &mh, sizeof mh), 0L),
             -EMSGSIZE);
    mh.msg_iov = 8;
    mh.msg_iovlen = 2;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &mh, sizeof mh), 0L),
             -EFAULT);
    struct k_iovec huge[2] = { { b1, ~0UL >> 1 }, { b2, 8 } };
    mh.msg_iov = ubytes(init, huge, sizeof huge);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &mh, sizeof mh), 0L),
             -EINVAL);
    /* many buffers: more than fit in the header's own */
    struct k_iovec many[20];
    for (int i = 0; i < 20; i++)
        many[i] = (struct k_iovec){ ustr(init, "ab"), 2 };
    mh.msg_iov = ubytes(init, many, sizeof many);
    mh.msg_iovlen = 20;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &mh, sizeof mh), 0L), 40);
    CHECK_EQ(tsock_recv(init, sv[1], 64, 0, NULL), 40);
    /* a receive header that cannot be written back loses nothing */
    uint16_t fam = AF_UNIX;                     /* a sender with an address */
    CHECK_EQ(tsys(init, SYS_bind, (long)sv[0], (long)ubytes(init, &fam, 2), 2L), 0);
    CHECK_EQ(tsock_send(init, sv[0], "kept", 0), 4);
    struct k_iovec one = { b2, 8 };
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = ubytes(init, &one, sizeof one);
    mh.msg_iovlen = 1;
    mh.msg_name = 8;                            /* an address it cannot write */
    mh.msg_namelen = 16;
    CHECK_EQ(tsys(init, SYS_recvmsg, (long)sv[1], (long)ubytes(init, &mh, sizeof mh), 0L),
             -EFAULT);
    mh.msg_name = 0;
    mh.msg_control = 8;                         /* nor control data, for credentials */
    mh.msg_controllen = 64;
    CHECK_EQ(tsetopt(init, sv[1], SO_PASSCRED, 1), 0);
    CHECK_EQ(tsys(init, SYS_recvmsg, (long)sv[1], (long)ubytes(init, &mh, sizeof mh), 0L),
             -EFAULT);
    tsock_expect(init, sv[1], "kept");
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}
