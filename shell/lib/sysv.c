/*
 * sysv.c - what the System V IPC calls share in the C library: ftok().
 * The calls themselves are in msg.c (message queues), shm.c and sem.c.
 */
#include "libc.h"
#include <sys/ipc.h>
#include <sys/stat.h>

/*
 * The usual recipe (glibc's, and the System V one before it): the low 16
 * bits of the inode number, the low 8 bits of the device, the low 8 bits
 * of id. Two files may collide; that is ftok's known weakness, and why an
 * id of 0 is best avoided (it leaves the top byte 0, nearer IPC_PRIVATE).
 */
key_t ftok(const char *path, int id)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) |
                   ((unsigned)(id & 0xff) << 24));
}
