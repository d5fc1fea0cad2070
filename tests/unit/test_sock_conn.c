/*
 * test_sock_conn.c - unit tests of ipc/sock_addr.c and ipc/sock_conn.c:
 * bind (socket nodes, abstract names, autobind, every bad address),
 * getsockname and getpeername, listen, connect (refused, wrong type, no
 * permission, a full backlog that waits or fails), accept (waiting, the
 * client's address, flags, a full table, a bad address that loses
 * nothing), a listener closed with connections queued, and processes
 * killed in accept and connect.
 */
#include "ipctest.h"

static struct k_stat tstat(const char *path)
{
    struct k_stat st;
    uptr u = ubuf(init, sizeof st);
    CHECK_EQ(tsys(init, SYS_stat, (long)ustr(init, path), (long)u, 0L), 0);
    memcpy(&st, uhost(init, u), sizeof st);
    return st;
}

/* getsockname or getpeername of fd: the length, the path in out. */
static long tname(struct proc *p, long nr, long fd, char *out)
{
    struct k_sockaddr_un a;
    uptr u = ubuf(p, sizeof a);
    int32_t len = sizeof a;
    uptr l = ubytes(p, &len, sizeof len);
    long r = tsys(p, nr, fd, (long)u, (long)l);
    if (r < 0)
        return r;
    memcpy(&a, uhost(p, u), sizeof a);
    len = *(int32_t *)uhost(p, l);
    CHECK_EQ(a.sun_family, AF_UNIX);
    if (out) {
        memcpy(out, a.sun_path, (size_t)len - SUN_PATH_OFFSET);
        out[len - SUN_PATH_OFFSET] = '\0';
    }
    return len;
}

/* ---- bind ----------------------------------------------------------------------- */

TEST(sock_bind_makes_a_socket_node)
{
    long s = tsock(init, SOCK_STREAM);
    tsys(init, SYS_umask, 022L);
    long inodes = kstats.inodes;
    CHECK_EQ(tbind_path(init, s, "/tmp/s"), 0);
    CHECK_EQ(kstats.inodes, inodes + 1);
    struct k_stat st = tstat("/tmp/s");
    CHECK_EQ(st.st_mode, S_IFSOCK | 0755);
    char path[128];
    CHECK_EQ(tname(init, SYS_getsockname, s, path), SUN_PATH_OFFSET + 7);
    CHECK_STR(path, "/tmp/s");
    /* the name is taken while the node exists, whoever asks */
    long t = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, t, "/tmp/s"), -EADDRINUSE);
    CHECK_EQ(tbind_path(init, s, "/tmp/s"), -EADDRINUSE);
    CHECK_EQ(tbind_path(init, s, "/tmp/other"), -EINVAL);      /* bound already */
    CHECK_EQ(tbind_path(init, t, "/bin"), -EADDRINUSE);
    CHECK_EQ(tbind_path(init, t, "/nope/s"), -ENOENT);
    CHECK_EQ(tbind_path(init, t, "/bin/init/s"), -ENOTDIR);
    /* the node cannot be opened; it stays after close; unlink removes it */
    CHECK_EQ(tsys(init, SYS_open, (long)ustr(init, "/tmp/s"), (long)O_RDONLY, 0L), -ENXIO);
    CHECK_EQ(tsys(init, SYS_open, (long)ustr(init, "/tmp/s"), (long)(O_WRONLY | O_CREAT), 0666L),
             -ENXIO);
    tclose(init, s);
    CHECK_EQ(kstats.inodes, inodes + 1);
    CHECK_EQ(tbind_path(init, t, "/tmp/s"), -EADDRINUSE);
    CHECK_EQ(tconnect_path(init, t, "/tmp/s"), -ECONNREFUSED);   /* stale */
    CHECK_EQ(tunlink("/tmp/s"), 0);
    CHECK_EQ(kstats.inodes, inodes);
    CHECK_EQ(tbind_path(init, t, "/tmp/s"), 0);
    tclose(init, t);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

