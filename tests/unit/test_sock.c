/*
 * test_sock.c - unit tests of ipc/socket.c and ipc/sock_stream.c: making
 * sockets (every bad argument), socketpair of each type, the byte stream
 * (read and write, partial sends, blocking and waking, MSG_PEEK,
 * MSG_WAITALL, MSG_DONTWAIT, MSG_TRUNC), end of file, EPIPE and SIGPIPE,
 * ECONNRESET, shutdown, poll, options, fstat, and processes killed while
 * they wait leaving nothing behind.
 */
#include "ipctest.h"

/* ---- socket(), socketpair() ------------------------------------------------------ */

TEST(sock_socket_bad_arguments)
{
    CHECK_EQ(tsys(init, SYS_socket, 99L, (long)SOCK_STREAM, 0L), -EAFNOSUPPORT);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_INET, (long)SOCK_STREAM, 0L), -EAFNOSUPPORT);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, 99L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, 11L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, (long)(SOCK_STREAM | 0x1000), 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, (long)SOCK_STREAM, 2L), -EPROTONOSUPPORT);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, (long)SOCK_RDM, 0L), -ESOCKTNOSUPPORT);
    CHECK_EQ(tsys(init, SYS_socket, (long)AF_UNIX, 0L, 0L), -ESOCKTNOSUPPORT);
    CHECK_EQ(kstats.sockets, 0);
    /* protocol PF_UNIX is fine, SOCK_RAW is a datagram socket */
    long fd = tsys(init, SYS_socket, (long)AF_UNIX, (long)SOCK_STREAM, (long)AF_UNIX);
    CHECK_EQ(fd, 3);
    long raw = tsock(init, SOCK_RAW);
    CHECK_EQ(tgetopt(init, raw, SO_TYPE), SOCK_DGRAM);
    CHECK_EQ(kstats.sockets, 2);
    tclose(init, fd);
    tclose(init, raw);
    CHECK_EQ(kstats.sockets, 0);
}

TEST(sock_socketpair_bad_arguments)
{
    int sv[2];
    CHECK_EQ(tsys(init, SYS_socketpair, (long)AF_INET, (long)SOCK_STREAM, 0L,
                  (long)ubuf(init, 8)), -EOPNOTSUPP);
    CHECK_EQ(tsys(init, SYS_socketpair, 7L, (long)SOCK_STREAM, 0L, (long)ubuf(init, 8)),
             -EAFNOSUPPORT);
    CHECK_EQ(tpair(init, 77, sv), -EINVAL);
    CHECK_EQ(tsys(init, SYS_socketpair, (long)AF_UNIX, (long)SOCK_STREAM, 0L, 8L), -EFAULT);
    CHECK_EQ(kstats.sockets, 0);
    CHECK_EQ(kstats.files, 1);                  /* the console only: nothing left */
    for (int fd = 3; fd < NOFILE; fd++)
        CHECK(init->ofile[fd] == NULL);
}

TEST(sock_socketpair_full_table)
{
    int sv[2];
    for (int fd = 3; fd < NOFILE - 1; fd++)
        CHECK_EQ(tsys(init, SYS_dup, 0L), fd);
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), -EMFILE);
    CHECK_EQ(kstats.sockets, 0);
    CHECK(init->ofile[NOFILE - 1] == NULL);
    tclose(init, 3);
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    for (int fd = 4; fd < NOFILE - 1; fd++)
        tclose(init, fd);
}

