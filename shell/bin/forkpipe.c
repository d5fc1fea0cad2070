/*
 * forkpipe - the IPC chapter's first exercise, as a textbook writes it:
 * "a program using fork() and pipe() where the parent sends hello to the
 * child" (docs/ipc/processes.md). The same source is built for the host
 * with glibc and compared with Duplex's output by tests/compat.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

int main(void)
{
    int fd[2];
    pid_t pid;
    char buf[100];

    if (pipe(fd) == -1) {
        perror("pipe");
        exit(1);
    }

    pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }

    if (pid == 0) {                 /* child: reads from the pipe */
        close(fd[1]);
        ssize_t n = read(fd[0], buf, sizeof(buf) - 1);
        if (n < 0) {
            perror("read");
            exit(1);
        }
        buf[n] = '\0';
        printf("child received: %s\n", buf);
        close(fd[0]);
        exit(0);
    } else {                        /* parent: writes to the pipe */
        close(fd[0]);
        const char *msg = "hello";
        write(fd[1], msg, strlen(msg));
        close(fd[1]);
        wait(NULL);
        printf("parent: child finished\n");
    }
    return 0;
}
