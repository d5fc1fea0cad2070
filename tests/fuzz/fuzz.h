/*
 * fuzz.h - what the files of the system-call fuzzer share.
 *
 * The fuzzer (README.md) runs the kernel on the host platform of the unit
 * tests (tests/unit/host.c) and reads each input as a program: a sequence
 * of system calls made by several processes, mixed with what a platform
 * does between calls (run the next process, advance the clock, type at the
 * console, fault a process). The files:
 *
 *   run.c       the interpreter: processes, blocking, events, the end of
 *               an input (everything killed, removed and counted)
 *   calls.c     the table of system calls and the kind of each parameter
 *   args.c      how each kind of argument is made from the input's bytes
 *   snapshot.c  the fast reset: the kernel's memory saved after boot and
 *               put back before every input (rawcopy.c: its memcpy)
 *   fuzz.c      libFuzzer's entry points
 *   replay.c    a main of its own: replay files (the corpus), or print an
 *               input as the calls it makes
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
    NKINDS
};

/* The arguments of one call in the making. */
struct gen {
    struct in    *in;
    struct fproc *fp;             /* the caller */
    uptr          bump;           /* the next free byte of its arena */
    long          count;          /* elements the last array kind made */
    bool          protect;        /* a K_PATH named a system file: open it read-only */
    int           nargs;
    char          desc[6][112];   /* the arguments as text, when tracing */
};

long arg_make(struct gen *g, enum kind k, int i);
/* The user string at addr for the trace, "(bad)" if it is not readable. */
void arg_show_str(struct gen *g, int i, uptr addr);

/* IPC ids and attach addresses returned so far, for later calls to use. */
void ids_note(enum kind k, long id);
void ids_reset(void);


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
void fuzz_boot(void);             /* boot the kernel and take the snapshot */
void fuzz_one(const uint8_t *data, size_t size);

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
