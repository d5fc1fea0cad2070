/*
 * trace.c - the system calls of traced processes, as lines of text (the
 * `trace` program's kernel half).
 *
 * A process that calls trace_open becomes a tracer: it gets a descriptor on
 * a new trace buffer, and every child it spawns or forks from then on is
 * traced into that buffer (with TRACE_FOLLOW, their children too). For each
 * call of a traced process the kernel writes one line, as strace prints it:
 *
 *     read(3, "hello\n", 4096) = 6
 *     open("/nope", O_RDONLY) = -1 ENOENT (No such file or directory)
 *     read(0, <blocks: pipe 3 read>
 *     <... read resumed> "x", 1) = 1
 *
 * and the tracer reads the lines from its descriptor and writes them where
 * it likes (stderr, -o FILE). The kernel never writes to a file for a
 * tracee: a write to the tracer's terminal may have to wait, and a call
 * must not wait half-way. Instead a traced process that finds the buffer
 * nearly full waits, before its call starts, until the tracer has read
 * (room for two lines is kept: a call's line and the next one's block), so
 * nothing is lost and the tracer sets the pace. A call that blocks is
 * re-issued from the start by the platform: its line is printed once, when
 * it first blocks, and completed when it finally returns.
 *
 * Untraced processes pay one test of p->trace in kernel_syscall.
 */
#include "kernel.h"
#include "uapi/syscall.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "uapi/trace.h"
#include "uapi/socket.h"
#include "uapi/mqueue.h"

#define TRACE_BUF   16384           /* the buffer a tracer reads */
#define TRACE_LINE  256             /* a line longer than this is cut */
#define SHOW_BYTES  32              /* of a buffer or string argument */

struct tracebuf {
    char        *data;
    size_t       head, len;         /* a ring: len bytes from head */
    int          flags;             /* TRACE_FOLLOW, TRACE_PIDS */
    int          refs;              /* the tracer's descriptor and each struct trace */
    int          ntraced;           /* processes traced into it, alive */
    bool         reader;            /* the tracer's descriptor is open */
    struct proc *tracer;            /* who opened it, while it traces */
    struct waitq rwait, wwait;      /* the tracer reading; tracees wanting room */
};

struct trace {
    struct tracebuf *tb;
    bool    self;                   /* p's calls are traced (else p is the tracer) */
    bool    follow;                 /* p's children are traced */
    bool    blocked;                /* p's call was shown blocking */
    bool    room_wait;              /* p waits for room before a call ... */
    bool    room_blocked_call;      /* ... and p->blocked_call as it was */
    size_t  len;
    char    line[TRACE_LINE];
};

/* ---- the buffer ------------------------------------------------------------ */

static size_t tb_room(struct tracebuf *tb)
{
    return TRACE_BUF - tb->len;
}

static void tb_put(struct tracebuf *tb, const char *s, size_t n)
{
    if (!tb->reader)
        return;                     /* nobody will read it */
    if (n > tb_room(tb))
        n = tb_room(tb);            /* only an exit line can find it full */
    for (size_t i = 0; i < n; i++)
        tb->data[(tb->head + tb->len + i) % TRACE_BUF] = s[i];
    tb->len += n;
    wakeup(&tb->rwait);
}

static void tb_put_ref(struct tracebuf *tb)
{
    if (--tb->refs > 0)
        return;
    kfree(tb->data);
    kfree(tb);
}

static long tb_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    struct tracebuf *tb = f->obj;
    if (tb->len == 0) {
        if (tb->ntraced == 0)
            return 0;
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        return sleep_on(p, &tb->rwait, "trace read");
    }
    if (n > tb->len)
        n = tb->len;
    size_t first = TRACE_BUF - tb->head < n ? TRACE_BUF - tb->head : n;
    if (copyout(p, buf, tb->data + tb->head, first) < 0 ||
        copyout(p, buf + first, tb->data, n - first) < 0)
        return -EFAULT;
    tb->head = (tb->head + n) % TRACE_BUF;
    tb->len -= n;
    wakeup(&tb->wwait);
    return (long)n;
}

static void trace_release(struct proc *p);

/* The tracer's descriptor is gone: nobody can read, so its process stops
 * tracing (the children it spawns from now on are not traced, and it may
 * trace_open again); what is traced already runs on, its lines dropped. */
static void tb_close(struct file *f)
{
    struct tracebuf *tb = f->obj;
    struct proc *tr = tb->tracer;
    if (tr && tr->trace && tr->trace->tb == tb && !tr->trace->self)
        trace_release(tr);
    tb->reader = false;
    tb->len = 0;
    wakeup(&tb->wwait);             /* tracees stop waiting for room */
    tb_put_ref(tb);
}

