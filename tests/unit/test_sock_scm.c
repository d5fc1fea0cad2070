/*
 * test_sock_scm.c - unit tests of ipc/scm.c: descriptors passed with
 * SCM_RIGHTS (new descriptors to the same open files, counted in flight
 * until received, closed when dropped unread), the garbage cycles of
 * sockets sent over themselves, SCM_CREDENTIALS with SO_PASSCRED, and
 * every bad control message.
 */
#include "ipctest.h"

static long topen_file(struct proc *p, const char *path)
{
    return tsys(p, SYS_open, (long)ustr(p, path), (long)(O_RDWR | O_CREAT), 0600L);
}

TEST(scm_rights_share_the_open_file)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    long fd = topen_file(init, "/tmp/f");
    CHECK_EQ(twrite(init, fd, "0123456789"), 10);
    CHECK_EQ(tsys(init, SYS_lseek, fd, 4L, 0L), 4);
    int fds[2] = { (int)fd, (int)fd };
    CHECK_EQ(tsend_fds(init, sv[0], "R", fds, 2), 1);
    CHECK_EQ(kstats.inflight, 2);
    tclose(init, fd);
    struct proc *c = tchild();                  /* spawn gives it init's descriptors */
    struct trecvd g = trecv_msg(c, sv[1], 8, K_CMSG_SPACE(8 * sizeof(int)), 0);
    CHECK_EQ(g.r, 1);
    CHECK_EQ(g.nfds, 2);
    CHECK_EQ(kstats.inflight, 0);
    CHECK(g.fds[0] != g.fds[1]);
    CHECK(fd_get(c, g.fds[0]) == fd_get(c, g.fds[1]));   /* one open file */
    uptr b = ubuf(c, 16);
    CHECK_EQ(tsys(c, SYS_read, (long)g.fds[0], (long)b, 16L), 6);
    CHECK_EQ(memcmp(uhost(c, b), "456789", 6), 0);
    texit_reap(c, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    trm("/tmp/f");
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.sockets, before.sockets);
}

TEST(scm_unread_descriptors_are_closed_with_the_socket)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    long fd = topen_file(init, "/tmp/g");
    int p[2];
    uptr pu = ubuf(init, 2 * sizeof(int));
    CHECK_EQ(tsys(init, SYS_pipe2, (long)pu, 0L), 0);
    memcpy(p, uhost(init, pu), sizeof p);
    int fds[3] = { (int)fd, p[0], p[1] };
    CHECK_EQ(tsend_fds(init, sv[0], "x", fds, 3), 1);
    CHECK_EQ(tsend_fds(init, sv[0], "y", fds, 1), 1);
    CHECK_EQ(kstats.inflight, 4);
    for (int i = 0; i < 3; i++)
        tclose(init, fds[i]);
    CHECK_EQ(kstats.pipes, before.pipes + 1);   /* held by the message */
    tclose(init, sv[1]);                        /* the messages go unread */
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.pipes, before.pipes);
    tclose(init, sv[0]);
    trm("/tmp/g");
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.sockets, before.sockets);
}

TEST(scm_control_buffer_too_short_drops_descriptors)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    long fd = topen_file(init, "/tmp/h");
    int fds[3] = { (int)fd, (int)fd, (int)fd };
    CHECK_EQ(tsend_fds(init, sv[0], "a", fds, 3), 1);
    CHECK_EQ(tsend_fds(init, sv[0], "b", fds, 1), 1);
    tclose(init, fd);
    /* room for one descriptor of three: one comes, two are closed (as
     * Linux counts room: CMSG_SPACE(sizeof(int)) would hold two here) */
    struct trecvd g = trecv_msg(init, sv[1], 1, K_CMSG_LEN(sizeof(int)), 0);
    CHECK_EQ(g.r, 1);
    CHECK_EQ(g.nfds, 1);
    CHECK(g.flags & MSG_CTRUNC);
    tclose(init, g.fds[0]);
    /* no control buffer at all */
    g = trecv_msg(init, sv[1], 1, 0, 0);
    CHECK_EQ(g.r, 1);
    CHECK(g.flags & MSG_CTRUNC);
    CHECK_EQ(kstats.inflight, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    trm("/tmp/h");
    CHECK_EQ(kstats.files, before.files);
}

