/*
 * ramfs.c - where files live: inodes and their contents, all in kernel heap.
 *
 * A directory is a linked list of names (struct dirent_node), in the order
 * they were made; getdents walks it by position. A regular file is one
 * growable buffer: data[0, size) is the file, data[size, cap) is spare room
 * whose bytes are zeroed before they ever become part of the file. Once
 * mapped shared, a file's buffer is a memory object's pages (mman.c),
 * which the mappings see too. Every
 * change of a file's bytes gives it a new content_id, from one counter for
 * all files, so that equal ids mean equal bytes: the platform keeps the
 * module it compiled for a program by that id (struct exec_image).
 *
 * Names are checked and permissions decided above this layer (vfs.c,
 * sysfile.c); these functions only store. ramfs_create_path is the one
 * exception that takes a path: it lets the kernel itself (the initramfs,
 * /dev, tests) make files from kernel memory.
 */
#include "kernel.h"

/* Larger files are refused with EFBIG; the heap runs out first anyway. */
#define RAMFS_FILE_MAX  ((int64_t)1 << 30)
/* A write copies at most this much at a time, so that a fault or a full
 * heap part-way leaves a short write, as on any Unix. */
#define WRITE_CHUNK     16384

static uint32_t next_ino = 1;
static uint64_t last_content_id;
/* Changes to the tree so far: bytes, names, modes (not times). A platform
 * that keeps files outside the machine looks at it to know when to save
 * (share.c). */
static uint64_t changes;

void ramfs_changed(void) { changes++; }
uint64_t ramfs_changes(void) { return changes; }

/* ip's bytes are about to change (or were just made). */
static void new_content(struct inode *ip)
{
    ip->content_id = ++last_content_id;
    changes++;
}

static uint64_t realtime(void)
{
    return plat_clock_ns(CLOCK_REALTIME_COARSE);
}

/* owner NULL: the kernel, so root owns it. */
struct inode *ramfs_alloc(enum itype type, uint32_t mode, struct proc *owner)
{
    struct inode *ip = kzalloc(sizeof *ip);
    if (!ip)
        return NULL;
    ip->ino = next_ino++;
    ip->type = type;
    ip->mode = mode & 07777;
    ip->uid = owner ? owner->uid : 0;
    ip->gid = owner ? owner->gid : 0;
    ip->atime = ip->mtime = ip->ctime = realtime();
    new_content(ip);
    kstats.inodes++;
    return ip;
}

/* ---- directories ---------------------------------------------------------- */

static struct dirent_node **find_slot(struct inode *dir, const char *name)
{
    struct dirent_node **pp = &dir->entries;
    while (*pp && strcmp((*pp)->name, name) != 0)
        pp = &(*pp)->next;
    return pp;
}

struct inode *dir_lookup(struct inode *dir, const char *name)
{
    struct dirent_node *d = *find_slot(dir, name);
    return d ? d->ip : NULL;
}

bool dir_is_empty(struct inode *dir)
{
    return dir->entries == NULL;
}

static void touch_dir(struct inode *dir)
{
    dir->mtime = dir->ctime = realtime();
    changes++;
}

static struct dirent_node *node_alloc(const char *name, struct inode *ip)
{
    size_t len = strlen(name);
    struct dirent_node *d = kalloc(sizeof *d + len + 1);
    if (!d)
        return NULL;
    d->next = NULL;
    d->ip = ip;
    memcpy(d->name, name, len + 1);
    return d;
}

/* The name stops referring to ip; ip goes if nothing else holds it. */
static void drop_name(struct inode *ip)
{
    ip->nlink--;
    ip->ctime = realtime();
    if (ip->type == I_DIR && ip->nlink == 0)
        ip->parent = NULL;       /* removed: ".." leads nowhere now */
    iget(ip);
    iput(ip);
}

/* /proc makes its own names (procfs.c, with dir_add and dir_remove); a
 * name made there by anyone else is ENOENT, one removed EPERM, one moved
 * in or out EXDEV, as Linux answers. */
long dir_link(struct inode *dir, const char *name, struct inode *ip)
{
    return dir->proc_kind ? -ENOENT : dir_add(dir, name, ip);
}

long dir_unlink(struct inode *dir, const char *name)
{
    return dir->proc_kind ? -EPERM : dir_remove(dir, name);
}

