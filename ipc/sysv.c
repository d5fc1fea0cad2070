/*
 * sysv.c - what the three System V mechanisms share: keys, identifiers and
 * permissions (ipc/sysv.h). msgq.c, shm.c and sem.c each keep a fixed table
 * of objects that begin with a struct sysv_obj; this file finds, creates,
 * names and checks them, and knows nothing of what else an object holds.
 *
 * Keys. msgget(key, flags) and its two siblings turn a key - a number the
 * cooperating programs agree on, often made by ftok() - into an
 * identifier. IPC_PRIVATE always makes a new object that no key finds.
 *
 * Identifiers. An id is seq * SYSV_SLOTS + slot. Slots are handed out in
 * turn, round the table (as recent Linux kernels do): a cursor remembers where
 * the last object went, and seq counts how many times the cursor has gone
 * round. So on a freshly booted system the ids are 0, 1, 2, ..., and an id
 * is not reused until the cursor has gone round some 2^26 times: a program
 * holding the id of a removed object gets EINVAL (or EIDRM), never
 * somebody else's newer object.
 *
 * Permissions, as POSIX has them: the owner (uid) or the creator (cuid)
 * gets the owner bits of the mode, a member of the owner's or creator's
 * group the group bits, everybody else the other bits, and root
 * everything. The owner, the creator and root may change the owner and the
 * mode (IPC_SET) and remove the object (IPC_RMID).
 */
#include "sysv.h"

/* The largest seq whose ids still fit in a positive int. */
#define SEQ_LIMIT ((uint32_t)(0x7fffffff / SYSV_SLOTS) + 1)

/*
 * t->seq is one counter for two things: cursor + nslots * rounds, where
 * cursor is the slot to try first and rounds how often the cursor has
 * wrapped. Keeping both in the one field sysv.h gives a table keeps the
 * table a plain, statically initialisable structure.
 */
static int cursor(struct sysv_table *t) { return (int)(t->seq % (uint32_t)t->nslots); }
static uint32_t rounds(struct sysv_table *t) { return t->seq / (uint32_t)t->nslots; }

static bool live(struct sysv_obj *o) { return o->used && !o->removed; }

/* The live object with this key, or -1. IPC_PRIVATE never matches. */
static int find_key(struct sysv_table *t, int32_t key)
{
    for (int i = 0; i < t->nslots; i++) {
        struct sysv_obj *o = SYSV_OBJ(t, i);
        if (live(o) && o->perm.key == key)
            return i;
    }
    return -1;
}

/* The first free slot at or after `from`, or -1. A removed object that is
 * still in use keeps its slot. */
static int free_slot(struct sysv_table *t, int from)
{
    for (int i = from; i < t->nslots; i++)
        if (!SYSV_OBJ(t, i)->used)
            return i;
    return -1;
}

/* Pick the slot for a new object and its sequence number; -ENOSPC when
 * the table is full. */
static int alloc_slot(struct sysv_table *t, uint32_t *seq)
{
    uint32_t r = rounds(t);
    int slot = free_slot(t, cursor(t));
    if (slot < 0) {                     /* wrap: a new round */
        r++;
        slot = free_slot(t, 0);
        if (slot < 0)
            return -ENOSPC;
    }
    *seq = r % SEQ_LIMIT;
    t->seq = r * (uint32_t)t->nslots + (uint32_t)slot + 1;
    return slot;
}

static void init_obj(struct sysv_obj *o, struct proc *p, int32_t key, int flags,
                     uint32_t seq)
{
    o->used = true;
    o->removed = false;
    memset(&o->perm, 0, sizeof o->perm);
    o->perm.key = key;
    o->perm.uid = o->perm.cuid = p->uid;
    o->perm.gid = o->perm.cgid = p->gid;
    o->perm.mode = (uint32_t)flags & 0777;
    o->perm.seq = seq;
    o->ctime = sysv_now();
}

/*
 * The access a get asks for: the mode bits in its flags, folded onto one
 * rwx triple (msgget(key, 0600) asks to read and write). A get that asks
 * for nothing (flags 0) always finds the object; the calls that use it
 * check again.
 */
static int wanted(int flags)
{
    return ((flags >> 6) | (flags >> 3) | flags) & 7;
}

int sysv_get(struct sysv_table *t, struct proc *p, int32_t key, int flags, bool *created)
{
    *created = false;
    if (key != IPC_PRIVATE) {
        int slot = find_key(t, key);
        if (slot >= 0) {
            if ((flags & IPC_CREAT) && (flags & IPC_EXCL))
                return -EEXIST;
            if (!sysv_may(p, SYSV_OBJ(t, slot), wanted(flags)))
                return -EACCES;
            return slot;
        }
        if (!(flags & IPC_CREAT))
            return -ENOENT;
    }
    uint32_t seq;
    int slot = alloc_slot(t, &seq);
    if (slot < 0)
        return slot;
    init_obj(SYSV_OBJ(t, slot), p, key, flags, seq);
    *created = true;
    return slot;
}

struct sysv_obj *sysv_lookup_used(struct sysv_table *t, int id)
{
    if (id < 0)
        return NULL;
    int slot = id % SYSV_SLOTS;
    if (slot >= t->nslots)
        return NULL;
    struct sysv_obj *o = SYSV_OBJ(t, slot);
    if (!o->used || o->perm.seq != (uint32_t)(id / SYSV_SLOTS))
        return NULL;
    return o;
}

struct sysv_obj *sysv_lookup(struct sysv_table *t, int id)
{
    struct sysv_obj *o = sysv_lookup_used(t, id);
    return o && live(o) ? o : NULL;
}

struct sysv_obj *sysv_at_used(struct sysv_table *t, int slot)
{
    if (slot < 0 || slot >= t->nslots || !SYSV_OBJ(t, slot)->used)
        return NULL;
    return SYSV_OBJ(t, slot);
}

struct sysv_obj *sysv_at(struct sysv_table *t, int slot)
{
    struct sysv_obj *o = sysv_at_used(t, slot);
    return o && live(o) ? o : NULL;
}

int sysv_id(struct sysv_table *t, int slot)
{
    return (int)(SYSV_OBJ(t, slot)->perm.seq * SYSV_SLOTS) + slot;
}

void sysv_free(struct sysv_obj *o)
{
    o->used = false;
    o->removed = false;
}

bool sysv_may(struct proc *p, struct sysv_obj *o, int want)
{
    if (p->uid == 0)
        return true;
    uint32_t granted = o->perm.mode;
    if (p->uid == o->perm.uid || p->uid == o->perm.cuid)
        granted >>= 6;
    else if (p->gid == o->perm.gid || p->gid == o->perm.cgid)
        granted >>= 3;
    return ((uint32_t)want & ~granted & 7) == 0;
}

bool sysv_owner(struct proc *p, struct sysv_obj *o)
{
    return p->uid == 0 || p->uid == o->perm.uid || p->uid == o->perm.cuid;
}

long sysv_set(struct proc *p, struct sysv_obj *o, const struct k_ipc_perm *in)
{
    if (!sysv_owner(p, o))
        return -EPERM;
    o->perm.uid = in->uid;
    o->perm.gid = in->gid;
    o->perm.mode = (o->perm.mode & ~0777u) | (in->mode & 0777);
    o->ctime = sysv_now();
    return 0;
}

int64_t sysv_now(void)
{
    return (int64_t)(plat_clock_ns(CLOCK_REALTIME_COARSE) / 1000000000ull);
}
