/* Resource limits as a program sees them: a limit set is the limit read
 * back; a lowered RLIMIT_NOFILE makes open, dup, dup2, fcntl and pipe
 * fail; a lowered RLIMIT_FSIZE cuts a write at the limit, then fails with
 * EFBIG and SIGXFSZ, which ends a process that does not catch it; a soft
 * limit above the hard one is EINVAL; a child inherits the limits across
 * fork and exec. Nothing here depends on the starting values. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

static const char *err(void)
{
    switch (errno) {
    case EMFILE: return "EMFILE";
    case EBADF:  return "EBADF";
    case EINVAL: return "EINVAL";
    case EFBIG:  return "EFBIG";
    case EPERM:  return "EPERM";
    default:     return strerror(errno);
    }
}

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, err());
    else
        printf("%s: %ld\n", what, r);
}

static volatile sig_atomic_t caught;
static void on_xfsz(int sig) { caught = sig; }

static void round_trip(void)
{
    struct rlimit r, back;
    getrlimit(RLIMIT_CPU, &r);
    struct rlimit want = { 100, r.rlim_max == RLIM_INFINITY || r.rlim_max > 200 ? 200 : r.rlim_max };
    show("setrlimit CPU", setrlimit(RLIMIT_CPU, &want));
    getrlimit(RLIMIT_CPU, &back);
    printf("read back: %s\n", back.rlim_cur == want.rlim_cur && back.rlim_max == want.rlim_max
                                  ? "same" : "different");
    struct rlimit old, lower = { 50, want.rlim_max };
    show("prlimit self", prlimit(getpid(), RLIMIT_CPU, &lower, &old));
    printf("old soft %llu, now %llu\n", (unsigned long long)old.rlim_cur,
           (getrlimit(RLIMIT_CPU, &back), (unsigned long long)back.rlim_cur));
    struct rlimit bad = { want.rlim_max + 1, want.rlim_max };
    show("soft > hard", setrlimit(RLIMIT_CPU, &bad));
    show("bad resource", setrlimit(999, &want));
}

static void nofile(void)
{
    for (int fd = 3; fd < 256; fd++)
        close(fd);
    struct rlimit r;
    getrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = 5;
    show("NOFILE soft 5", setrlimit(RLIMIT_NOFILE, &r));
    show("open", open("/dev/null", O_RDONLY));
    show("open", open("/dev/null", O_RDONLY));
    show("open", open("/dev/null", O_RDONLY));
    show("dup", dup(0));
    show("dup2 to 5", dup2(0, 5));
    show("F_DUPFD 5", fcntl(0, F_DUPFD, 5));
    int p[2];
    show("pipe", pipe(p));
    close(3);
    close(4);
    show("open after close", open("/dev/null", O_RDONLY));
    close(3);
}

static void fsize(void)
{
    signal(SIGXFSZ, on_xfsz);
    struct rlimit r;
    getrlimit(RLIMIT_FSIZE, &r);
    r.rlim_cur = 100;
    show("FSIZE soft 100", setrlimit(RLIMIT_FSIZE, &r));
    int fd = open("rlimits.tmp", O_CREAT | O_TRUNC | O_RDWR, 0644);
    char buf[60];
    memset(buf, 'x', sizeof buf);
    show("write 60", write(fd, buf, 60));
    show("write 60", write(fd, buf, 60));
    printf("caught %d\n", (int)caught);
    show("write 1", write(fd, buf, 1));
    printf("caught %s\n", caught == SIGXFSZ ? "SIGXFSZ" : "nothing");
    caught = 0;
    show("write 0", write(fd, buf, 0));
    show("ftruncate 100", ftruncate(fd, 100));
    show("ftruncate 101", ftruncate(fd, 101));
    printf("caught %s\n", caught == SIGXFSZ ? "SIGXFSZ" : "nothing");
    show("size", lseek(fd, 0, SEEK_END));

    signal(SIGXFSZ, SIG_DFL);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit nocore = { 0, 0 };
        setrlimit(RLIMIT_CORE, &nocore);
        write(fd, buf, 1);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st))
        printf("child killed by %s\n", WTERMSIG(st) == SIGXFSZ ? "SIGXFSZ" : "another signal");
    else
        printf("child exited %d\n", WEXITSTATUS(st));
    close(fd);
    unlink("rlimits.tmp");
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_FSIZE, &r);
}

static void inherit(const char *self)
{
    struct rlimit r;
    getrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = 7;
    setrlimit(RLIMIT_NOFILE, &r);
    pid_t pid = fork();
    if (pid == 0) {
        getrlimit(RLIMIT_NOFILE, &r);
        printf("child NOFILE soft %llu\n", (unsigned long long)r.rlim_cur);
        execl(self, self, "exec", (char *)0);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child exited %d\n", WEXITSTATUS(st));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1) {
        struct rlimit r;
        getrlimit(RLIMIT_NOFILE, &r);
        printf("after exec NOFILE soft %llu\n", (unsigned long long)r.rlim_cur);
        return 0;
    }
    round_trip();
    nofile();
    fsize();
    inherit(argv[0]);
    return 0;
}
