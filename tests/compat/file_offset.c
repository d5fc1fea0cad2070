/* Parent and child share the open file, and so its offset: their writes
 * follow each other instead of overwriting. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    int fd = open("offset.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror("open");
        return 1;
    }
    write(fd, "parent1\n", 8);
    pid_t pid = fork();
    if (pid == 0) {
        write(fd, "child\n", 6);
        printf("child: offset is %ld\n", (long)lseek(fd, 0, SEEK_CUR));
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent: offset is %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    write(fd, "parent2\n", 8);

    char buf[64];
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf);
    printf("file holds %zd bytes:\n", n);
    fwrite(buf, 1, n, stdout);
    close(fd);
    unlink("offset.txt");
    return 0;
}
