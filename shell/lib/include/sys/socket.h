/*
 * sys/socket.h - sockets: Unix-domain (AF_UNIX) stream, datagram and
 * sequenced-packet sockets, the kernel's ipc/socket.c (docs/ipc/sockets.md).
 *
 *     int sv[2];
 *     socketpair(AF_UNIX, SOCK_STREAM, 0, sv);   // two connected ends
 *
 *     int s = socket(AF_UNIX, SOCK_STREAM, 0);   // a server: <sys/un.h>
 *     bind(s, (struct sockaddr *)&addr, sizeof addr);
 *     listen(s, 5);
 *     int c = accept(s, NULL, NULL);
 *
 * Constants, structures and the CMSG_* macros are Linux's
 * (kernel/uapi/socket.h): struct msghdr and struct cmsghdr have the
 * kernel's layout on each target (checked in shell/lib/socket.c).
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>
#include "../../../../kernel/uapi/socket.h"

typedef uint32_t       socklen_t;
typedef unsigned short sa_family_t;

#define PF_UNIX   AF_UNIX
#define PF_LOCAL  AF_LOCAL
#define PF_UNSPEC AF_UNSPEC

struct sockaddr {
    sa_family_t sa_family;
    char        sa_data[14];
};

struct sockaddr_storage {           /* room for any address */
    sa_family_t ss_family;
    char        __ss_pad[126];
};

struct msghdr {
    void         *msg_name;         /* the peer's address, or NULL */
    socklen_t     msg_namelen;
    struct iovec *msg_iov;
    size_t        msg_iovlen;
    void         *msg_control;      /* control messages (SCM_RIGHTS ...) */
    size_t        msg_controllen;
    int           msg_flags;        /* recvmsg: MSG_TRUNC, MSG_CTRUNC */
};

struct cmsghdr {
    size_t cmsg_len;                /* CMSG_LEN(bytes of data) */
    int    cmsg_level;              /* SOL_SOCKET */
    int    cmsg_type;               /* SCM_RIGHTS, SCM_CREDENTIALS */
};

struct ucred {                      /* SCM_CREDENTIALS, SO_PEERCRED */
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

#define CMSG_ALIGN(len)  (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len)  (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len)    (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(cmsg)  ((unsigned char *)((struct cmsghdr *)(cmsg) + 1))
#define CMSG_FIRSTHDR(mhdr) \
    ((size_t)(mhdr)->msg_controllen >= sizeof(struct cmsghdr) \
     ? (struct cmsghdr *)(mhdr)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(mhdr, cmsg) __cmsg_nxthdr((mhdr), (cmsg))
struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg);

int     socket(int domain, int type, int protocol);
int     socketpair(int domain, int type, int protocol, int sv[2]);
int     bind(int fd, const struct sockaddr *addr, socklen_t len);
int     listen(int fd, int backlog);
int     accept(int fd, struct sockaddr *addr, socklen_t *len);
int     accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int     connect(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags,
               const struct sockaddr *to, socklen_t tolen);
ssize_t recvfrom(int fd, void *buf, size_t n, int flags,
                 struct sockaddr *from, socklen_t *fromlen);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
int     shutdown(int fd, int how);
int     getsockname(int fd, struct sockaddr *addr, socklen_t *len);
int     getpeername(int fd, struct sockaddr *addr, socklen_t *len);
int     getsockopt(int fd, int level, int name, void *val, socklen_t *len);
int     setsockopt(int fd, int level, int name, const void *val, socklen_t len);

#endif
