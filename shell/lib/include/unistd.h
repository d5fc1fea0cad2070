/*
 * unistd.h - the POSIX system interface: descriptors, processes, the file
 * system, and getopt().
 *
 * write() to a blocking descriptor returns only when everything is written
 * (the kernel may take a big pipe write in pieces; the library loops). It
 * returns a short count only if a later piece fails after some progress, or
 * on a non-blocking descriptor.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/types.h>
#include "../../../kernel/uapi/fcntl.h"     /* R_OK..F_OK, SEEK_SET.. */

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define _POSIX_VERSION 200809L

extern char **environ;

/* descriptors */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int     close(int fd);
off_t   lseek(int fd, off_t off, int whence);
int     dup(int fd);
int     dup2(int fd, int newfd);
int     pipe(int fds[2]);
int     pipe2(int fds[2], int flags);
int     ftruncate(int fd, off_t length);
int     truncate(const char *path, off_t length);
int     isatty(int fd);
char   *ttyname(int fd);

/* processes */
pid_t fork(void);
pid_t vfork(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int   setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
pid_t getsid(pid_t pid);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int   setuid(uid_t uid);
int   setgid(gid_t gid);
pid_t tcgetpgrp(int fd);
int   tcsetpgrp(int fd, pid_t pgrp);
int   execve(const char *path, char *const argv[], char *const envp[]);
int   execv(const char *path, char *const argv[]);
int   execvp(const char *file, char *const argv[]);
/* The argument list ends with a null pointer; execle's environment follows it. */
int   execl(const char *path, const char *arg, ...);
int   execlp(const char *file, const char *arg, ...);
int   execle(const char *path, const char *arg, ...);
void  _exit(int status) __attribute__((noreturn));
void *sbrk(intptr_t increment);
int   brk(void *addr);
unsigned sleep(unsigned seconds);
unsigned alarm(unsigned seconds);
int   usleep(useconds_t usec);
int   pause(void);
int   gethostname(char *name, size_t len);
int   sethostname(const char *name, size_t len);

/* sysconf names: Linux's numbers. */
#define _SC_ARG_MAX        0
#define _SC_CHILD_MAX      1
#define _SC_CLK_TCK        2
#define _SC_NGROUPS_MAX    3
#define _SC_OPEN_MAX       4
#define _SC_PAGESIZE       30
#define _SC_PAGE_SIZE      _SC_PAGESIZE
#define _SC_LINE_MAX       43
#define _SC_HOST_NAME_MAX  180
long  sysconf(int name);

/* the file system */
int   chdir(const char *path);
char *getcwd(char *buf, size_t size);
int   unlink(const char *path);
void  sync(void);
int   syncfs(int fd);
int   rmdir(const char *path);
int   access(const char *path, int mode);
int   symlink(const char *target, const char *path);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
int   link(const char *oldpath, const char *newpath);
int   chown(const char *path, uid_t uid, gid_t gid);
int   lchown(const char *path, uid_t uid, gid_t gid);
int   fchown(int fd, uid_t uid, gid_t gid);
int   fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);

/* getopt: see getopt.c */
extern char *optarg;
extern int   optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#endif
