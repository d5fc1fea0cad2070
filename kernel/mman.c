/*
 * mman.c - a process's mappings: mmap, munmap, mprotect, msync, and the
 * memory objects behind shared mappings.
 *
 * A mapping is a region of a process's address space that the kernel
 * placed and recorded here (struct region), as System V attachments are
 * recorded in ipc/shm.c: the kernel alone chooses where memory goes, from
 * the platform's window (plat_shm_window), clear of every region and
 * attachment the process has. Two kinds:
 *
 *  - private (MAP_PRIVATE): memory of the process's own, made by the
 *    platform (plat_mem_map), zeroed or filled with a copy of a file's
 *    bytes. fork copies it with the rest of the process's memory.
 *
 *  - shared (MAP_SHARED): a window on a memory object (struct memobj),
 *    page-aligned kernel memory that every mapping of it sees: arm64 maps
 *    the same physical pages, the web platform mirrors them as it mirrors
 *    System V segments (plat_shm_attach). An anonymous shared mapping is
 *    an object of its own, which fork shares with the child. A regular
 *    file mapped shared - a POSIX shared memory object from shm_open is
 *    one, in /dev/shm - gets an object that holds the file's bytes from
 *    then on (ip->mem): read, write and the mappings are then the same
 *    bytes. If the file must grow past the object, the bytes move to a
 *    bigger one and every mapping is made again over it.
 *
 * munmap and mprotect may cut a region; the pieces are regions of their
 * own (a shared piece is attached again on its own, since a platform
 * knows an attachment by its address). mprotect is enforced on arm64 (a
 * forbidden access is SIGSEGV) and only recorded on the web target, where
 * a linear memory has no page protection.
 *
 * Nothing here blocks. docs/ipc/shm.md tells the whole story.
 */
#include "kernel.h"

#define PAGE    MMAP_PAGE
#define NREGION 512                 /* mappings, all processes together */
#define PROTS   (PROT_READ | PROT_WRITE | PROT_EXEC)

struct memobj {
    int           ref;              /* shared regions, and the file it holds */
    void         *raw;              /* the allocation, for kfree */
    char         *mem;              /* page-aligned start inside raw */
    size_t        len;              /* whole pages */
    struct inode *ip;               /* the file whose bytes it holds, or NULL */
};

static struct region {
    struct proc   *p;               /* NULL: a free entry */
    uptr           addr;
    size_t         len;             /* whole pages */
    int            prot;
    struct memobj *obj;             /* shared: the memory; NULL: private */
    size_t         off;             /* shared: where in obj the region starts */
} regions[NREGION];

static size_t page_up(size_t n) { return (n + PAGE - 1) & ~(size_t)(PAGE - 1); }

void mman_init(void)
{
    memset(regions, 0, sizeof regions);
    kstats.mappings = kstats.memobjs = 0;
    long r = ramfs_create_path("/dev/shm", I_DIR, 01777, NULL, 0);
    if (r < 0)
        panic("mman_init: cannot make /dev/shm (error %ld)", r);
}

/* ---- memory objects ---------------------------------------------------------- */

/* len bytes (whole pages) of zeroed, page-aligned kernel memory. The heap
 * aligns to KALLOC_ALIGN only, so the block is a page less that much
 * larger and the memory starts at its first page boundary (as ipc/shm.c's
 * segments do). */
static char *pages_alloc(size_t len, void **raw)
{
    if (len > SIZE_MAX - PAGE)
        return NULL;
    *raw = kalloc(len + PAGE - KALLOC_ALIGN);
    if (!*raw)
        return NULL;
    char *mem = (char *)(((uintptr_t)*raw + PAGE - 1) & ~(uintptr_t)(PAGE - 1));
    memset(mem, 0, len);
    return mem;
}

static struct memobj *memobj_new(size_t len)
{
    struct memobj *o = kzalloc(sizeof *o);
    if (!o)
        return NULL;
    if (!(o->mem = pages_alloc(len, &o->raw))) {
        kfree(o);
        return NULL;
    }
    o->len = len;
    o->ref = 1;
    kstats.memobjs++;
    return o;
}

static void memobj_put(struct memobj *o)
{
    KASSERT(o->ref > 0);
    if (--o->ref > 0)
        return;
    kfree(o->raw);
    kfree(o);
    kstats.memobjs--;
}

static long attach(struct region *r)
{
    long e = plat_shm_attach(r->p, r->obj->mem + r->off, r->len, r->addr,
                             !(r->prot & PROT_WRITE));
    if (e == 0 && (r->prot & PROT_EXEC || r->prot == PROT_NONE))
        e = plat_mem_protect(r->p, r->addr, r->len, r->prot);
    return e;
}

