/*
 * args.c - the arguments of a system call, made from the input's bytes.
 *
 * Each parameter of each call has a kind (calls.c). The simple kinds are
 * numbers (values.c); here are pointers, paths and structures. Pointers go
 * into a scratch area of the caller's memory (its arena) filled with the
 * structure the call reads, or just outside user memory, or to null, or
 * somewhere unaligned.
 *
 * Paths: the system's files (/bin, /dev, the directories made at boot) may
 * be looked at, opened read-only, executed, chmod-ed; only paths that
 * cannot name them are given to calls that create, remove or rename
 * (K_WPATH), and an open of a system file is made read-only. So everything
 * an input creates can be removed at its end and the kernel's counts
 * compared with those after boot.
 */
#include <limits.h>

#include "fuzz.h"
#include "../../kernel/uapi/ipc.h"
#include "../../kernel/uapi/chan.h"
#include "../../kernel/uapi/port.h"
#include "../../kernel/uapi/poll.h"
#include "../../kernel/uapi/mman.h"
#include "../../kernel/uapi/trace.h"

/* ---- memory of the caller ------------------------------------------------------ */

/* Write n bytes at a in the caller's memory, as far as they can go: up to
 * the end of its memory or a part made to fault. (Bytes left from an
 * earlier argument must not be read as this one: a path must never become
 * a system file's that way.) */
static void put(struct gen *g, uptr a, const void *b, size_t n)
{
    if (plat_copyout(g->fp->p, a, b, n) == 0)
        return;
    for (size_t i = 0; i < n; i++)
        if (plat_copyout(g->fp->p, a + i, (const char *)b + i, 1) < 0)
            break;
}

static uptr slice(struct gen *g, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n > ARENA_HI - ARENA_LO)
        n = ARENA_HI - ARENA_LO;
    if (g->bump + n > ARENA_HI || g->bump < ARENA_LO)
        g->bump = ARENA_LO;
    uptr a = g->bump;
    g->bump += n;
    return a;
}

/* A pointer for `need` bytes: mostly fresh room in the arena, sometimes
 * an address a careless or hostile program would pass. */
static uptr pointer(struct gen *g, size_t need)
{
    uint8_t s = in_u8(g->in);
    if (s < 0xb0)
        return slice(g, need);
    if (s < 0xb8)
        return slice(g, need + 8) + (s & 7);
    switch (s) {
    case 0xb8: return 0;
    case 0xb9: return 1;
    case 0xba: return UBASE - 1;
    case 0xbb: return UBASE - 8;
    case 0xbc: return UBASE + USIZE - need / 2;
    case 0xbd: return UBASE + USIZE - 1;
    case 0xbe: return UBASE + USIZE;
    case 0xbf: return ~0UL;
    case 0xc0: return 1UL << 63;
    case 0xc1: return UBASE + USIZE - need;
    }
    if (s < 0xca)
        return SHM_LO + (uptr)(s - 0xc2) * 4096;
    return ARENA_LO + (uptr)(s - 0xca) * 256;
}

/* An address where no user memory is. (A pointer into the arena at bytes
 * an earlier argument left would be read as whatever those say: a path
 * argument must never become a system file's path that way.) */
static uptr bad_pointer(struct gen *g)
{
    static const uptr bad[] = { 0, 1, UBASE - 1, UBASE + USIZE, ~0UL, 1UL << 63, UBASE - 8, 4096 };
    return bad[in_u8(g->in) % 8];
}

/* Bytes of the input: a length from a table, filled by repeating up to
 * 16 bytes that follow it (so a large buffer costs a few input bytes). */
static size_t blob(struct gen *g, uint8_t *buf, size_t cap)
{
    static const size_t small[] = { 0, 1, 2, 3, 4, 8, 16, 24, 32, 40, 64, 100, 128 };
    static const size_t large[] = { 255, 512, 4095, 4096, 4097, 8192, 16384, 65536 };
    uint8_t b = in_u8(g->in);
    size_t len = b < 0xe0 ? small[b % N(small)] : large[b % N(large)];
    if (len > cap)
        len = cap;
    uint8_t seed[16];
    size_t k = in_u8(g->in) % 17;
    for (size_t i = 0; i < k; i++)
        seed[i] = in_u8(g->in);
    if (k == 0) {
        memset(buf, 0, len);
        return len;
    }
    size_t have = MIN(k, len);
    memcpy(buf, seed, have);
    while (have < len) {                 /* the pattern, doubled until it fills */
        size_t more = MIN(have, len - have);
        memcpy(buf + have, buf, more);
        have += more;
    }
    return len;
}

static uint8_t big[MAX_ARG_STRLEN + 4096]; /* room for any blob or string */

