/*
 * script.c - the #! rule of exec: a file that starts with "#!" names the
 * program that runs it.
 *
 * execve("/home/u/count.awk", ["count.awk", "x"]) of a file whose first
 * line is "#!/bin/awk -f" runs /bin/awk with the arguments
 * ["/bin/awk", "-f", "/home/u/count.awk", "x"]: the interpreter, the one
 * optional argument of the #! line, the path exec was given, and the
 * caller's arguments after its argv[0]. As on Linux, everything after the
 * interpreter's name up to the end of the line (blanks trimmed at both
 * ends) is that one argument, unsplit; only the first 256 bytes of the file
 * are read; and an interpreter may itself be a script, up to a depth of
 * four, past which exec fails with ELOOP. A #! line that names no program
 * is ENOEXEC, as is a file of no known format: the C library's execvp then
 * runs it with /bin/sh, as POSIX asks (shell/lib/exec.c).
 *
 * sysproc.c's spawn_load asks script_argv for the new argument vector and
 * loads the interpreter instead. Before that, exec and spawn make sure the
 * bytes of the script and of its interpreters are here (lazy.c), since a
 * fetch blocks and spawn_load must not.
 */
#include "kernel.h"

#define LINE_MAX_SCRIPT 256      /* bytes of the file read for the #! line */

/* Is ip a script? Then copy its interpreter's name to interp and the #!
 * line's argument (or "") to arg, both at most LINE_MAX_SCRIPT bytes. */
bool script_parse(struct inode *ip, char *interp, char *arg)
{
    const char *s = ip->data;
    size_t n = (size_t)ip->size < LINE_MAX_SCRIPT ? (size_t)ip->size : LINE_MAX_SCRIPT;
    if (ip->type != I_REG || !s || n < 2 || s[0] != '#' || s[1] != '!')
        return false;
    size_t i = 2, end = 2;
    while (end < n && s[end] != '\n')
        end++;
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t k = 0;
    while (i < end && s[i] != ' ' && s[i] != '\t' && s[i] != '\0')
        interp[k++] = s[i++];
    interp[k] = '\0';
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
        end--;
    k = 0;
    while (i < end && s[i] != '\0')
        arg[k++] = s[i++];
    arg[k] = '\0';
    return true;
}

/* The arguments of the interpreter that runs the script at path, called
 * with argv: one kalloc'd block the caller frees, or NULL. */
char **script_argv(const char *interp, const char *arg, const char *path,
                   char *const argv[])
{
    int n = 0;
    size_t bytes = strlen(interp) + strlen(arg) + strlen(path) + 3;
    while (argv && argv[n])
        bytes += strlen(argv[n++]) + 1;
    int count = 3 + n;                      /* interp, arg, path, argv[1..], NULL */
    char **v = kalloc((size_t)count * sizeof(char *) + bytes);
    if (!v)
        return NULL;
    char *s = (char *)(v + count);
    int c = 0;
    const char *head[3] = { interp, arg, path };
    for (int i = 0; i < 3; i++) {
        if (i == 1 && !arg[0])
            continue;                       /* no argument on the #! line */
        v[c++] = s;
        s += kstrlcpy(s, head[i], bytes) + 1;
    }
    for (int i = 1; i < n; i++) {
        v[c++] = s;
        s += kstrlcpy(s, argv[i], bytes) + 1;
    }
    v[c] = NULL;
    return v;
}

/* Make sure the bytes of the program at path and of every interpreter
 * that a chain of #! lines names are here: 0, or KERN_BLOCK while one is
 * fetched, or the fetch's error. A missing file is left for the load to
 * report. */
long script_ready(struct proc *p, const char *path)
{
    char name[LINE_MAX_SCRIPT], next[LINE_MAX_SCRIPT], arg[LINE_MAX_SCRIPT];
    kstrlcpy(name, path, sizeof name);
    for (int depth = 0; depth <= SCRIPT_DEPTH; depth++) {
        long r = lazy_ready_path(p, name);
        if (r != 0)
            return r;
        struct inode *ip;
        if (namei(p, name, &ip) < 0)
            return 0;
        bool script = script_parse(ip, next, arg);
        iput(ip);
        if (!script || !next[0])
            return 0;
        kstrlcpy(name, next, sizeof name);
    }
    return 0;
}
