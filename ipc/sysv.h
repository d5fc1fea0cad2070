/*
 * sysv.h - what System V message queues, shared memory segments and
 * semaphore sets share (ipc/sysv.c): keys, identifiers, permissions.
 *
 * Each mechanism keeps a table of its objects; every object starts with a
 * struct sysv_obj. An identifier encodes the table slot and a sequence
 * number (id = seq * SYSV_SLOTS + slot), so that an id of a removed object
 * is not silently taken to mean its successor in the same slot.
 */
#ifndef DUPLEX_IPC_SYSV_H
#define DUPLEX_IPC_SYSV_H

#include "../kernel/kernel.h"
#include "../kernel/uapi/ipc.h"

#define SYSV_SLOTS 32

struct sysv_obj {
    bool              used;
    bool              removed;      /* IPC_RMID done, waiting for the last user */
    struct k_ipc_perm perm;
    int64_t           ctime;        /* last change, seconds */
};

/* One mechanism's table: its objects are `size` bytes apart, each starting
 * with a struct sysv_obj. */
struct sysv_table {
    void     *objs;
    size_t    size;
    int       nslots;
    uint32_t  seq;
};

#define SYSV_OBJ(t, i) ((struct sysv_obj *)(void *)((char *)(t)->objs + (size_t)(i) * (t)->size))

/* msgget/shmget/semget: find key's object or pick a free slot for a new one.
 * Returns the slot (>= 0, *created says which) or -ENOENT, -EEXIST, -EACCES,
 * -ENOSPC. A new object's perm is filled in; the caller initialises the rest
 * and, if it fails, calls sysv_free. */
int  sysv_get(struct sysv_table *t, struct proc *p, int32_t key, int flags, bool *created);
/* The object of id, if it exists and is not removed; NULL otherwise. */
struct sysv_obj *sysv_lookup(struct sysv_table *t, int id);
/* The same, removed objects still in use included (a shared memory
 * segment lives on, marked SHM_DEST, until its last detach). */
struct sysv_obj *sysv_lookup_used(struct sysv_table *t, int id);
int  sysv_id(struct sysv_table *t, int slot);
/* The object in table slot `slot` if it is live, else NULL: for the
 * MSG_STAT, SHM_STAT and SEM_STAT commands, with which ipcs walks a table.
 * sysv_at_used: removed objects still in use included. */
struct sysv_obj *sysv_at(struct sysv_table *t, int slot);
struct sysv_obj *sysv_at_used(struct sysv_table *t, int slot);
void sysv_free(struct sysv_obj *o);
/* Whether p may read (R_OK / 4) or write (W_OK / 2) the object. */
bool sysv_may(struct proc *p, struct sysv_obj *o, int want);
/* IPC_SET: owner or creator or root may change uid, gid and mode bits. */
long sysv_set(struct proc *p, struct sysv_obj *o, const struct k_ipc_perm *in);
bool sysv_owner(struct proc *p, struct sysv_obj *o);   /* for IPC_RMID, IPC_SET */
int64_t sysv_now(void);             /* realtime seconds */

#endif