/*
 * Give o at least need bytes. Its pages cannot grow in place, so its bytes
 * move to a bigger block: every mapping lets go of the old pages (a
 * platform with copies puts the process's writes into them first), then
 * takes the new ones at the same address. Attaching again cannot fail: the
 * platform had the same range mapped a moment ago.
 */
static long memobj_grow(struct memobj *o, size_t need)
{
    size_t len = page_up(need);
    void *raw;
    char *mem = pages_alloc(len, &raw);
    if (!mem)
        return -ENOMEM;
    for (int i = 0; i < NREGION; i++)
        if (regions[i].p && regions[i].obj == o)
            plat_shm_detach(regions[i].p, regions[i].addr, regions[i].len);
    memcpy(mem, o->mem, o->len);
    kfree(o->raw);
    o->raw = raw;
    o->mem = mem;
    o->len = len;
    if (o->ip) {
        o->ip->data = mem;
        o->ip->cap = len;
    }
    for (int i = 0; i < NREGION; i++)
        if (regions[i].p && regions[i].obj == o && attach(&regions[i]) < 0)
            panic("mman: a mapping cannot be made again");
    return 0;
}

/* The object that holds ip's bytes, made the first time ip is mapped
 * shared, with room for at least len bytes. */
static struct memobj *file_object(struct inode *ip, size_t len)
{
    size_t need = page_up(MAX(len, (size_t)ip->size));
    if (ip->mem)
        return ip->mem->len >= need || memobj_grow(ip->mem, need) == 0 ? ip->mem : NULL;
    struct memobj *o = memobj_new(need);
    if (!o)
        return NULL;
    memcpy(o->mem, ip->data, (size_t)ip->size);
    kfree(ip->data);
    ip->data = o->mem;
    ip->cap = o->len;
    ip->mem = o;                        /* the inode's reference */
    o->ip = ip;
    return o;
}

bool mman_file_grow(struct inode *ip, size_t need)
{
    return memobj_grow(ip->mem, need) == 0;
}

void mman_file_access(struct inode *ip, int64_t off, size_t len, bool write)
{
    if (len)
        plat_shm_access(ip->mem->mem + off, len, write);
}

void mman_file_gone(struct inode *ip)
{
    ip->mem->ip = NULL;
    memobj_put(ip->mem);
    ip->mem = NULL;
}

/* ---- regions ------------------------------------------------------------------ */

static struct region *region_free(void)
{
    for (int i = 0; i < NREGION; i++)
        if (!regions[i].p)
            return &regions[i];
    return NULL;
}

static int regions_free(void)
{
    int n = 0;
    for (int i = 0; i < NREGION; i++)
        n += !regions[i].p;
    return n;
}

/* A region of p with any of [addr, addr + len), or NULL. */
static struct region *region_over(struct proc *p, uptr addr, size_t len)
{
    for (int i = 0; i < NREGION; i++) {
        struct region *r = &regions[i];
        if (r->p == p && addr < r->addr + r->len && r->addr < addr + len)
            return r;
    }
    return NULL;
}

uptr mem_over(struct proc *p, uptr addr, size_t len)
{
    struct region *r = region_over(p, addr, len);
    return r ? r->addr + r->len : shm_over(p, addr, len);
}

uptr mem_place(struct proc *p, size_t len)
{
    uptr lo, hi;
    plat_shm_window(p, &lo, &hi);
    uptr addr = page_up(lo);
    while (addr >= lo && addr <= hi && hi - addr >= len) {
        uptr end = mem_over(p, addr, len);
        if (!end)
            return addr;
        addr = page_up(end);
    }
    return 0;
}

/* Undo a region: the platform lets go of it, the entry is free. */
static void region_drop(struct region *r, bool unmap)
{
    if (unmap && r->obj)
        plat_shm_detach(r->p, r->addr, r->len);
    else if (unmap)
        plat_mem_unmap(r->p, r->addr, r->len);
    if (r->obj)
        memobj_put(r->obj);
    r->p = NULL;
    r->obj = NULL;
    kstats.mappings--;
}

/* Cut r in two at `at` (inside it); the caller checked that an entry is
 * free. A shared region is attached again as two. */
static void region_split(struct region *r, uptr at)
{
    struct region *hi = region_free();
    *hi = *r;
    hi->addr = at;
    hi->len = r->addr + r->len - at;
    r->len = at - r->addr;
    kstats.mappings++;
    if (!r->obj)
        return;
    hi->off += r->len;
    r->obj->ref++;
    plat_shm_detach(r->p, r->addr, r->len + hi->len);
    if (attach(r) < 0 || attach(hi) < 0)
        panic("mman: a split mapping cannot be made again");
}

/* Make [addr, addr + len) of p start and end on region boundaries: at
 * most two splits, so two free entries are asked for first. */
