/* /proc/self as proc(5) describes it: stat's fields and their relation to
 * getpid and friends, status's lines, cmdline's NUL-separated arguments,
 * the links of fd/ for a pipe and a file, exe, and a process gone. Only
 * what must be the same on every Linux is printed: formats, counts and
 * relations, never a pid or a time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static const char *yes(int c) { return c ? "yes" : "no"; }

/* The whole of a file (its size is 0: read until the end). */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    size_t len = 0;
    ssize_t n;
    while (len + 1 < size && (n = read(fd, buf + len, size - 1 - len)) > 0)
        len += (size_t)n;
    close(fd);
    buf[len] = '\0';
    return (ssize_t)len;
}

static void check_stat(void)
{
    char buf[2048], comm[64], state;
    int pid, ppid, pgrp, sid;
    if (slurp("/proc/self/stat", buf, sizeof buf) <= 0) {
        printf("stat: cannot read\n");
        return;
    }
    int fields = 1;
    for (char *s = buf; *s && *s != '\n'; s++)
        fields += *s == ' ';
    printf("stat: at least 52 fields: %s\n", yes(fields >= 52));
    printf("stat: one line: %s\n", yes(strchr(buf, '\n') == buf + strlen(buf) - 1));
    if (sscanf(buf, "%d %63s %c %d %d %d", &pid, comm, &state, &ppid, &pgrp, &sid) != 6) {
        printf("stat: cannot parse\n");
        return;
    }
    printf("stat: comm %s, state %c\n", comm, state);
    printf("stat: pid is getpid(): %s\n", yes(pid == getpid()));
    printf("stat: ppid is getppid(): %s\n", yes(ppid == getppid()));
    printf("stat: pgrp is getpgrp(): %s\n", yes(pgrp == getpgrp()));
    printf("stat: session is getsid(0): %s\n", yes(sid == getsid(0)));
}

/* The value of a "Key:\tvalue" line of status, or NULL. */
static const char *field(const char *status, const char *key)
{
    static char value[256];
    size_t n = strlen(key);
    for (const char *s = status; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL) {
        if (strncmp(s, key, n) == 0 && s[n] == ':' && s[n + 1] == '\t') {
            size_t len = strcspn(s + n + 2, "\n");
            memcpy(value, s + n + 2, len);
            value[len] = '\0';
            return value;
        }
    }
    return NULL;
}

static void check_status(void)
{
    char buf[4096];
    if (slurp("/proc/self/status", buf, sizeof buf) <= 0) {
        printf("status: cannot read\n");
        return;
    }
    const char *v;
    printf("status: Name: %s\n", (v = field(buf, "Name")) ? v : "(none)");
    printf("status: State: %s\n", (v = field(buf, "State")) ? v : "(none)");
    printf("status: Pid is getpid(): %s\n",
           yes((v = field(buf, "Pid")) && atoi(v) == getpid()));
    printf("status: PPid is getppid(): %s\n",
           yes((v = field(buf, "PPid")) && atoi(v) == getppid()));
    printf("status: Tgid is getpid(): %s\n",
           yes((v = field(buf, "Tgid")) && atoi(v) == getpid()));
    unsigned u[4], g[4];
    v = field(buf, "Uid");
    printf("status: Uid has 4 ids, the first getuid(): %s\n",
           yes(v && sscanf(v, "%u\t%u\t%u\t%u", &u[0], &u[1], &u[2], &u[3]) == 4 &&
               u[0] == getuid()));
    v = field(buf, "Gid");
    printf("status: Gid has 4 ids, the first getgid(): %s\n",
           yes(v && sscanf(v, "%u\t%u\t%u\t%u", &g[0], &g[1], &g[2], &g[3]) == 4 &&
               g[0] == getgid()));
    v = field(buf, "SigBlk");
    printf("status: SigBlk is 16 hex digits: %s\n",
           yes(v && strlen(v) == 16 && strspn(v, "0123456789abcdef") == 16));
}

