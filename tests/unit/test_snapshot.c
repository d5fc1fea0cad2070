/*
 * test_snapshot.c - the live view's snapshot (kernel/snapshot.c): it lists
 * what ps and the IPC listings see, in the state they see it - a full
 * pipe's fill and the writer blocked on it, messages with their types,
 * semaphore values, attachments and handles - and says how much room it
 * needs when it does not fit.
 */
#include "ipctest.h"
#include "test_msgq.h"

/* The snapshot now, in a buffer the test keeps. */
static const char *snapshot(void)
{
    static char buf[1 << 16];
    size_t n = kernel_snapshot(buf, sizeof buf);
    CHECK(n < sizeof buf);
    CHECK_EQ(strlen(buf), n);
    return buf;
}

/* Whether some record of the snapshot holds every field of want, a
 * tab-separated list that starts with the record's name. */
static bool has(const char *snap, const char *want)
{
    char fields[512];
    for (const char *line = snap; *line; ) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char rec[1024];
        snprintf(rec, sizeof rec, "\t%.*s\t", (int)len, line);
        snprintf(fields, sizeof fields, "%s", want);
        bool all = true;
        for (char *f = strtok(fields, "\t"); f && all; f = strtok(NULL, "\t")) {
            char pat[256];
            snprintf(pat, sizeof pat, "\t%s\t", f);
            all = strstr(rec, pat) != NULL;
        }
        if (all)
            return true;
        line = end ? end + 1 : line + len;
    }
    return false;
}

#define CHECK_HAS(snap, ...) do {                                           \
        char want_[512];                                                    \
        snprintf(want_, sizeof want_, __VA_ARGS__);                         \
        if (!has(snap, want_))                                              \
            test_fail(__FILE__, __LINE__, "no record with %s in:\n%s", want_, snap); \
    } while (0)

static long tpipe(struct proc *p, int fds[2])
{
    uptr u = ubuf(p, 2 * sizeof(int));
    long r = tsys(p, SYS_pipe2, (long)u, 0L);
    memcpy(fds, uhost(p, u), 2 * sizeof(int));
    return r;
}

TEST(snapshot_lists_every_process_as_ps_does)
{
    struct proc *c = tchild();
    const char *s = snapshot();
    struct k_procinfo pi;
    int n = 0;
    for (long slot = 0; (slot = proc_info(slot, &pi)) != 0; n++)
        CHECK_HAS(s, "proc\tpid=%d\tppid=%d\tpgid=%d\tstate=%c\tcmd=%s", pi.pid, pi.ppid,
                  pi.pgid, pi.state, pi.cmdline);
    CHECK_EQ(n, 2);
    char rec[32];
    snprintf(rec, sizeof rec, "proc\tpid=%d\t", c->pid);
    texit_reap(c, 0);
    CHECK(strstr(snapshot(), rec) == NULL);
}

/* yes | head, as the page shows it: the pipe full, the writer blocked on
 * it by the name ps gives, and both ends joined to their processes. */