long dir_add(struct inode *dir, const char *name, struct inode *ip)
{
    if (strlen(name) > NAME_MAX)
        return -ENAMETOOLONG;
    struct dirent_node **slot = find_slot(dir, name);
    if (*slot)
        return -EEXIST;
    struct dirent_node *d = node_alloc(name, ip);
    if (!d)
        return -ENOMEM;
    *slot = d;                   /* the end of the list: creation order */
    ip->nlink++;
    if (ip->type == I_DIR)
        ip->parent = dir;
    touch_dir(dir);
    return 0;
}

long dir_remove(struct inode *dir, const char *name)
{
    struct dirent_node **slot = find_slot(dir, name);
    struct dirent_node *d = *slot;
    if (!d)
        return -ENOENT;
    *slot = d->next;
    struct inode *ip = d->ip;
    kfree(d);
    touch_dir(dir);
    drop_name(ip);
    return 0;
}

/*
 * Move oldname in olddir to newname in newdir, replacing what newname
 * named. Either everything happens or (no memory) nothing does. The caller
 * has checked that the move makes sense (types, emptiness, loops).
 */
long dir_rename(struct inode *olddir, const char *oldname,
                struct inode *newdir, const char *newname)
{
    if (olddir->proc_kind || newdir->proc_kind)
        return -EXDEV;
    struct dirent_node **oldslot = find_slot(olddir, oldname);
    struct dirent_node *from = *oldslot;
    if (!from)
        return -ENOENT;
    if (strlen(newname) > NAME_MAX)
        return -ENAMETOOLONG;
    struct dirent_node **newslot = find_slot(newdir, newname);
    struct dirent_node *to = *newslot;
    if (to == from)
        return 0;
    struct inode *ip = from->ip, *victim = NULL;
    if (to) {
        victim = to->ip;
        to->ip = ip;             /* take over the existing name in place */
    } else {
        to = node_alloc(newname, ip);
        if (!to)
            return -ENOMEM;
        *newslot = to;
    }
    /* Appending may have changed from->next, never the link to from. */
    *oldslot = from->next;
    kfree(from);
    if (ip->type == I_DIR)
        ip->parent = newdir;
    ip->ctime = realtime();
    touch_dir(olddir);
    touch_dir(newdir);
    if (victim)
        drop_name(victim);
    return 0;
}

/* ---- file contents -------------------------------------------------------- */

/* Make room for need bytes. Doubling keeps appends cheap; when the heap
 * cannot double, try for exactly what is needed. */
static bool reserve(struct inode *ip, size_t need)
{
    if (need <= ip->cap)
        return true;
    if (ip->mem)                 /* mapped: the bytes move, mappings follow */
        return mman_file_grow(ip, need);
    size_t want = MAX(need, MAX(ip->cap * 2, (size_t)64));
    char *data = krealloc(ip->data, want);
    if (!data && want > need) {
        want = need;
        data = krealloc(ip->data, want);
    }
    if (!data)
        return false;
    ip->data = data;
    ip->cap = want;
    return true;
}

/* Make size len, zero-filling what a growth exposes. */
static long set_size(struct inode *ip, int64_t len)
{
    new_content(ip);
    if (len > ip->size) {
        if (!reserve(ip, (size_t)len))
            return -ENOSPC;
        if (ip->mem)
            mman_file_access(ip, ip->size, (size_t)(len - ip->size), true);
        memset(ip->data + ip->size, 0, (size_t)(len - ip->size));
    }
    ip->size = len;
    return 0;
}

long ramfs_read(struct inode *ip, struct proc *p, uptr buf, size_t n, int64_t off)
{
    if (off < 0)
        return -EINVAL;
    if (off >= ip->size || n == 0)
        return 0;
    size_t len = (size_t)MIN((uint64_t)n, (uint64_t)(ip->size - off));
    if (ip->mem)
        mman_file_access(ip, off, len, false);
    if (copyout(p, buf, ip->data + off, len) < 0)
        return -EFAULT;
    ip->atime = realtime();
    return (long)len;
}

/* The same into kernel memory, for splice (ipc/pipe.c): nothing can fault.
 * __builtin_memcpy, not the kernel's memcpy: where the target has a block
 * copy (WebAssembly's memory.copy) the compiler uses it, and elsewhere it
 * is a call to memcpy. These copies are as large as a pipe. */
