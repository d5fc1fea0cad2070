/*
 * sys/wait.h - waiting for children. The options and the W* status macros
 * are the kernel's (kernel/uapi/wait.h, Linux's encoding).
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include "../../../../kernel/uapi/wait.h"

struct rusage;     /* not kept by Duplex: wait4 leaves it untouched */

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