TEST(sock_bind_getdents_type)
{
    long s = tsock(init, SOCK_STREAM);
    CHECK_EQ(tbind_path(init, s, "/tmp/s"), 0);
    long d = tsys(init, SYS_open, (long)ustr(init, "/tmp"), (long)O_RDONLY, 0L);
    uptr u = ubuf(init, 512);
    long n = tsys(init, SYS_getdents, d, (long)u, 512L);
    CHECK(n > 0);
    bool found = false;
    for (long at = 0; at < n; ) {
        struct k_dirent *e = (struct k_dirent *)((char *)uhost(init, u) + at);
        if (strcmp(e->d_name, "s") == 0)
            found = e->d_type == DT_SOCK;
        at += e->d_reclen;
    }
    CHECK(found);
    tclose(init, d);
    tclose(init, s);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

TEST(sock_bind_unlinked_while_bound)
{
    long inodes = kstats.inodes;
    long s = tlistener(init, SOCK_STREAM, "/tmp/s", 1);
    CHECK_EQ(tunlink("/tmp/s"), 0);
    CHECK_EQ(kstats.inodes, inodes + 1);            /* the socket holds it */
    long c = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), -ENOENT);
    tclose(init, s);
    CHECK_EQ(kstats.inodes, inodes);
    tclose(init, c);
}

TEST(sock_bind_bad_addresses)
{
    long s = tsock(init, SOCK_STREAM);
    long len;
    uptr a = taddr(init, "/tmp/s", &len);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)a, 1L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)a, 111L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)a, -1L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_bind, s, 8L, len), -EFAULT);
    CHECK_EQ(tsys(init, SYS_bind, s, 8L, 2L), -EFAULT);
    struct k_sockaddr_un in = { AF_INET, "/tmp/s" };
    CHECK_EQ(tsys(init, SYS_bind, s, (long)ubytes(init, &in, sizeof in), len), -EINVAL);
    CHECK_EQ(tsys(init, SYS_bind, 0L, (long)a, len), -ENOTSOCK);
    /* a path may fill sun_path without a NUL */
    struct k_sockaddr_un full;
    full.sun_family = AF_UNIX;
    memset(full.sun_path, 'x', sizeof full.sun_path);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)ubytes(init, &full, sizeof full),
                  (long)sizeof full), 0);
    char path[128];
    CHECK_EQ(tname(init, SYS_getsockname, s, NULL), (long)sizeof full + 1);
    (void)path;
    tclose(init, s);
    char name[109];
    memset(name, 'x', 108);
    name[108] = '\0';
    CHECK_EQ(tunlink(name), 0);
    /* no permission to write the directory */
    struct proc *c = tuser_child(1000);
    CHECK_EQ(tbind_path(c, tsock(c, SOCK_STREAM), "/bin/s"), -EACCES);
    texit_reap(c, 0);
}

TEST(sock_abstract_names_and_autobind)
{
    long s = tsock(init, SOCK_DGRAM), t = tsock(init, SOCK_DGRAM);
    long len;
    uptr a = tabstract(init, "name", &len);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)a, len), 0);
    CHECK_EQ(tsys(init, SYS_bind, t, (long)a, len), -EADDRINUSE);
    CHECK_EQ(tsys(init, SYS_bind, s, (long)a, len), -EINVAL);
    long inodes = kstats.inodes;
    CHECK_EQ(tsys(init, SYS_sendto, t, (long)ustr(init, "hi"), 2L, 0L, (long)a, len), 2);
    CHECK_EQ(kstats.inodes, inodes);                /* nothing in the file system */
    tsock_expect(init, s, "hi");
    /* a longer or shorter name is another name */
    uptr b = tabstract(init, "nam", &len);
    CHECK_EQ(tsys(init, SYS_sendto, t, (long)ustr(init, "x"), 1L, 0L, (long)b, len),
             -ECONNREFUSED);
    /* bind with the family alone picks a name; again, it keeps it */
    uint16_t fam = AF_UNIX;
    uptr f = ubytes(init, &fam, sizeof fam);
    CHECK_EQ(tsys(init, SYS_bind, t, (long)f, 2L), 0);
    char name[128];
    CHECK_EQ(tname(init, SYS_getsockname, t, name), 8);
    CHECK_EQ(name[0], '\0');
    CHECK_EQ(tsys(init, SYS_bind, t, (long)f, 2L), 0);
    char again[128];
    CHECK_EQ(tname(init, SYS_getsockname, t, again), 8);
    CHECK(memcmp(name, again, 6) == 0);
    tclose(init, s);
    /* the name goes with the socket */
    long u = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tsys(init, SYS_bind, u, (long)a, (long)(SUN_PATH_OFFSET + 5)), 0);
    tclose(init, t);
    tclose(init, u);
}