TEST(scm_stream_keeps_descriptors_with_their_bytes)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    long fd = topen_file(init, "/tmp/i");
    int fds[1] = { (int)fd };
    CHECK_EQ(twrite(init, sv[0], "plain"), 5);
    CHECK_EQ(tsend_fds(init, sv[0], "withfd", fds, 1), 6);
    CHECK_EQ(twrite(init, sv[0], "after"), 5);
    /* as on Linux, a read takes bytes up to the end of the first write
     * that carries descriptors, and stops there */
    struct trecvd g = trecv_msg(init, sv[1], 64, K_CMSG_SPACE(4 * sizeof(int)), 0);
    CHECK_EQ(g.r, 11);
    CHECK_EQ(memcmp(g.text, "plainwithfd", 11), 0);
    CHECK_EQ(g.nfds, 1);
    tclose(init, g.fds[0]);
    g = trecv_msg(init, sv[1], 64, K_CMSG_SPACE(4 * sizeof(int)), 0);
    CHECK_EQ(g.r, 5);
    CHECK_EQ(g.nfds, 0);
    tclose(init, fd);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    trm("/tmp/i");
}

TEST(scm_socket_sent_over_itself_is_collected)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    int one[1] = { sv[1] };
    CHECK_EQ(tsend_fds(init, sv[0], "x", one, 1), 1);   /* sv[1] in its own queue */
    CHECK_EQ(kstats.inflight, 1);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.sockets, before.sockets);
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.allocs, before.allocs);
}

TEST(scm_two_sockets_holding_each_other_are_collected)
{
    struct k_kstat before = kstats;
    int a[2], b[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, a), 0);
    CHECK_EQ(tpair(init, SOCK_STREAM, b), 0);
    int fa[2] = { a[0], a[1] }, fb[2] = { b[0], b[1] };
    CHECK_EQ(tsend_fds(init, a[0], "a", fb, 2), 1);     /* b's ends in a[1]'s queue */
    CHECK_EQ(tsend_fds(init, b[0], "b", fa, 2), 1);     /* a's ends in b[1]'s queue */
    CHECK_EQ(kstats.inflight, 4);
    tclose(init, a[0]);
    tclose(init, b[0]);
    tclose(init, b[1]);
    CHECK_EQ(kstats.inflight, 4);                       /* a[1] is still open: all live */
    tclose(init, a[1]);
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.sockets, before.sockets);
    CHECK_EQ(kstats.files, before.files);
}

TEST(scm_what_a_live_socket_holds_is_kept)
{
    struct k_kstat before = kstats;
    int sv[2], in[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(tpair(init, SOCK_STREAM, in), 0);
    int one[1] = { in[1] };
    CHECK_EQ(tsend_fds(init, in[0], "self", one, 1), 4);  /* in[1] holds itself */
    int two[1] = { in[0] };
    CHECK_EQ(tsend_fds(init, sv[0], "outer", two, 1), 5); /* sv[1] holds in[0] */
    tclose(init, in[0]);
    CHECK_EQ(kstats.inflight, 2);               /* in[0], reachable from sv[1], is kept */
    tclose(init, in[1]);
    /* in[1], in its own queue, is not: only a reader of in[1] could take
     * it. It goes, with its unread bytes, so in[0] reads ECONNRESET. */
    CHECK_EQ(kstats.inflight, 1);
    struct trecvd g = trecv_msg(init, sv[1], 8, K_CMSG_SPACE(sizeof(int)), 0);
    CHECK_EQ(g.nfds, 1);
    CHECK_EQ(kstats.inflight, 0);
    g = trecv_msg(init, g.fds[0], 8, K_CMSG_SPACE(sizeof(int)), MSG_DONTWAIT);
    CHECK_EQ(g.r, -ECONNRESET);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    for (int fd = 3; fd < NOFILE; fd++)
        if (fd_get(init, fd))
            tclose(init, fd);
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.sockets, before.sockets);
}