TEST(sock_out_of_memory)
{
    int sv[2];
    tsqueeze(0);
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), -ENOMEM);
    CHECK_EQ(tsock(init, SOCK_DGRAM), -ENOMEM);
    trelease();
    CHECK_EQ(kstats.sockets, 0);
    /* a first send allocates the ring: out of memory there loses nothing */
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    tsqueeze(64);
    CHECK_EQ(tsock_send(init, sv[0], "x", 0), -ENOMEM);
    trelease();
    CHECK_EQ(tsock_send(init, sv[0], "x", 0), 1);
    tsock_expect(init, sv[1], "x");
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(sock_fstat_and_not_a_socket)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM | SOCK_CLOEXEC, sv), 0);
    struct k_stat st;
    uptr u = ubuf(init, sizeof st);
    CHECK_EQ(tsys(init, SYS_fstat, (long)sv[0], (long)u), 0);
    memcpy(&st, uhost(init, u), sizeof st);
    CHECK_EQ(st.st_mode, S_IFSOCK | 0777);
    CHECK_EQ(tsys(init, SYS_fcntl, (long)sv[0], (long)F_GETFD, 0L), FD_CLOEXEC);
    CHECK_EQ(tsys(init, SYS_lseek, (long)sv[0], 0L, (long)SEEK_SET), -ESPIPE);
    /* socket calls on something else, or nothing */
    CHECK_EQ(tsys(init, SYS_listen, 0L, 1L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_accept4, 0L, 0L, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_shutdown, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_shutdown, 40L, 0L), -EBADF);
    CHECK_EQ(tsys(init, SYS_shutdown, -1L, 0L), -EBADF);
    CHECK_EQ(tsys(init, SYS_sendto, 99L, 0L, 0L, 0L, 0L, 0L), -EBADF);
    CHECK_EQ(tsys(init, SYS_recvfrom, 0L, 0L, 0L, 0L, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_recvmsg, 0L, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_getsockname, 0L, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_getsockopt, 0L, 1L, 3L, 0L, 0L), -ENOTSOCK);
    CHECK_EQ(tsys(init, SYS_setsockopt, 0L, 1L, 3L, 0L, 0L), -ENOTSOCK);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- the byte stream ----------------------------------------------------------------- */

TEST(sock_stream_pair_both_ways)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(kstats.sockets, 2);
    CHECK_EQ(twrite(init, sv[0], "hello"), 5);
    CHECK_EQ(twrite(init, sv[1], "back"), 4);
    char got[16];
    uptr u = ubuf(init, 16);
    CHECK_EQ(tsys(init, SYS_read, (long)sv[1], (long)u, 3L), 3);
    CHECK(memcmp(uhost(init, u), "hel", 3) == 0);
    CHECK_EQ(tsock_recv(init, sv[1], 15, 0, got), 2);
    CHECK_STR(got, "lo");
    tsock_expect(init, sv[0], "back");
    /* a stream keeps no boundaries: two sends, one receive */
    CHECK_EQ(tsock_send(init, sv[0], "ab", 0), 2);
    CHECK_EQ(tsock_send(init, sv[0], "cd", 0), 2);
    tsock_expect(init, sv[1], "abcd");
    /* empty reads and writes */
    CHECK_EQ(tsock_send(init, sv[0], "", 0), 0);
    CHECK_EQ(tsock_recv(init, sv[1], 10, MSG_DONTWAIT, NULL), -EAGAIN);
    CHECK_EQ(tsys(init, SYS_read, (long)sv[1], (long)u, -1L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], (long)u, -1L, 0L, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_recvfrom, (long)sv[0], (long)u, -1L, 0L, 0L, 0L), -EINVAL);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK_EQ(kstats.sockets, 0);
}

TEST(sock_stream_bad_buffers_lose_nothing)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsys(init, SYS_write, (long)sv[0], 8L, 4L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_sendto, (long)sv[0], 8L, 4L, 0L, 0L, 0L), -EFAULT);
    CHECK_EQ(twrite(init, sv[0], "data"), 4);
    CHECK_EQ(tsys(init, SYS_read, (long)sv[1], 8L, 4L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_recvfrom, (long)sv[1], (long)ubuf(init, 4), 4L, 0L,
                  (long)ubuf(init, 16), 8L), -EFAULT);
    tsock_expect(init, sv[1], "data");
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(sock_stream_peek_waitall_trunc)
{
    int sv[2];
    char got[64];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsock_send(init, sv[0], "abcdef", 0), 6);
    CHECK_EQ(tsock_recv(init, sv[1], 3, MSG_PEEK, got), 3);
    CHECK_STR(got, "abc");
    CHECK_EQ(tsock_recv(init, sv[1], 2, MSG_TRUNC, NULL), 2);   /* discarded */
    CHECK_EQ(tsock_recv(init, sv[1], 10, MSG_WAITALL | MSG_DONTWAIT, NULL), -EAGAIN);
    /* MSG_WAITALL waits for all it asks for */
    struct proc *c = tchild();
    uptr u = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 6L, (long)MSG_WAITALL, 0L, 0L),
             KERN_BLOCK);
    CHECK_EQ(tsock_send(init, sv[0], "g", 0), 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 6L, (long)MSG_WAITALL, 0L, 0L),
             KERN_BLOCK);
    CHECK_EQ(tsock_send(init, sv[0], "hij", 0), 3);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 6L, (long)MSG_WAITALL, 0L, 0L), 6);
    CHECK(memcmp(uhost(c, u), "cdefgh", 6) == 0);
    /* ... unless the peer is done */
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], (long)SHUT_WR), 0);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 6L, (long)MSG_WAITALL, 0L, 0L), 2);
    CHECK(memcmp(uhost(c, u), "ij", 2) == 0);
    texit_reap(c, 0);
    CHECK_EQ(tsock_send(init, sv[0], "x", MSG_OOB), -EOPNOTSUPP);
    CHECK_EQ(tsock_recv(init, sv[1], 1, MSG_OOB, NULL), -EINVAL);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* A writer fills the buffer (SO_RCVBUF of the receiver), gets a partial
 * count, then waits; a reader makes room and wakes it. */
