/*
 * uapi/socket.h - Unix-domain sockets (ipc/socket.c and the sock_*.c files
 * beside it) as user space sees them: Linux's constants and layouts.
 *
 * Most uapi structures use fixed-width fields only. The message header,
 * the I/O vector and the control-message header cannot: Linux declares
 * them with pointers and size_t, and programs build them with the CMSG_*
 * macros, which depend on that layout. So these three use `unsigned long`,
 * a user word: a pointer or a size, as wide as the target's pointers (4
 * bytes on wasm32, 8 on aarch64). The C library's struct msghdr, iovec and
 * cmsghdr are Linux's declarations and have exactly these layouts on each
 * target (shell/lib/socket.c checks it at compile time).
 */
#ifndef DUPLEX_UAPI_SOCKET_H
#define DUPLEX_UAPI_SOCKET_H

#include "types.h"

/* address families */
#define AF_UNSPEC       0
#define AF_UNIX         1
#define AF_LOCAL        AF_UNIX
#define AF_INET         2           /* known, so that socket() can refuse it */

/* socket types, and flags socket() and socketpair() take with them */
#define SOCK_STREAM     1
#define SOCK_DGRAM      2
#define SOCK_RAW        3           /* a datagram socket, as Linux's AF_UNIX has it */
#define SOCK_RDM        4
#define SOCK_SEQPACKET  5
#define SOCK_TYPE_MASK  0xf
#define SOCK_NONBLOCK   04000       /* = O_NONBLOCK */
#define SOCK_CLOEXEC    02000000    /* = O_CLOEXEC */

/* send and receive flags */
#define MSG_OOB         0x1
#define MSG_PEEK        0x2
#define MSG_DONTROUTE   0x4
#define MSG_CTRUNC      0x8         /* recvmsg: control data was cut short */
#define MSG_TRUNC       0x20        /* a datagram was longer than the buffer */
#define MSG_DONTWAIT    0x40
#define MSG_EOR         0x80
#define MSG_WAITALL     0x100
#define MSG_NOSIGNAL    0x4000      /* EPIPE without SIGPIPE */
#define MSG_CMSG_CLOEXEC 0x40000000 /* received descriptors are close-on-exec */

/* shutdown(fd, how) */
#define SHUT_RD         0
#define SHUT_WR         1
#define SHUT_RDWR       2

/* socket options: level SOL_SOCKET */
#define SOL_SOCKET      1
#define SO_TYPE         3
#define SO_ERROR        4
#define SO_SNDBUF       7
#define SO_RCVBUF       8
#define SO_PASSCRED     16
#define SO_PEERCRED     17
#define SO_ACCEPTCONN   30
#define SO_PROTOCOL     38
#define SO_DOMAIN       39

/* control messages: level SOL_SOCKET */
#define SCM_RIGHTS      1           /* an array of descriptors */
#define SCM_CREDENTIALS 2           /* a struct ucred */

#define SOMAXCONN       4096        /* the largest listen backlog */
#define SCM_MAX_FD      253         /* descriptors in one message */
#define UIO_MAXIOV      1024        /* entries of an I/O vector */

struct k_sockaddr_un {
    uint16_t sun_family;            /* AF_UNIX */
    char     sun_path[108];         /* a path; or, after a NUL, an abstract name */
};
#define SUN_PATH_OFFSET 2           /* offsetof(struct sockaddr_un, sun_path) */

struct k_ucred {                    /* SCM_CREDENTIALS, SO_PEERCRED */
    int32_t  pid;
    uint32_t uid;
    uint32_t gid;
};

/* The native-width structures (see above). */
struct k_iovec {
    unsigned long iov_base;
    unsigned long iov_len;
};

struct k_msghdr {
    unsigned long msg_name;         /* struct sockaddr_un *, or 0 */
    uint32_t      msg_namelen;
    unsigned long msg_iov;          /* struct iovec * */
    unsigned long msg_iovlen;
    unsigned long msg_control;      /* the control messages */
    unsigned long msg_controllen;
    int32_t       msg_flags;        /* recvmsg: MSG_TRUNC, MSG_CTRUNC */
};

struct k_cmsghdr {
    unsigned long cmsg_len;         /* this header and its data, unpadded */
    int32_t       cmsg_level;
    int32_t       cmsg_type;
};
/* Control messages start at multiples of a user word. */
#define K_CMSG_ALIGN(n) (((n) + sizeof(unsigned long) - 1) & ~(sizeof(unsigned long) - 1))
#define K_CMSG_LEN(n)   (K_CMSG_ALIGN(sizeof(struct k_cmsghdr)) + (n))
#define K_CMSG_SPACE(n) (K_CMSG_ALIGN(sizeof(struct k_cmsghdr)) + K_CMSG_ALIGN(n))

/* sock_list: one record per socket, for ss. */
#define SOCK_ST_UNCONN  1           /* not connected, not listening */
#define SOCK_ST_LISTEN  2
#define SOCK_ST_ESTAB   3           /* connected (a datagram socket: to a default peer) */
#define SOCK_ST_CLOSED  4           /* connected once; the peer has gone */

struct k_sockinfo {
    uint32_t id;                    /* ss's inode number */
    uint32_t peer;                  /* the peer's id, 0 for none */
    uint8_t  type;                  /* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET */
    uint8_t  state;                 /* SOCK_ST_* */
    uint16_t pad;
    uint32_t recvq;                 /* bytes queued (listening: connections pending) */
    uint32_t sendq;                 /* bytes queued at the peer (listening: the backlog) */
    uint32_t namelen;               /* bytes of addr that are the address; 2: none */
    struct k_sockaddr_un addr;      /* the address it is bound to */
};

#endif
