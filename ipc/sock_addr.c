/*
 * sock_addr.c - the addresses of Unix-domain sockets: bind, getsockname,
 * getpeername, and finding the socket an address names.
 *
 * An address is a struct sockaddr_un, in one of two namespaces:
 *
 *  - a path ("/tmp/s"): bind makes a socket node there, a file of type
 *    S_IFSOCK (ls -l shows "s") whose inode points at the socket. The node
 *    is the address: connecting needs write permission on it, as on Linux,
 *    and the node stays after the socket closes - stale, refusing every
 *    connection - until someone unlinks it; a bind to an existing name
 *    fails with EADDRINUSE. The socket holds a reference on the inode, so
 *    a node unlinked while bound lives on, nameless and unreachable.
 *  - an abstract name: sun_path starts with a NUL, and the name is the
 *    bytes after it, up to the length given. Nothing in the file system;
 *    the name goes with the socket. A bind with the family alone
 *    ("autobind") picks a free one: a NUL and five hex digits.
 *
 * A bound name is a struct sock_name, counted, because datagrams carry
 * their sender's name to recvfrom after the sender may have gone.
 */
#include "sock.h"

static uint32_t next_auto;

void name_get(struct sock_name *n)
{
    n->refs++;
}

void name_put(struct sock_name *n)
{
    if (n && --n->refs == 0)
        kfree(n);
}

static bool is_abstract(const struct sock_name *n)
{
    return n->addr.sun_path[0] == '\0';
}

/*
 * Read an address from user memory, as Linux's unix_validate_addr and
 * unix_mkname do: a length that cannot hold the family and one byte of
 * name, or more than a sockaddr_un, is EINVAL, and so is another family.
 * A path ends at its first NUL (or at the end of the length given); its
 * length is then counted up to that NUL, included.
 */
long sock_addr_in(struct proc *p, uptr uaddr, long len, struct sock_name **out)
{
    if (len <= SUN_PATH_OFFSET || len > (long)sizeof(struct k_sockaddr_un))
        return -EINVAL;
    struct sock_name *n = kzalloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    n->refs = 1;
    if (copyin(p, &n->addr, uaddr, (size_t)len) < 0) {
        kfree(n);
        return -EFAULT;
    }
    if (n->addr.sun_family != AF_UNIX) {
        kfree(n);
        return -EINVAL;
    }
    if (is_abstract(n)) {
        n->len = (uint32_t)len;
    } else {
        size_t path = 0;
        while (path < (size_t)len - SUN_PATH_OFFSET && n->addr.sun_path[path])
            path++;
        memset(n->addr.sun_path + path, 0, sizeof n->raw - SUN_PATH_OFFSET - path);
        n->len = (uint32_t)(SUN_PATH_OFFSET + path + 1);
    }
    *out = n;
    return 0;
}

static bool same_name(const struct sock_name *a, const struct sock_name *b)
{
    return a->len == b->len && memcmp(a->raw, b->raw, a->len) == 0;
}

/* The live socket bound to an abstract name, or NULL. */
static struct sock *find_abstract(const struct sock_name *n)
{
    for (struct sock *s = sock_all; s; s = s->next)
        if (!s->dead && s->name && !s->node && same_name(s->name, n))
            return s;
    return NULL;
}

/* ---- bind ---------------------------------------------------------------------- */

/* Make the socket node for a path: EADDRINUSE if the name exists, as
 * Linux's mknod fails first; then EINVAL if s already has a name. */
static long bind_path(struct proc *p, struct sock *s, struct sock_name *n)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ip = NULL;
    long r = nameiparent(p, n->addr.sun_path, &dir, name);
    if (r < 0)
        return r;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || dir_lookup(dir, name))
        r = -EADDRINUSE;
    else if (s->name)
        r = -EINVAL;
    else if (dir->nlink == 0)
        r = -ENOENT;
    else if (!may_access(p, dir, W_OK | X_OK))
        r = -EACCES;
    else if (!(ip = ramfs_alloc(I_SOCK, 0777 & ~p->umask, p)))
        r = -ENOMEM;
    else if ((r = dir_link(dir, name, ip)) < 0) {
        iget(ip);                   /* never linked: this frees it */
        iput(ip);
    }
    iput(dir);
    if (r < 0)
        return r;
    iget(ip);
    ip->sock = s;
    s->node = ip;
    return 0;
}

