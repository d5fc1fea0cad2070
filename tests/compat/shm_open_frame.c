/* POSIX shared memory between two processes: the parent creates an
 * object with shm_open, sizes it with ftruncate and maps it; the child
 * maps it by name and writes a message; the parent reads it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define NAME "/compat_frame"
#define SIZE 4096

int main(void)
{
    int fd = shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) {
        perror("shm_open");
        return 1;
    }
    if (ftruncate(fd, SIZE) < 0) {
        perror("ftruncate");
        return 1;
    }
    char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    struct stat st;
    fstat(fd, &st);
    printf("object size: %lld\n", (long long)st.st_size);

    pid_t pid = fork();
    if (pid == 0) {
        int cfd = shm_open(NAME, O_RDWR, 0);
        char *q = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
        strcpy(q, "hello through shared memory");
        munmap(q, SIZE);
        close(cfd);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent reads: %s\n", p);

    char buf[64] = "";
    lseek(fd, 0, SEEK_SET);
    read(fd, buf, 27);
    printf("read() of the object: %s\n", buf);

    munmap(p, SIZE);
    close(fd);
    if (shm_unlink(NAME) < 0)
        perror("shm_unlink");
    if (shm_open(NAME, O_RDWR, 0) < 0)
        perror("shm_open after unlink");
    return 0;
}
