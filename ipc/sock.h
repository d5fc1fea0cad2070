/*
 * sock.h - what the files of Unix-domain sockets share: the socket, its
 * receive queue, addresses and control data. Nothing outside ipc/sock*.c
 * and ipc/scm.c includes it; the rest of the kernel knows sockets only by
 * the system calls and the two hooks in kernel.h.
 *
 *   socket.c       the object: socket, socketpair, its file, release, poll,
 *                  shutdown, options, ss's list
 *   sock_addr.c    addresses: bind, names in the file system and abstract
 *                  ones, finding a socket by address
 *   sock_conn.c    connections: listen, connect, accept
 *   sock_stream.c  SOCK_STREAM's data: a byte ring
 *   sock_dgram.c   SOCK_DGRAM's and SOCK_SEQPACKET's data: a message queue
 *   sock_io.c      send, receive, sendmsg and recvmsg: user buffers and headers
 *   scm.c          descriptors and credentials in flight; the collector
 *
 * docs/ipc/sockets.md tells the whole story.
 */
#ifndef DUPLEX_IPC_SOCK_H
#define DUPLEX_IPC_SOCK_H

#include "../kernel/kernel.h"
#include "../kernel/uapi/socket.h"

/* Buffer sizes, Linux's: SO_SNDBUF and SO_RCVBUF start at this, and
 * setsockopt doubles what it is given, within these bounds. */
#define SOCK_BUF_DEFAULT 212992
#define SOCK_SNDBUF_MIN  4608
#define SOCK_RCVBUF_MIN  2304
#define SOCK_BUF_MAX     (2 * SOCK_BUF_DEFAULT)
#define DGRAM_QLEN       10         /* a datagram queue is full past this many */
#define REC_COST         256        /* what control data costs of the buffer */

/* s->shut: the directions closed (Linux's RCV_SHUTDOWN, SEND_SHUTDOWN) */
#define SHUT_RCV   1
#define SHUT_SEND  2
#define SHUT_BOTH  3

enum sock_state {
    SK_UNCONN = 1,                  /* new, or a datagram socket without a peer */
    SK_LISTEN,
    SK_CONNECTED,                   /* has a peer (it may have closed since) */
};

/* An address a socket is bound to. Datagrams carry their sender's, so it
 * is shared and counted. len is what getsockname reports. */
struct sock_name {
    int      refs;
    uint32_t len;
    union {                         /* a path of all 108 bytes still has its NUL */
        struct k_sockaddr_un addr;
        char raw[sizeof(struct k_sockaddr_un) + 1];
    };
};

/* Descriptors in flight: the open files an SCM_RIGHTS message carries.
 * Each holds a reference, and counts in kstats.inflight, until the
 * receiver gets it as a new descriptor or the message is dropped. */
struct scm_fds {
    struct scm_fds *next;           /* on the list of files to close (scm.c) */
    int             n;
    bool            queued;         /* in a receive queue: counted in flight */
    struct file    *f[];
};

/* What one send carries besides its bytes. */
struct scm {
    struct scm_fds *fds;            /* NULL: none */
    struct k_ucred  cred;           /* the sender's, or what it claimed */
};

/* One datagram (or SOCK_SEQPACKET record) in a receive queue. */
struct sock_msg {
    struct sock_msg  *next;
    uint32_t          len;
    struct sock_name *from;         /* the sender's address, or NULL */
    struct scm        scm;
    char              data[];
};

/* Control data in a byte stream: it came with the bytes [pos, pos + len). */
struct sock_rec {
    struct sock_rec *next;
    uint32_t         pos, len;
    struct scm       scm;
};

struct sock {
    struct sock     *next;          /* every socket: ss, the collector */
    uint32_t         id;            /* ss's inode number */
    int              refs;          /* its file; a peer's, a listener's pointer */
    uint8_t          type;          /* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET */
    uint8_t          state;         /* enum sock_state */
    uint8_t          shut;          /* SHUT_RCV, SHUT_SEND */
    bool             dead;          /* released: its file closed, or an embryo dropped */
    bool             passcred;      /* SO_PASSCRED */
    int              err;           /* SO_ERROR: a pending error, reported once */
    struct file     *file;          /* NULL for an embryo, and once released */
    struct sock     *peer;          /* the other end, or a datagram's default peer */
    struct sock_name *name;         /* bound to, or NULL */
    struct inode    *node;          /* bound to a path: its socket node */
    struct k_ucred   cred;          /* who made it (at listen, at connect) */
    struct k_ucred   peercred;      /* SO_PEERCRED */
    uint32_t         sndbuf, rcvbuf;

    /* listening (sock_conn.c): connections not yet accepted */
    int              backlog;
    int              npending;
    struct sock     *pending, *pending_tail;
    struct sock     *next_pending;

    /* receiving: a stream's byte ring (sock_stream.c) ... */
    char            *ring;
    uint32_t         ring_size;     /* a power of two, or 0 before the first byte */
    uint32_t         rpos, wpos;    /* bytes ever read, written: mod 2^32 */
    struct sock_rec *recs, *recs_tail;
    uint32_t         charge;        /* buffer taken by control data */
    /* ... or the messages of the other types (sock_dgram.c) */
    struct sock_msg *msgs, *msgs_tail;
    uint32_t         nmsgs, msg_bytes;

    struct waitq     rwait;         /* receivers, accepters: something to take */
    struct waitq     wwait;         /* senders to it, connecters: room */