TEST(sock_stream_full_buffer_blocks_and_wakes)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsetopt(init, sv[1], SO_RCVBUF, 4096), 0);
    CHECK_EQ(tgetopt(init, sv[1], SO_RCVBUF), 8192);
    size_t big = 20000;
    struct proc *w = tchild(), *c = tchild();
    uptr buf = ubuf(w, big);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[0], (long)buf, (long)big), 8192);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[0], (long)buf, 1L), KERN_BLOCK);
    CHECK_STR(w->wait_what, "sock 2 send");
    CHECK_EQ(tpoll(c, sv[0], POLLOUT), 0);
    CHECK_EQ(tsys(c, SYS_sendto, (long)sv[0], (long)ubuf(c, 10), 10L, (long)MSG_DONTWAIT,
                  0L, 0L), -EAGAIN);
    uptr r = ubuf(c, 100);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)r, 100L), 100);
    CHECK_EQ(w->state, P_RUNNABLE);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[0], (long)buf, 1L), 1);
    /* non-blocking through the file's flag */
    CHECK_EQ(tsys(w, SYS_fcntl, (long)sv[0], (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[0], (long)buf, (long)big), 99);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[0], (long)buf, 1L), -EAGAIN);
    texit_reap(c, 0);
    texit_reap(w, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(sock_stream_recv_blocks_and_wakes)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), KERN_BLOCK);
    CHECK_STR(c->wait_what, "sock 2 recv");
    CHECK_EQ(kstats.waiters, 1);
    CHECK_EQ(twrite(init, sv[0], "wake"), 4);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), 4);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(sock_stream_eof_epipe_sigpipe)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *c = tchild();
    CHECK_EQ(twrite(init, sv[0], "last"), 4);
    tclose(init, sv[0]);
    tclose(c, sv[0]);               /* the child's copy too: the end is closed */
    CHECK_EQ(tsigaction(c, SIGPIPE, HANDLER, 0), 0);
    tsock_expect(c, sv[1], "last");
    CHECK_EQ(tsock_recv(c, sv[1], 8, 0, NULL), 0);          /* end of file, not a wait */
    CHECK_EQ(tsock_recv(c, sv[1], 8, 0, NULL), 0);
    CHECK_EQ(tsock_send(c, sv[1], "x", MSG_NOSIGNAL), -EPIPE);
    CHECK_EQ(thandled(c)[0], 0);
    CHECK_EQ(tsock_send(c, sv[1], "x", 0), -EPIPE);
    CHECK_EQ(thandled(c)[0], SIGPIPE);
    CHECK_EQ(tpoll(c, sv[1], POLLIN | POLLOUT | POLLRDHUP),
             POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
    texit_reap(c, 0);
    tclose(init, sv[1]);
    CHECK_EQ(kstats.sockets, 0);
}

/* Closing with unread data resets the peer: ECONNRESET once, then EOF. */
TEST(sock_stream_close_with_unread_data_resets)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(twrite(init, sv[0], "unread"), 6);
    CHECK_EQ(twrite(init, sv[1], "mine"), 4);
    tclose(init, sv[1]);
    CHECK_EQ(tpoll(init, sv[0], POLLIN), POLLIN | POLLERR | POLLHUP);
    tsock_expect(init, sv[0], "mine");
    CHECK_EQ(tsock_recv(init, sv[0], 8, 0, NULL), -ECONNRESET);
    CHECK_EQ(tsock_recv(init, sv[0], 8, 0, NULL), 0);
    tclose(init, sv[0]);
}

