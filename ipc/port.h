/*
 * port.h - what ipc/port.c and ipc/cap.c share.
 *
 * port.c has the ports themselves: their queues, filters, and the calls
 * that move messages (send, receive, call, reply). cap.c has everything
 * about handles: the capability behind each port descriptor and its
 * rights, handles carried in messages, one-shot reply capabilities, and the
 * name table that hands out handles by name.
 *
 * Reference counting holds it together. A port lives while anything refers
 * to it (refs): its capabilities, the names bound to it, and messages handed
 * to a receiver but not yet taken. It is *dead* once no capability with
 * RECEIVE is left: nobody can ever take a message again, so its queue is
 * emptied, its names go, and sending to it fails with EPIPE.
 */
#ifndef DUPLEX_IPC_PORT_H
#define DUPLEX_IPC_PORT_H

#include "../kernel/kernel.h"
#include "../kernel/uapi/port.h"

struct reply;
struct port;

/* A message in flight: in a port's queue, handed to a receiver, or a
 * reply waiting for its caller. */
struct pmsg {
    struct pmsg      *next;
    struct k_port_msg m;                          /* type, size, data, sender */
    struct file      *handles[PORT_MSG_HANDLES];  /* carried handles (references) */
    struct reply     *reply;                      /* a call's reply capability */
    struct port      *via;                        /* handed over by the fast path */
};

struct port {
    struct port  *next;          /* every port, for port_list */
    uint32_t      id;
    int           refs;          /* capabilities + names + handed-over messages */
    int           caps;          /* capabilities */
    int           receivers;     /* ... of them with PORT_RECEIVE: 0 means dead */
    int           creator;       /* pid */
    bool          queued_only;   /* PORT_QUEUED: no fast path */
    struct pmsg  *head, *tail;   /* the queue */
    uint32_t      queued;
    struct waitq  rwait;         /* receivers waiting for a message */
    struct waitq  swait;         /* senders waiting for room */
    struct k_port_filter filter;
    uint64_t      tat;           /* the rate limit's clock: see rate_ok */
    uint64_t      sent, received, refused, fastpath;
    char          rwhat[24];     /* "port 3 recv", for ps */
    char          swhat[24];     /* "port 3 send" */
    char          cwhat[24];     /* "port 3 call": where its callers wait */
};

/* A handle: the object behind a port descriptor's F_OBJ file. dup and
 * spawn share it; port_derive makes a new one. */
struct cap {
    struct port *port;
    uint32_t     rights;
};

/* ---- port.c -------------------------------------------------------------- */

void port_get(struct port *pt);
void port_put(struct port *pt);                  /* frees it at the last reference */
void port_cap_added(struct port *pt, uint32_t rights);
void port_cap_gone(struct port *pt, uint32_t rights);   /* may kill the port */
bool port_dead(struct port *pt);
/* Fill km from m (checked), taking references to the handles it names. */
void pmsg_fill(struct proc *p, const struct k_port_msg *m, struct pmsg *km);
void pmsg_free(struct pmsg *km);                 /* releases what it carries */
/* poll on a handle with these rights (cap.c's fileops). */
unsigned port_poll(struct port *pt, uint32_t rights, unsigned events, struct proc *waiter);

/* ---- cap.c --------------------------------------------------------------- */

/* The capability behind descriptor fd, if it has every right in need:
 * 0, -EBADF (not a port handle) or -EPERM. */
long cap_lookup(struct proc *p, long fd, uint32_t need, struct cap **out);
/* A new descriptor of p for a new capability: fd, -ENOMEM or -EMFILE. */
long cap_new_fd(struct proc *p, struct port *pt, uint32_t rights, int flags);

/* Handles in messages: check that every descriptor a message names may
 * travel (0, -EBADF, -EPERM); then take references to them. */
long cap_handles_check(struct proc *p, const struct k_port_msg *m);
void cap_handles_take(struct proc *p, const struct k_port_msg *m, struct pmsg *km);
void cap_handles_release(struct pmsg *km);
/* The n lowest free descriptors of p, without taking them; false if there
 * are fewer. cap_fd_install puts a file (and its reference) at one of them. */
bool cap_fds_free(struct proc *p, int n, int *fds);
void cap_fd_install(struct proc *p, int fd, struct file *f);
/* Hand km to p: its handles and reply capability become descriptors of p,
 * and the message, naming them, is copied to u. 0, or -EMFILE, -ENOMEM,
 * -EFAULT with nothing changed. spare: the fast path's file, if km came
 * that way (a call's reply capability is made of it). */
long cap_give(struct proc *p, struct pmsg *km, uptr u, struct file *spare);

/* Reply capabilities. A call makes one with two sides: the caller's, a
 * file kept in p->call.file while it waits (*wait), and the server's,
 * carried by the message and then a descriptor of whoever receives it.
 * The answer is kept inside the reply capability: answering allocates
 * nothing. */
struct reply *reply_new(const char *what, struct file **wait);  /* NULL: no memory */
struct file  *reply_cap_file(struct reply *r);   /* the server's side as a file */
void          reply_cap_adopt(struct file *f, struct reply *r); /* ... made of f */
void          reply_cap_discard(struct file *f); /* undo reply_cap_file */
void          reply_drop(struct reply *r);       /* the server's side goes unanswered */
struct reply *reply_waiting(struct file *f);     /* the reply a caller waits for, or NULL */
struct reply *reply_of_cap(struct file *f);      /* what a server's file answers, or NULL */
/* Answer the call behind the server's file f with m (checked). The
 * capability is spent either way; -EPIPE if the caller has gone. */
long          reply_answer(struct proc *p, struct file *f, const struct k_port_msg *m);
/* What a caller finds: 1 answered (*km the answer, or NULL if the server
 * dropped it), 0 still waiting. */
int           reply_result(struct reply *r, struct pmsg **km);
struct waitq *reply_queue(struct reply *r);
const char   *reply_what(struct reply *r);

/* The name table. */
void        port_names_drop(struct port *pt);    /* a dead port loses its names */
const char *port_name_of(struct port *pt);            /* its first name, or "" */

#endif