    /* the collector (scm.c) */
    uint32_t         inflight;      /* references to its file in messages */
    uint32_t         gc_refs;
    bool             gc_candidate, gc_live;
};

/* socket.c */
extern struct sock *sock_all;
struct sock *sock_new(struct proc *p, int type);   /* NULL: out of memory */
void         sock_get(struct sock *s);
void         sock_put(struct sock *s);
void         sock_release(struct sock *s);         /* its file closed, or an embryo dropped */
struct file *sock_file(struct sock *s, int flags); /* a new open file for s, or NULL */
struct sock *sock_of(struct file *f);              /* NULL: not a socket */
/* The socket behind descriptor fd: -EBADF, -ENOTSOCK, or 0. */
long         sock_fd(struct proc *p, long fd, struct sock **out, struct file **fp);
/* Install f at the lowest free descriptor, close-on-exec if asked. */
long         sock_install(struct proc *p, struct file *f, bool cloexec);
void         sock_set_peer(struct sock *s, struct sock *peer);   /* NULL: none */
struct k_ucred sock_cred_of(struct proc *p);
const char  *sock_what(struct proc *p, struct sock *s, const char *op);  /* for ps */
/* Wait on wq (unless nonblocking: -EAGAIN). */
long         sock_wait(struct proc *p, struct sock *s, struct waitq *wq,
                       const char *op, bool nonblock);

/* sock_addr.c */
/* A user address of len bytes: -EINVAL, -EFAULT or 0; *out referenced. */
long sock_addr_in(struct proc *p, uptr uaddr, long len, struct sock_name **out);
long sock_bind_name(struct proc *p, struct sock *s, struct sock_name *name);
long sock_autobind(struct sock *s);
/* The live socket an address names, referenced: -ENOENT, -ECONNREFUSED,
 * -EACCES, -EPROTOTYPE. */
long sock_lookup(struct proc *p, struct sock_name *name, int type, struct sock **out);
void sock_unbind(struct sock *s);
void name_get(struct sock_name *n);
void name_put(struct sock_name *n);
/* Copy an address out as getsockname does: at most *ulen bytes, and the
 * address's whole length back to *ulen. A NULL name is the family alone. */
long sock_addr_out(struct proc *p, struct sock_name *n, uptr uaddr, uptr ulen);

/* sock_conn.c */
void sock_drop_pending(struct sock *listener);

/* What a receive found (stream_look, msg_look), and takes once the call
 * has succeeded (stream_take, msg_take). */
struct sock_take {
    uint32_t          len;          /* bytes it consumes (a datagram: its length) */
    uint32_t          copied;       /* bytes copied out */
    struct scm       *scm;          /* the control data that comes with them, or NULL */
    struct sock_name *from;         /* a datagram's sender, or NULL */
    struct sock_rec  *rec;          /* a stream: the record of scm */
    struct sock_msg  *msg;          /* the datagram */
};

/* The data path of a type: a stream (sock_stream.c) or messages (sock_dgram.c). */
struct uio;
long     stream_send(struct proc *p, struct sock *s, struct uio *u, int flags, struct scm *scm);
long     stream_look(struct proc *p, struct sock *s, struct uio *u, int flags,
                     struct sock_take *t);
void     stream_take(struct sock *s, struct sock_take *t);
uint32_t stream_queued(struct sock *s);
uint32_t stream_room(struct sock *s);
void     stream_purge(struct sock *s);
long     msg_send(struct proc *p, struct sock *s, struct sock *to, struct uio *u, int flags,
                  struct scm *scm);
long     msg_look(struct proc *p, struct sock *s, struct uio *u, int flags,
                  struct sock_take *t);
void     msg_take(struct sock *s, struct sock_take *t);
bool     msg_full(struct sock *s, uint32_t len);
void     msg_purge(struct sock *s);

/* sock_io.c: a caller's buffers, as an I/O vector */
struct uio {
    struct k_iovec *iov;
    unsigned long   niov;
    size_t          total;          /* bytes in all of them */
    struct k_iovec  one;            /* read, write, send, recv: the buffer */
};
/* read and write of a socket's file: recv and send without flags. */
long sock_file_read(struct proc *p, struct file *f, uptr buf, size_t n);
long sock_file_write(struct proc *p, struct file *f, uptr buf, size_t n);
/* Copy n bytes between kernel memory and the vector, from byte off on. */
long uio_in(struct proc *p, struct uio *u, size_t off, void *dst, size_t n);
long uio_out(struct proc *p, struct uio *u, size_t off, const void *src, size_t n);

/* scm.c */
/* Control messages from a user buffer: descriptors taken, credentials checked. */
long scm_parse(struct proc *p, uptr ctl, size_t len, struct scm *out);
void scm_default(struct proc *p, struct scm *out);  /* just the caller's credentials */
void scm_drop(struct scm *scm);                   /* the descriptors go */
void scm_close_fds(struct scm_fds *fds);          /* these go */
struct scm_fds *scm_dup_fds(const struct scm_fds *fds);   /* MSG_PEEK; NULL: no memory */
void scm_inflight_add(struct scm_fds *fds);       /* the message is queued */
void scm_inflight_sub(struct scm_fds *fds);       /* the receiver has it */
void scm_settle(void);                            /* close what was dropped; collect */
void scm_gc_wanted(void);

#endif
