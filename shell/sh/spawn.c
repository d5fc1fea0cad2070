/*
 * spawn.c - finding programs in $PATH and starting them with posix_spawn,
 * and starting sub-shells.
 *
 * Duplex has no fork(): a child is described completely before it exists.
 * Its pipe ends and redirections become file actions, applied in order in
 * the child (pipes first, so `cmd 2>&1 | less` sends both to the pipe); its
 * process group and signals become attributes: the signals the shell
 * ignores for itself are reset to their defaults, the mask emptied.
 *
 * What a Unix shell would run in a forked copy of itself runs in a new
 * shell: `sh -c SCRIPT $0 ARGS...`, where SCRIPT recreates the parent's
 * unexported variables and its functions before the command's own text.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- finding a program ----------------------------------------------------------- */

static enum found classify(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return FOUND_NONE;
    if (S_ISDIR(st.st_mode))
        return FOUND_DIR;
    if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0)
        return FOUND_NOEXEC;
    return FOUND_FILE;
}

/* A name with a '/' is a path; others are looked for in each directory of
 * $PATH (the remembered place first), or of dirs when it is not NULL
 * (`command -p`). An executable file wins; failing that, the first file
 * that is not executable is reported (126, not 127). */
enum found path_search_in(const char *name, const char *dirs, char **path)
{
    *path = NULL;
    if (strchr(name, '/')) {
        *path = xstrdup(name);
        return classify(name);
    }
    const char *h = dirs ? NULL : hash_lookup(name);
    if (h && classify(h) == FOUND_FILE) {
        *path = xstrdup(h);
        return FOUND_FILE;
    }
    if (!dirs)
        dirs = var_get("PATH");
    if (!dirs)
        dirs = DEFAULT_PATH;
    enum found best = FOUND_NONE;
    for (;;) {
        const char *colon = strchr(dirs, ':');
        if (!colon)
            colon = dirs + strlen(dirs);
        size_t n = (size_t)(colon - dirs);
        char *cand = xmalloc(n + strlen(name) + 3);
        sprintf(cand, "%.*s%s%s", (int)n, n ? dirs : ".", "/", name);
        enum found f = classify(cand);
        if (f == FOUND_FILE) {
            free(*path);
            *path = cand;
            return f;
        }
        if (f == FOUND_NOEXEC && best == FOUND_NONE) {
            best = f;
            *path = cand;
        } else {
            free(cand);
        }
        if (!*colon)
            break;
        dirs = colon + 1;
    }
    return best;
}

enum found path_search(const char *name, char **path)
{
    return path_search_in(name, NULL, path);
}

/* ---- file actions ----------------------------------------------------------------- */

/* Open in the shell and inherited by the child (a close-on-exec descriptor
 * never reaches it: on Duplex not even its file actions see it). */
static bool fd_inherited(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    return flags >= 0 && !(flags & FD_CLOEXEC);
}

/* Pipe ends are put on 0 and 1 and their originals closed; the reading
 * end of the output pipe is closed too. */
static void add_pipe_actions(posix_spawn_file_actions_t *fa, const struct spawn_spec *sp)
{
    if (sp->in_fd >= 0 && sp->in_fd != 0) {
        posix_spawn_file_actions_adddup2(fa, sp->in_fd, 0);
        posix_spawn_file_actions_addclose(fa, sp->in_fd);
    }
    if (sp->out_fd >= 0 && sp->out_fd != 1) {
        posix_spawn_file_actions_adddup2(fa, sp->out_fd, 1);
        posix_spawn_file_actions_addclose(fa, sp->out_fd);
    }
    if (sp->close_fd >= 0)
        posix_spawn_file_actions_addclose(fa, sp->close_fd);
    if (sp->async_no_jc && sp->in_fd < 0)
        posix_spawn_file_actions_addopen(fa, 0, "/dev/null", O_RDONLY, 0);
}

static void add_redir_actions(posix_spawn_file_actions_t *fa, const struct xredirs *xs)
{
    unsigned long long opened = 0;      /* descriptors earlier actions opened */
    for (int i = 0; xs && i < xs->n; i++) {
        const struct xredir *x = &xs->v[i];
        if (x->op == R_DUPIN || x->op == R_DUPOUT) {
            if (x->src_fd >= 0 && x->src_fd != x->fd) {
                posix_spawn_file_actions_adddup2(fa, x->src_fd, x->fd);
                if (x->move)
                    posix_spawn_file_actions_addclose(fa, x->src_fd);
            }
            else if (x->src_fd < 0 && ((x->fd < 64 && (opened >> x->fd & 1)) || fd_inherited(x->fd)))
                posix_spawn_file_actions_addclose(fa, x->fd);
        } else {
            int flags = redir_open_flags(x->op);
            if (flags & O_EXCL) {
                struct stat st;         /* noclobber: only a regular file is refused */
                if (stat(x->path, &st) == 0 && !S_ISREG(st.st_mode))
                    flags &= ~(O_EXCL | O_TRUNC);
            }
            posix_spawn_file_actions_addopen(fa, x->fd, x->path, flags, 0666);
        }
        if (x->fd < 64)
            opened |= 1ull << x->fd;
    }
}