size_t ramfs_read_kernel(struct inode *ip, void *dst, size_t n, int64_t off)
{
    if (off < 0 || off >= ip->size || n == 0)
        return 0;
    size_t len = (size_t)MIN((uint64_t)n, (uint64_t)(ip->size - off));
    __builtin_memcpy(dst, ip->data + off, len);
    ip->atime = realtime();
    return len;
}

/* Write at off, past the end too (the gap reads as zeros). Returns the
 * bytes written; an error only if none were. */
long ramfs_write(struct inode *ip, struct proc *p, uptr buf, size_t n, int64_t off)
{
    if (off < 0)
        return -EINVAL;
    if (n == 0)
        return 0;
    if (off >= RAMFS_FILE_MAX)
        return -EFBIG;
    n = (size_t)MIN((uint64_t)n, (uint64_t)(RAMFS_FILE_MAX - off));
    new_content(ip);
    size_t done = 0;
    long err = 0;
    while (done < n) {
        size_t chunk = MIN(n - done, (size_t)WRITE_CHUNK);
        int64_t pos = off + (int64_t)done;
        if (!reserve(ip, (size_t)pos + chunk)) {
            err = -ENOSPC;
            break;
        }
        if (ip->mem)
            mman_file_access(ip, MIN(pos, ip->size), chunk + (size_t)MAX(pos - ip->size, 0),
                             true);
        if (pos > ip->size)      /* a hole: it must read back as zeros */
            memset(ip->data + ip->size, 0, (size_t)(pos - ip->size));
        if (copyin(p, ip->data + pos, buf + done, chunk) < 0) {
            err = -EFAULT;
            break;
        }
        done += chunk;
        if (pos + (int64_t)chunk > ip->size)
            ip->size = pos + (int64_t)chunk;
    }
    if (done == 0)
        return err;
    ip->mtime = ip->ctime = realtime();
    return (long)done;
}

/* Replace ip's bytes with n bytes of kernel memory (a file the platform
 * hands in, share.c). -ENOSPC if the heap cannot hold them. */
long ramfs_write_kernel(struct inode *ip, const void *src, size_t n)
{
    if ((int64_t)n > RAMFS_FILE_MAX)
        return -EFBIG;
    long r = ramfs_truncate(ip, 0);
    if (r == 0)
        r = set_size(ip, (int64_t)n);
    if (r < 0)
        return r;
    if (ip->mem)
        mman_file_access(ip, 0, n, true);
    __builtin_memcpy(ip->data, src, n);
    return 0;
}

long ramfs_truncate(struct inode *ip, int64_t len)
{
    if (len < 0)
        return -EINVAL;
    if (len > RAMFS_FILE_MAX)
        return -EFBIG;
    lazy_forget(ip);             /* bytes never fetched are not needed now */
    if (len == 0 && !ip->mem) {  /* give the memory back (unless mapped) */
        kfree(ip->data);
        ip->data = NULL;
        ip->cap = 0;
    }
    long r = set_size(ip, len);
    if (r < 0)
        return r;
    ip->mtime = ip->ctime = realtime();
    return 0;
}

/* Give a file whose bytes were not there yet (lazy.c: data NULL) its len
 * bytes. -ENOSPC if the heap cannot hold them. */
long ramfs_fill(struct inode *ip, const void *src, size_t len)
{
    char *data = kalloc(len ? len : 1);
    if (!data)
        return -ENOSPC;
    __builtin_memcpy(data, src, len);
    ip->data = data;
    ip->cap = len;
    ip->size = (int64_t)len;
    new_content(ip);
    return 0;
}

/* ---- making files from the kernel ---------------------------------------- */

long ramfs_create_path(const char *path, enum itype type, uint32_t mode,
                       const void *data, size_t len)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    long r = nameiparent(NULL, path, &dir, name);
    if (r < 0)
        return r;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || dir_lookup(dir, name)) {
        iput(dir);
        return -EEXIST;
    }
    struct inode *ip = ramfs_alloc(type, mode, NULL);
    r = ip ? 0 : -ENOMEM;
    if (ip && (type == I_REG || type == I_LNK) && len > 0) {
        r = set_size(ip, (int64_t)len);
        if (r == 0)
            memcpy(ip->data, data, len);
    }
    if (r == 0)
        r = dir_link(dir, name, ip);
    if (r < 0 && ip) {           /* never linked: this frees it */
        iget(ip);
        iput(ip);
    }
    iput(dir);
    return r;
}
