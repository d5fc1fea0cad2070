/*
 * exec.c - replacing the program of the calling process (execve and
 * friends, the list forms execl, execlp and execle too), and the search
 * of $PATH shared with posix_spawnp.
 *
 * The forms that search $PATH (execvp, execlp, posix_spawnp) also run a
 * file the kernel refuses with ENOEXEC - a script without #! - through
 * /bin/sh, as POSIX says: "the shell is invoked with the file as its
 * first operand". execve, execv and posix_spawn do not.
 */
#include "libc.h"
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Used where the environment has no PATH. */
#define DEFAULT_PATH "/bin"

int execve(const char *path, char *const argv[], char *const envp[])
{
    return (int)sys_ret(sys3(SYS_execve, P(path), P(argv), P(envp)));
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/*
 * Call attempt(path, ctx) for each place `file` may be found, in order, until
 * one succeeds (attempt returns 0) or fails for a reason other than
 * "not here". A file containing '/' is tried as it is; otherwise each
 * directory of $PATH in turn (an empty entry is the current directory).
 * Returns 0 or an error number: EACCES if some candidate existed but could
 * not be run, else ENOENT.
 */
int __dx_search_path(const char *file, int (*attempt)(const char *path, void *ctx),
                     void *ctx)
{
    if (*file == '\0')
        return ENOENT;
    if (strchr(file, '/') != NULL)
        return attempt(file, ctx);

    const char *dirs = getenv("PATH");
    if (dirs == NULL)
        dirs = DEFAULT_PATH;
    size_t flen = strlen(file);
    int err = ENOENT;
    char path[PATH_MAX];

    for (;;) {
        const char *end = strchrnul(dirs, ':');
        size_t dlen = (size_t)(end - dirs);
        if (dlen + 1 + flen < sizeof path) {
            memcpy(path, dirs, dlen);
            if (dlen == 0)
                path[dlen++] = '.';
            path[dlen] = '/';
            memcpy(path + dlen + 1, file, flen + 1);

            int r = attempt(path, ctx);
            if (r == 0)
                return 0;
            if (r == EACCES)
                err = EACCES;
            else if (r != ENOENT && r != ENOTDIR && r != ENAMETOOLONG)
                return r;
        }
        if (*end == '\0')
            return err;
        dirs = end + 1;
    }
}

/* The arguments that run path with /bin/sh: "sh", path, then argv's own
 * after its argv[0]; malloc'ed, NULL if memory ran out. */
char **__dx_shell_argv(const char *path, char *const argv[])
{
    size_t n = 0;
    char *const *rest = argv[0] != NULL ? argv + 1 : argv;
    while (rest[n] != NULL)
        n++;
    char **v = malloc((n + 3) * sizeof *v);
    if (v == NULL)
        return NULL;
    v[0] = "sh";
    v[1] = (char *)path;
    memcpy(v + 2, rest, (n + 1) * sizeof *v);
    return v;
}

static int try_execv(const char *path, void *argv)
{
    execv(path, argv);
    if (errno == ENOEXEC) {  /* no program the kernel knows: a shell script */
        char **v = __dx_shell_argv(path, argv);
        if (v == NULL)
            return ENOMEM;
        execv(SHELL_PATH, v);
        free(v);
        errno = ENOEXEC;     /* no shell either: the file's own error */
    }
    return errno;            /* execv returns only on failure */
}

int execvp(const char *file, char *const argv[])
{
    errno = __dx_search_path(file, try_execv, (void *)argv);
    return -1;
}

/* ---- the list forms: arguments up to a null pointer -------------------------- */

#define LIST_MAX 256                /* arguments of execl and friends */

/* Collect arg and the rest of ap into argv, up to the null pointer (which
 * is kept); then, for execle, the environment after it. -1 with E2BIG if
 * there are more than LIST_MAX. */
static int collect(const char *arg, va_list ap, char **argv, char *const **envp)
{
    int n = 0;
    for (const char *a = arg; a != NULL; a = va_arg(ap, const char *)) {
        if (n == LIST_MAX) {
            errno = E2BIG;
            return -1;
        }
        argv[n++] = (char *)a;
    }
    argv[n] = NULL;
    if (envp)
        *envp = va_arg(ap, char *const *);
    return 0;
}

int execl(const char *path, const char *arg, ...)
{
    char *argv[LIST_MAX + 1];
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, NULL);
    va_end(ap);
    return r < 0 ? r : execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
    char *argv[LIST_MAX + 1];
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, NULL);
    va_end(ap);
    return r < 0 ? r : execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
    char *argv[LIST_MAX + 1];
    char *const *envp;
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, &envp);
    va_end(ap);
    return r < 0 ? r : execve(path, argv, envp);
}