TEST(scm_bad_control_messages)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    char ctl[K_CMSG_SPACE(300 * sizeof(int))];
    int bad[1] = { 77 };
    CHECK_EQ(tsend_fds(init, sv[0], "x", bad, 1), -EBADF);
    int many[254];
    for (int i = 0; i < 254; i++)
        many[i] = sv[0];
    size_t len = tcmsg_rights(ctl, many, 254);
    uptr mh = tmsghdr(init, ustr(init, "x"), 1, ctl, len, 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EINVAL);   /* SCM_MAX_FD */
    CHECK_EQ(kstats.inflight, 0);
    /* a header longer than the buffer */
    len = tcmsg_rights(ctl, many, 1);
    struct k_cmsghdr h = { len + 64, SOL_SOCKET, SCM_RIGHTS };
    memcpy(ctl, &h, sizeof h);
    mh = tmsghdr(init, ustr(init, "x"), 1, ctl, len, 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EINVAL);
    /* shorter than a header */
    h.cmsg_len = 4;
    memcpy(ctl, &h, sizeof h);
    mh = tmsghdr(init, ustr(init, "x"), 1, ctl, len, 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EINVAL);
    /* an unknown type */
    h = (struct k_cmsghdr){ K_CMSG_LEN(4), SOL_SOCKET, 99 };
    memcpy(ctl, &h, sizeof h);
    mh = tmsghdr(init, ustr(init, "x"), 1, ctl, K_CMSG_SPACE(4), 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EINVAL);
    /* another level is skipped */
    h = (struct k_cmsghdr){ K_CMSG_LEN(4), 6, 99 };
    memcpy(ctl, &h, sizeof h);
    mh = tmsghdr(init, ustr(init, "x"), 1, ctl, K_CMSG_SPACE(4), 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), 1);
    /* a control buffer too short for a header holds none */
    mh = tmsghdr(init, ustr(init, "y"), 1, ctl, 4, 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), 1);
    /* a control buffer the process cannot read */
    struct k_iovec iov = { ustr(init, "z"), 1 };
    struct k_msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_iov = ubytes(init, &iov, sizeof iov);
    m.msg_iovlen = 1;
    m.msg_control = 0x10;
    m.msg_controllen = 64;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &m, sizeof m), 0L), -EFAULT);
    m.msg_controllen = 1 << 20;
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)ubytes(init, &m, sizeof m), 0L), -ENOBUFS);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.sockets, before.sockets);
}

static size_t tcmsg_cred(char *buf, int pid, uint32_t uid, uint32_t gid)
{
    struct k_cmsghdr h = { K_CMSG_LEN(sizeof(struct k_ucred)), SOL_SOCKET, SCM_CREDENTIALS };
    struct k_ucred c = { pid, uid, gid };
    memset(buf, 0, K_CMSG_SPACE(sizeof c));
    memcpy(buf, &h, sizeof h);
    memcpy(buf + K_CMSG_LEN(0), &c, sizeof c);
    return K_CMSG_SPACE(sizeof c);
}

