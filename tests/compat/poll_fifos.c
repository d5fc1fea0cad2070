/* poll on two FIFOs: a child writes to the second, then to the first,
 * then closes both; the parent reports what poll says each time. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
    unlink("fifo1");
    unlink("fifo2");
    if (mkfifo("fifo1", 0600) < 0 || mkfifo("fifo2", 0600) < 0) {
        perror("mkfifo");
        return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        int a = open("fifo1", O_WRONLY);
        int b = open("fifo2", O_WRONLY);
        write(b, "two", 3);
        sleep(1);
        write(a, "one", 3);
        sleep(1);
        close(a);
        close(b);
        _exit(0);
    }
    struct pollfd fds[2];
    fds[0].fd = open("fifo1", O_RDONLY);
    fds[1].fd = open("fifo2", O_RDONLY);
    fds[0].events = fds[1].events = POLLIN;
    int open_fifos = 2;
    while (open_fifos > 0) {
        int n = poll(fds, 2, -1);
        if (n < 0) {
            perror("poll");
            return 1;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].revents & POLLIN) {
                char buf[16];
                ssize_t len = read(fds[i].fd, buf, sizeof buf - 1);
                if (len > 0) {
                    buf[len] = '\0';
                    printf("fifo%d: read \"%s\"\n", i + 1, buf);
                    continue;
                }
            }
            if (fds[i].revents & POLLHUP) {
                printf("fifo%d: hung up\n", i + 1);
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fifos--;
            }
        }
    }
    waitpid(pid, NULL, 0);
    unlink("fifo1");
    unlink("fifo2");
    return 0;
}
