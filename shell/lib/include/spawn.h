/*
 * spawn.h - posix_spawn(): create a process running a program, with file
 * actions applied in order in the child and attributes (process group,
 * signal mask, signals reset to default). Duplex has no fork(): this and
 * the spawn system call it wraps (kernel/uapi/spawn.h) are how processes
 * start.
 *
 * The functions return 0 or an error number; they do not set errno.
 */
#ifndef _SPAWN_H
#define _SPAWN_H

#include <sys/types.h>
#include <signal.h>
#include "../../../kernel/uapi/spawn.h"

#define POSIX_SPAWN_SETPGROUP  SPAWN_SETPGROUP
#define POSIX_SPAWN_SETSIGDEF  SPAWN_SETSIGDEF
#define POSIX_SPAWN_SETSIGMASK SPAWN_SETSIGMASK
#define POSIX_SPAWN_SETSID     SPAWN_SETSID

/* A growing array of the kernel's own action records; the paths of open
 * actions are copies owned by the array. */
typedef struct {
    int __count;
    int __cap;
    struct k_spawn_action *__actions;
} posix_spawn_file_actions_t;

typedef struct {
    short    __flags;
    pid_t    __pgroup;
    sigset_t __mask;
    sigset_t __sigdefault;
} posix_spawnattr_t;

int posix_spawn(pid_t *pid, const char *path,
                const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr,
                char *const argv[], char *const envp[]);
/* Like posix_spawn, but a file without '/' is searched in $PATH
 * (default "/bin"). */
int posix_spawnp(pid_t *pid, const char *file,
                 const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr,
                 char *const argv[], char *const envp[]);

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd,
                                     const char *path, int oflag, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd,
                                     int newfd);

int posix_spawnattr_init(posix_spawnattr_t *attr);
int posix_spawnattr_destroy(posix_spawnattr_t *attr);
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags);
int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags);
int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup);
int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *mask);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *mask);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set);

#endif
