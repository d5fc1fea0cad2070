/*
 * dirent.h - reading directories, one entry at a time, over the getdents
 * system call (kernel/uapi/dirent.h).
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include "../../../kernel/uapi/limits.h"
#include "../../../kernel/uapi/dirent.h"     /* DT_DIR, DT_REG, ... */

struct dirent {
    ino_t          d_ino;
    off_t          d_off;
    unsigned short d_reclen;
    unsigned char  d_type;
    char           d_name[NAME_MAX + 1];
};

typedef struct __dx_dir DIR;

DIR           *opendir(const char *path);
DIR           *fdopendir(int fd);
struct dirent *readdir(DIR *d);
int            closedir(DIR *d);
void           rewinddir(DIR *d);
int            dirfd(DIR *d);

#endif