TEST(snapshot_shows_a_full_pipe_and_its_blocked_writer)
{
    int fds[2];
    CHECK_EQ(tpipe(init, fds), 0);
    struct proc *w = tchild();
    tclose(init, fds[1]);
    uptr fill = ubuf(w, PIPE_SIZE_DEFAULT);
    CHECK_EQ(tsys(w, SYS_write, (long)fds[1], (long)fill, (long)PIPE_SIZE_DEFAULT),
             PIPE_SIZE_DEFAULT);
    CHECK_EQ(tsys(w, SYS_write, (long)fds[1], (long)fill, 1L), KERN_BLOCK);
    unsigned id = pipe_id(fd_get(init, fds[0])->pipe);

    const char *s = snapshot();
    CHECK_HAS(s, "proc\tpid=%d\tstate=S\twait=pipe %u write", w->pid, id);
    CHECK_HAS(s, "obj\tkind=pipe\tid=%u\tqueued=%d\tcap=%d\treaders=1\twriters=1\twaiters=%d",
              id, PIPE_SIZE_DEFAULT, PIPE_SIZE_DEFAULT, w->pid);
    CHECK_HAS(s, "edge\tpid=1\tfd=%d\tkind=pipe\tid=%u\trole=read", fds[0], id);
    CHECK_HAS(s, "edge\tpid=%d\tfd=%d\tkind=pipe\tid=%u\trole=write", w->pid, fds[1], id);
    const char *obj = strstr(s, "obj\tkind=pipe");
    CHECK(obj && !strstr(obj + 1, "obj\tkind=pipe"));          /* described once */

    CHECK_EQ(tsys(init, SYS_read, (long)fds[0], (long)ubuf(init, 4096), 4096L), 4096);
    CHECK_EQ(tsys(w, SYS_write, (long)fds[1], (long)fill, 1L), 1);
    s = snapshot();
    CHECK_HAS(s, "obj\tkind=pipe\tid=%u\tqueued=%d\twaiters=", id, PIPE_SIZE_DEFAULT - 4096 + 1);
    CHECK_HAS(s, "proc\tpid=%d\tstate=R\twait=", w->pid);
    texit_reap(w, 0);
    tclose(init, fds[0]);
}

TEST(snapshot_shows_system_v_objects_as_ipcs_does)
{
    long q = tmsgget(init, IPC_PRIVATE, 0600);
    CHECK(q >= 0);
    CHECK_EQ(tsnd(init, q, 2, "two", 0), 0);
    CHECK_EQ(tsnd(init, q, 5, "five", 0), 0);
    long m = tsys(init, SYS_shmget, (long)IPC_PRIVATE, 4096L, 0600L);
    CHECK(m >= 0);
    long at = tsys(init, SYS_shmat, m, 0L, 0L);
    CHECK(at > 0);
    long sem = tsys(init, SYS_semget, (long)IPC_PRIVATE, 2L, 0600L);
    CHECK(sem >= 0);
    CHECK_EQ(tsys(init, SYS_semctl, sem, 1L, (long)SETVAL, 3L), 0);
    struct proc *c = tchild();
    struct k_sembuf down = { 0, -1, 0 };
    uptr ops = ubytes(c, &down, sizeof down);
    CHECK_EQ(tsys(c, SYS_semop, sem, (long)ops, 1L, 0L), KERN_BLOCK);

    const char *s = snapshot();
    CHECK_HAS(s, "obj\tkind=msgq\tid=%ld\tqnum=2\tcbytes=7\ttypes=2,5\twaiters=", q);
    CHECK_HAS(s, "obj\tkind=shm\tid=%ld\tsize=4096\tnattch=1\tdest=0", m);
    CHECK_HAS(s, "edge\tpid=1\tfd=-1\tkind=shm\tid=%ld\trole=attached\taddr=0x%lx", m,
              (unsigned long)at);
    CHECK_HAS(s, "obj\tkind=sem\tid=%ld\tnsems=2\tvalues=0,3\twaitfor=%d:0:incr\twaiters=%d",
              sem, c->pid, c->pid);
    CHECK_HAS(s, "proc\tpid=%d\tstate=S\twait=semop %ld", c->pid, sem);

    tkill_reap(c, SIGKILL);
    CHECK_EQ(tsys(init, SYS_semctl, sem, 0L, (long)IPC_RMID, 0L), 0);
    CHECK_EQ(tsys(init, SYS_shmdt, at), 0);
    CHECK_EQ(tsys(init, SYS_shmctl, m, (long)IPC_RMID, 0L), 0);
    trmid(init, q);
    s = snapshot();
    CHECK(strstr(s, "obj\t") == NULL);
}