static const struct fileops trace_ops = {
    .name  = "trace",
    .close = tb_close,
    .read  = tb_read,
};

/* ---- who is traced --------------------------------------------------------- */

static struct trace *trace_new(struct tracebuf *tb, bool self, bool follow)
{
    struct trace *t = kzalloc(sizeof *t);
    if (!t)
        return NULL;
    t->tb = tb;
    t->self = self;
    t->follow = follow;
    tb->refs++;
    if (self)
        tb->ntraced++;
    return t;
}

static void trace_release(struct proc *p)
{
    struct trace *t = p->trace;
    p->trace = NULL;
    if (!t->self && t->tb->tracer == p)
        t->tb->tracer = NULL;
    if (t->self && --t->tb->ntraced == 0)
        wakeup(&t->tb->rwait);      /* the reader sees the end */
    tb_put_ref(t->tb);
    kfree(t);
}

long sys_trace_open(struct proc *p, const long *a)
{
    if (p->trace)
        return -EBUSY;              /* traced, or tracing already */
    struct tracebuf *tb = kzalloc(sizeof *tb);
    char *data = kalloc(TRACE_BUF);
    struct file *f = data && tb ? file_alloc() : NULL;
    if (!f) {
        kfree(data);
        kfree(tb);
        return -ENOMEM;
    }
    tb->data = data;
    tb->flags = (int)a[0] & (TRACE_FOLLOW | TRACE_PIDS);
    tb->reader = true;
    tb->refs = 1;                   /* the descriptor's */
    tb->tracer = p;
    f->type = F_OBJ;
    f->flags = O_RDONLY;
    f->ops = &trace_ops;
    f->obj = tb;
    p->trace = trace_new(tb, false, true);
    int fd = p->trace ? fd_alloc(p, f, 0) : -ENOMEM;
    if (fd < 0) {
        if (p->trace)
            trace_release(p);
        file_close(f);
        return fd;
    }
    p->cloexec |= (uint64_t)1 << fd;  /* the traced children must not hold it */
    return fd;
}

void trace_fork(struct proc *child, struct proc *parent)
{
    struct trace *t = parent->trace;
    if (t->follow)
        child->trace = trace_new(t->tb, true, (t->tb->flags & TRACE_FOLLOW) != 0);
}

/* ---- writing a line ---------------------------------------------------------- */

static void put(struct trace *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(t->line + t->len, sizeof t->line - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
    if (t->len > sizeof t->line - 1)
        t->len = sizeof t->line - 1;
}

static void line_start(struct proc *p, struct trace *t)
{
    t->len = 0;
    if (t->tb->flags & TRACE_PIDS)
        put(t, "[pid %d] ", p->pid);
}

static void line_end(struct trace *t)
{
    if (t->len > sizeof t->line - 2)
        t->len = sizeof t->line - 2;
    t->line[t->len++] = '\n';
    tb_put(t->tb, t->line, t->len);
    t->len = 0;
}

/* Bytes as a C string: "hello\n", cut after SHOW_BYTES with "...". */
static void put_bytes(struct trace *t, const char *s, size_t n, bool cut)
{
    put(t, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')      put(t, "\\n");
        else if (c == '\t') put(t, "\\t");
        else if (c == '\r') put(t, "\\r");
        else if (c == '"' || c == '\\') put(t, "\\%c", c);
        else if (c >= 32 && c < 127) put(t, "%c", c);
        else put(t, "\\%c%c%c", '0' + (c >> 6), '0' + ((c >> 3) & 7), '0' + (c & 7));
    }
    put(t, cut ? "\"..." : "\"");
}

static void put_user_bytes(struct proc *p, struct trace *t, uptr u, long n)
{
    char buf[SHOW_BYTES];
    size_t show = n > SHOW_BYTES ? SHOW_BYTES : (size_t)n;
    if (n < 0 || copyin(p, buf, u, show) < 0)
        put(t, "%p", (void *)u);
    else
        put_bytes(t, buf, show, (size_t)n > show);
}

static void put_user_str(struct proc *p, struct trace *t, uptr u)
{
    static char buf[PATH_MAX];      /* one call formats at a time */
    if (!u) {
        put(t, "NULL");
        return;
    }
    long n = plat_copyinstr(p, buf, u, sizeof buf);
    if (n < 0)
        put(t, "%p", (void *)u);
    else
        put_bytes(t, buf, (size_t)n > SHOW_BYTES * 2 ? SHOW_BYTES * 2 : (size_t)n,
                  (size_t)n > SHOW_BYTES * 2);
}

static void put_octal(struct trace *t, unsigned long v)
{
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)('0' + (v & 7));
        v >>= 3;
    } while (v);
    put(t, "0");
    while (n > 0)
        put(t, "%c", d[--n]);
}

