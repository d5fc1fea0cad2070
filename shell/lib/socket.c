/*
 * socket.c - Unix-domain sockets: thin wrappers over the system calls of
 * ipc/socket.c and its neighbours, and CMSG_NXTHDR's walk.
 *
 * Addresses, message headers and control messages go to the kernel as
 * they are: struct msghdr, iovec and cmsghdr have the layouts of the
 * kernel's k_msghdr, k_iovec and k_cmsghdr on each target (checked below),
 * and struct sockaddr_un that of k_sockaddr_un. accept is accept4 with no
 * flags, send and recv are sendto and recvfrom with no address, as in
 * Linux's C libraries.
 */
#include "libc.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <duplex/sock.h>

#define SAME(t, a, k, b) (offsetof(t, a) == offsetof(k, b))
_Static_assert(sizeof(struct msghdr) == sizeof(struct k_msghdr), "msghdr size");
_Static_assert(SAME(struct msghdr, msg_namelen, struct k_msghdr, msg_namelen) &&
               SAME(struct msghdr, msg_iov, struct k_msghdr, msg_iov) &&
               SAME(struct msghdr, msg_iovlen, struct k_msghdr, msg_iovlen) &&
               SAME(struct msghdr, msg_control, struct k_msghdr, msg_control) &&
               SAME(struct msghdr, msg_controllen, struct k_msghdr, msg_controllen) &&
               SAME(struct msghdr, msg_flags, struct k_msghdr, msg_flags), "msghdr layout");
_Static_assert(sizeof(struct iovec) == sizeof(struct k_iovec) &&
               SAME(struct iovec, iov_len, struct k_iovec, iov_len), "iovec layout");
_Static_assert(sizeof(struct cmsghdr) == sizeof(struct k_cmsghdr) &&
               SAME(struct cmsghdr, cmsg_level, struct k_cmsghdr, cmsg_level) &&
               SAME(struct cmsghdr, cmsg_type, struct k_cmsghdr, cmsg_type), "cmsghdr layout");
_Static_assert(sizeof(struct sockaddr_un) == sizeof(struct k_sockaddr_un) &&
               offsetof(struct sockaddr_un, sun_path) == SUN_PATH_OFFSET, "sockaddr_un");
_Static_assert(sizeof(struct ucred) == sizeof(struct k_ucred), "ucred");
_Static_assert(CMSG_LEN(0) == K_CMSG_LEN(0) && CMSG_SPACE(4) == K_CMSG_SPACE(4), "CMSG");

static long sys6(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    return __dx_syscall(nr, a0, a1, a2, a3, a4, a5);
}

int socket(int domain, int type, int protocol)
{
    return (int)sys_ret(sys3(SYS_socket, domain, type, protocol));
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
    return (int)sys_ret(sys4(SYS_socketpair, domain, type, protocol, P(sv)));
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    return (int)sys_ret(sys3(SYS_bind, fd, P(addr), (long)len));
}

int listen(int fd, int backlog)
{
    return (int)sys_ret(sys2(SYS_listen, fd, backlog));
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    return (int)sys_ret(sys4(SYS_accept4, fd, P(addr), P(len), flags));
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    return accept4(fd, addr, len, 0);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    return (int)sys_ret(sys3(SYS_connect, fd, P(addr), (long)len));
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags,
               const struct sockaddr *to, socklen_t tolen)
{
    return sys_ret(sys6(SYS_sendto, fd, P(buf), (long)n, flags, P(to), (long)tolen));
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags,
                 struct sockaddr *from, socklen_t *fromlen)
{
    return sys_ret(sys6(SYS_recvfrom, fd, P(buf), (long)n, flags, P(from), P(fromlen)));
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
    return sendto(fd, buf, n, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
    return recvfrom(fd, buf, n, flags, NULL, NULL);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    return sys_ret(sys3(SYS_sendmsg, fd, P(msg), flags));
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
    return sys_ret(sys3(SYS_recvmsg, fd, P(msg), flags));
}

int shutdown(int fd, int how)
{
    return (int)sys_ret(sys2(SYS_shutdown, fd, how));
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
    return (int)sys_ret(sys3(SYS_getsockname, fd, P(addr), P(len)));
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
    return (int)sys_ret(sys3(SYS_getpeername, fd, P(addr), P(len)));
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
    return (int)sys_ret(sys6(SYS_getsockopt, fd, level, name, P(val), P(len), 0));
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    return (int)sys_ret(sys6(SYS_setsockopt, fd, level, name, P(val), (long)len, 0));
}

/* The control message after cmsg, or NULL when the next one would not fit
 * in the buffer (as glibc's __cmsg_nxthdr). */
struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr, struct cmsghdr *cmsg)
{
    if (cmsg->cmsg_len < sizeof(struct cmsghdr))
        return NULL;
    unsigned char *end = (unsigned char *)mhdr->msg_control + mhdr->msg_controllen;
    cmsg = (struct cmsghdr *)((unsigned char *)cmsg + CMSG_ALIGN(cmsg->cmsg_len));
    if ((unsigned char *)(cmsg + 1) > end ||
        (unsigned char *)cmsg + CMSG_ALIGN(cmsg->cmsg_len) > end)
        return NULL;
    return cmsg;
}

int sock_list(int slot, struct k_sockinfo *si)
{
    return (int)sys_ret(sys2(SYS_sock_list, slot, P(si)));
}
