/*
 * sys/un.h - the address of a Unix-domain socket: a path in the file
 * system (docs/ipc/sockets.md).
 *
 *     struct sockaddr_un a = { .sun_family = AF_UNIX };
 *     strcpy(a.sun_path, "/tmp/s");
 *     bind(fd, (struct sockaddr *)&a, sizeof a);
 */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
    sa_family_t sun_family;         /* AF_UNIX */
    char        sun_path[108];      /* the path; after a NUL first, an abstract name */
};

#endif
