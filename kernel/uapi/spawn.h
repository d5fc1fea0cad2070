/*
 * uapi/spawn.h - what the spawn system call takes, modelled on posix_spawn:
 * a list of file actions applied in order in the child, and attributes.
 *
 *   spawn(path, argv, envp, actions, nactions, attr) -> child pid or -errno
 *
 * argv and envp are user arrays of user pointers ending with a null pointer;
 * actions is an array of nactions records; attr may be 0.
 */
#ifndef DUPLEX_UAPI_SPAWN_H
#define DUPLEX_UAPI_SPAWN_H

#include "types.h"

#define SPAWN_OPEN   1   /* open(path, oflag, mode) and put it on fd */
#define SPAWN_CLOSE  2   /* close(fd) */
#define SPAWN_DUP2   3   /* dup2(fd, newfd) */

struct k_spawn_action {
    int32_t  type;
    int32_t  fd;
    int32_t  newfd;
    int32_t  oflag;
    uint32_t mode;
    uint32_t pad;
    uint64_t path;       /* user address of a NUL-terminated path */
};

/* attr flags: the posix_spawn values */
#define SPAWN_SETPGROUP  0x02  /* setpgid(0, pgroup); pgroup 0: a new group */
#define SPAWN_SETSIGDEF  0x04  /* reset the signals in sigdefault to SIG_DFL */
#define SPAWN_SETSIGMASK 0x08  /* start with sigmask */
#define SPAWN_SETSID     0x80  /* start a new session */

struct k_spawn_attr {
    uint32_t flags;
    int32_t  pgroup;
    uint64_t sigmask;
    uint64_t sigdefault;
};

#endif