/* cmdline holds argv, each argument followed by a NUL. */
static void check_cmdline(int argc, char **argv)
{
    char buf[1024], want[1024];
    ssize_t n = slurp("/proc/self/cmdline", buf, sizeof buf);
    size_t len = 0;
    for (int i = 0; i < argc; i++) {
        size_t k = strlen(argv[i]) + 1;
        memcpy(want + len, argv[i], k);
        len += k;
    }
    printf("cmdline (%d arguments) is argv, NUL after each: %s\n", argc,
           yes(n == (ssize_t)len && memcmp(buf, want, len) == 0));
}

static void check_fds(void)
{
    char link[64], target[4096], cwd[4096], want[4200];
    int p[2];
    if (pipe(p) < 0)
        return;
    snprintf(link, sizeof link, "/proc/self/fd/%d", p[0]);
    ssize_t n = readlink(link, target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    unsigned ino;
    char end;
    printf("pipe link is pipe:[N]: %s\n",
           yes(sscanf(target, "pipe:[%u%c", &ino, &end) == 2 && end == ']' &&
               target[strlen(target) - 1] == ']'));
    snprintf(link, sizeof link, "/proc/self/fd/%d", p[1]);
    char other[4096];
    n = readlink(link, other, sizeof other - 1);
    other[n > 0 ? n : 0] = '\0';
    printf("both ends name the same pipe: %s\n", yes(strcmp(target, other) == 0));
    close(p[0]);
    close(p[1]);
    printf("closed: readlink %s\n", readlink(link, other, sizeof other) < 0 && errno == ENOENT
                                    ? "fails with ENOENT" : "works");

    int fd = open("proc_self.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    n = readlink(link, target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    snprintf(want, sizeof want, "%s/proc_self.txt", getcwd(cwd, sizeof cwd) ? cwd : "?");
    printf("file link is its absolute path: %s\n", yes(strcmp(target, want) == 0));
    char buf[16];
    printf("the link opens the file: %s\n", yes(write(fd, "x", 1) == 1 &&
           slurp(link, buf, sizeof buf) == 1 && buf[0] == 'x'));
    close(fd);
    unlink("proc_self.txt");
    n = readlink("/proc/self/cwd", target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    printf("cwd link is getcwd(): %s\n", yes(strcmp(target, cwd) == 0));
}

static void check_exe(void)
{
    char target[4096];
    printf("exe exists: %s\n", yes(access("/proc/self/exe", F_OK) == 0));
    ssize_t n = readlink("/proc/self/exe", target, sizeof target - 1);
    printf("exe is an absolute path: %s\n", yes(n > 0 && target[0] == '/'));
}

/* A child gone: a file of it opened before reads ESRCH, its paths ENOENT. */
static void check_gone(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY);
    waitpid(pid, NULL, 0);
    ssize_t n = read(fd, buf, sizeof buf);
    printf("gone: read of an open file: %s\n",
           n < 0 && errno == ESRCH ? "ESRCH" : "something else");
    close(fd);
    printf("gone: open: %s\n", open(path, O_RDONLY) < 0 && errno == ENOENT
                               ? "ENOENT" : "something else");
}

static void check_refused(void)
{
    printf("creating /proc/proc_self_new: %s\n",
           open("/proc/proc_self_new", O_WRONLY | O_CREAT, 0644) < 0 && errno == ENOENT
           ? "ENOENT" : "something else");
}

int main(int argc, char **argv)
{
    if (argc == 1) {                     /* again with arguments, one empty */
        pid_t pid = fork();
        if (pid == 0) {
            execl(argv[0], argv[0], "a b", "", "c", (char *)NULL);
            _exit(127);
        }
        waitpid(pid, NULL, 0);
        fflush(stdout);
    }
    check_cmdline(argc, argv);
    if (argc > 1)
        return 0;
    check_stat();
    check_status();
    check_fds();
    check_exe();
    check_gone();
    check_refused();
    return 0;
}
