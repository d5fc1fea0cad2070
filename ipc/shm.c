/*
 * shm.c - System V shared memory: segments of kernel memory that several
 * processes see in their own address spaces at once.
 *
 * shmget finds or makes a segment (keys, ids and permissions are sysv.c's);
 * the segment's memory is a page-aligned block of the kernel heap, zeroed
 * at creation. shmat decides where the segment goes in the process and
 * records it; then the platform makes it visible there (plat_shm_attach):
 * arm64 maps the same physical pages into every attached process, the web
 * platform keeps each process's copy in step with the kernel's at every
 * switch. shmdt takes it away again.
 *
 * Each attachment is a record in a small table here (which process, which
 * segment, at which address), and that table is the only account of where
 * a process has segments: the kernel alone picks an address (the lowest
 * place in the platform's window, plat_shm_window, that none of the
 * process's attachments and mappings occupies, kernel/mman.c) and refuses
 * one that overlaps either, so no two attachments of a process share an
 * address, and
 * shmdt, the platform and proc_exit (shm_exit) always mean the same one.
 * A segment removed with IPC_RMID lives on, invisible to shmget and shmat,
 * until its last attachment goes; shmctl still sees it, marked SHM_DEST, as
 * on Linux (ipcs shows it as "dest").
 *
 * Nothing here blocks. docs/ipc/shm.md tells the whole story.
 */
#include "sysv.h"

#define SHM_PAGE 4096u              /* the unit of mapping on every target */
#define SHM_ATTACH_MAX 64           /* attachments, all processes together */

struct shm {
    struct sysv_obj o;              /* first: what sysv.c sees */
    void    *raw;                   /* the allocation, for kfree */
    char    *mem;                   /* page-aligned start inside raw */
    size_t   segsz;                 /* bytes asked for (shm_segsz) */
    size_t   len;                   /* bytes mapped: segsz in whole pages */
    int      nattch;
    int64_t  atime, dtime;          /* last attach and detach, seconds */
    int32_t  cpid, lpid;            /* creator, last to attach or detach */
};

_Static_assert(SHMMNI <= SYSV_SLOTS, "one table slot per segment");

static struct shm segs[SHMMNI];
static struct sysv_table shm_table = { segs, sizeof segs[0], SHMMNI, 0 };

/* One process's view of one segment. */
static struct attachment {
    struct proc *p;                 /* NULL: a free entry */
    struct shm  *seg;
    uptr         addr;
    bool         readonly;
} attachments[SHM_ATTACH_MAX];

static struct shm *shm_lookup(long id)
{
    if (id < 0 || id > 0x7fffffff)
        return NULL;
    return (struct shm *)sysv_lookup(&shm_table, (int)id);
}

/* A live segment has this key (removed ones have lost theirs). */
static bool key_in_use(int32_t key)
{
    for (int i = 0; i < SHMMNI; i++)
        if (segs[i].o.used && !segs[i].o.removed && segs[i].o.perm.key == key)
            return true;
    return false;
}

/*
 * The memory of a new segment. The kernel heap hands out blocks aligned to
 * KALLOC_ALIGN, and a platform maps whole pages, so the block is allocated
 * one page minus KALLOC_ALIGN bytes larger than needed and the segment
 * starts at the first page boundary inside it: at worst the block starts
 * KALLOC_ALIGN bytes past a boundary, and the next one is that much less
 * than a page away. (An aligned allocator in kalloc.c would save that
 * slack; segments are few, so it is not worth a second allocator.)
 */
static int shm_alloc_mem(struct shm *seg, size_t segsz)
{
    size_t len = (segsz + SHM_PAGE - 1) & ~(size_t)(SHM_PAGE - 1);
    void *raw = kalloc(len + SHM_PAGE - KALLOC_ALIGN);
    if (!raw)
        return -ENOMEM;
    uintptr_t at = ((uintptr_t)raw + SHM_PAGE - 1) & ~(uintptr_t)(SHM_PAGE - 1);
    seg->raw = raw;
    seg->mem = (char *)at;
    seg->segsz = segsz;
    seg->len = len;
    memset(seg->mem, 0, len);
    return 0;
}

static void shm_destroy(struct shm *seg)
{
    KASSERT(seg->nattch == 0);
    kfree(seg->raw);
    seg->raw = seg->mem = NULL;
    sysv_free(&seg->o);
    kstats.ipc[KSTAT_SHM]--;
}

/* ---- shmget(key, size, flags) ---------------------------------------------- */

