/* select with a timeout: nothing to read for half a second, then a
 * child writes, and select says which descriptor is ready. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>

int main(void)
{
    int fd[2];
    pipe(fd);

    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd[0], &set);
    struct timeval tv = { 0, 500000 };
    int n = select(fd[0] + 1, &set, NULL, NULL, &tv);
    printf("select: %d ready, timeout left %ld.%06ld\n", n, (long)tv.tv_sec, (long)tv.tv_usec);

    pid_t pid = fork();
    if (pid == 0) {
        usleep(200000);
        write(fd[1], "x", 1);
        _exit(0);
    }
    FD_ZERO(&set);
    FD_SET(fd[0], &set);
    tv.tv_sec = 5;
    tv.tv_usec = 0;
    n = select(fd[0] + 1, &set, NULL, NULL, &tv);
    printf("select: %d ready, read end %s, some time left: %s\n", n,
           FD_ISSET(fd[0], &set) ? "set" : "not set", tv.tv_sec < 5 ? "yes" : "no");
    char c;
    ssize_t got = read(fd[0], &c, 1);
    printf("read %zd byte: %c\n", got, c);

    fd_set wset;
    FD_ZERO(&wset);
    FD_SET(fd[1], &wset);
    n = select(fd[1] + 1, NULL, &wset, NULL, NULL);
    printf("select: %d ready, write end %s\n", n, FD_ISSET(fd[1], &wset) ? "set" : "not set");

    FD_ZERO(&set);
    FD_SET(50, &set);
    tv.tv_sec = 0;
    n = select(51, &set, NULL, NULL, &tv);
    perror("select on a closed descriptor");
    waitpid(pid, NULL, 0);
    return 0;
}