/* A pointer to a copy of b (n bytes), or a bad pointer. */
static uptr place(struct gen *g, int i, const void *b, size_t n, const char *what)
{
    uptr a = pointer(g, n);
    put(g, a, b, n);
    show_ptr(g, i, a, what);
    return a;
}

/* ---- paths and names --------------------------------------------------------- */

#define LONGNAME "/tmp/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
    "xxxxxxxxxxxxx"                      /* a last component of NAME_MAX + 1 bytes */

/* Paths that create or remove nothing of the system's: under /tmp, or
 * relative names no system file has. */
static const char *const wpaths[] = {
    "/tmp/a", "/tmp/b", "/tmp/d", "/tmp/d/a", "/tmp/d/e", "/tmp/d/e/f", "/tmp/f", "/tmp/p",
    "a", "b", "d", "d/a", "f", "q", ".", "..", "", "/", "/tmp/a/", "/tmp/d/", "/tmp/d/.",
    "/tmp/d/..", "/tmp/..", "//tmp//d//a", "/tmp/./b", "/nonexistent/a", "/tmp/a/b",
    "/dev/null/a", LONGNAME, "/dev/shm/a", "/dev/shm/b",
};

/* Paths to look at; those marked protect are opened read-only. */
static const struct { const char *path; bool protect; } rpaths[] = {
    { "/", false }, { "/tmp", false }, { "/bin", false }, { "/dev", false },
    { "/bin/init", true }, { "/bin/p", true }, { "/dev/null", false }, { "/dev/zero", false },
    { "/dev/tty", false }, { "/dev/console", false }, { "/dev/hostout", false },
    { "/dev/hosterr", false }, { "/dev/hostin", false }, { "..", true }, { "../bin/p", true },
    { "/nonexistent", false }, { "/bin/init/", true }, { "/tmp/", false },
};

static uptr path_arg(struct gen *g, int i, bool write)
{
    uint8_t b = in_u8(g->in);
    const char *s;
    if (b >= 0xf8) {                     /* bad pointers, and a path too long */
        if (b == 0xff) {
            memset(big, 'a', PATH_MAX + 8);
            big[0] = '/';
            big[PATH_MAX + 8] = 0;
            return place(g, i, big, PATH_MAX + 9, " (PATH_MAX+8 bytes)");
        }
        if (b == 0xfe) {                 /* runs off the end of user memory */
            uptr a = UBASE + USIZE - 4;
            put(g, a, "/tmp", 4);
            show(g, i, "(unterminated at the end of memory)");
            return a;
        }
        uptr a = bad_pointer(g);
        show_ptr(g, i, a, "");
        return a;
    }
    if (write || b < 0x80) {
        s = wpaths[b % N(wpaths)];
    } else {
        int k = b % N(rpaths);
        s = rpaths[k].path;
        g->protect |= rpaths[k].protect;
    }
    uptr a = slice(g, strlen(s) + 1);
    put(g, a, s, strlen(s) + 1);
    show(g, i, strlen(s) > 40 ? "\"%.24s...\"" : "\"%s\"", s);
    return a;
}

const char *arg_wpath_name(uint8_t b) { return wpaths[b % N(wpaths)]; }

/* download's names: plain, or with a slash, or none, or too long. */
static const char *const file_names[] = { "f.txt", "a", "", ".", "..", "d/a", "/tmp/a", LONGNAME };

static const char *const psem_names[] = { "/s1", "/s2", "s3", "/", "", "/a/b", "/s1/", LONGNAME };

static uptr name_arg(struct gen *g, int i, const char *const *names, int n)
{
    uint8_t b = in_u8(g->in);
    if (b >= 0xf8) {
        uptr a = bad_pointer(g);
        show_ptr(g, i, a, "");
        return a;
    }
    const char *s = names[b % n];
    uptr a = slice(g, strlen(s) + 1);
    put(g, a, s, strlen(s) + 1);
    show(g, i, strlen(s) > 40 ? "\"%.24s...\"" : "\"%s\"", s);
    return a;
}

static const char *const port_names[] = {
    "echo", "svc", "", "x", "0123456789012345678901234567890",
    "01234567890123456789012345678901",  /* PORT_NAME_MAX: too long by one */
};

/* ---- structures ------------------------------------------------------------------------ */

