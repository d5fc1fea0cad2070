/*
 * fake_state.h - the inside of the fake kernel, shared by fake_kernel.c
 * (processes, signals, time, memory, and the system-call switch) and
 * fake_files.c (descriptors, files, directories, the terminal).
 */
#ifndef DUPLEX_LIBC_FAKE_STATE_H
#define DUPLEX_LIBC_FAKE_STATE_H

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "../../../kernel/uapi/dirent.h"
#include "../../../kernel/uapi/syscall.h"
#include "../../../kernel/uapi/time.h"
#include "../../../kernel/uapi/poll.h"
#include "../../../kernel/uapi/mman.h"
#include "harness.h"

#define NFD      16
#define NFILES   16
#define FILE_MAX (64 * 1024)
#define NENTS    128
#define NPATHS   8
#define ARENA    (32 * 1024 * 1024)

/* ---- state shared with the parent across fork ------------------------------ */

struct shared {
    char   out[3][FK_OUT_MAX + 1];
    size_t outlen[3];
    int    writes[3];
    char   log[8192];
    size_t loglen;
};
extern struct shared *fk_sh;

/* ---- state of this process ------------------------------------------------- */

enum fdkind { FD_NONE, FD_INPUT, FD_OUT, FD_FILE, FD_DIR };

struct fd {
    enum fdkind kind;
    int flags;                   /* O_ACCMODE, O_APPEND, O_NONBLOCK */
    bool tty;
    int file;                    /* FD_FILE, FD_DIR */
    long long off;               /* FD_FILE: bytes; FD_DIR: entries */
};

struct file {
    bool used, is_dir;
    char path[64];
    char data[FILE_MAX];
    size_t len;
    int nents;
    struct { char name[64]; int type; } ents[NENTS];
};

struct fk_state {
    struct fd fds[NFD];
    struct file files[NFILES];
    const char *input;
    size_t input_len, input_pos;
    size_t read_chunk, write_chunk, dents_chunk;
    int write_ok_left;           /* -1: writes never fail */
    int write_err;
    char programs[NPATHS][128], no_access[NPATHS][128];
    int nprograms, nno_access;
    char tried[1024];
    struct fk_spawn spawn;
    int nspawned;
    struct k_sigaction acts[NSIG];
    uint64_t mask, pending;
    int kill_pid, kill_sig;
    long long now_sec;
    long now_nsec;
    bool sleep_eintr;
    struct k_timespec sleep_rem, last_sleep;
    unsigned long last_ioctl;
    struct k_termios termios;
    int tcpgrp;
    long last_mode;
    uintptr_t brk, brk_max;
    short poll_ready[NFD];       /* what ppoll finds each descriptor ready for */
    long poll_nfds;
    long long poll_timeout_ns;   /* -1: none */
    uint64_t poll_mask;          /* ppoll's signal mask, if one was given */
    bool poll_masked;
    int futex_waits, futex_wakes, futex_last_wake_n, futex_last_op;
    long futex_wait_result;      /* what a wait on a word holding its value returns */
};
extern struct fk_state fk;

/* fake_files.c */
struct file *fk_find_file(const char *path);
long sys_open(const char *path, long flags);
long sys_close(long fd);
long sys_read(long fd, char *buf, size_t n);
long sys_write(long fd, const char *buf, size_t n);
long sys_lseek(long fd, long off, long whence);
long sys_fcntl(long fd, long cmd, long arg);
long sys_fstat(long fd, struct k_stat *st);
long sys_stat(const char *path, struct k_stat *st);
long sys_getdents(long fd, char *buf, size_t n);
long sys_ioctl(long fd, unsigned long req, void *arg);

#endif