static long split_around(struct proc *p, uptr addr, size_t len)
{
    if (regions_free() < 2)
        return -ENOMEM;
    struct region *r = region_over(p, addr, 1);
    if (r && r->addr < addr)
        region_split(r, addr);
    r = region_over(p, addr + len - 1, 1);
    if (r && r->addr + r->len > addr + len)
        region_split(r, addr + len);
    return 0;
}

/* Whether p's regions cover all of [addr, addr + len). */
static bool covered(struct proc *p, uptr addr, size_t len)
{
    for (uptr a = addr; a < addr + len;) {
        struct region *r = region_over(p, a, 1);
        if (!r)
            return false;
        a = r->addr + r->len;
    }
    return true;
}

static long unmap_range(struct proc *p, uptr addr, size_t len)
{
    long e = split_around(p, addr, len);
    if (e < 0)
        return e;
    struct region *r;
    while ((r = region_over(p, addr, len)))
        region_drop(r, true);
    return 0;
}

/* ---- the system calls ----------------------------------------------------------- */

/* The file fd may be mapped as asked: 0 with *ip the regular file, or
 * NULL for /dev/zero, which maps zeroed memory like MAP_ANONYMOUS. */
static long file_check(struct proc *p, long fd, int kind, int prot, struct inode **ip)
{
    struct file *f = fd_get(p, (int)fd);
    if (!f)
        return -EBADF;
    if (f->type != F_INODE)
        return -ENODEV;
    *ip = f->ip;
    if (f->ip->type == I_CHR && f->ip->dev == DEV_ZERO)
        *ip = NULL;
    else if (f->ip->type != I_REG)
        return -ENODEV;
    if (!FILE_READABLE(f) || (kind == MAP_SHARED && (prot & PROT_WRITE) && !FILE_WRITABLE(f)))
        return -EACCES;
    return 0;
}

/* A private mapping of a file starts as a copy of its bytes (past the end
 * of the file, zeros). */
static long file_copy(struct proc *p, struct region *r, struct inode *ip, int64_t off)
{
    size_t n = off < ip->size ? (size_t)MIN((int64_t)r->len, ip->size - off) : 0;
    if (n && ip->mem)
        mman_file_access(ip, off, n, false);
    return n ? copyout(p, r->addr, ip->data + off, n) : 0;
}

/* Where the mapping goes: MAP_FIXED exactly at addr (replacing p's own
 * mappings there); otherwise addr if it is free, else the lowest place. */
static long map_place(struct proc *p, uptr addr, size_t len, int flags, uptr *out)
{
    if (flags & MAP_FIXED) {
        long e = unmap_range(p, addr, len);
        if (e < 0)
            return e;
        if (shm_over(p, addr, len))
            return -EINVAL;
        *out = addr;
        return 0;
    }
    uptr lo, hi;
    plat_shm_window(p, &lo, &hi);
    if (addr && !(addr & (PAGE - 1)) && addr >= lo && addr <= hi && hi - addr >= len &&
        !mem_over(p, addr, len))
        *out = addr;
    else if (!(*out = mem_place(p, len)))
        return -ENOMEM;
    return 0;
}

/* Make the new region r real: a shared object attached, or private
 * memory filled and then protected as asked. */
static long map_region(struct proc *p, struct region *r, struct inode *ip, int64_t off,
                       int kind, bool *mapped)
{
    if (kind == MAP_SHARED) {
        r->obj = ip ? file_object(ip, (size_t)off + r->len) : memobj_new(r->len);
        if (!r->obj)
            return -ENOMEM;
        if (ip) {
            r->obj->ref++;
            r->off = (size_t)off;
        }
        long e = attach(r);
        *mapped = e == 0;
        return e;
    }
    long e = plat_mem_map(p, r->addr, r->len, PROT_READ | PROT_WRITE);
    *mapped = e == 0;
    if (e == 0 && ip)
        e = file_copy(p, r, ip, off);
    if (e == 0 && r->prot != (PROT_READ | PROT_WRITE))
        e = plat_mem_protect(p, r->addr, r->len, r->prot);
    return e;
}

long sys_mmap(struct proc *p, const long *a)
{
    uptr addr = (uptr)a[0];
    size_t len = page_up((size_t)(unsigned long)a[1]);
    int prot = (int)a[2], flags = (int)a[3], kind = flags & (MAP_SHARED | MAP_PRIVATE);
    int64_t off = a[5];
    struct inode *ip = NULL;
    if (kind != MAP_SHARED && kind != MAP_PRIVATE)
        return -EINVAL;
    if (a[1] == 0 || (off & (PAGE - 1)) || (prot & ~PROTS) ||
        ((flags & MAP_FIXED) && (addr & (PAGE - 1))))
        return -EINVAL;
    if (len == 0 || ((flags & MAP_FIXED) && addr + len < addr))
        return -ENOMEM;                 /* the length wrapped around */
    if (!(flags & MAP_ANONYMOUS)) {
        long e = file_check(p, a[4], kind, prot, &ip);
        if (e < 0)
            return e;
        if (ip && (off < 0 || (uint64_t)off > SIZE_MAX - len))
            return -EINVAL;
    }
    uptr at;
    long e = map_place(p, addr, len, flags, &at);
    struct region *r = region_free();
    if (e == 0 && !r)
        e = -ENOMEM;
    if (e < 0)
        return e;
    *r = (struct region){ .p = p, .addr = at, .len = len, .prot = prot };
    kstats.mappings++;
    bool mapped = false;
    e = map_region(p, r, ip, off, kind, &mapped);
    if (e < 0) {
        region_drop(r, mapped);
        return e;
    }
    return (long)r->addr;
}

