/* What waitpid reports, read with the W* macros: a normal exit with its
 * status, death by a signal, a stop and a continue. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void report(pid_t pid, int status)
{
    (void)pid;
    if (WIFEXITED(status))
        printf("exited, status %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("killed by signal %d\n", WTERMSIG(status));
    else if (WIFSTOPPED(status))
        printf("stopped by signal %d\n", WSTOPSIG(status));
    else if (WIFCONTINUED(status))
        printf("continued\n");
}

int main(void)
{
    int status;
    pid_t pid;

    if ((pid = fork()) == 0)
        exit(42);
    waitpid(pid, &status, 0);
    report(pid, status);

    if ((pid = fork()) == 0) {
        pause();
        exit(0);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    report(pid, status);

    if ((pid = fork()) == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    report(pid, status);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    report(pid, status);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    report(pid, status);

    if (waitpid(-1, &status, WNOHANG) == -1)
        perror("waitpid");
    return 0;
}