TEST(sock_stream_peer_close_wakes_reader_and_writer)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *r = tchild(), *w = tchild();
    tclose(r, sv[0]);
    tclose(w, sv[0]);
    CHECK_EQ(tsetopt(init, sv[0], SO_RCVBUF, 1), 0);        /* 2304 bytes */
    uptr big = ubuf(w, 4096);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[1], (long)big, 4096L), 2304);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[1], (long)big, 4096L), KERN_BLOCK);
    uptr u = ubuf(r, 8);
    CHECK_EQ(tsys(r, SYS_read, (long)sv[1], (long)u, 8L), KERN_BLOCK);
    tclose(init, sv[0]);
    CHECK_EQ(r->state, P_RUNNABLE);
    CHECK_EQ(w->state, P_RUNNABLE);
    CHECK_EQ(tsys(r, SYS_read, (long)sv[1], (long)u, 8L), -ECONNRESET);   /* unread data */
    CHECK_EQ(tsys(w, SYS_sendto, (long)sv[1], (long)big, 1L, (long)MSG_NOSIGNAL, 0L, 0L),
             -EPIPE);
    texit_reap(r, 0);
    texit_reap(w, 0);
    tclose(init, sv[1]);
}

/* ---- shutdown --------------------------------------------------------------------------- */

TEST(sock_shutdown_directions)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], 3L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], -1L), -EINVAL);
    CHECK_EQ(twrite(init, sv[1], "xy"), 2);
    /* SHUT_RD: queued data is still read, then EOF; the peer's writes EPIPE */
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], (long)SHUT_RD), 0);
    tsock_expect(init, sv[0], "xy");
    CHECK_EQ(tsock_recv(init, sv[0], 8, 0, NULL), 0);
    CHECK_EQ(tsock_send(init, sv[1], "z", MSG_NOSIGNAL), -EPIPE);
    CHECK_EQ(tpoll(init, sv[0], POLLIN | POLLRDHUP), POLLIN | POLLRDHUP);
    /* SHUT_WR: our writes EPIPE, the peer reads EOF */
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], (long)SHUT_WR), 0);
    CHECK_EQ(tsock_send(init, sv[0], "z", MSG_NOSIGNAL), -EPIPE);
    CHECK_EQ(tsock_recv(init, sv[1], 8, 0, NULL), 0);
    CHECK_EQ(tpoll(init, sv[0], POLLIN | POLLOUT), POLLIN | POLLHUP | POLLOUT);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    /* an unconnected socket takes it, as on Linux */
    long s = tsock(init, SOCK_STREAM);
    CHECK_EQ(tsys(init, SYS_shutdown, s, (long)SHUT_RDWR), 0);
    tclose(init, s);
}

TEST(sock_shutdown_wakes_blocked_reader)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *c = tchild();
    uptr u = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_shutdown, (long)sv[0], (long)SHUT_WR), 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), 0);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- poll -------------------------------------------------------------------------------- */

TEST(sock_poll_events)
{
    long s = tsock(init, SOCK_STREAM), d = tsock(init, SOCK_DGRAM), q = tsock(init, SOCK_SEQPACKET);
    CHECK_EQ(tpoll(init, s, POLLIN | POLLOUT), POLLOUT | POLLHUP);  /* as Linux */
    CHECK_EQ(tpoll(init, d, POLLIN | POLLOUT), POLLOUT);
    CHECK_EQ(tpoll(init, q, POLLIN | POLLOUT), POLLOUT | POLLHUP);
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tpoll(init, sv[0], POLLIN | POLLOUT), POLLOUT);
    CHECK_EQ(twrite(init, sv[1], "x"), 1);
    CHECK_EQ(tpoll(init, sv[0], POLLIN | POLLOUT), POLLIN | POLLOUT);
    /* a poller waits on its socket's queue and on the peer's room */
    struct proc *c = tchild();
    struct k_pollfd pf = { sv[1], POLLIN, 0 };
    uptr u = ubytes(c, &pf, sizeof pf);
    CHECK_EQ(tsys(c, SYS_ppoll, (long)u, 1L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(twrite(init, sv[0], "y"), 1);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_ppoll, (long)u, 1L, 0L, 0L), 1);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    tclose(init, s);
    tclose(init, d);
    tclose(init, q);
}