static uptr timespec_arg(struct gen *g, int i, bool absolute)
{
    static const struct k_timespec ts[] = {
        { 0, 0 }, { 0, 1 }, { 0, 1000 }, { 0, 1000000 }, { 0, 10000000 }, { 0, 100000000 },
        { 1, 0 }, { 2, 500000000 }, { 0, 999999999 }, { 0, 1000000000 }, { -1, 0 }, { 0, -1 },
        { LLONG_MAX, 999999999 }, { 3600, 0 }, { 9223372037LL, 0 }, { LLONG_MIN, 0 },
    };
    uint8_t b = in_u8(g->in);
    if (b < 0x20) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_timespec t = ts[b % N(ts)];
    if (b >= 0xf0) {
        t.tv_sec = (int64_t)in_u64(g->in);
        t.tv_nsec = (int64_t)in_u64(g->in);
    } else if (absolute && b < 0xc0) {   /* near now, on the realtime clock */
        static const int64_t after[] = { -1000000000, 0, 1000000, 10000000, 100000000,
                                         1000000000, 2500000000, 3600000000000 };
        uint64_t when = plat_clock_ns(CLOCK_REALTIME) + (uint64_t)after[b % 8];
        t.tv_sec = (int64_t)(when / 1000000000);
        t.tv_nsec = (int64_t)(when % 1000000000);
    }
    char what[64];
    WHAT(what, " {%lld, %lld}", (long long)t.tv_sec, (long long)t.tv_nsec);
    return place(g, i, &t, sizeof t, what);
}

/* setrlimit's and prlimit64's new limit: NULL, or a soft and a hard value
 * each from the bounds that mean something to the kernel (the descriptor
 * table, which no hard value may pass; a few descriptors or processes; a
 * short file; infinity), so that soft above hard and a raised hard value
 * come up as often as limits that hold. */
static uptr rlimit_arg(struct gen *g, int i)
{
    static const uint64_t v[] = { 0, 1, 3, 5, 100, NOFILE, NOFILE + 1, K_RLIM_INFINITY };
    if (in_u8(g->in) < 0x10) {
        show(g, i, "NULL");
        return 0;
    }
    uint8_t b = in_u8(g->in);
    struct k_rlimit r = { v[b & 7], v[b >> 3 & 7] };
    char what[64];
    WHAT(what, " {soft %llu, hard %llu}", (unsigned long long)r.rlim_cur,
         (unsigned long long)r.rlim_max);
    return place(g, i, &r, sizeof r, what);
}

/* utimensat's times[2]: NULL (both now), or each one of now, omit, a time,
 * or a bad nanosecond count. */
static uptr times_arg(struct gen *g, int i)
{
    static const struct k_timespec ts[] = {
        { 0, UTIME_NOW }, { 0, UTIME_OMIT }, { 0, 0 }, { 1700000000, 500 }, { -1, 0 },
        { 0, 1000000000 }, { 0, -1 }, { LLONG_MAX, 999999999 },
    };
    uint8_t b = in_u8(g->in);
    if (b < 0x20) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_timespec t[2] = { ts[b % N(ts)], ts[(b >> 3) % N(ts)] };
    char what[96];
    WHAT(what, " {{%lld, %lld}, {%lld, %lld}}", (long long)t[0].tv_sec,
         (long long)t[0].tv_nsec, (long long)t[1].tv_sec, (long long)t[1].tv_nsec);
    return place(g, i, t, sizeof t, what);
}

static uptr sigaction_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x20) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_sigaction sa = { 0 };
    static const uint64_t handlers[] = { SIG_DFL, SIG_IGN, 0x2000, 0x2000, 0x2040, 2 };
    sa.sa_handler = handlers[b % N(handlers)];
    sa.sa_mask = sigset_value(g);
    sa.sa_flags = (uint32_t)FLAGS(g, SA_NOCLDSTOP, SA_NOCLDWAIT, SA_SIGINFO, SA_RESTART,
                                  SA_NODEFER, SA_RESETHAND, SA_RESTART, 0x4000000);
    sa.sa_restorer = b & 1 ? 0x3000 : 0;
    char what[80];
    WHAT(what, " {handler %#llx, mask %#llx, flags %#x}",
             (unsigned long long)sa.sa_handler, (unsigned long long)sa.sa_mask, sa.sa_flags);
    return place(g, i, &sa, sizeof sa, what);
}

static uptr sigset_arg(struct gen *g, int i)
{
    if (in_u8(g->in) < 0x18) {
        show(g, i, "NULL");
        return 0;
    }
    uint64_t set = sigset_value(g);
    char what[40];
    WHAT(what, " {%#llx}", (unsigned long long)set);
    return place(g, i, &set, sizeof set, what);
}

