/* A read interrupted by alarm: without SA_RESTART it fails with EINTR;
 * with SA_RESTART it goes on after the handler and returns the data. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void try_read(int flags, const char *name)
{
    int fd[2];
    pipe(fd);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);

    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        sleep(2);
        write(fd[1], "late", 4);
        _exit(0);
    }
    close(fd[1]);
    alarm(1);
    char buf[16];
    ssize_t n = read(fd[0], buf, sizeof buf);
    if (n < 0)
        printf("%s: read failed: %s (alarms: %d)\n", name, strerror(errno), (int)alarms);
    else
        printf("%s: read %zd bytes \"%.*s\" (alarms: %d)\n", name, n, (int)n, buf, (int)alarms);
    waitpid(pid, NULL, 0);
    close(fd[0]);
}

int main(void)
{
    try_read(0, "without SA_RESTART");
    try_read(SA_RESTART, "with SA_RESTART");
    printf("alarm left: %u\n", alarm(0));
    alarm(10);
    printf("alarm left after alarm(10): %u\n", alarm(0));
    return 0;
}