TEST(sock_poll_out_waits_for_room)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsetopt(init, sv[1], SO_RCVBUF, 1), 0);
    uptr big = ubuf(init, 4096);
    CHECK_EQ(tsys(init, SYS_write, (long)sv[0], (long)big, 4096L), 2304);
    struct proc *c = tchild();
    struct k_pollfd pf = { sv[0], POLLOUT, 0 };
    uptr u = ubytes(c, &pf, sizeof pf);
    CHECK_EQ(tsys(c, SYS_ppoll, (long)u, 1L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(kstats.waiters, 2);                /* its own queue and the peer's */
    CHECK_EQ(tsys(init, SYS_read, (long)sv[1], (long)big, 4096L), 2304);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tsys(c, SYS_ppoll, (long)u, 1L, 0L, 0L), 1);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- options -------------------------------------------------------------------------------- */

TEST(sock_options)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_SEQPACKET, sv), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_TYPE), SOCK_SEQPACKET);
    CHECK_EQ(tgetopt(init, sv[0], SO_SNDBUF), 212992);
    CHECK_EQ(tgetopt(init, sv[0], SO_RCVBUF), 212992);
    CHECK_EQ(tgetopt(init, sv[0], SO_ERROR), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_ACCEPTCONN), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_DOMAIN), AF_UNIX);
    CHECK_EQ(tgetopt(init, sv[0], SO_PROTOCOL), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_PASSCRED), 0);
    CHECK_EQ(tsetopt(init, sv[0], SO_PASSCRED, 1), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_PASSCRED), 1);
    /* sizes are doubled, and kept within Linux's bounds */
    CHECK_EQ(tsetopt(init, sv[0], SO_SNDBUF, 1), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_SNDBUF), 4608);
    CHECK_EQ(tsetopt(init, sv[0], SO_RCVBUF, 1), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_RCVBUF), 2304);
    CHECK_EQ(tsetopt(init, sv[0], SO_RCVBUF, 1 << 30), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_RCVBUF), 425984);
    CHECK_EQ(tsetopt(init, sv[0], SO_SNDBUF, -5), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_SNDBUF), 425984);
    CHECK_EQ(tsetopt(init, sv[0], SO_SNDBUF, 10000), 0);
    CHECK_EQ(tgetopt(init, sv[0], SO_SNDBUF), 20000);
    /* SO_PEERCRED: who made the pair */
    struct k_ucred cred;
    uptr v = ubuf(init, sizeof cred);
    int32_t len = sizeof cred;
    uptr l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockopt, (long)sv[1], (long)SOL_SOCKET, (long)SO_PEERCRED,
                  (long)v, (long)l), 0);
    memcpy(&cred, uhost(init, v), sizeof cred);
    CHECK_EQ(cred.pid, 1);
    CHECK_EQ(cred.uid, 0);
    CHECK_EQ(*(int32_t *)uhost(init, l), (int32_t)sizeof cred);
    /* a short length cuts the value, and says so */
    len = 2;
    l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockopt, (long)sv[1], (long)SOL_SOCKET, (long)SO_TYPE,
                  (long)v, (long)l), 0);
    CHECK_EQ(*(int32_t *)uhost(init, l), 2);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    /* an unconnected socket's peer is nobody */
    long s = tsock(init, SOCK_STREAM);
    len = sizeof cred;
    l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_PEERCRED, (long)v,
                  (long)l), 0);
    memcpy(&cred, uhost(init, v), sizeof cred);
    CHECK_EQ(cred.pid, 0);
    CHECK_EQ(cred.uid, (uint32_t)-1);
    tclose(init, s);
}

