/*
 * fuzz.h - what the files of the system-call fuzzer share.
 *
 * The fuzzer (README.md) runs the kernel on the host platform of the unit
 * tests (tests/unit/host.c) and reads each input as a program: a sequence
 * of system calls made by several processes, mixed with what a platform
 * does between calls (run the next process, advance the clock, type at the
 * console, fault a process). The files:
 *
 *   run.c       the interpreter: processes, blocking, events
 *   end.c       the end of an input: everything killed, removed and counted
 *   archive.c   an event: a boot archive made from the input and unpacked
 *   calls.c     the table of system calls and the kind of each parameter
 *   values.c    the simple kinds of argument: numbers, flags, ids
 *   args.c      the other kinds: pointers, paths, structures
 *   sockargs.c  those of the socket and message-queue calls: addresses,
 *               message headers with control messages, queue attributes
 *   snapshot.c  the fast reset: the kernel's memory saved after boot and
 *               put back before every input (rawcopy.c: its memcpy)
 *   fuzz.c      libFuzzer's entry points
 *   replay.c    a main of its own: replay files (the corpus), or print an
 *               input as the calls it makes
 *   mkseeds.js  writes the seed programs of sockets and message queues
 */
#ifndef DUPLEX_FUZZ_H
#define DUPLEX_FUZZ_H

#include "../unit/test.h"

/* ---- the input, read front to back; past its end every read gives 0 ----- */

struct in {
    const uint8_t *p;
    size_t         n;
};

uint8_t  in_u8(struct in *in);
uint16_t in_u16(struct in *in);
uint32_t in_u32(struct in *in);
uint64_t in_u64(struct in *in);

/* ---- processes the program drives ------------------------------------------ */

#define FP_MAX 8                 /* processes an input can name */

struct fproc {
    struct proc *p;
    int          pid;
    bool         pending;        /* its last call blocked: re-issue it when it runs */
    long         nr, a[6];
    int          fds[4];         /* descriptors its calls returned last, for later calls */
    int          nfds;
};

extern struct fproc fprocs[FP_MAX];
bool fp_alive(const struct fproc *fp);

/* ---- argument kinds (args.c) -------------------------------------------------- */

enum kind {
    K_NONE, K_INT, K_LEN, K_FD, K_PID, K_SIG, K_UID, K_SLOT, K_CLOCK,
    K_OUT,          /* a pointer to memory the kernel writes */
    K_ZEROS,        /* a pointer to zeros: for raw calls, which may read anything */
    K_IN,           /* a pointer to bytes of the input */
    K_PATH,         /* a path for looking at: any, but the system's files stay intact */
    K_WPATH,        /* a path to create, remove or rename: never a system file */
    K_OFLAGS, K_MODE, K_MKNOD, K_AMODE, K_WHENCE, K_FCNTL, K_HOW, K_WAITOPT,
    K_TIMESPEC, K_ABSTIME, K_SIGACT, K_SIGSET, K_ARGV, K_ACTIONS, K_NACT, K_ATTR,
    K_ADDR,         /* brk */
    K_IOCTL, K_IOCTLARG,
    K_KEY, K_IPCFLG, K_MSQID, K_SHMID, K_SEMID, K_IPCCMD, K_SEMCMD, K_SEMARG,
    K_MSG, K_MTYPE, K_MSGFLG, K_SHMADDR, K_SHMFLG, K_SEMBUF, K_NSOPS, K_IPCDS,
    K_PSEM,         /* a POSIX semaphore's name */
    K_CHANFLG, K_PORTFLG, K_RIGHTS, K_PORTNAME, K_PORTMSG, K_FILTER,
    K_WHICH, K_ITIMER,               /* setitimer */
    K_POLLFDS, K_NFDS,               /* ppoll */
    K_PROT, K_MAPFLAGS, K_OFF, K_MSFLAGS, K_FUTEXADDR, K_FUTEXOP,
    /* sockets and POSIX message queues (sockargs.c) */
    K_DOMAIN, K_SOCKTYPE, K_PROTO,
    K_SOCKADDR, K_ADDRLEN,           /* an address, and its length (or a wrong one) */
    K_LENP,                          /* a pointer to a socklen_t */
    K_BACKLOG, K_SOCKFLG, K_SENDFLG, K_MSGHDR, K_SHUT, K_SOLEVEL, K_SOOPT, K_OPTVAL, K_OPTLEN,
    K_MQNAME, K_MQATTR, K_MQPRIO, K_SIGEVENT,
    /* links and file attributes, tracing, files out of the machine */
    K_DIRFD,                         /* AT_FDCWD, or a descriptor */
    K_ATFLAGS,                       /* AT_SYMLINK_NOFOLLOW and others */
    K_TIMES,                         /* utimensat's two times, or NULL */
    K_TRACEFLG,
    K_FILENAME,                      /* a name without a slash (download), or not */
    K_RESOURCE,                      /* a resource limit's number */
    K_RLIMIT,                        /* a soft and a hard limit, or NULL */
    NKINDS
};