TEST(snapshot_shows_channels_ports_and_named_semaphores_with_their_handles)
{
    int ch[2];
    CHECK_EQ(tchan(init, ch, 4, 8, 0), 0);
    CHECK_EQ(tsend_int(init, ch[1], 7), 0);
    long port = tport(init, 0);
    CHECK(port >= 0);
    long weak = tsys(init, SYS_port_derive, port, (long)PORT_SEND, 0L);
    CHECK(weak >= 0);
    long ps = tsys(init, SYS_sem_open, (long)ustr(init, "/view"), (long)O_CREAT, 0600L, 2L);
    CHECK(ps >= 0);

    const char *s = snapshot();
    CHECK_HAS(s, "obj\tkind=chan\tcount=1\tcapacity=8\tmsgsize=4\tsenders=1\treceivers=1");
    CHECK_HAS(s, "edge\tpid=1\tfd=%d\tkind=chan\trole=recv", ch[0]);
    CHECK_HAS(s, "edge\tpid=1\tfd=%d\tkind=chan\trole=send", ch[1]);
    CHECK_HAS(s, "obj\tkind=port\tqueued=0\thandles=2\treceivers=1");
    CHECK_HAS(s, "edge\tpid=1\tfd=%ld\tkind=port\trole=handle\trights=srmg", port);
    CHECK_HAS(s, "edge\tpid=1\tfd=%ld\tkind=port\trole=handle\trights=s", weak);
    CHECK_HAS(s, "obj\tkind=psem\tid=/view\tvalue=2\tlinked=1\topen=1");
    CHECK_HAS(s, "edge\tpid=1\tfd=%ld\tkind=psem\tid=/view\trole=open", ps);

    tclose(init, ps);
    CHECK_EQ(tsys(init, SYS_sem_unlink, (long)ustr(init, "/view")), 0);
    tclose(init, weak);
    tclose(init, port);
    tclose(init, ch[0]);
    tclose(init, ch[1]);
    CHECK(strstr(snapshot(), "obj\t") == NULL);
}

/* Sockets and POSIX message queues: their state and what waits in them,
 * and the descriptors that reach them. */
TEST(snapshot_shows_sockets_and_posix_queues)
{
    int sv[2];
    CHECK_EQ(tpair(init, SOCK_STREAM, sv), 0);
    CHECK_EQ(twrite(init, sv[0], "hello"), 5);
    long q = mcreate("jobs", 4, 16);
    CHECK(q >= 0);
    CHECK_EQ(msend(init, q, "a", 3), 0);
    CHECK_EQ(msend(init, q, "b", 7), 0);

    const char *s = snapshot();
    CHECK_HAS(s, "obj\tkind=sock\ttype=stream\tstate=connected\tqueued=5");
    CHECK_HAS(s, "obj\tkind=sock\ttype=stream\tstate=connected\tqueued=0");
    CHECK_HAS(s, "edge\tpid=1\tfd=%d\tkind=sock\trole=socket", sv[0]);
    CHECK_HAS(s, "edge\tpid=1\tfd=%d\tkind=sock\trole=socket", sv[1]);
    CHECK_HAS(s, "obj\tkind=mq\tmsgs=2\tmaxmsg=4\tbytes=2\tprios=7,3");
    CHECK_HAS(s, "edge\tpid=1\tfd=%ld\tkind=mq\trole=send,recv", q);

    tclose(init, q);
    CHECK_EQ(munlink(init, "jobs"), 0);
    tclose(init, sv[0]);
    tclose(init, sv[1]);
    CHECK(strstr(snapshot(), "obj\t") == NULL);
}

/* A snapshot larger than its buffer says how large it is, and what did
 * fit is its beginning. */
TEST(snapshot_too_big_says_its_size)
{
    char whole[1 << 16], part[16];
    size_t n = kernel_snapshot(whole, sizeof whole);
    CHECK(n > sizeof part);
    CHECK_EQ(kernel_snapshot(part, sizeof part), n);
    CHECK_EQ(strlen(part), sizeof part - 1);
    CHECK(memcmp(part, whole, sizeof part - 1) == 0);
    CHECK_EQ(kernel_snapshot(NULL, 0), n);
}
