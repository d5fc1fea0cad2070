/* fork, then exec in the child: the parent waits and reads the status.
 * A program that cannot be found leaves the child to say so and exit 127,
 * as a shell does. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void run(const char *prog, const char *arg)
{
    pid_t pid = fork();
    if (pid == 0) {
        execlp(prog, prog, arg, (char *)NULL);
        perror("execlp");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        printf("%s: exit status %d\n", prog, WEXITSTATUS(status));
}

int main(void)
{
    run("echo", "hello from a new program");
    run("false", NULL);
    run("no-such-program", NULL);
    return 0;
}