/* argv or envp: a user array of user strings, well made or not. */
static uptr argv_arg(struct gen *g, int i)
{
    static const char *const words[] = { "p", "-x", "a b", "", "HOME=/", "x=1" };
    uint8_t b = in_u8(g->in);
    int n = 0;
    uptr vec[8];
    switch (b >= 0xfe ? b - 0xfc : b % 10 == 2 || b % 10 == 3 ? 5 : b % 10) {
    case 0:
        show(g, i, "NULL");
        return 0;
    case 1: {
        uptr a = pointer(g, 16);
        show_ptr(g, i, a, "");
        return a;
    }
    case 2: {                            /* many entries (counted only by ARG_MAX) */
        enum { MANY = 1025 };
        uptr s = slice(g, 2), arr = slice(g, (MANY + 1) * sizeof(uptr));
        put(g, s, "a", 2);
        uptr *v = (uptr *)(void *)big;
        for (int k = 0; k < MANY; k++)
            v[k] = s;
        v[MANY] = 0;
        put(g, arr, v, (MANY + 1) * sizeof(uptr));
        show_ptr(g, i, arr, " [\"a\" x 1025]");
        return arr;
    }
    case 3: {                            /* one string as long as allowed, or one more */
        size_t len = MAX_ARG_STRLEN - 1 + (in_u8(g->in) & 1);
        uptr s = slice(g, len + 1), arr = slice(g, 2 * sizeof(uptr));
        memset(big, 'y', len);
        big[len] = 0;
        put(g, s, big, len + 1);
        uptr v[2] = { s, 0 };
        put(g, arr, v, sizeof v);
        show_ptr(g, i, arr, len + 1 > MAX_ARG_STRLEN ? " [MAX_ARG_STRLEN+1]" : " [MAX_ARG_STRLEN]");
        return arr;
    }
    case 4:                              /* an entry that points nowhere */
        vec[n++] = slice(g, 2);
        put(g, vec[0], "p", 2);
        vec[n++] = pointer(g, 4) | 1;
        break;
    default:
        n = b % 5;
        for (int k = 0; k < n; k++) {
            const char *w = words[in_u8(g->in) % N(words)];
            vec[k] = slice(g, strlen(w) + 1);
            put(g, vec[k], w, strlen(w) + 1);
        }
        break;
    }
    vec[n] = 0;
    char what[24];
    WHAT(what, " [%d strings]", n);
    return place(g, i, vec, (size_t)(n + 1) * sizeof(uptr), what);
}

static uptr actions_arg(struct gen *g, int i)
{
    struct k_spawn_action acts[SPAWN_ACTIONS_MAX + 1];
    uint8_t b = in_u8(g->in);
    int n = b < 0xf0 ? b % 5 : SPAWN_ACTIONS_MAX + (b & 1);
    memset(acts, 0, sizeof acts);
    for (int k = 0; k < n; k++) {
        struct k_spawn_action *a = &acts[k];
        a->type = (int32_t)PICK(g, SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2, SPAWN_DUP2, 0, 4);
        a->fd = (int32_t)fd_value(g);
        a->newfd = (int32_t)fd_value(g);
        if (a->type == SPAWN_OPEN) {
            bool was = g->protect;
            g->protect = false;
            a->path = path_arg(g, i, false);
            a->oflag = (int32_t)FLAGS(g, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC,
                                      O_APPEND, O_NONBLOCK, O_CLOEXEC);
            if (g->protect)
                a->oflag &= ~(O_ACCMODE | O_TRUNC);
            g->protect = was;
            a->mode = 0644;
        }
    }
    g->count = n;
    char what[24];
    WHAT(what, " [%d actions]", n);
    return place(g, i, acts, (size_t)n * sizeof acts[0], what);
}

static uptr attr_arg(struct gen *g, int i)
{
    if (in_u8(g->in) < 0x40) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_spawn_attr at = { 0 };
    at.flags = (uint32_t)FLAGS(g, SPAWN_SETPGROUP, SPAWN_SETSIGDEF, SPAWN_SETSIGMASK,
                               SPAWN_SETSID, SPAWN_SETPGROUP, 0x01, 0x100);
    at.pgroup = (int32_t)pid_value(g);
    at.sigmask = sigset_value(g);
    at.sigdefault = sigset_value(g);
    char what[64];
    WHAT(what, " {flags %#x, pgroup %d}", at.flags, at.pgroup);
    return place(g, i, &at, sizeof at, what);
}

static uptr ioctl_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    switch (b % 4) {
    case 0: {
        long v = PICK(g, 0, 1, 2, 3, -1);
        show(g, i, "%ld", v);
        return (uptr)v;
    }
    case 1: {
        int32_t v = (int32_t)pid_value(g);
        char what[24];
        WHAT(what, " {%d}", v);
        return place(g, i, &v, sizeof v, what);
    }
    case 2: {
        uint8_t t[sizeof(struct k_termios)];
        memset(t, 0, sizeof t);
        blob(g, t, sizeof t);
        return place(g, i, t, sizeof t, " {termios}");
    }
    default: {
        uptr a = pointer(g, 64);
        show_ptr(g, i, a, "");
        return a;
    }
    }
}