TEST(sock_options_bad_arguments)
{
    long s = tsock(init, SOCK_STREAM);
    uptr v = ubuf(init, 8);
    int32_t len = 4;
    uptr l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, 6L, 1L, (long)v, (long)l), -EOPNOTSUPP);
    CHECK_EQ(tsys(init, SYS_setsockopt, s, 6L, 1L, (long)v, 4L), -EOPNOTSUPP);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, 9999L, (long)v, (long)l),
             -ENOPROTOOPT);
    CHECK_EQ(tsys(init, SYS_setsockopt, s, (long)SOL_SOCKET, 9999L, (long)v, 4L),
             -ENOPROTOOPT);
    CHECK_EQ(tsys(init, SYS_setsockopt, s, (long)SOL_SOCKET, (long)SO_TYPE, (long)v, 4L),
             -ENOPROTOOPT);
    CHECK_EQ(tsys(init, SYS_setsockopt, s, (long)SOL_SOCKET, (long)SO_RCVBUF, (long)v, 2L),
             -EINVAL);
    CHECK_EQ(tsys(init, SYS_setsockopt, s, (long)SOL_SOCKET, (long)SO_RCVBUF, 8L, 4L),
             -EFAULT);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_TYPE, (long)v, 8L),
             -EFAULT);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_TYPE, 8L, (long)l),
             -EFAULT);
    len = -1;
    l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_TYPE, (long)v, (long)l),
             -EINVAL);
    tclose(init, s);
}

/* ---- processes killed while they wait ------------------------------------------------------ */

TEST(sock_killed_in_recv_and_send_leaves_nothing)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *r = tchild(), *w = tchild();
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK_EQ(tsetopt(r, sv[0], SO_RCVBUF, 1), 0);
    uptr big = ubuf(w, 4096);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[1], (long)big, 4096L), 2304);
    CHECK_EQ(tsys(w, SYS_write, (long)sv[1], (long)big, 4096L), KERN_BLOCK);
    CHECK_EQ(tsys(r, SYS_read, (long)sv[1], (long)ubuf(r, 8), 8L), KERN_BLOCK);
    tkill_reap(r, SIGKILL);
    CHECK_EQ(kstats.sockets, 2);                /* the writer holds both */
    tkill_reap(w, SIGTERM);
    CHECK_EQ(kstats.sockets, before.sockets);
    CHECK_EQ(kstats.waiters, before.waiters);
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.allocs, before.allocs);
}

TEST(sock_signal_interrupts_recv)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *c = tchild();
    CHECK_EQ(tsigaction(c, SIGUSR1, HANDLER, 0), 0);
    uptr u = ubuf(c, 8);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_read, (long)sv[1], (long)u, 8L), -EINTR);
    CHECK_EQ(tsigaction(c, SIGUSR1, HANDLER, SA_RESTART), 0);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 8L, 0L, 0L, 0L), KERN_BLOCK);
    CHECK_EQ(tsys(init, SYS_kill, (long)c->pid, (long)SIGUSR1), 0);
    CHECK_EQ(tsys(c, SYS_recvfrom, (long)sv[1], (long)u, 8L, 0L, 0L, 0L), KERN_RESTART);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- sock_list, for ss ------------------------------------------------------------------------ */

TEST(sock_list_walks_every_socket)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    long l = tlistener(init, SOCK_STREAM, "/tmp/l", 5);
    CHECK_EQ(twrite(init, sv[0], "abc"), 3);
    struct k_sockinfo si;
    uptr u = ubuf(init, sizeof si);
    long slot = 0, n = 0;
    while ((slot = tsys(init, SYS_sock_list, slot, (long)u)) > 0) {
        memcpy(&si, uhost(init, u), sizeof si);
        n++;
        if (si.id == 1) {
            CHECK_EQ(si.state, SOCK_ST_ESTAB);
            CHECK_EQ(si.peer, 2);
            CHECK_EQ(si.sendq, 3);
            CHECK_EQ(si.namelen, 2);
        } else if (si.id == 2) {
            CHECK_EQ(si.recvq, 3);
        } else {
            CHECK_EQ(si.state, SOCK_ST_LISTEN);
            CHECK_EQ(si.sendq, 5);
            CHECK_STR(si.addr.sun_path, "/tmp/l");
        }
    }
    CHECK_EQ(slot, 0);
    CHECK_EQ(n, 3);
    CHECK_EQ(tsys(init, SYS_sock_list, -1L, (long)u), -EINVAL);
    CHECK_EQ(tsys(init, SYS_sock_list, 0L, 8L), -EFAULT);
    tclose(init, sv[1]);
    slot = tsys(init, SYS_sock_list, 0L, (long)u);
    memcpy(&si, uhost(init, u), sizeof si);
    CHECK_EQ(si.state, SOCK_ST_CLOSED);
    tclose(init, sv[0]);
    tclose(init, l);
    CHECK_EQ(tsys(init, SYS_unlink, (long)ustr(init, "/tmp/l")), 0);
}
