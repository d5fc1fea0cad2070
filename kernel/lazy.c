/*
 * lazy.c - regular files whose bytes the platform brings at first use.
 *
 * A boot archive may list a file by name, size and mode only (initramfs.c:
 * an entry of type TAR_LAZY, whose link-name field says what the platform
 * calls the file). Such a file is an ordinary inode in every way the file
 * system shows - a name in its directory, its permission bits, its real
 * size for stat, ls -l, test -x and PATH searches - except that its bytes
 * are not there yet: ip->data is NULL and ip->lazy says how to get them.
 * The page boots this way, so that it fetches a program or a manual page
 * only when something first opens or runs it.
 *
 * Whatever needs the bytes calls lazy_ready first: open (file.c), execve
 * and spawn (sysproc.c). The first caller asks the platform for the bytes
 * (plat_fetch) and sleeps; the platform answers later, from its event loop,
 * with kernel_lazy_fill, which gives the inode its bytes and wakes every
 * caller waiting for it. Each re-issues its call (the restart protocol),
 * now finds an ordinary file, and goes on. Nothing is held across the
 * block: the restarted call walks its path again, so a file removed or
 * renamed meanwhile is simply not found, or found elsewhere.
 *
 * A fetch that fails (the server is gone, the file is missing, or its size
 * is not the one the archive promised) wakes the waiters with EIO; each
 * knows its fetch failed because p->call.gen holds the number of the fetch
 * it waited for (p->call.fetch names the file). The file stays unfilled, so
 * a later open tries again.
 *
 * A lazy file truncated to nothing by open(O_TRUNC) never needs its bytes:
 * it becomes an ordinary empty file (lazy_forget), as it does when its last
 * name and reference go.
 */
#include "kernel.h"

struct lazy {
    struct inode *ip;
    char         *name;         /* the platform's name for the bytes */
    uint32_t      fetches;      /* fetches started so far */
    bool          fetching;     /* one is in flight */
    long          err;          /* the last one failed: why (-EIO, -ENOSPC) */
    struct waitq  wq;           /* calls waiting for the bytes */
    struct lazy  *next;         /* every lazy file, for kernel_lazy_fill */
};

static struct lazy *all;

const char *lazy_name(const struct inode *ip) { return ip->lazy ? ip->lazy->name : NULL; }

long lazy_make(const char *path, uint32_t mode, size_t size, const char *name)
{
    long r = ramfs_create_path(path, I_REG, mode, NULL, 0);
    if (r < 0)
        return r;
    struct inode *ip;
    if ((r = namei(NULL, path, &ip)) < 0)
        return r;
    size_t n = strlen(name);
    struct lazy *lz = kzalloc(sizeof *lz);
    char *copy = lz ? kalloc(n + 1) : NULL;
    if (!copy) {
        kfree(lz);
        iput(ip);
        return -ENOMEM;
    }
    memcpy(copy, name, n + 1);
    lz->ip = ip;
    lz->name = copy;
    lz->next = all;
    all = lz;
    ip->lazy = lz;
    ip->size = (int64_t)size;
    iput(ip);
    return 0;
}

/* Drop ip's record: it is filled, emptied or gone. Calls still waiting
 * for it are woken; re-issued, they find what the file has become. */
static void drop(struct inode *ip)
{
    struct lazy *lz = ip->lazy;
    for (struct lazy **pp = &all; *pp; pp = &(*pp)->next) {
        if (*pp == lz) {
            *pp = lz->next;
            break;
        }
    }
    ip->lazy = NULL;
    wakeup(&lz->wq);
    kfree(lz->name);
    kfree(lz);
}

void lazy_forget(struct inode *ip)
{
    if (!ip->lazy)
        return;
    drop(ip);
    ip->size = 0;
}

/* Sleep until lz's fetch in flight is answered, remembering which it was. */
static long wait_for(struct proc *p, struct lazy *lz)
{
    p->call.fetch = lz;
    p->call.gen = lz->fetches;
    return sleep_on(p, &lz->wq, "fetch");
}

long lazy_ready(struct proc *p, struct inode *ip, bool may_wait)
{
    struct lazy *lz = ip->lazy;
    if (!lz)
        return 0;
    if (!may_wait)
        return -EIO;
    if (lz->fetching)            /* one is on its way: wait for it too */
        return wait_for(p, lz);
    /* the fetch this call waited for failed: say so, once */
    if (lz->err && p->restarted && p->call.fetch == lz && p->call.gen == lz->fetches)
        return lz->err;
    long r = plat_fetch(lz->name, (size_t)ip->size);
    if (r < 0)
        return r;
    lz->fetches++;
    lz->fetching = true;
    lz->err = 0;
    return wait_for(p, lz);
}

long lazy_ready_path(struct proc *p, const char *path)
{
    struct inode *ip;
    if (namei(p, path, &ip) < 0)
        return 0;                /* the call itself says what is wrong */
    long r = ip->type == I_REG ? lazy_ready(p, ip, true) : 0;
    iput(ip);
    return r;
}

long kernel_lazy_fill(const char *name, const void *data, size_t len, long err)
{
    long found = -ENOENT;
    for (struct lazy *lz = all, *next; lz; lz = next) {
        next = lz->next;
        if (!lz->fetching || strcmp(lz->name, name) != 0)
            continue;
        struct inode *ip = lz->ip;
        long r = err < 0 ? err : (int64_t)len != ip->size ? -EIO : 0;
        if (r == 0 && (r = ramfs_fill(ip, data, len)) == 0) {
            drop(ip);            /* an ordinary file from now on */
        } else {
            lz->fetching = false;
            lz->err = r;
            wakeup(&lz->wq);
        }
        found = found < 0 ? r : found;
    }
    return found;
}