static uptr semarg_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b % 3 == 0) {
        long v = PICK(g, 0, 1, 2, 5, -1, SEMVMX, SEMVMX + 1, INT_MIN);
        show(g, i, "%ld", v);
        return (uptr)v;
    }
    uint16_t vals[SEMMSL];
    for (int k = 0; k < SEMMSL; k++)
        vals[k] = (uint16_t)(k & 3);
    if (b % 3 == 1)
        vals[in_u8(g->in) % SEMMSL] = (uint16_t)PICK(g, 0, 1, SEMVMX, SEMVMX + 1, 65535);
    else
        blob(g, (uint8_t *)vals, sizeof vals);
    return place(g, i, vals, sizeof vals, " {values}");
}

static uptr ipcds_arg(struct gen *g, int i)
{
    union {
        struct k_msqid_ds m;
        struct k_shmid_ds s;
        struct k_semid_ds e;
        uint8_t bytes[128];
    } ds;
    memset(&ds, 0, sizeof ds);
    if (in_u8(g->in) >= 0xe0)
        blob(g, ds.bytes, sizeof ds.bytes);
    ds.m.msg_perm.uid = (uint32_t)PICK(g, 0, 1000, 1001, -1);
    ds.m.msg_perm.gid = (uint32_t)PICK(g, 0, 1000, 1001, -1);
    ds.m.msg_perm.mode = (uint32_t)PICK(g, 0600, 0666, 0400, 0, 0777, 01600);
    ds.m.msg_qbytes = (uint64_t)len_value(g);
    return place(g, i, &ds, sizeof ds, " {ds}");
}

static uptr msg_arg(struct gen *g, int i)
{
    long type = PICK(g, 1, 1, 2, 3, 0, -1, LONG_MAX, LONG_MIN);
    memcpy(big, &type, sizeof type);
    size_t n = blob(g, big + sizeof type, MSGMAX + 16);
    char what[40];
    WHAT(what, " {type %ld, %zu bytes}", type, n);
    return place(g, i, big, sizeof type + n, what);
}

static uptr sembuf_arg(struct gen *g, int i)
{
    struct k_sembuf ops[SEMOPM + 1];
    uint8_t b = in_u8(g->in);
    int n = b < 0xf0 ? b % 4 + 1 : (b & 1 ? SEMOPM + 1 : 0);
    for (int k = 0; k < n; k++) {
        ops[k].sem_num = (uint16_t)PICK(g, 0, 0, 1, 2, 3, 63, 64, 65535);
        ops[k].sem_op = (int16_t)PICK(g, -1, 1, 0, -2, 2, SEMVMX, -32768, -1, 1);
        ops[k].sem_flg = (int16_t)FLAGS(g, IPC_NOWAIT, SEM_UNDO, 0x1);
    }
    g->count = n;
    char what[40];
    WHAT(what, " [%d ops, first %d %d %#x]", n, n ? ops[0].sem_num : 0,
             n ? ops[0].sem_op : 0, n ? (unsigned)(uint16_t)ops[0].sem_flg : 0);
    return place(g, i, ops, (size_t)n * sizeof ops[0], what);
}

static uptr portmsg_arg(struct gen *g, int i)
{
    if (in_u8(g->in) < 0x10) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_port_msg m;
    memset(&m, 0, sizeof m);
    m.type = (uint32_t)PICK(g, 0, 1, 2, 3, 7, 63, 64, 1000);
    m.size = (uint16_t)PICK(g, 0, 1, 8, 32, 32, 33, 65535);
    m.nhandles = (uint8_t)PICK(g, 0, 0, 0, 1, 1, 2, 4, 5, 255);
    for (int k = 0; k < PORT_MSG_HANDLES; k++)
        m.handles[k] = (int32_t)fd_value(g);
    m.reply = -1;
    blob(g, m.data, sizeof m.data);
    char what[64];
    WHAT(what, " {type %u, size %u, handles %u: %d %d}", m.type, m.size,
             m.nhandles, m.handles[0], m.handles[1]);
    return place(g, i, &m, sizeof m, what);
}

