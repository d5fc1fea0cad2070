/* Private mappings: anonymous memory is zeroed and a fork's child has its
 * own copy; MAP_FIXED replaces a mapping; a private mapping of a file is a
 * copy that the file does not see; munmap, mprotect and msync say what
 * POSIX says about bad arguments. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void)
{
    long page = 4096;
    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    printf("zeroed: %s\n", p[0] == 0 && p[2 * page - 1] == 0 ? "yes" : "no");
    strcpy(p, "parent's");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        strcpy(p, "child's");
        printf("child sees: %s\n", p);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent sees: %s\n", p);

    char *q = mmap(p, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED at the same address: %s, now zeroed: %s\n", q == p ? "yes" : "no",
           p[0] == 0 ? "yes" : "no");

    int fd = open("private.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "file contents", 13);
    char *f = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("mapped file: %.13s\n", f);
    memcpy(f, "FILE", 4);
    char buf[16] = "";
    lseek(fd, 0, SEEK_SET);
    read(fd, buf, 13);
    printf("the file still holds: %s\n", buf);
    munmap(f, page);
    close(fd);
    unlink("private.txt");

    int r = munmap(p + 1, page);
    printf("munmap of an unaligned address: %d %s\n", r, strerror(errno));
    void *none = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap of no bytes: %s %s\n", none == MAP_FAILED ? "MAP_FAILED" : "an address",
           strerror(errno));
    r = mprotect(p, page, PROT_READ);
    printf("mprotect read-only: %d\n", r);
    r = msync(p, page, MS_SYNC | MS_ASYNC);
    printf("msync MS_SYNC|MS_ASYNC: %d %s\n", r, strerror(errno));
    r = msync(p, page, MS_SYNC);
    printf("msync MS_SYNC: %d\n", r);
    r = munmap(p, 2 * page);
    printf("munmap: %d\n", r);
    r = mprotect(p, page, PROT_READ);
    printf("mprotect of what is gone: %d %s\n", r, strerror(errno));
    return 0;
}