/* The arguments of one call in the making. */
struct gen {
    struct in    *in;
    struct fproc *fp;             /* the caller */
    uptr          bump;           /* the next free byte of its arena */
    long          count;          /* elements the last array kind made */
    bool          protect;        /* a K_PATH named a system file: open it read-only */
    long          fd;             /* the last K_FD made: a socket sends itself */
    int           nargs;
    char          desc[6][112];   /* the arguments as text, when tracing */
};

long arg_make(struct gen *g, enum kind k, int i);
long sock_arg_make(struct gen *g, enum kind k, int i);   /* sockargs.c */

/* args.c's helpers, for sockargs.c: room in the arena for n bytes, or a
 * bad pointer; bytes written there; a copy placed so; bytes of the input;
 * a name of a table; the path of K_WPATH's table that byte b picks. */
uptr arg_pointer(struct gen *g, size_t n);
void arg_put(struct gen *g, uptr a, const void *b, size_t n);
uptr arg_place(struct gen *g, int i, const void *b, size_t n, const char *what);
size_t arg_blob(struct gen *g, uint8_t *buf, size_t cap);
uptr arg_name(struct gen *g, int i, const char *const *names, int n);
const char *arg_wpath_name(uint8_t b);

/* values.c: the simple kinds, for args.c. pick: one of table[] (or now and
 * then a raw value); flags: some of the bits in bits[], one input bit each. */
long pick(struct gen *g, const long *table, int n);
long flags(struct gen *g, const long *bits, int n);
#define N(a)         ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(g, ...)  ({ static const long t_[] = { __VA_ARGS__ }; pick(g, t_, N(t_)); })
#define FLAGS(g, ...) ({ static const long t_[] = { __VA_ARGS__ }; flags(g, t_, N(t_)); })
long     int_value(struct gen *g);
long     len_value(struct gen *g);
long     fd_value(struct gen *g);
long     pid_value(struct gen *g);
long     sig_value(struct gen *g);
uint64_t sigset_value(struct gen *g);
/* K_MSQID, K_SHMID, K_SEMID, or K_SHMADDR: an address of the window of shared
 * memory and mappings, often one an attach or a mapping returned. */
long     id_value(struct gen *g, enum kind k);

/* IPC ids and attach addresses returned so far, for later calls to use. */
void ids_note(enum kind k, long id);
void ids_reset(void);

/* The trace: argument i's text, a pointer's, a user string's ("(bad)" if it
 * cannot be read); WHAT makes a structure's text only when tracing. */
void show(struct gen *g, int i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void show_ptr(struct gen *g, int i, uptr a, const char *what);
void arg_show_str(struct gen *g, int i, uptr addr);
#define WHAT(buf, ...) (fuzz_trace ? snprintf(buf, sizeof buf, __VA_ARGS__) : (buf[0] = 0))

/* Where in a process's memory arguments go, and where shared memory does (host.c). */
#define ARENA_LO  (UBASE + 0x1000)
#define ARENA_HI  (UBASE + 0x41000)         /* 256 KiB */
#define SHM_LO    (UBASE + USIZE * 3 / 4)


/* ---- the system calls (calls.c) --------------------------------------------------- */

struct call {
    const char *name;
    long        nr;
    enum kind   arg[6];
};

extern const struct call calls[];
extern const int ncalls;
const struct call *call_by_nr(long nr);

/* ---- the interpreter (run.c) -------------------------------------------------------- */

extern bool fuzz_trace;           /* print each step on stderr */
extern bool fuzz_opmap;           /* print each call's offset and line of calls[] on stdout */
void fuzz_boot(void);             /* boot the kernel and take the snapshot */
void fuzz_one(const uint8_t *data, size_t size);
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));   /* when tracing */
const char *errname(long r);      /* "EBADF", "(blocks)", ... */

void ev_archive(struct in *in);   /* archive.c: a boot archive made and unpacked */

/* ---- the end of an input (end.c) ------------------------------------------------------ */

void end_record(void);            /* at boot: what every end must come back to */
void end_reset(void);             /* before each input */
void end_note_psem(const char *name);            /* a POSIX semaphore an input made */
bool end_boot_file(const struct inode *ip);      /* a file made at boot */
void end_of_input(void);          /* take everything down, count: a finding if not as at boot */

/* ---- memory (snapshot.c) ------------------------------------------------------------ */

void snapshot_take(void);
void raw_copy(void *dst, const void *src, size_t n);    /* rawcopy.c */
void snapshot_restore(void);
/* Allocate kernel memory until only about `hole` bytes can still be had,
 * and give it back (out-of-memory paths). */
void squeeze(size_t hole);
void squeeze_release(void);

/* A finding: print it with the trace so far and stop (libFuzzer saves the input). */
void finding(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