/* Flags by name (tracetab.c's for kind k) after what sep follows, and
 * bits without a name in hexadecimal; nothing at all prints as 0. */
static void put_flags(struct trace *t, int k, unsigned long v, const char *sep)
{
    size_t n;
    const struct symbol *bits = arg_flag_names(k, &n);
    bool any = *sep != '\0';
    for (size_t i = 0; i < n; i++) {
        if (v & bits[i].value) {
            put(t, "%s%s", sep, bits[i].name);
            v &= ~bits[i].value;
            sep = "|";
            any = true;
        }
    }
    if (v)
        put(t, "%s0x%lx", sep, v);
    else if (!any)
        put(t, "0");
}

/* Open flags: O_RDONLY|O_CREAT... With accmode false (pipe2's flags) there
 * is no access mode. */
static void put_oflags(struct trace *t, unsigned long v, bool accmode)
{
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };
    if (!accmode) {
        put_flags(t, A_FDFLAGS, v, "");
        return;
    }
    put(t, "%s", modes[v & O_ACCMODE]);
    put_flags(t, A_OFLAGS, v & ~(unsigned long)O_ACCMODE, "|");
}

/* A constant by its name (AF_UNIX), else as a number. */
static void put_named(struct trace *t, int k, long v)
{
    const char *name = arg_value_name(k, v);
    if (name)
        put(t, "%s", name);
    else
        put(t, "%ld", v);
}

/* A socket type and its flags: SOCK_STREAM|SOCK_CLOEXEC. */
static void put_socktype(struct trace *t, long v)
{
    put_named(t, A_SOCKTYPE, v & SOCK_TYPE_MASK);
    put_flags(t, A_SOCKTYPE, (unsigned long)v & ~(unsigned long)SOCK_TYPE_MASK, "|");
}

/* A Unix-domain address of len bytes: {sun_family=AF_UNIX, sun_path="/tmp/s"},
 * an abstract name as sun_path=@"name". */
static void put_sockaddr(struct proc *p, struct trace *t, uptr u, long len)
{
    struct k_sockaddr_un a;
    if (!u) {
        put(t, "NULL");
        return;
    }
    if (len > (long)sizeof a)
        len = (long)sizeof a;
    if (len < (long)sizeof a.sun_family || copyin(p, &a, u, (size_t)len) < 0) {
        put(t, "%p", (void *)u);
        return;
    }
    put(t, "{sun_family=");
    put_named(t, A_AF, a.sun_family);
    size_t n = (size_t)len - SUN_PATH_OFFSET;
    if (n > 0 && a.sun_path[0] == '\0') {
        put(t, ", sun_path=@");
        put_bytes(t, a.sun_path + 1, MIN(n - 1, (size_t)SHOW_BYTES * 2), n - 1 > SHOW_BYTES * 2);
    } else if (n > 0) {
        size_t l = 0;
        while (l < n && a.sun_path[l])
            l++;
        put(t, ", sun_path=");
        put_bytes(t, a.sun_path, MIN(l, (size_t)SHOW_BYTES * 2), l > SHOW_BYTES * 2);
    }
    put(t, "}");
}

/* An address the call filled: its length is in the uint32_t at ulen. */
static void put_sockaddr_out(struct proc *p, struct trace *t, uptr u, uptr ulen, bool failed)
{
    uint32_t len;
    if (!u)
        put(t, "NULL");
    else if (failed || !ulen || copyin(p, &len, ulen, sizeof len) < 0)
        put(t, "%p", (void *)u);
    else
        put_sockaddr(p, t, u, (long)len);
}

/* A POSIX queue's attributes: {mq_flags=0, mq_maxmsg=10, mq_msgsize=64, mq_curmsgs=0}. */
static void put_mqattr(struct proc *p, struct trace *t, uptr u, bool failed)
{
    struct k_mq_attr at;
    if (!u) {
        put(t, "NULL");
        return;
    }
    if (failed || copyin(p, &at, u, sizeof at) < 0) {
        put(t, "%p", (void *)u);
        return;
    }
    put(t, "{mq_flags=");
    put_oflags(t, (unsigned long)at.mq_flags, false);
    put(t, ", mq_maxmsg=%ld, mq_msgsize=%ld, mq_curmsgs=%ld}", (long)at.mq_maxmsg,
        (long)at.mq_msgsize, (long)at.mq_curmsgs);
}

