/*
 * fake_kernel.h - the kernel the C library's unit tests run against.
 *
 * fake_kernel.c defines __dx_syscall, the one function through which the
 * library reaches the kernel, and answers from a small model: descriptors
 * 0 (scripted input), 1 and 2 (captured output), a few files and
 * directories in memory, a program break over a static arena, a signal
 * table that "delivers" a signal by calling its handler before the call
 * returns (as the real platforms do), and records of what was asked (spawn
 * arguments, the paths tried, ioctl requests, sleeps). The test controls
 * its behaviour: how many bytes one read or write moves, when writes start
 * failing, which descriptors are terminals or non-blocking.
 *
 * Captured output lives in memory shared across fork, so a test can run
 * code in a child (t_in_child) - say, one that calls exit() - and inspect
 * what it wrote afterwards.
 */
#ifndef DUPLEX_LIBC_FAKE_KERNEL_H
#define DUPLEX_LIBC_FAKE_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../../kernel/uapi/limits.h"
#include "../../../kernel/uapi/proc.h"
#include "../../../kernel/uapi/signal.h"
#include "../../../kernel/uapi/spawn.h"
#include "../../../kernel/uapi/stat.h"
#include "../../../kernel/uapi/termios.h"

#define FK_PID      42          /* the test process's pid */
#define FK_OUT_MAX  (256 * 1024)

void fk_init(void);             /* once, before the first fork */
void fk_reset(void);            /* a freshly booted fake kernel */

/* ---- descriptors 1 and 2 ---------------------------------------------------- */

const char *fk_out(int fd);     /* everything written to fd (1 or 2), NUL-terminated */
size_t      fk_out_len(int fd);
int         fk_writes(int fd);  /* write calls made to fd */
void        fk_clear_out(void);

void fk_write_chunk(size_t max);        /* a write moves at most max bytes (0: all) */
void fk_write_fail(int after, int err); /* writes after `after` more succeed fail: -err */

/* ---- descriptor 0 and reads -------------------------------------------------- */

void fk_input(const char *data);        /* what fd 0 reads (then end of file) */
void fk_read_chunk(size_t max);         /* a read moves at most max bytes (0: all) */

/* The I/O calls so far, as "w1:5 r0:3 ..." (descriptor:result). */
const char *fk_log(void);

void fk_tty(int fd, bool tty);          /* TCGETS on fd succeeds */
void fk_nonblock(int fd, bool nb);      /* F_GETFL on fd has O_NONBLOCK */

/* ---- files and directories ---------------------------------------------------- */

void        fk_file(const char *path, const char *content);
const char *fk_file_data(const char *path);       /* NULL if there is none */
void        fk_dir(const char *path);
void        fk_dir_add(const char *dir, const char *name, int type);
void        fk_getdents_chunk(size_t max);        /* bytes per getdents call */

/* ---- processes ------------------------------------------------------------------ */

void fk_program(const char *path);      /* spawn and execve of path succeed */
void fk_no_access(const char *path);    /* ... fail with EACCES */
const char *fk_tried(void);             /* paths tried, each followed by ';'
                                           (spawn, execve, and calls by name) */

struct fk_spawn {
    char path[128];
    int  argc, envc;
    char argv[8][64];
    char envp[8][64];
    int  nactions;
    struct k_spawn_action actions[SPAWN_ACTIONS_MAX + 8];
    char action_path[SPAWN_ACTIONS_MAX + 8][64];
    uint64_t action_path_addr[SPAWN_ACTIONS_MAX + 8];
    bool has_attr;
    struct k_spawn_attr attr;
};
const struct fk_spawn *fk_last_spawn(void);

/* ---- signals ------------------------------------------------------------------------ */

const struct k_sigaction *fk_sigaction(int sig);
uint64_t fk_sigmask(void);
int      fk_last_kill_pid(void);
int      fk_last_kill_sig(void);

/* ---- time, terminal, memory ------------------------------------------------------------ */

void fk_time(long long sec, long nsec);                /* CLOCK_REALTIME */
void fk_sleep_eintr(long long rem_sec, long rem_nsec); /* nanosleep is interrupted */
const struct k_timespec *fk_last_sleep(void);
unsigned long fk_last_ioctl(void);
const struct k_termios *fk_last_termios(void);        /* from TCSETS* */
int   fk_last_tcpgrp(void);                            /* from TIOCSPGRP */
long  fk_last_mode(void);                              /* mode of mknod, mkdir, chmod */
void  fk_brk_limit(size_t bytes);                      /* the heap's room */
void  fk_foreign_brk(size_t bytes);                    /* someone else moves the break */

/* ---- poll and futexes ------------------------------------------------------------------- */

/* ppoll finds fd ready for revents (an open descriptor, else POLLNVAL); it
 * never waits: with nothing ready it returns 0, or -EINTR without a timeout. */
void fk_poll_ready(int fd, short revents);
struct fk_poll { long nfds; long long timeout_ns; bool masked; uint64_t mask; };
struct fk_poll fk_last_poll(void);
/* FUTEX_WAIT on a word that holds its value returns this (default -EINTR:
 * nothing else could ever wake it); the counts of waits and wakes. */
void fk_futex_wait_result(long r);
struct fk_futex { int waits, wakes, last_wake_n, last_op; };
struct fk_futex fk_futex(void);

#endif