static uptr itimer_arg(struct gen *g, int i)
{
    static const int64_t t[][2] = { { 0, 0 }, { 0, 1000 }, { 1, 0 }, { 0, 999999 },
                                    { 0, 1000000 }, { -1, 0 }, { 0, 10000 }, { 3600, 0 } };
    if (in_u8(g->in) < 0x10) {
        show(g, i, "NULL");
        return 0;
    }
    uint8_t b = in_u8(g->in);
    struct k_itimerval it = { t[b & 7][0], t[b & 7][1], t[b >> 3 & 7][0], t[b >> 3 & 7][1] };
    char what[80];
    WHAT(what, " {every %llds+%lldus, in %llds+%lldus}", (long long)it.interval_sec,
         (long long)it.interval_usec, (long long)it.value_sec, (long long)it.value_usec);
    return place(g, i, &it, sizeof it, what);
}

/* Descriptors to poll: mostly the caller's own, with the events of poll.h. */
static uptr pollfds_arg(struct gen *g, int i)
{
    struct k_pollfd fds[8];
    uint8_t b = in_u8(g->in);
    int n = b % 5;
    for (int k = 0; k < n; k++) {
        fds[k].fd = (int32_t)(in_u8(g->in) < 0x10 ? -1 : fd_value(g));
        fds[k].events = (int16_t)FLAGS(g, POLLIN, POLLOUT, POLLIN, POLLPRI, POLLRDNORM,
                                       POLLWRNORM, POLLERR | POLLHUP, 0x8000);
        fds[k].revents = (int16_t)0x7fff;
    }
    g->count = n;
    char what[48];
    WHAT(what, " [%d: fd %d events %#x ...]", n, n ? fds[0].fd : 0, n ? fds[0].events : 0);
    return place(g, i, fds, (size_t)n * sizeof fds[0], what);
}

/* A futex word: where memory is shared (an attachment or a mapping), or a
 * word of the caller's own, holding 0 or 1. */
static uptr futexaddr_arg(struct gen *g, int i)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x80) {
        uptr a = (uptr)id_value(g, K_SHMADDR) + (b & 3) * 4 + (b & 4 ? 1 : 0);
        show_ptr(g, i, a, " (shared)");
        return a;
    }
    uint32_t v = b & 1;
    char what[16];
    WHAT(what, " {%u}", v);
    return place(g, i, &v, sizeof v, what);
}

static uptr filter_arg(struct gen *g, int i)
{
    if (in_u8(g->in) < 0x10) {
        show(g, i, "NULL");
        return 0;
    }
    struct k_port_filter f;
    f.types = (uint64_t)PICK(g, 0, 1, 6, 0xfe, -1, LONG_MIN);
    f.maxsize = (uint32_t)PICK(g, 0, 1, 8, 32, 33);
    f.rate = (uint32_t)PICK(g, 0, 1, 2, 100, UINT_MAX);
    char what[64];
    WHAT(what, " {types %#llx, maxsize %u, rate %u}",
             (unsigned long long)f.types, f.maxsize, f.rate);
    return place(g, i, &f, sizeof f, what);
}

/* ---- one argument -------------------------------------------------------------------- */

static long shown(struct gen *g, int i, long v)
{
    show(g, i, v > -100000 && v < 100000 ? "%ld" : "%#lx", v);
    return v;
}