/* The checks munmap, mprotect and msync share: an address on a page, a
 * length that does not wrap. */
static long range_arg(const long *a, uptr *addr, size_t *len)
{
    *addr = (uptr)a[0];
    *len = page_up((size_t)(unsigned long)a[1]);
    if ((*addr & (PAGE - 1)) || (a[1] && (*len == 0 || *addr + *len < *addr)))
        return -EINVAL;
    return 0;
}

long sys_munmap(struct proc *p, const long *a)
{
    uptr addr;
    size_t len;
    long e = range_arg(a, &addr, &len);
    if (e < 0 || len == 0)
        return e < 0 ? e : -EINVAL;
    return unmap_range(p, addr, len);
}

long sys_mprotect(struct proc *p, const long *a)
{
    uptr addr;
    size_t len;
    int prot = (int)a[2];
    long e = range_arg(a, &addr, &len);
    if (e < 0 || (prot & ~PROTS))
        return -EINVAL;
    if (!covered(p, addr, len))
        return -ENOMEM;
    if (len == 0 || (e = split_around(p, addr, len)) < 0)
        return e;
    for (int i = 0; i < NREGION; i++) {
        struct region *r = &regions[i];
        if (r->p != p || r->addr < addr || r->addr >= addr + len)
            continue;
        bool reattach = r->obj && ((r->prot ^ prot) & PROT_WRITE);
        if (reattach)
            plat_shm_detach(p, r->addr, r->len);
        r->prot = prot;
        if (reattach)
            e = attach(r);
        else
            e = plat_mem_protect(p, r->addr, r->len, prot);
        if (e < 0)
            panic("mman: mprotect of a mapped range failed");
    }
    return 0;
}

/* Shared mappings are the object itself on every target, so there is
 * nothing to write back; on a platform with copies, the caller's writes
 * reach the object now (a read of the file sees them). */
long sys_msync(struct proc *p, const long *a)
{
    uptr addr;
    size_t len;
    int flags = (int)a[2];
    if (range_arg(a, &addr, &len) < 0 || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    if (!covered(p, addr, len))
        return -ENOMEM;
    for (int i = 0; i < NREGION; i++) {
        struct region *r = &regions[i];
        if (r->p == p && r->obj && addr < r->addr + r->len && r->addr < addr + len)
            plat_shm_access(r->obj->mem + r->off, r->len, false);
    }
    return 0;
}

/* ---- processes -------------------------------------------------------------------- */

/* fork: the child has each of the parent's mappings too. Private ones came
 * with the copy of its memory; shared ones are attached again. 0, or
 * -ENOMEM; the caller then undoes the child with mmap_exit. */
long mmap_fork(struct proc *child, struct proc *parent)
{
    for (int i = 0; i < NREGION; i++) {
        struct region *r = &regions[i], *copy;
        if (r->p != parent)
            continue;
        if (!(copy = region_free()))
            return -ENOMEM;
        *copy = *r;
        copy->p = child;
        copy->obj = NULL;
        kstats.mappings++;
        if (r->obj) {
            copy->obj = r->obj;
            r->obj->ref++;
            long e = attach(copy);
            if (e < 0) {
                region_drop(copy, false);
                return e;
            }
        }
    }
    return 0;
}

/* exit: every mapping goes. Shared ones are detached; private memory goes
 * with the process's context. */
void mmap_exit(struct proc *p)
{
    for (int i = 0; i < NREGION; i++)
        if (regions[i].p == p)
            region_drop(&regions[i], regions[i].obj != NULL);
}

/* exec: the old image, and its mappings with it, is gone already. */
void mmap_exec(struct proc *p)
{
    for (int i = 0; i < NREGION; i++)
        if (regions[i].p == p)
            region_drop(&regions[i], false);
}

/* The shared object and offset at p's addr, if a shared mapping has it
 * (futex.c's key). */
bool mmap_key(struct proc *p, uptr addr, const void **obj, uptr *off)
{
    struct region *r = region_over(p, addr, 1);
    if (!r || !r->obj)
        return false;
    *obj = r->obj;
    *off = r->off + (addr - r->addr);
    return true;
}