TEST(sock_getsockname_getpeername)
{
    long s = tsock(init, SOCK_STREAM);
    CHECK_EQ(tname(init, SYS_getsockname, s, NULL), 2);        /* the family alone */
    CHECK_EQ(tname(init, SYS_getpeername, s, NULL), -ENOTCONN);
    int32_t len = -1;
    CHECK_EQ(tsys(init, SYS_getsockname, s, (long)ubuf(init, 8),
                  (long)ubytes(init, &len, sizeof len)), -EINVAL);
    CHECK_EQ(tsys(init, SYS_getsockname, s, (long)ubuf(init, 8), 8L), -EFAULT);
    len = 4;
    CHECK_EQ(tsys(init, SYS_getsockname, s, 8L, (long)ubytes(init, &len, sizeof len)), -EFAULT);
    len = 0;                                        /* nothing copied, the length told */
    uptr l = ubytes(init, &len, sizeof len);
    CHECK_EQ(tsys(init, SYS_getsockname, s, 8L, (long)l), 0);
    CHECK_EQ(*(int32_t *)uhost(init, l), 2);
    tclose(init, s);
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tname(init, SYS_getpeername, sv[0], NULL), 2);     /* an unbound peer */
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

/* ---- listen, connect, accept ------------------------------------------------------------ */

TEST(sock_listen_bad_states)
{
    long d = tsock(init, SOCK_DGRAM), s = tsock(init, SOCK_STREAM);
    CHECK_EQ(tsys(init, SYS_listen, d, 1L), -EOPNOTSUPP);
    CHECK_EQ(tsys(init, SYS_listen, s, 1L), -EINVAL);          /* unbound */
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tsys(init, SYS_listen, sv[0], 1L), -EINVAL);      /* connected */
    CHECK_EQ(tsys(init, SYS_accept4, sv[0], 0L, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_accept4, s, 0L, 0L, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_accept4, d, 0L, 0L, 0L), -EOPNOTSUPP);
    CHECK_EQ(tbind_path(init, s, "/tmp/s"), 0);
    CHECK_EQ(tsys(init, SYS_listen, s, -5L), 0);
    CHECK_EQ(tgetopt(init, s, SO_ACCEPTCONN), 1);
    CHECK_EQ(tsys(init, SYS_accept4, s, 0L, 0L, 0x10L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_fcntl, s, (long)F_SETFL, (long)O_NONBLOCK), 0);
    CHECK_EQ(tsys(init, SYS_accept4, s, 0L, 0L, 0L), -EAGAIN);
    CHECK_EQ(tpoll(init, s, POLLIN | POLLOUT), 0);
    CHECK_EQ(tsock_send(init, s, "x", MSG_NOSIGNAL), -ENOTCONN);
    CHECK_EQ(tsock_recv(init, s, 1, 0, NULL), -EINVAL);
    tclose(init, s);
    tclose(init, d);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

/* Connect returns once the connection is queued; the client may write
 * before the server accepts. */
