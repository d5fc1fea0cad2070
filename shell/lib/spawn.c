/*
 * spawn.c - posix_spawn and posix_spawnp: start a program in a new
 * process, over the spawn system call (kernel/uapi/spawn.h).
 *
 * The file actions are kept from the start as the kernel's own records
 * (struct k_spawn_action), so posix_spawn hands the array over as it is;
 * the attributes become a struct k_spawn_attr. The paths of open actions
 * are copied when added, as POSIX requires, and freed by destroy.
 */
#include "libc.h"
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- file actions ---------------------------------------------------------- */

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
    fa->__count = 0;
    fa->__cap = 0;
    fa->__actions = NULL;
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
    for (int i = 0; i < fa->__count; i++)
        if (fa->__actions[i].type == SPAWN_OPEN)
            free((void *)(uintptr_t)fa->__actions[i].path);
    free(fa->__actions);
    return posix_spawn_file_actions_init(fa);
}

/* A new, zeroed record at the end of the list, or NULL (ENOMEM). The
 * kernel takes at most SPAWN_ACTIONS_MAX. */
static struct k_spawn_action *add_action(posix_spawn_file_actions_t *fa, int type)
{
    if (fa->__count == SPAWN_ACTIONS_MAX)
        return NULL;
    if (fa->__count == fa->__cap) {
        int cap = fa->__cap == 0 ? 4 : fa->__cap * 2;
        if (cap > SPAWN_ACTIONS_MAX)
            cap = SPAWN_ACTIONS_MAX;
        struct k_spawn_action *a = realloc(fa->__actions, (size_t)cap * sizeof *a);
        if (a == NULL)
            return NULL;
        fa->__actions = a;
        fa->__cap = cap;
    }
    struct k_spawn_action *a = &fa->__actions[fa->__count++];
    memset(a, 0, sizeof *a);
    a->type = type;
    return a;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd,
                                     const char *path, int oflag, mode_t mode)
{
    if (fd < 0 || fd >= NOFILE)
        return EBADF;
    char *copy = strdup(path);
    if (copy == NULL)
        return ENOMEM;
    struct k_spawn_action *a = add_action(fa, SPAWN_OPEN);
    if (a == NULL) {
        free(copy);
        return ENOMEM;
    }
    a->fd = fd;
    a->oflag = oflag;
    a->mode = mode;
    a->path = (uint64_t)(uintptr_t)copy;
    return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
    if (fd < 0 || fd >= NOFILE)
        return EBADF;
    struct k_spawn_action *a = add_action(fa, SPAWN_CLOSE);
    if (a == NULL)
        return ENOMEM;
    a->fd = fd;
    return 0;
}

/* dup2(fd, newfd) in the child. */
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
    if (fd < 0 || fd >= NOFILE || newfd < 0 || newfd >= NOFILE)
        return EBADF;
    struct k_spawn_action *a = add_action(fa, SPAWN_DUP2);
    if (a == NULL)
        return ENOMEM;
    a->fd = fd;
    a->newfd = newfd;
    return 0;
}

/* ---- attributes ---------------------------------------------------------------- */

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
    memset(attr, 0, sizeof *attr);
    return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
    (void)attr;
    return 0;
}

#define KNOWN_FLAGS (POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | \
                     POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID)

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
    if (flags & ~KNOWN_FLAGS)
        return EINVAL;
    attr->__flags = flags;
    return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
    *flags = attr->__flags;
    return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
    attr->__pgroup = pgroup;
    return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup)
{
    *pgroup = attr->__pgroup;
    return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *mask)
{
    attr->__mask = *mask;
    return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *mask)
{
    *mask = attr->__mask;
    return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set)
{
    attr->__sigdefault = *set;
    return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set)
{
    *set = attr->__sigdefault;
    return 0;
}

/* ---- spawning ------------------------------------------------------------------- */

struct spawn_call {
    pid_t *pid;
    const posix_spawn_file_actions_t *actions;
    const posix_spawnattr_t *attr;
    char *const *argv;
    char *const *envp;
};

/* One spawn system call for path: 0 or an error number. */
static int spawn_at(const char *path, void *ctx)
{
    const struct spawn_call *c = ctx;
    struct k_spawn_attr kattr;
    const struct k_spawn_attr *ka = NULL;

    if (c->attr != NULL) {
        memset(&kattr, 0, sizeof kattr);
        kattr.flags = (uint16_t)c->attr->__flags;
        kattr.pgroup = c->attr->__pgroup;
        kattr.sigmask = c->attr->__mask.__bits;
        kattr.sigdefault = c->attr->__sigdefault.__bits;
        ka = &kattr;
    }
    const struct k_spawn_action *acts = c->actions != NULL ? c->actions->__actions : NULL;
    int nacts = c->actions != NULL ? c->actions->__count : 0;
    long r = __dx_syscall(SYS_spawn, P(path), P(c->argv), P(c->envp), P(acts),
                          nacts, P(ka));
    if (sys_failed(r))
        return (int)-r;
    if (c->pid != NULL)
        *c->pid = (pid_t)r;
    return 0;
}

int posix_spawn(pid_t *pid, const char *path,
                const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attr,
                char *const argv[], char *const envp[])
{
    struct spawn_call c = { pid, actions, attr, argv, envp != NULL ? envp : environ };
    return spawn_at(path, &c);
}

/* posix_spawnp's attempt: path, or /bin/sh with path for its script if
 * the kernel does not know path's format (exec.c says why). */
static int spawn_at_or_shell(const char *path, void *ctx)
{
    int err = spawn_at(path, ctx);
    if (err != ENOEXEC)
        return err;
    struct spawn_call c = *(const struct spawn_call *)ctx;
    char **v = __dx_shell_argv(path, c.argv);
    if (v == NULL)
        return ENOMEM;
    c.argv = v;
    err = spawn_at(SHELL_PATH, &c);
    free(v);
    return err == 0 ? 0 : ENOEXEC;
}

int posix_spawnp(pid_t *pid, const char *file,
                 const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr,
                 char *const argv[], char *const envp[])
{
    struct spawn_call c = { pid, actions, attr, argv, envp != NULL ? envp : environ };
    return __dx_search_path(file, spawn_at_or_shell, &c);
}