TEST(scm_credentials)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    struct proc *u = tuser_child(1000);         /* has both ends */
    CHECK_EQ(tsetopt(init, sv[1], SO_PASSCRED, 1), 0);
    CHECK_EQ(tgetopt(init, sv[1], SO_PASSCRED), 1);
    CHECK_EQ(twrite(u, sv[0], "who"), 3);
    struct trecvd g = trecv_msg(init, sv[1], 8, K_CMSG_SPACE(sizeof(struct k_ucred)), 0);
    CHECK(g.cred);
    CHECK_EQ(g.ucred.pid, u->pid);
    CHECK_EQ(g.ucred.uid, 1000);
    CHECK_EQ(g.ucred.gid, 1000);
    /* claiming another's is root's */
    char ctl[64];
    size_t len = tcmsg_cred(ctl, 1, 0, 0);
    uptr mh = tmsghdr(u, ustr(u, "lie"), 3, ctl, len, 0, 0);
    CHECK_EQ(tsys(u, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EPERM);
    len = tcmsg_cred(ctl, u->pid, 1000, 1000);
    mh = tmsghdr(u, ustr(u, "me"), 2, ctl, len, 0, 0);
    CHECK_EQ(tsys(u, SYS_sendmsg, (long)sv[0], (long)mh, 0L), 2);
    len = tcmsg_cred(ctl, 42, 7, 7);
    mh = tmsghdr(init, ustr(init, "root"), 4, ctl, len, 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), 4);
    g = trecv_msg(init, sv[1], 8, K_CMSG_SPACE(sizeof(struct k_ucred)), 0);
    CHECK_EQ(g.ucred.pid, u->pid);
    g = trecv_msg(init, sv[1], 8, K_CMSG_SPACE(sizeof(struct k_ucred)), 0);
    CHECK_EQ(g.ucred.pid, 42);
    CHECK_EQ(g.ucred.uid, 7);
    /* a wrong length */
    struct k_cmsghdr h = { K_CMSG_LEN(4), SOL_SOCKET, SCM_CREDENTIALS };
    memcpy(ctl, &h, sizeof h);
    mh = tmsghdr(init, ustr(init, "x"), 1, ctl, K_CMSG_SPACE(4), 0, 0);
    CHECK_EQ(tsys(init, SYS_sendmsg, (long)sv[0], (long)mh, 0L), -EINVAL);
    /* without SO_PASSCRED, none */
    CHECK_EQ(tsetopt(init, sv[1], SO_PASSCRED, 0), 0);
    CHECK_EQ(twrite(init, sv[0], "q"), 1);
    g = trecv_msg(init, sv[1], 8, K_CMSG_SPACE(sizeof(struct k_ucred)), 0);
    CHECK(!g.cred);
    texit_reap(u, 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
}

TEST(scm_killed_sender_and_receiver_leave_nothing_in_flight)
{
    struct k_kstat before = kstats;
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_DGRAM, sv), 0);
    long fd = topen_file(init, "/tmp/k");
    struct proc *c = tchild();
    int fds[1] = { (int)fd };
    /* fill the receiver's queue, then a sender with a descriptor waits */
    long r;
    while ((r = tsend_fds(init, sv[0], "fill", fds, 1)) == 4)
        ;
    CHECK(r == KERN_BLOCK || r == -EAGAIN);
    if (r == KERN_BLOCK)
        wakeup_proc(init);
    long inflight = kstats.inflight;
    CHECK(inflight > 0);
    CHECK_EQ(tsend_fds(c, sv[0], "wait", fds, 1), KERN_BLOCK);
    CHECK_EQ(kstats.inflight, inflight);        /* a waiting send holds none */
    tkill_reap(c, SIGKILL);
    CHECK_EQ(kstats.inflight, inflight);
    tclose(init, sv[1]);
    CHECK_EQ(kstats.inflight, 0);
    tclose(init, sv[0]);
    /* a receiver killed while it waits */
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    struct proc *d = tchild();
    CHECK_EQ(trecv_msg(d, sv[1], 8, K_CMSG_SPACE(sizeof(int)), 0).r, KERN_BLOCK);
    tkill_reap(d, SIGKILL);
    CHECK_EQ(tsend_fds(init, sv[0], "late", fds, 1), 4);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    tclose(init, fd);
    trm("/tmp/k");
    CHECK_EQ(kstats.inflight, 0);
    CHECK_EQ(kstats.sockets, before.sockets);
    CHECK_EQ(kstats.files, before.files);
    CHECK_EQ(kstats.waiters, before.waiters);
}