TEST(sock_connect_accept_talk)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 4);
    struct proc *c = tchild();
    tclose(c, l);
    long fd = tsock(c, SOCK_STREAM);
    CHECK_EQ(tbind_path(c, fd, "/tmp/client"), 0);
    CHECK_EQ(tconnect_path(c, fd, "/tmp/s"), 0);
    CHECK_EQ(tconnect_path(c, fd, "/tmp/s"), -EISCONN);
    CHECK_EQ(twrite(c, fd, "early"), 5);
    CHECK_EQ(tpoll(init, l, POLLIN), POLLIN);
    struct k_sockaddr_un a;
    uptr u = ubuf(init, sizeof a);
    int32_t len = sizeof a;
    uptr lp = ubytes(init, &len, sizeof len);
    long s = tsys(init, SYS_accept4, l, (long)u, (long)lp, (long)SOCK_CLOEXEC);
    CHECK(s > l);
    CHECK_EQ(*(int32_t *)uhost(init, lp), SUN_PATH_OFFSET + 12);
    memcpy(&a, uhost(init, u), sizeof a);
    CHECK_STR(a.sun_path, "/tmp/client");
    CHECK_EQ(tsys(init, SYS_fcntl, s, (long)F_GETFD, 0L), FD_CLOEXEC);
    tsock_expect(init, s, "early");
    CHECK_EQ(twrite(init, s, "welcome"), 7);
    tsock_expect(c, fd, "welcome");
    /* names: the server's end is named as the listener */
    char path[128];
    CHECK_EQ(tname(init, SYS_getsockname, s, path), SUN_PATH_OFFSET + 7);
    CHECK_STR(path, "/tmp/s");
    CHECK_EQ(tname(c, SYS_getpeername, fd, path), SUN_PATH_OFFSET + 7);
    CHECK_STR(path, "/tmp/s");
    CHECK_EQ(tname(init, SYS_getpeername, s, path), SUN_PATH_OFFSET + 12);
    /* credentials: each side sees the other */
    struct k_ucred cred;
    uptr v = ubuf(c, sizeof cred);
    len = sizeof cred;
    CHECK_EQ(tsys(c, SYS_getsockopt, fd, (long)SOL_SOCKET, (long)SO_PEERCRED, (long)v,
                  (long)ubytes(c, &len, sizeof len)), 0);
    memcpy(&cred, uhost(c, v), sizeof cred);
    CHECK_EQ(cred.pid, 1);
    v = ubuf(init, sizeof cred);
    CHECK_EQ(tsys(init, SYS_getsockopt, s, (long)SOL_SOCKET, (long)SO_PEERCRED, (long)v,
                  (long)ubytes(init, &len, sizeof len)), 0);
    memcpy(&cred, uhost(init, v), sizeof cred);
    CHECK_EQ(cred.pid, c->pid);
    texit_reap(c, 0);
    CHECK_EQ(tsock_recv(init, s, 8, 0, NULL), 0);
    tclose(init, s);
    tclose(init, l);
    CHECK_EQ(tunlink("/tmp/s"), 0);
    CHECK_EQ(tunlink("/tmp/client"), 0);
}

TEST(sock_connect_errors)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 1);
    long d = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, d, "/tmp/d"), 0);
    long c = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c, "/tmp/nope"), -ENOENT);
    CHECK_EQ(tconnect_path(init, c, "/tmp/d"), -EPROTOTYPE);
    CHECK_EQ(tconnect_path(init, c, "/bin/init"), -ECONNREFUSED);   /* not a socket */
    long q = tsock(init, SOCK_SEQPACKET);
    CHECK_EQ(tconnect_path(init, q, "/tmp/s"), -EPROTOTYPE);
    long len;
    uptr a = taddr(init, "/tmp/s", &len);
    CHECK_EQ(tsys(init, SYS_connect, c, (long)a, 2L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_connect, c, (long)a, 0L), -EINVAL);
    CHECK_EQ(tsys(init, SYS_connect, c, 8L, len), -EFAULT);
    CHECK_EQ(tsys(init, SYS_connect, l, (long)a, len), -EINVAL);    /* a listener */
    /* a bound socket that does not listen refuses */
    long b = tsock(init, SOCK_STREAM);
    CHECK_EQ(tbind_path(init, b, "/tmp/b"), 0);
    CHECK_EQ(tconnect_path(init, c, "/tmp/b"), -ECONNREFUSED);
    /* connecting needs write permission on the node */
    CHECK_EQ(tsys(init, SYS_chmod, (long)ustr(init, "/tmp/s"), 0755L), 0);
    struct proc *u = tuser_child(1000);
    CHECK_EQ(tconnect_path(u, c, "/tmp/s"), -EACCES);
    texit_reap(u, 0);
    CHECK_EQ(tsys(init, SYS_chmod, (long)ustr(init, "/tmp/s"), 0777L), 0);
    u = tuser_child(1000);
    CHECK_EQ(tconnect_path(u, c, "/tmp/s"), 0);
    texit_reap(u, 0);
    tclose(init, c);
    tclose(init, b);
    tclose(init, q);
    tclose(init, d);
    tclose(init, l);
    CHECK_EQ(tunlink("/tmp/s"), 0);
    CHECK_EQ(tunlink("/tmp/b"), 0);
    CHECK_EQ(tunlink("/tmp/d"), 0);
}