long arg_make(struct gen *g, enum kind k, int i)
{
    switch (k) {
    case K_NONE:    return shown(g, i, 0);
    case K_INT:     return shown(g, i, int_value(g));
    case K_LEN:     return shown(g, i, len_value(g));
    case K_FD:      return shown(g, i, g->fd = fd_value(g));
    case K_PID:     return shown(g, i, pid_value(g));
    case K_SIG:     return shown(g, i, sig_value(g));
    case K_UID:     return shown(g, i, PICK(g, 0, 1, 2, 1000, 1001, 65534, -1, INT_MAX));
    case K_SLOT:    return shown(g, i, PICK(g, 0, 1, 2, 3, 4, 5, 7, 31, 32, 63, 64, -1,
                                           INT_MAX, LONG_MAX));
    case K_CLOCK:   return shown(g, i, PICK(g, 0, 1, 5, 6, 2, 3, 4, 7, -1, INT_MIN));
    case K_OUT: {
        uptr a = pointer(g, 4096);
        show_ptr(g, i, a, "");
        return (long)a;
    }
    case K_ZEROS: {
        static const uint8_t zeros[256];
        return (long)place(g, i, zeros, sizeof zeros, " {zeros}");
    }
    case K_IN: {
        size_t n = blob(g, big, sizeof big);
        char what[24];
        WHAT(what, " {%zu bytes}", n);
        return (long)place(g, i, big, n, what);
    }
    case K_PATH:    return (long)path_arg(g, i, false);
    case K_WPATH:   return (long)path_arg(g, i, true);
    case K_OFLAGS: {
        long f = FLAGS(g, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NONBLOCK,
                       O_CLOEXEC);
        if (f == 0 && in_u8(g->in) == 1)
            f = O_DIRECTORY;
        if (g->protect)                  /* the system's files stay as they are */
            f &= ~(long)(O_ACCMODE | O_TRUNC);
        show(g, i, "%#lo", f);
        return f;
    }
    case K_MODE: {
        long m = PICK(g, 0644, 0600, 0755, 0777, 0, 0400, 0200, 0100, 01777, 04755, 07777,
                      0666, 0700, 0111, 0222, 0444);
        show(g, i, "%#lo", m);
        return m;
    }
    case K_MKNOD: {
        long m = PICK(g, S_IFIFO | 0644, S_IFIFO | 0600, S_IFIFO | 0666, S_IFIFO, S_IFREG | 0644,
                      S_IFCHR | 0644, S_IFDIR | 0755, 0);
        show(g, i, "%#lo", m);
        return m;
    }
    case K_AMODE:   return shown(g, i, PICK(g, 0, 1, 2, 3, 4, 5, 6, 7, 8, -1));
    case K_WHENCE:  return shown(g, i, PICK(g, SEEK_SET, SEEK_CUR, SEEK_END, 3, -1, INT_MIN));
    case K_FCNTL:   return shown(g, i, PICK(g, F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL,
                                           F_DUPFD_CLOEXEC, F_SETPIPE_SZ, F_GETPIPE_SZ, 5, -1,
                                           1033));
    case K_HOW:     return shown(g, i, PICK(g, SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, 3, -1));
    case K_WAITOPT: return shown(g, i, FLAGS(g, WNOHANG, WUNTRACED, WCONTINUED, WNOHANG, 4,
                                             0x100));
    case K_TIMESPEC: return (long)timespec_arg(g, i, false);
    case K_ABSTIME: return (long)timespec_arg(g, i, true);
    case K_SIGACT:  return (long)sigaction_arg(g, i);
    case K_SIGSET:  return (long)sigset_arg(g, i);
    case K_ARGV:    return (long)argv_arg(g, i);
    case K_ACTIONS: return (long)actions_arg(g, i);
    case K_NACT: {
        uint8_t b = in_u8(g->in);
        return shown(g, i, b < 0xe0 ? g->count : PICK(g, -1, 33, 32, INT_MAX, 1L << 32));
    }
    case K_ATTR:    return (long)attr_arg(g, i);
    case K_ADDR:    return shown(g, i, PICK(g, 0, UBASE + 4096, UBASE + 8192, UBASE + USIZE / 2,
                                           UBASE + USIZE / 2 + 1, UBASE, UBASE + USIZE, -1));
    case K_IOCTL:   return shown(g, i, PICK(g, TCGETS, TCSETS, TCSETSW, TCSETSF, TCSBRK, TCFLSH,
                                           TIOCSCTTY, TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ,
                                           TIOCOUTQ, TIOCSWINSZ, FIONREAD, TIOCNOTTY,
                                           TIOCGSID, 0));
    case K_IOCTLARG: return (long)ioctl_arg(g, i);
    case K_KEY:     return shown(g, i, PICK(g, IPC_PRIVATE, 1, 2, 3, 0x1234, -1, INT_MIN));
    case K_IPCFLG:  return shown(g, i, FLAGS(g, IPC_CREAT, IPC_EXCL, 0600, 0400, 0200, 0066,
                                             0044, IPC_CREAT));
    case K_MSQID: case K_SHMID: case K_SEMID:
        return shown(g, i, id_value(g, k));
    case K_IPCCMD:  return shown(g, i, PICK(g, IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, MSG_STAT,
                                           SHM_STAT, SEM_STAT, IPC_STAT, IPC_RMID, 4, -1, 99));
    case K_SEMCMD:  return shown(g, i, PICK(g, GETPID, GETVAL, GETALL, GETNCNT, GETZCNT,
                                           SETVAL, SETALL, IPC_RMID, IPC_SET, IPC_STAT,
                                           IPC_INFO, SEM_STAT, SETVAL, 10, 19, -1));
    case K_SEMARG:  return (long)semarg_arg(g, i);
    case K_MSG:     return (long)msg_arg(g, i);
    case K_MTYPE:   return shown(g, i, PICK(g, 0, 1, 2, 3, -1, -2, LONG_MAX, LONG_MIN));
    case K_MSGFLG:  return shown(g, i, FLAGS(g, IPC_NOWAIT, MSG_NOERROR, MSG_EXCEPT,
                                             IPC_NOWAIT, 0x1));
    case K_SHMADDR: return shown(g, i, id_value(g, k));
    case K_SHMFLG:  return shown(g, i, FLAGS(g, SHM_RDONLY, 020000, 0x1, SHM_RDONLY));
    case K_SEMBUF:  return (long)sembuf_arg(g, i);
    case K_NSOPS: {
        uint8_t b = in_u8(g->in);
        return shown(g, i, b < 0xe0 ? g->count : PICK(g, 0, -1, SEMOPM, SEMOPM + 1, 1L << 32));
    }
    case K_IPCDS:   return (long)ipcds_arg(g, i);
    case K_PSEM:    return (long)name_arg(g, i, psem_names, N(psem_names));
    case K_CHANFLG: return shown(g, i, FLAGS(g, CHAN_NONBLOCK, CHAN_CLOEXEC, 0x1, 0x10));
    case K_PORTFLG: return shown(g, i, FLAGS(g, PORT_NONBLOCK, PORT_CLOEXEC, PORT_WAITNAME,
                                             PORT_QUEUED, 0x1));
    case K_RIGHTS:  return shown(g, i, FLAGS(g, PORT_SEND, PORT_RECEIVE, PORT_MANAGE,
                                             PORT_GRANT, 0x10, PORT_SEND));
    case K_PORTNAME: return (long)name_arg(g, i, port_names, N(port_names));
    case K_PORTMSG: return (long)portmsg_arg(g, i);
    case K_FILTER:  return (long)filter_arg(g, i);
    case K_WHICH:   return shown(g, i, PICK(g, 0, 0, 1, 2, -1, INT_MAX));
    case K_ITIMER:  return (long)itimer_arg(g, i);
    case K_POLLFDS: return (long)pollfds_arg(g, i);
    case K_NFDS: {
        uint8_t b = in_u8(g->in);
        return shown(g, i, b < 0xe0 ? g->count : PICK(g, 0, -1, 64, 65, 1025, INT_MAX, 1L << 32));
    }
    case K_PROT:    return shown(g, i, FLAGS(g, PROT_READ, PROT_WRITE, PROT_EXEC, PROT_READ,
                                             PROT_WRITE, 0x8, 0x10000));
    case K_MAPFLAGS: return shown(g, i, FLAGS(g, MAP_SHARED, MAP_PRIVATE, MAP_ANONYMOUS,
                                              MAP_FIXED, MAP_ANONYMOUS, MAP_PRIVATE, 0x40,
                                              0x80000));
    case K_OFF:     return shown(g, i, PICK(g, 0, 0, 4096, 8192, 1, -4096, 1L << 32, LONG_MAX));
    case K_MSFLAGS: return shown(g, i, FLAGS(g, MS_ASYNC, MS_INVALIDATE, MS_SYNC, 8));
    case K_FUTEXADDR: return (long)futexaddr_arg(g, i);
    case K_FUTEXOP: return shown(g, i, PICK(g, FUTEX_WAIT, FUTEX_WAKE,
                                           FUTEX_WAIT | FUTEX_PRIVATE_FLAG,
                                           FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 2, -1, 256));
    case K_DIRFD:   return shown(g, i, in_u8(g->in) < 0x80 ? AT_FDCWD : (g->fd = fd_value(g)));
    case K_ATFLAGS: return shown(g, i, FLAGS(g, AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW,
                                             AT_SYMLINK_FOLLOW, 0x1));
    case K_TIMES:   return (long)times_arg(g, i);
    case K_TRACEFLG: return shown(g, i, FLAGS(g, TRACE_FOLLOW, TRACE_PIDS, 0x4));
    case K_FILENAME: return (long)name_arg(g, i, file_names, N(file_names));
    /* the limits that are enforced come up most */
    case K_RESOURCE: return shown(g, i, PICK(g, RLIMIT_NOFILE, RLIMIT_FSIZE, RLIMIT_NPROC,
                                             RLIMIT_NOFILE, RLIMIT_FSIZE, RLIMIT_NPROC,
                                             RLIMIT_CPU, RLIMIT_CORE, RLIMIT_NICE, RLIMIT_RTTIME,
                                             RLIM_NLIMITS, -1, INT_MAX, 1L << 32));
    case K_RLIMIT:  return (long)rlimit_arg(g, i);
    case NKINDS:    break;
    default:        return sock_arg_make(g, k, i);
    }
    return 0;
}

uptr arg_pointer(struct gen *g, size_t n) { return pointer(g, n); }
void arg_put(struct gen *g, uptr a, const void *b, size_t n) { put(g, a, b, n); }
uptr arg_place(struct gen *g, int i, const void *b, size_t n, const char *what)
{
    return place(g, i, b, n, what);
}
size_t arg_blob(struct gen *g, uint8_t *buf, size_t cap) { return blob(g, buf, cap); }
uptr arg_name(struct gen *g, int i, const char *const *names, int n)
{
    return name_arg(g, i, names, n);
}