long sys_shmget(struct proc *p, const long *a)
{
    int32_t key = (int32_t)a[0];
    size_t size = (size_t)(unsigned long)a[1];
    int flags = (int)a[2];

    /* A size that cannot make a segment is refused before a slot is taken,
     * but only when one would be made: an existing segment may be looked
     * up with size 0. */
    bool bad_size = size == 0 || size > SHMMAX;
    bool creating = key == IPC_PRIVATE || ((flags & IPC_CREAT) && !key_in_use(key));
    if (bad_size && creating)
        return -EINVAL;

    bool created;
    int slot = sysv_get(&shm_table, p, key, flags, &created);
    if (slot < 0)
        return slot;
    struct shm *seg = &segs[slot];
    if (!created)
        return size > seg->segsz ? -EINVAL : sysv_id(&shm_table, slot);

    if (shm_alloc_mem(seg, size) < 0) {
        sysv_free(&seg->o);
        return -ENOMEM;
    }
    seg->nattch = 0;
    seg->atime = seg->dtime = 0;
    seg->cpid = p->pid;
    seg->lpid = 0;
    kstats.ipc[KSTAT_SHM]++;
    return sysv_id(&shm_table, slot);
}

/* ---- shmat(id, addr, flags), shmdt(addr) ----------------------------------- */

static struct attachment *attachment_free(void)
{
    for (int i = 0; i < SHM_ATTACH_MAX; i++)
        if (!attachments[i].p)
            return &attachments[i];
    return NULL;
}

/* The attachment of p that has any of [addr, addr + len), or NULL. */
static struct attachment *attachment_over(struct proc *p, uptr addr, size_t len)
{
    for (int i = 0; i < SHM_ATTACH_MAX; i++) {
        struct attachment *at = &attachments[i];
        if (at->p == p && addr < at->addr + at->seg->len && at->addr < addr + len)
            return at;
    }
    return NULL;
}

uptr shm_over(struct proc *p, uptr addr, size_t len)
{
    struct attachment *at = attachment_over(p, addr, len);
    return at ? at->addr + at->seg->len : 0;
}

bool shm_key(struct proc *p, uptr addr, const void **obj, uptr *off)
{
    struct attachment *at = attachment_over(p, addr, 1);
    if (!at)
        return false;
    *obj = at->seg;
    *off = addr - at->addr;
    return true;
}

long sys_shmat(struct proc *p, const long *a)
{
    struct shm *seg = shm_lookup(a[0]);
    uptr addr = (uptr)a[1];
    bool readonly = (a[2] & SHM_RDONLY) != 0;
    if (!seg)
        return -EINVAL;
    if (!sysv_may(p, &seg->o, readonly ? R_OK : R_OK | W_OK))
        return -EACCES;
    struct attachment *at = attachment_free();
    if (addr == 0) {
        addr = mem_place(p, seg->len);  /* clear of attachments and mappings */
        if (!addr)
            return -ENOMEM;
    } else if ((addr & (SHM_PAGE - 1)) || addr + seg->len < addr ||
               mem_over(p, addr, seg->len)) {
        return -EINVAL;                 /* as Linux without SHM_REMAP */
    }
    if (!at)
        return -ENOMEM;
    long r = plat_shm_attach(p, seg->mem, seg->len, addr, readonly);
    if (r < 0)
        return r;
    at->p = p;
    at->seg = seg;
    at->addr = addr;
    at->readonly = readonly;
    seg->nattch++;
    seg->atime = sysv_now();
    seg->lpid = p->pid;
    return (long)addr;
}

/* Undo one attachment; the segment goes with its last one if removed. */
/* unmap: ask the platform to undo the mapping; not when the process's
 * image that held it is already gone (exec). */
static void detach(struct attachment *at, bool unmap)
{
    struct shm *seg = at->seg;
    struct proc *p = at->p;
    if (unmap)
        plat_shm_detach(p, at->addr, seg->len);
    at->p = NULL;
    at->seg = NULL;
    seg->nattch--;
    seg->dtime = sysv_now();
    seg->lpid = p->pid;
    if (seg->nattch == 0 && seg->o.removed)
        shm_destroy(seg);
}

long sys_shmdt(struct proc *p, const long *a)
{
    uptr addr = (uptr)a[0];
    for (int i = 0; i < SHM_ATTACH_MAX; i++) {
        if (attachments[i].p == p && attachments[i].addr == addr) {
            detach(&attachments[i], true);
            return 0;
        }
    }
    return -EINVAL;
}

