/*
 * duplex.h - Duplex's own system calls, for ps, the tests, poweroff and
 * download.
 * The structures are the kernel's (kernel/uapi/proc.h).
 */
#ifndef _DUPLEX_H
#define _DUPLEX_H

#include "../../../kernel/uapi/proc.h"
#include "../../../kernel/uapi/trace.h"

/* Fill *pi with the process in table slot `slot` (start at 0). Returns the
 * next slot to ask for, 0 after the last process, -1 on error. */
int procinfo(int slot, struct k_procinfo *pi);

/* Counts of the kernel's live objects: 0 or -1. */
int kstat(struct k_kstat *ks);

/* Trace the children spawned or forked from now on: a descriptor
 * (close-on-exec) that reads one line of text per system call of theirs,
 * and end of file when none is left (kernel/trace.c). flags: TRACE_FOLLOW,
 * TRACE_PIDS. -1 on error (EBUSY: the caller is traced or tracing). */
int trace_open(int flags);

/* Switch the machine off (root only); code is the exit status a launcher
 * (the Node runner, QEMU's test script) reports. Returns only on failure:
 * -1. */
int poweroff(int code);

/* Hand the contents of the open regular file fd to the world outside the
 * machine as a file called name (on the page: the browser's download).
 * 0, or -1 with errno (EOPNOTSUPP where there is no such place). */
int download(int fd, const char *name);

#endif