/* ---- attributes ------------------------------------------------------------------- */

static void set_attributes(posix_spawnattr_t *attr, const struct spawn_spec *sp)
{
    sigset_t none, defaults = sh.reset_in_child;
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    sigemptyset(&none);
    if (sp->async_no_jc) {
        /* a background job without job control ignores ^C (POSIX) */
        sigdelset(&defaults, SIGINT);
        sigdelset(&defaults, SIGQUIT);
    }
    posix_spawnattr_setsigmask(attr, &none);
    posix_spawnattr_setsigdefault(attr, &defaults);
    if (sp->pgroup >= 0) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(attr, sp->pgroup);
    }
    posix_spawnattr_setflags(attr, flags);
}

/* The child inherits the disposition the shell has at the moment of the
 * spawn: to make it ignore ^C, the shell ignores it for that moment. */
static void ignore_interrupts(bool on, struct sigaction old[2])
{
    if (on) {
        struct sigaction ign;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigaction(SIGINT, &ign, &old[0]);
        sigaction(SIGQUIT, &ign, &old[1]);
    } else {
        sigaction(SIGINT, &old[0], NULL);
        sigaction(SIGQUIT, &old[1], NULL);
    }
}

/* ---- spawning ----------------------------------------------------------------------- */

int spawn_process(pid_t *pid, const struct spawn_spec *sp, const char *path, char **argv)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    add_pipe_actions(&fa, sp);
    add_redir_actions(&fa, sp->redirs);
    set_attributes(&attr, sp);
    /* the pipe ends must survive into the child to be duplicated there */
    if (sp->in_fd >= 0)
        fcntl(sp->in_fd, F_SETFD, 0);
    if (sp->out_fd >= 0)
        fcntl(sp->out_fd, F_SETFD, 0);
    struct sigaction old[2];
    if (sp->async_no_jc)
        ignore_interrupts(true, old);
    fflush(NULL);
    int err = posix_spawn(pid, path, &fa, &attr, argv, sp->envp);
    if (sp->async_no_jc)
        ignore_interrupts(false, old);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    return err;
}

/* Whether a file the system refused to run (ENOEXEC) is no script either:
 * a NUL byte in its first line, looked for in its first 80 bytes, as bash
 * and dash do. A truncated program is one; running its bytes as commands
 * would only print garbage. */
static bool binary_file(const char *path)
{
    char buf[80];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    for (ssize_t i = 0; i < n && buf[i] != '\n'; i++)
        if (buf[i] == '\0')
            return true;
    return false;
}

/* The words for why path could not be started with error err. */
const char *exec_strerror(const char *path, int err)
{
    if (err == ENOEXEC && path && binary_file(path))
        return "cannot execute binary file: Exec format error";
    return strerror(err);
}

/* The command that runs the script at path with the arguments args (after
 * $0): a new copy of this shell, as POSIX says. The system runs a file with
 * a #! line itself (under the interpreter the line names); a script it
 * refuses (ENOEXEC) has none. out->v[0] is the program to start. */
void script_command(const char *path, char *const *args, struct wordlist *out)
{
    wl_add(out, xstrdup(sh.self));
    wl_add(out, xstrdup(path));
    for (int i = 0; args[i]; i++)
        wl_add(out, xstrdup(args[i]));
}

/* Start a program. A file the system cannot run as a program (no binary
 * image: ENOEXEC) is a script (script_command) - unless it is a binary
 * file, which fails with ENOEXEC. */
pid_t spawn_program(const struct spawn_spec *sp, int *err)
{
    pid_t pid = -1;
    *err = spawn_process(&pid, sp, sp->path, sp->argv);
    if (*err == ENOEXEC && !binary_file(sp->path)) {
        struct wordlist args = {0};
        script_command(sp->path, sp->argv + 1, &args);
        *err = spawn_process(&pid, sp, args.v[0], args.v);
        wl_free(&args);
    }
    return *err ? -1 : pid;
}