/* A listener holds backlog + 1 connections; the next waits, or EAGAIN. */
TEST(sock_backlog_full_waits_for_accept)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 1);
    long c1 = tsock(init, SOCK_STREAM), c2 = tsock(init, SOCK_STREAM);
    long c3 = tsock(init, SOCK_STREAM | SOCK_NONBLOCK);
    CHECK_EQ(tconnect_path(init, c1, "/tmp/s"), 0);
    CHECK_EQ(tconnect_path(init, c2, "/tmp/s"), 0);
    CHECK_EQ(tconnect_path(init, c3, "/tmp/s"), -EAGAIN);
    struct proc *c = tchild();
    long cs = tsock(c, SOCK_STREAM);
    CHECK_EQ(tconnect_path(c, cs, "/tmp/s"), KERN_BLOCK);
    CHECK_STR(c->wait_what, "sock 1 connect");
    long s = taccept(init, l, 0);
    CHECK(s > 0);
    CHECK_EQ(c->state, P_RUNNABLE);
    CHECK_EQ(tconnect_path(c, cs, "/tmp/s"), 0);
    texit_reap(c, 0);
    tclose(init, s);
    tclose(init, c1);
    tclose(init, c2);
    tclose(init, c3);
    tclose(init, l);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

TEST(sock_accept_waits_and_wakes)
{
    long l = tlistener(init, SOCK_SEQPACKET, "/tmp/s", 1);
    struct proc *a = tchild();
    CHECK_EQ(taccept(a, l, 0), KERN_BLOCK);
    CHECK_STR(a->wait_what, "sock 1 accept");
    long c = tsock(init, SOCK_SEQPACKET);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), 0);
    CHECK_EQ(a->state, P_RUNNABLE);
    long s = taccept(a, l, 0);
    CHECK(s > 0);
    CHECK_EQ(tsock_send(init, c, "one", 0), 3);
    tsock_expect(a, s, "one");
    texit_reap(a, 0);
    tclose(init, c);
    tclose(init, l);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

TEST(sock_accept_bad_address_loses_nothing)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 1);
    long c = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), 0);
    int32_t len = 110;
    CHECK_EQ(tsys(init, SYS_accept4, l, 8L, (long)ubytes(init, &len, sizeof len), 0L), -EFAULT);
    CHECK_EQ(tsys(init, SYS_accept4, l, (long)ubuf(init, 110), 8L, 0L), -EFAULT);
    /* a full table */
    int n = 0;
    while (tsys(init, SYS_dup, 0L) >= 0)
        n++;
    CHECK_EQ(taccept(init, l, 0), -EMFILE);
    for (int fd = NOFILE - 1; n > 0; fd--, n--)
        tclose(init, fd);
    long s = taccept(init, l, 0);
    CHECK(s > 0);
    /* an unbound client's address is the family alone */
    tclose(init, s);
    CHECK_EQ(tconnect_path(init, tsock(init, SOCK_STREAM), "/tmp/s"), 0);
    uptr u = ubuf(init, 110);
    len = 110;
    uptr lp = ubytes(init, &len, sizeof len);
    s = tsys(init, SYS_accept4, l, (long)u, (long)lp, 0L);
    CHECK(s > 0);
    CHECK_EQ(*(int32_t *)uhost(init, lp), 2);
    for (long fd = 3; fd < NOFILE; fd++)
        if (init->ofile[fd])
            tclose(init, fd);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

/* Closing a listener resets what it has not accepted. */
TEST(sock_listener_closed_resets_pending)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 3);
    long c = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), 0);
    CHECK_EQ(twrite(init, c, "never read"), 10);
    CHECK_EQ(kstats.sockets, 3);                /* the listener, the client, the embryo */
    tclose(init, l);
    CHECK_EQ(tsock_recv(init, c, 8, 0, NULL), -ECONNRESET);
    CHECK_EQ(tsock_recv(init, c, 8, 0, NULL), 0);
    CHECK_EQ(tsock_send(init, c, "x", MSG_NOSIGNAL), -EPIPE);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), -ECONNREFUSED);
    tclose(init, c);
    CHECK_EQ(kstats.sockets, 0);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