long sock_bind_name(struct proc *p, struct sock *s, struct sock_name *n)
{
    if (is_abstract(n)) {
        if (s->name)
            return -EINVAL;
        if (find_abstract(n))
            return -EADDRINUSE;
    } else {
        long r = bind_path(p, s, n);
        if (r < 0)
            return r;
    }
    name_get(n);
    s->name = n;
    return 0;
}

/* A free abstract name of five hex digits; nothing if s has a name. */
long sock_autobind(struct sock *s)
{
    if (s->name)
        return 0;
    struct sock_name *n = kzalloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    n->refs = 1;
    n->addr.sun_family = AF_UNIX;
    n->len = SUN_PATH_OFFSET + 1 + 5;
    do {
        ksnprintf(n->addr.sun_path + 1, 6, "%05x", (unsigned)(next_auto++ & 0xfffff));
    } while (find_abstract(n));
    s->name = n;
    return 0;
}

/* The socket goes: its node no longer leads to it. The name itself stays
 * for getpeername at the other end and for datagrams already sent. */
void sock_unbind(struct sock *s)
{
    if (s->node) {
        s->node->sock = NULL;
        iput(s->node);
        s->node = NULL;
    }
}

/* bind(fd, addr, len) */
long sys_bind(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (a[2] == SUN_PATH_OFFSET) {
        uint16_t family;
        if (copyin(p, &family, (uptr)a[1], sizeof family) < 0)
            return -EFAULT;
        if (family == AF_UNIX)
            return sock_autobind(s);
    }
    struct sock_name *n;
    if ((r = sock_addr_in(p, (uptr)a[1], a[2], &n)) < 0)
        return r;
    r = sock_bind_name(p, s, n);
    name_put(n);
    return r;
}

/* ---- finding a socket ------------------------------------------------------------ */

/* The socket a path names, in the order of Linux's checks: the path must
 * lead somewhere (ENOENT, EACCES of a directory), the caller may write
 * the node (EACCES), the node is a socket's (ECONNREFUSED) and has one. */
static long lookup_path(struct proc *p, const struct sock_name *n, struct sock **out)
{
    struct inode *ip;
    long r = namei(p, n->addr.sun_path, &ip);
    if (r < 0)
        return r;
    if (!may_access(p, ip, W_OK))
        r = -EACCES;
    else if (ip->type != I_SOCK || !ip->sock || ip->sock->dead)
        r = -ECONNREFUSED;
    else
        *out = ip->sock;
    iput(ip);
    return r;
}

long sock_lookup(struct proc *p, struct sock_name *n, int type, struct sock **out)
{
    struct sock *s = NULL;
    if (is_abstract(n)) {
        if (!(s = find_abstract(n)))
            return -ECONNREFUSED;
    } else {
        long r = lookup_path(p, n, &s);
        if (r < 0)
            return r;
    }
    if (s->type != type)
        return -EPROTOTYPE;
    sock_get(s);
    *out = s;
    return 0;
}

/* ---- getsockname, getpeername ------------------------------------------------------ */

long sock_addr_out(struct proc *p, struct sock_name *n, uptr uaddr, uptr ulen)
{
    int32_t len;
    if (copyin(p, &len, ulen, sizeof len) < 0)
        return -EFAULT;
    if (len < 0)
        return -EINVAL;
    struct k_sockaddr_un family = { AF_UNIX, { 0 } };
    const void *src = n ? (const void *)n->raw : (const void *)&family;
    int32_t full = n ? (int32_t)n->len : SUN_PATH_OFFSET;
    if (len > 0 && copyout(p, uaddr, src, (size_t)MIN(len, full)) < 0)
        return -EFAULT;
    return copyout(p, ulen, &full, sizeof full) < 0 ? -EFAULT : 0;
}

long sys_getsockname(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    return r < 0 ? r : sock_addr_out(p, s->name, (uptr)a[1], (uptr)a[2]);
}

/* A stream's peer stays its peer after it has gone, as on Linux. */
long sys_getpeername(struct proc *p, const long *a)
{
    struct sock *s;
    long r = sock_fd(p, a[0], &s, NULL);
    if (r < 0)
        return r;
    if (!s->peer)
        return -ENOTCONN;
    return sock_addr_out(p, s->peer->name, (uptr)a[1], (uptr)a[2]);
}