/* A System V message: {mtype=2, "text"}; the text is n bytes long. */
static void put_msg(struct proc *p, struct trace *t, uptr u, long n)
{
    long type;
    if (n < 0 || copyin(p, &type, u, sizeof type) < 0) {
        put(t, "%p", (void *)u);
        return;
    }
    put(t, "{mtype=%ld, ", type);
    put_user_bytes(p, t, u + sizeof(long), n);
    put(t, "}");
}

static void put_int_out(struct proc *p, struct trace *t, uptr u, bool fds)
{
    int32_t v[2];
    if (!u)
        put(t, "NULL");
    else if (copyin(p, v, u, fds ? sizeof v : sizeof v[0]) < 0)
        put(t, "%p", (void *)u);
    else if (fds)
        put(t, "[%d, %d]", v[0], v[1]);
    else
        put(t, "[%d]", v[0]);
}

static void put_wstatus(struct proc *p, struct trace *t, uptr u)
{
    int32_t s;
    if (!u || copyin(p, &s, u, sizeof s) < 0) {
        put(t, u ? "%p" : "NULL", (void *)u);
        return;
    }
    if (WIFEXITED(s))
        put(t, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", WEXITSTATUS(s));
    else if (WIFSIGNALED(s) && signal_name(WTERMSIG(s)))
        put(t, "[{WIFSIGNALED(s) && WTERMSIG(s) == %s}]", signal_name(WTERMSIG(s)));
    else
        put(t, "[0x%x]", s);
}

/* Argument i of call d, whose result is r (when it has returned). */
static void put_arg(struct proc *p, struct trace *t, const struct sysdesc *d,
                    const long *a, int i, long r)
{
    long v = a[i];
    bool failed = r < 0;
    switch (d->kind[i]) {
    case A_INT: case A_FD: put(t, "%ld", v); break;
    case A_HEX:     put(t, "0x%lx", (unsigned long)v); break;
    case A_PTR:     put(t, v ? "%p" : "NULL", (void *)v); break;
    case A_STR:     put_user_str(p, t, (uptr)v); break;
    case A_BUF_IN:  put_user_bytes(p, t, (uptr)v, i < 5 ? a[i + 1] : 0); break;
    case A_OFLAGS:  put_oflags(t, (unsigned long)v, true); break;
    case A_FDFLAGS: put_oflags(t, (unsigned long)v, false); break;
    case A_OCT:     put_octal(t, (unsigned long)v); break;
    case A_OCTFLAGS:
        if (v & ~0777L)
            put(t, "0x%lx|", (unsigned long)v & ~0777UL);
        put_octal(t, (unsigned long)v & 0777);
        break;
    case A_SIG:
        if (signal_name((int)v)) put(t, "%s", signal_name((int)v));
        else put(t, "%ld", v);
        break;
    case A_STRUCT:  put(t, v ? "{...}" : "NULL"); break;
    case A_MSG_IN:  put_msg(p, t, (uptr)v, i < 5 ? a[i + 1] : 0); break;
    case A_SEMBUF:  put(t, "{...}"); break;
    case A_AF: case A_SHUT: case A_SOCKLEVEL: case A_SOCKOPT: case A_RLIMIT:
        put_named(t, d->kind[i], v);
        break;
    case A_SOCKTYPE: put_socktype(t, v); break;
    case A_SOCKFLAGS: case A_MSGFLAGS: put_flags(t, d->kind[i], (unsigned long)v, ""); break;
    case A_SOCKADDR: put_sockaddr(p, t, (uptr)v, i < 5 ? a[i + 1] : 0); break;
    case A_MQATTR:  put_mqattr(p, t, (uptr)v, false); break;
    case A_BUF_OUT: if (failed) put(t, "%p", (void *)v); else put_user_bytes(p, t, (uptr)v, r); break;
    case A_STR_OUT: if (failed) put(t, "%p", (void *)v); else put_user_str(p, t, (uptr)v); break;
    case A_FDS_OUT: put_int_out(p, t, failed ? 0 : (uptr)v, true); break;
    case A_INT_OUT: put_int_out(p, t, failed ? 0 : (uptr)v, false); break;
    case A_WSTATUS_OUT: put_wstatus(p, t, failed ? 0 : (uptr)v); break;
    case A_MSG_OUT: put_msg(p, t, (uptr)v, failed ? -1 : r); break;
    case A_STRUCT_OUT: put(t, !v ? "NULL" : failed ? "%p" : "{...}", (void *)v); break;
    case A_SOCKADDR_OUT: put_sockaddr_out(p, t, (uptr)v, i < 5 ? (uptr)a[i + 1] : 0, failed); break;
    case A_MQATTR_OUT: put_mqattr(p, t, (uptr)v, failed); break;
    }
}

/* The mode of open and mq_open, and mq_open's attributes, mean something
 * only with O_CREAT: strace leaves them out. */
static bool shown(const struct sysdesc *d, const long *a, int i)
{
    if (d->kind[i] != A_OCT && d->kind[i] != A_MQATTR)
        return true;
    for (int j = 0; j < i; j++)
        if (d->kind[j] == A_OFLAGS)
            return (a[j] & O_CREAT) != 0;
    return true;
}

static int nargs(const struct sysdesc *d)
{
    int n = 0;
    while (n < 6 && d->kind[n] != A_NONE)
        n++;
    return n;
}

/* The arguments the call reads: those before the first it fills. */
static int args_in(const struct sysdesc *d)
{
    int n = 0;
    while (n < 6 && d->kind[n] != A_NONE && d->kind[n] < A_OUT)
        n++;
    return n;
}

static void put_result(struct trace *t, long nr, long r)
{
    const char *name, *text;
    if (r == KERN_RESTART)
        put(t, " = ? (restarted after the signal handlers)");
    else if (r < 0 && errno_describe((int)-r, &name, &text))
        put(t, " = -1 %s (%s)", name, text);
    else if (r < 0)
        put(t, " = -1 errno %ld", -r);
    else if (nr == SYS_mmap || nr == SYS_shmat || nr == SYS_brk)
        put(t, " = 0x%lx", (unsigned long)r);
    else
        put(t, " = %ld", r);
}

long trace_syscall(struct proc *p, long nr, const long *a)
{
    struct trace *t = p->trace;
    if (!t->self)
        return syscall_run(p, nr, a);   /* the tracer itself */
    if (t->room_wait) {                 /* the call had not started */
        t->room_wait = false;
        p->blocked_call = t->room_blocked_call;
    }
    if (t->tb->reader && tb_room(t->tb) < 2 * TRACE_LINE) {
        t->room_wait = true;
        t->room_blocked_call = p->blocked_call;
        p->blocked_call = false;
        return sleep_on(p, &t->tb->wwait, "trace write");
    }

    const struct sysdesc *d = sysdesc(nr);
    static const struct sysdesc unknown = { NULL, { A_HEX, A_HEX, A_HEX } };
    if (!d)
        d = &unknown;
    bool resumed = t->blocked && p->blocked_call;
    int from = 0;
    line_start(p, t);
    if (resumed) {
        put(t, "<... %s resumed> ", d->name ? d->name : "syscall");
        from = args_in(d);
    } else {
        t->blocked = false;
        if (d->name) put(t, "%s(", d->name);
        else put(t, "syscall_%ld(", nr);
        for (; from < args_in(d); from++) {
            if (!shown(d, a, from))
                continue;
            if (from > 0)
                put(t, ", ");
            put_arg(p, t, d, a, from, 0);
        }
    }
    if (nr == SYS_exit) {               /* it does not return */
        put(t, ") = ?");
        line_end(t);
    }

    long r = syscall_run(p, nr, a);
    if (p->trace != t)
        return r;                       /* p has exited (trace_exit said so) */
    if (r == KERN_BLOCK) {
        if (!t->blocked) {
            put(t, "%s<blocks: %s>", from > 0 ? ", " : "", p->wait_what);
            line_end(t);
            t->blocked = true;
        }
        t->len = 0;
        return r;
    }
    for (int i = from; i < nargs(d); i++) {
        if (!shown(d, a, i))
            continue;
        if (i > 0 && !(resumed && i == from))
            put(t, ", ");
        put_arg(p, t, d, a, i, r);
    }
    put(t, ")");
    put_result(t, nr, r == KERN_EXEC ? 0 : r);
    line_end(t);
    t->blocked = false;
    return r;
}

/* p ends: its last line ("+++ exited with 0 +++"), and it is traced no more. */
void trace_exit(struct proc *p, int status)
{
    struct trace *t = p->trace;
    if (t->self) {
        line_start(p, t);
        if (WIFSIGNALED(status) && signal_name(WTERMSIG(status)))
            put(t, "+++ killed by %s +++", signal_name(WTERMSIG(status)));
        else
            put(t, "+++ exited with %d +++", WEXITSTATUS(status));
        line_end(t);
    }
    trace_release(p);
}

/* A process slot freed without ever running (a spawn that failed). */
void trace_forget(struct proc *p)
{
    trace_release(p);
}
