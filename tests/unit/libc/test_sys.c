/*
 * test_sys.c - the thin wrappers: errno on failure, struct stat from the
 * kernel's, directories read through getdents in pieces, the terminal
 * calls and the ioctls they make, uname, getcwd, ids, open's variadic mode.
 */
#include <dirent.h>
#include <duplex.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "harness.h"

TEST(failures_set_errno)
{
    errno = 0;
    CHECK_EQ(close(13), -1);
    CHECK_EQ(errno, EBADF);
    errno = 0;
    CHECK_EQ(open("/missing", O_RDONLY), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(lseek(1, 0, SEEK_SET), -1);
    CHECK_EQ(errno, ESPIPE);
    errno = 0;
    CHECK_EQ(waitpid(-1, NULL, 0), -1);
    CHECK_EQ(errno, ECHILD);
    errno = 0;
    CHECK_EQ(getpgid(5), -1);
    CHECK_EQ(errno, ESRCH);
}

TEST(open_with_mode_and_stat)
{
    int fd = open("/f", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 3);
    CHECK_EQ(write(fd, "12345", 5), 5);
    struct stat st;
    CHECK_EQ(fstat(fd, &st), 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_size, 5);
    CHECK_EQ(st.st_mtime, 1600000000);
    CHECK_EQ(st.st_mtim.tv_nsec, 5);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(stat("/f", &st), 0);
    CHECK_EQ(st.st_size, 5);
    CHECK_EQ(lstat("/f", &st), 0);
    errno = 0;
    CHECK_EQ(stat("/nope", &st), -1);
    CHECK_EQ(errno, ENOENT);

    fd = creat("/g", 0644);
    CHECK(fd >= 0);
    CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
    CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
    CHECK_EQ(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
    CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
    errno = 0;
    CHECK_EQ(ftruncate(fd, 0), -1);                /* not in the fake */
    CHECK_EQ(errno, ENOSYS);
    close(fd);
}

TEST(file_system_calls)
{
    CHECK_EQ(mkfifo("/fifo", 0640), 0);
    CHECK_EQ(fk_last_mode(), S_IFIFO | 0640);
    CHECK_EQ(mkdir("/dir", 0755), 0);
    CHECK_EQ(fk_last_mode(), 0755);
    CHECK_EQ(chmod("/dir", 0700), 0);
    CHECK_EQ(unlink("/u"), 0);
    CHECK_EQ(rmdir("/r"), 0);
    CHECK_EQ(chdir("/c"), 0);
    CHECK_STR(fk_tried(), "/fifo;/dir;/dir;/u;/r;/c;");
    CHECK_EQ(umask(077), 022);
    fk_file("/exists", "");
    CHECK_EQ(access("/exists", R_OK), 0);
    CHECK_EQ(access("/not", F_OK), -1);
}

TEST(getcwd_forms)
{
    char buf[64];
    CHECK_STR(getcwd(buf, sizeof buf), "/home/user");
    errno = 0;
    CHECK(getcwd(buf, 4) == NULL);
    CHECK_EQ(errno, ERANGE);
    CHECK(getcwd(buf, 0) == NULL);
    CHECK_EQ(errno, EINVAL);
    char *p = getcwd(NULL, 0);                     /* allocated */
    CHECK_STR(p, "/home/user");
    free(p);
}

TEST(readdir_in_pieces)
{
    fk_dir("/d");
    char name[8];
    for (int i = 0; i < 60; i++) {
        name[0] = 'f';
        name[1] = (char)('0' + i / 10);
        name[2] = (char)('0' + i % 10);
        name[3] = '\0';
        fk_dir_add("/d", name, i % 3 == 0 ? DT_DIR : DT_REG);
    }
    fk_getdents_chunk(100);                        /* a few records per call */

    DIR *d = opendir("/d");
    CHECK(d != NULL);
    CHECK(dirfd(d) >= 3);
    int n = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        CHECK_EQ(e->d_name[0], 'f');
        CHECK_EQ((e->d_name[1] - '0') * 10 + (e->d_name[2] - '0'), n);
        CHECK_EQ(e->d_type, n % 3 == 0 ? DT_DIR : DT_REG);
        CHECK_EQ(e->d_ino, 100 + n);
        n++;
    }
    CHECK_EQ(n, 60);
    CHECK_EQ(errno, 0);                            /* the end is not an error */
    rewinddir(d);
    CHECK(readdir(d) != NULL);
    CHECK_EQ(closedir(d), 0);

    fk_file("/file", "x");
    errno = 0;
    CHECK(opendir("/file") == NULL);
    CHECK_EQ(errno, ENOTDIR);
    CHECK(opendir("/none") == NULL);
    CHECK_EQ(errno, ENOENT);
}

TEST(terminal_calls)
{
    struct termios t;
    errno = 0;
    CHECK_EQ(isatty(0), 0);
    CHECK_EQ(errno, ENOTTY);
    CHECK_EQ(tcgetattr(0, &t), -1);
    CHECK_EQ(isatty(9), 0);
    CHECK_EQ(errno, EBADF);

    fk_tty(0, true);
    CHECK_EQ(isatty(0), 1);
    CHECK_EQ(tcgetattr(0, &t), 0);
    CHECK(t.c_lflag & ICANON);
    CHECK_EQ(t.c_cc[VINTR], 3);
    cfmakeraw(&t);
    CHECK_EQ(t.c_lflag & (ICANON | ECHO | ISIG | IEXTEN), 0);
    CHECK_EQ(t.c_iflag & (ICRNL | IXON), 0);
    CHECK_EQ(t.c_oflag & OPOST, 0);
    CHECK_EQ(t.c_cflag & CSIZE, CS8);
    CHECK_EQ(t.c_cc[VMIN], 1);
    CHECK_EQ(tcsetattr(0, TCSANOW, &t), 0);
    CHECK_EQ(fk_last_ioctl(), TCSETS);
    CHECK_EQ(fk_last_termios()->c_lflag & ICANON, 0);
    CHECK_EQ(tcsetattr(0, TCSADRAIN, &t), 0);
    CHECK_EQ(fk_last_ioctl(), TCSETSW);
    CHECK_EQ(tcsetattr(0, TCSAFLUSH, &t), 0);
    CHECK_EQ(fk_last_ioctl(), TCSETSF);
    CHECK_EQ(tcsetattr(0, 7, &t), -1);
    CHECK_EQ(errno, EINVAL);

    CHECK_EQ(tcgetpgrp(0), 7);
    CHECK_EQ(tcsetpgrp(0, 12), 0);
    CHECK_EQ(fk_last_tcpgrp(), 12);
    CHECK_EQ(tcgetsid(0), 3);
    struct winsize ws;
    CHECK_EQ(ioctl(0, TIOCGWINSZ, &ws), -1);       /* the fake has no size */
    CHECK_EQ(fk_last_ioctl(), TIOCGWINSZ);
}

TEST(identity_and_system)
{
    CHECK_EQ(getpid(), FK_PID);
    CHECK_EQ(getppid(), 1);
    CHECK_EQ(getpgrp(), FK_PID);
    CHECK_EQ(geteuid(), getuid());
    struct utsname u;
    CHECK_EQ(uname(&u), 0);
    CHECK_STR(u.sysname, "Duplex");
    CHECK_STR(u.machine, "host-test");
    char host[64];
    CHECK_EQ(gethostname(host, sizeof host), 0);
    CHECK_STR(host, "duplex");
    CHECK_EQ(gethostname(host, 3), -1);
    CHECK_EQ(errno, ENAMETOOLONG);
    struct k_kstat ks;
    CHECK_EQ(kstat(&ks), -1);                      /* not in the fake */
    CHECK_EQ(errno, ENOSYS);
}