/* From proc_exit: p lets go of every segment it still has attached. */
void shm_exit(struct proc *p)
{
    for (int i = 0; i < SHM_ATTACH_MAX; i++)
        if (attachments[i].p == p)
            detach(&attachments[i], true);
}

/* From fork: the child has each of the parent's attachments too, at the
 * same address (the platform copied the rest of its memory, not these).
 * 0, or -ENOMEM; the caller then undoes the child with shm_exit. */
long shm_fork(struct proc *child, struct proc *parent)
{
    for (int i = 0; i < SHM_ATTACH_MAX; i++) {
        struct attachment *at = &attachments[i], *copy;
        if (at->p != parent)
            continue;
        if (!(copy = attachment_free()))
            return -ENOMEM;
        long r = plat_shm_attach(child, at->seg->mem, at->seg->len, at->addr, at->readonly);
        if (r < 0)
            return r;
        *copy = *at;
        copy->p = child;
        at->seg->nattch++;
        at->seg->atime = sysv_now();
        at->seg->lpid = parent->pid;
    }
    return 0;
}

/* From execve, once the new program is loaded: the segments were mapped in
 * the old image, which the platform has already thrown away, so they are
 * only counted as detached (as exec does on Linux). */
void shm_exec(struct proc *p)
{
    for (int i = 0; i < SHM_ATTACH_MAX; i++)
        if (attachments[i].p == p)
            detach(&attachments[i], false);
}

/* ---- shmctl(id, cmd, struct k_shmid_ds *) ---------------------------------- */

static long shm_stat(struct proc *p, struct shm *seg, uptr ubuf)
{
    if (!sysv_may(p, &seg->o, R_OK))
        return -EACCES;
    struct k_shmid_ds ds;
    memset(&ds, 0, sizeof ds);
    ds.shm_perm = seg->o.perm;
    if (seg->o.removed)
        ds.shm_perm.mode |= SHM_DEST;
    ds.shm_segsz = seg->segsz;
    ds.shm_atime = seg->atime;
    ds.shm_dtime = seg->dtime;
    ds.shm_ctime = seg->o.ctime;
    ds.shm_cpid = seg->cpid;
    ds.shm_lpid = seg->lpid;
    ds.shm_nattch = (uint64_t)seg->nattch;
    return copyout(p, ubuf, &ds, sizeof ds) < 0 ? -EFAULT : 0;
}

static long shm_set(struct proc *p, struct shm *seg, uptr ubuf)
{
    struct k_shmid_ds ds;
    if (copyin(p, &ds, ubuf, sizeof ds) < 0)
        return -EFAULT;
    long r = sysv_set(p, &seg->o, &ds.shm_perm);
    if (r == 0)
        seg->o.ctime = sysv_now();
    return r;
}

/* IPC_RMID: the key goes now (it becomes IPC_PRIVATE, as on Linux), the
 * id and the memory with the last detach. */
static long shm_rmid(struct proc *p, struct shm *seg)
{
    if (!sysv_owner(p, &seg->o))
        return -EPERM;
    seg->o.removed = true;
    seg->o.perm.key = IPC_PRIVATE;
    seg->o.ctime = sysv_now();
    if (seg->nattch == 0)
        shm_destroy(seg);
    return 0;
}

/* SHM_STAT: IPC_STAT by table slot, for ipcs; returns the segment's id. */
static long shm_stat_slot(struct proc *p, long slot, uptr ubuf)
{
    struct sysv_obj *o = slot < 0 || slot >= SHMMNI ? NULL : sysv_at_used(&shm_table, (int)slot);
    if (!o)
        return -EINVAL;
    long r = shm_stat(p, (struct shm *)(void *)o, ubuf);
    return r < 0 ? r : sysv_id(&shm_table, (int)slot);
}

long sys_shmctl(struct proc *p, const long *a)
{
    int cmd = (int)a[1];
    uptr ubuf = (uptr)a[2];
    if (cmd == SHM_STAT)
        return shm_stat_slot(p, a[0], ubuf);
    if (cmd != IPC_STAT && cmd != IPC_SET && cmd != IPC_RMID)
        return -EINVAL;
    /* a removed segment still attached keeps its id for shmctl */
    struct shm *seg = a[0] < 0 || a[0] > 0x7fffffff ? NULL
                    : (struct shm *)sysv_lookup_used(&shm_table, (int)a[0]);
    if (!seg)
        return -EINVAL;
    if (cmd == IPC_STAT)
        return shm_stat(p, seg, ubuf);
    if (cmd == IPC_SET)
        return shm_set(p, seg, ubuf);
    return shm_rmid(p, seg);
}
