/*
 * test.h - the host unit-test harness for kernel/ and ipc/.
 *
 * Each TEST runs in a child process of its own (a crash or a sanitizer report
 * fails that test alone) on a freshly booted kernel: tboot() has already run
 * kernel_init() and started process 1, `init`, which the test drives by hand.
 * Processes are fake (host.c): each has 1 MiB of user memory starting at
 * address UBASE; the test places strings and buffers there with ustr/ubuf and
 * issues system calls with tsys, exactly as a platform would.
 *
 * When the body returns, the harness checks that the kernel's live-object
 * counts (kstats) are back to what they were right after boot: every test
 * must exit and reap the processes it made, close what it opened and unlink
 * what it created. A test that means to leave something says so with
 * tallow_leaks().
 */
#ifndef DUPLEX_TEST_H
#define DUPLEX_TEST_H

#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <stdbool.h>

#include "../../kernel/kernel.h"

/* ---- registering and checking ------------------------------------------ */

typedef void (*test_fn)(void);
void test_register(const char *name, const char *file, test_fn fn);

#define TEST(name)                                                          \
    static void name(void);                                                 \
    __attribute__((constructor)) static void reg_##name(void)               \
    { test_register(#name, __FILE__, name); }                               \
    static void name(void)

void test_fail(const char *file, int line, const char *fmt, ...);

#define CHECK(c) do { if (!(c)) test_fail(__FILE__, __LINE__, "CHECK(%s)", #c); } while (0)
#define CHECK_EQ(a, b) do {                                                 \
        long long a_ = (long long)(a), b_ = (long long)(b);                \
        if (a_ != b_) test_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", \
                                #a, #b, a_, b_);                            \
    } while (0)
#define CHECK_STR(a, b) do {                                                \
        const char *a_ = (a), *b_ = (b);                                    \
        if (strcmp(a_, b_) != 0) test_fail(__FILE__, __LINE__,              \
                                "%s == %s: \"%s\" != \"%s\"", #a, #b, a_, b_); \
    } while (0)

/* ---- the machine --------------------------------------------------------- */

#define UBASE  0x10000UL             /* lowest user address; below it faults */
#define USIZE  (1024 * 1024)         /* user memory of each fake process */

/* Process 1, the running one at start, with the console on fds 0-2 as its
 * controlling terminal (it took it with TIOCSCTTY). */
extern struct proc *init;

/* A fake executable: files whose bytes start with FAKE_MAGIC can be spawned. */
#define FAKE_MAGIC "FAKE"
/* Create /bin/NAME (and /bin) as a fake program. */
void tprog(const char *path);
/* The id of the image plat_proc_load was last given (struct exec_image). */
extern uint64_t tlast_image_id;

/* Issue a system call as p: p becomes the running process (the one running
 * before is yielded), the call is made, and, if it completed, p's signals are
 * delivered as a platform would (handlers are recorded, not run: see
 * thandled). Returns what kernel_syscall returned. */
long tsys(struct proc *p, long nr, ...);

/* User memory of p: copy a string or bytes in (returns its user address),
 * get a buffer, and see user memory from the host. Allocations are bumped
 * from a scratch area and never freed (each test starts afresh). */
uptr  ustr(struct proc *p, const char *s);
uptr  ubytes(struct proc *p, const void *b, size_t n);
uptr  ubuf(struct proc *p, size_t n);
void *uhost(struct proc *p, uptr a);
uptr  uargv(struct proc *p, const char *const *argv);   /* NULL-terminated */

/* The protection the platform was last asked to give the page at addr
 * (plat_mem_map, plat_mem_protect), -1 if none. Mappings go in the upper
 * half of a fake process's memory (the window plat_shm_window names). */
int tmem_prot(struct proc *p, uptr addr);

/* Make the platform's fork fail with ENOMEM while set. */
extern int tfork_fail;

/* Remove a file that a test made (with tprog or ramfs_create_path). */
void trm(const char *path);

/* Spawn path (argv[0] = path) as a child of parent; returns the child. */
struct proc *tspawn(struct proc *parent, const char *path);
/* Make p exit with code, then reap it from its parent; checks the status. */
void  texit_reap(struct proc *p, int code);

/* The signals handled in p since it started, in order (0-terminated). */
const int *thandled(struct proc *p);

/* The clock (starts at 1 s) and the timer the kernel asked for. */
void     tclock_advance(uint64_t ns);     /* and calls kernel_tick */
uint64_t ttimer(void);                    /* 0: no timer set */

/* Everything the console printed since the last call (NUL-terminated). */
const char *tconsole(void);
extern int tconsole_kicks;           /* calls of plat_console_kick */
extern int thost_closed;             /* bit N: host stream N has no reader (-EPIPE) */

/* Shared memory: copy from's attached segments into the kernel's copies,
 * then the kernel's copies into every other process that attached them
 * (what the web platform does at a switch). */
void tshm_sync(struct proc *from);

/* Take the whole kernel heap but a hole of about `hole` bytes, so that only
 * allocations that fit in it succeed (out-of-memory tests); trelease gives
 * it all back. */
void tsqueeze(size_t hole);
void trelease(void);

/* The exit code given to poweroff, -1 before. */
extern int tpoweroff_code;
extern char tfetch_name[256];         /* what plat_fetch was last asked for */
extern int tfetch_calls;
extern long tfetch_result;            /* what plat_fetch answers */
extern long tsync_result;            /* what plat_sync answers */
extern int tsync_calls;
extern char tdownload_name[256];     /* what plat_download was given */
extern char tdownload_data[4096];
extern size_t tdownload_len;

/* The running process (the last one given to tsys), or NULL. */
struct proc *tcurrent(void);

/* Let this test end with kstats different from the baseline. */
void tallow_leaks(void);

/* Set the user memory fault window of p: copies touching [lo, hi) fail. */
void tfault_range(struct proc *p, uptr lo, uptr hi);

/* For the system-call fuzzer (tests/fuzz/), which resets the kernel from a
 * snapshot instead of booting: a copy of p's context (record and memory),
 * and putting it back; the checks failed so far. */
struct tsaved;
struct tsaved *tproc_save(struct proc *p);
void tproc_restore(struct proc *p, const struct tsaved *s);
int  test_failures(void);

#endif