/* A client gone before accept: the server reads what it left, then EOF. */
TEST(sock_client_gone_before_accept)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 3);
    long c = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c, "/tmp/s"), 0);
    CHECK_EQ(twrite(init, c, "bye"), 3);
    tclose(init, c);
    long s = taccept(init, l, 0);
    tsock_expect(init, s, "bye");
    CHECK_EQ(tsock_recv(init, s, 8, 0, NULL), 0);
    tclose(init, s);
    tclose(init, l);
    CHECK_EQ(kstats.sockets, 0);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

TEST(sock_killed_in_accept_and_connect_leaves_nothing)
{
    struct k_kstat before = kstats;
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 0);
    long c1 = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c1, "/tmp/s"), 0);
    struct proc *con = tchild();
    long c2 = tsock(con, SOCK_STREAM);
    CHECK_EQ(tconnect_path(con, c2, "/tmp/s"), KERN_BLOCK);
    CHECK_EQ(kstats.sockets, 4);
    tkill_reap(con, SIGKILL);
    CHECK_EQ(kstats.sockets, 3);
    long s = taccept(init, l, 0);
    tclose(init, s);
    tclose(init, c1);
    struct proc *acc = tchild();
    tclose(init, l);
    CHECK_EQ(taccept(acc, l, 0), KERN_BLOCK);
    tkill_reap(acc, SIGTERM);
    CHECK_EQ(kstats.sockets, before.sockets);
    CHECK_EQ(kstats.waiters, before.waiters);
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(tunlink("/tmp/s"), 0);
    CHECK_EQ(kstats.inodes, before.inodes);
    CHECK_EQ(kstats.allocs, before.allocs);
}

TEST(sock_listener_closed_wakes_connect_and_accept)
{
    long l = tlistener(init, SOCK_STREAM, "/tmp/s", 0);
    long c1 = tsock(init, SOCK_STREAM);
    CHECK_EQ(tconnect_path(init, c1, "/tmp/s"), 0);
    struct proc *con = tchild();
    tclose(con, l);
    long c2 = tsock(con, SOCK_STREAM);
    CHECK_EQ(tconnect_path(con, c2, "/tmp/s"), KERN_BLOCK);
    tclose(init, l);
    CHECK_EQ(con->state, P_RUNNABLE);
    CHECK_EQ(tconnect_path(con, c2, "/tmp/s"), -ECONNREFUSED);
    texit_reap(con, 0);
    tclose(init, c1);
    CHECK_EQ(tunlink("/tmp/s"), 0);
}

/* ---- datagram connect --------------------------------------------------------------------- */

TEST(sock_dgram_connect_and_disconnect)
{
    long a = tsock(init, SOCK_DGRAM), b = tsock(init, SOCK_DGRAM), c = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tbind_path(init, a, "/tmp/a"), 0);
    CHECK_EQ(tbind_path(init, b, "/tmp/b"), 0);
    CHECK_EQ(tconnect_path(init, c, "/tmp/a"), 0);
    CHECK_EQ(tsock_send(init, c, "to a", 0), 4);
    tsock_expect(init, a, "to a");
    char path[128];
    CHECK_EQ(tname(init, SYS_getpeername, c, path), SUN_PATH_OFFSET + 7);
    CHECK_STR(path, "/tmp/a");
    /* a is connected to b: only b may send to it */
    CHECK_EQ(tconnect_path(init, a, "/tmp/b"), 0);
    CHECK_EQ(tsock_send(init, c, "x", 0), -EPERM);
    CHECK_EQ(tsendto(init, c, "x", "/tmp/a"), -EPERM);
    long d = tsock(init, SOCK_DGRAM);
    CHECK_EQ(tconnect_path(init, d, "/tmp/a"), -EPERM);
    /* AF_UNSPEC disconnects */
    uint16_t unspec = AF_UNSPEC;
    CHECK_EQ(tsys(init, SYS_connect, c, (long)ubytes(init, &unspec, 2), 2L), 0);
    CHECK_EQ(tsock_send(init, c, "x", 0), -ENOTCONN);
    CHECK_EQ(tname(init, SYS_getpeername, c, NULL), -ENOTCONN);
    CHECK_EQ(tsys(init, SYS_connect, c, 8L, 2L), -EFAULT);
    tclose(init, a);
    tclose(init, b);
    tclose(init, c);
    tclose(init, d);
    CHECK_EQ(tunlink("/tmp/a"), 0);
    CHECK_EQ(tunlink("/tmp/b"), 0);
}
