/*
 * share.c - files that cross between the machine and the platform's world.
 *
 *  - A subtree written out as a ustar archive (kernel_archive): the page
 *    keeps /home in the browser's storage this way, and hands the archive
 *    back at the next boot, where initramfs.c unpacks it as it unpacks the
 *    boot archive (kernel_restore). Directories, regular files, FIFOs and
 *    symbolic links (their targets) go in, with their permission bits,
 *    owners and modification times; device nodes do not (the kernel makes
 *    /dev itself). A file whose bytes never came (lazy.c) goes in as it is,
 *    a name and a size. A name longer than ustar can hold (a 155-byte
 *    directory prefix and a 100-byte name), or a link's target longer than
 *    its 100 bytes, is left out, and counted.
 *  - A file handed in (kernel_put_file): a file dropped onto the page's
 *    terminal lands in the current directory of the console's shell, the
 *    leader of the session that has the console (ctty.c), made as that
 *    shell would make it with open(O_CREAT | O_TRUNC): its permissions are
 *    checked, it owns the file.
 *  - A file handed out (download(2)): the platform is given the bytes of an
 *    open regular file and a name for it (the page: the browser's
 *    download).
 *  - sync(2): the platform saves what it keeps now (plat_sync).
 *  - A tree kept in step with one of the platform's (./duplex --mount DIR
 *    as /mnt): the platform copies it in at boot with kernel_restore,
 *    reads it back with kernel_archive, and brings the files it finds
 *    changed on its side in with kernel_set_path and kernel_remove_path.
 *    These act as the kernel (root), not as a process: the platform's
 *    folder is the user's own.
 *
 * The platform knows when to save by ramfs_changes(), a count of the
 * changes to the tree (kernel_fs_changes): one number to compare, not a
 * log of what changed. Walking a home directory of ordinary size costs
 * far less than saving it anywhere does, so the archive is simply made
 * again. The kernel never calls the platform to save by itself.
 */
#include "kernel.h"

#define BLOCK 512

struct tar {
    char  *buf;
    size_t len, cap;
    long   err;                  /* the first error (-ENOMEM) */
    long   skipped;              /* names too long for ustar */
};

static char *tar_room(struct tar *t, size_t n)
{
    if (t->err)
        return NULL;
    if (t->len + n > t->cap) {
        size_t want = MAX(t->len + n, MAX(t->cap * 2, (size_t)16 * BLOCK));
        char *b = krealloc(t->buf, want);
        if (!b) {
            t->err = -ENOMEM;
            return NULL;
        }
        t->buf = b;
        t->cap = want;
    }
    char *at = t->buf + t->len;
    memset(at, 0, n);
    t->len += n;
    return at;
}

/* An octal number filling width - 1 digits, then a NUL. */
static void octal_field(char *f, size_t width, uint64_t v)
{
    f[width - 1] = '\0';
    for (size_t i = width - 1; i-- > 0; v >>= 3)
        f[i] = (char)('0' + (v & 7));
}

/* Split path between ustar's prefix and name fields (at a slash), or
 * return false if it cannot be. */
static bool split_name(const char *path, size_t len, size_t *cut)
{
    if (len <= 100) {
        *cut = 0;
        return true;
    }
    for (size_t i = len - 1; i > 0; i--) {
        if (path[i] == '/' && i <= 155 && len - i - 1 <= 100 && len - i - 1 > 0) {
            *cut = i;
            return true;
        }
    }
    return false;
}

/* A header for ip at path (relative to the root, no leading slash; a
 * directory's ends with one), with link (llen bytes) in the link-name field. */
static bool put_header_link(struct tar *t, const char *path, struct inode *ip, char type,
                            uint64_t size, const char *link, size_t llen)
{
    size_t len = strlen(path), cut;
    if (!split_name(path, len, &cut) || llen > 100) {
        t->skipped++;
        return false;
    }
    char *h = tar_room(t, BLOCK);
    if (!h)
        return false;
    if (cut) {
        memcpy(h + 345, path, cut);                    /* prefix */
        memcpy(h, path + cut + 1, len - cut - 1);
    } else {
        memcpy(h, path, len);
    }
    octal_field(h + 100, 8, ip->mode & 07777);
    octal_field(h + 108, 8, ip->uid);
    octal_field(h + 116, 8, ip->gid);
    octal_field(h + 124, 12, size);
    octal_field(h + 136, 12, ip->mtime / 1000000000u);
    h[156] = type;
    memcpy(h + 157, link, llen);
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    memset(h + 148, ' ', 8);
    uint64_t sum = 0;
    for (int i = 0; i < BLOCK; i++)
        sum += (uint8_t)h[i];
    octal_field(h + 148, 7, sum);                      /* six digits, NUL, space */
    h[155] = ' ';
    return true;
}

static bool put_header(struct tar *t, const char *path, struct inode *ip, char type,
                       uint64_t size)
{
    return put_header_link(t, path, ip, type, size, "", 0);
}

static void put_file(struct tar *t, const char *path, struct inode *ip)
{
    size_t size = (size_t)ip->size;
    const char *lazy = lazy_name(ip);
    if (lazy) {                  /* its bytes never came: it is kept as it is */
        put_header_link(t, path, ip, TAR_LAZY, size, lazy, strlen(lazy));
        return;
    }
    if (!put_header(t, path, ip, '0', size))
        return;
    char *at = tar_room(t, (size + BLOCK - 1) / BLOCK * BLOCK);
    if (!at || !size)
        return;
    if (ip->mem)                 /* mapped shared: its mappings' latest bytes */
        mman_file_access(ip, 0, size, false);
    memcpy(at, ip->data, size);
}

/* Everything below dir, whose path (len bytes, ending with a slash) is in
 * path[PATH_MAX]. */
static void put_tree(struct tar *t, struct inode *dir, char *path, size_t len)
{
    for (struct dirent_node *d = dir->entries; d && !t->err; d = d->next) {
        size_t n = strlen(d->name);
        if (len + n + 2 > PATH_MAX) {
            t->skipped++;
            continue;
        }
        memcpy(path + len, d->name, n + 1);
        struct inode *ip = d->ip;
        if (ip->type == I_REG) {
            put_file(t, path, ip);
        } else if (ip->type == I_FIFO) {
            put_header(t, path, ip, '6', 0);
        } else if (ip->type == I_LNK) {
            put_header_link(t, path, ip, '2', 0, ip->data, (size_t)ip->size);
        } else if (ip->type == I_DIR) {
            path[len + n] = '/';
            path[len + n + 1] = '\0';
            if (put_header(t, path, ip, '5', 0))
                put_tree(t, ip, path, len + n + 1);
        }
    }
    path[len] = '\0';
}

long kernel_archive(const char *dirpath, void **out, size_t *len, long *skipped)
{
    struct inode *dir;
    long r = namei(NULL, dirpath, &dir);
    if (r < 0)
        return r;
    if (dir->type != I_DIR) {
        iput(dir);
        return -ENOTDIR;
    }
    struct tar t = { 0 };
    char *path = kalloc(PATH_MAX);
    r = path ? dir_path(dir, path, PATH_MAX) : -ENOMEM;
    if (r > 0) {
        /* relative to the root, as tar keeps names: "home/" */
        size_t n = strlen(path + 1);
        memmove(path, path + 1, n + 1);
        if (n) {
            path[n++] = '/';
            path[n] = '\0';
            put_header(&t, path, dir, '5', 0);
        }
        put_tree(&t, dir, path, n);
        tar_room(&t, 2 * BLOCK);                       /* the end marker */
        r = t.err;
    }
    kfree(path);
    iput(dir);
    if (r < 0) {
        kfree(t.buf);
        return r;
    }
    *out = t.buf;
    *len = t.len;
    if (skipped)
        *skipped = t.skipped;
    return 0;
}

void kernel_free(void *p) { kfree(p); }

long kernel_restore(const void *archive, size_t len)
{
    return initramfs_unpack(archive, len);
}

uint64_t kernel_fs_changes(void) { return ramfs_changes(); }

/* ---- a file handed in ------------------------------------------------------ */

static bool plain_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > NAME_MAX || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (name[i] == '/')
            return false;
    return true;
}

long kernel_put_file(const char *name, const void *data, size_t len, uint32_t mode,
                     char *where, size_t where_size)
{
    if (!plain_name(name))
        return -EINVAL;
    struct proc *p = ctty_leader();
    if (!p)
        p = proc_init_proc();
    struct inode *ip;
    long r = namei(p, name, &ip);
    if (r == 0) {                /* only a regular file is replaced: a FIFO's open waits */
        r = ip->type == I_REG ? 0 : ip->type == I_DIR ? -EISDIR : -EEXIST;
        iput(ip);
        if (r < 0)
            return r;
    }
    struct file *f;
    r = file_open(p, name, O_WRONLY | O_CREAT, mode & 0777, &f);
    if (r < 0)
        return r;
    ip = f->ip;
    r = ramfs_write_kernel(ip, data, len);
    if (r == 0) {
        ip->mode = mode & 07777;                       /* as given, umask or not */
        ip->mtime = ip->ctime = plat_clock_ns(CLOCK_REALTIME_COARSE);
    }
    file_close(f);
    if (r == 0 && where) {
        long n = dir_path(p->cwd ? p->cwd : vfs_root(), where, where_size);
        if (n < 0)
            kstrlcpy(where, ".", where_size);
    }
    return r;
}

/* ---- a tree kept in step with the platform's -------------------------------- */

/* Make the regular file (or, with dir, the directory) at the absolute
 * path, or replace a regular file's bytes; mode's permission bits are set
 * either way. Its parent must exist. */
long kernel_set_path(const char *path, bool dir, const void *data, size_t len, uint32_t mode)
{
    if (path[0] != '/')
        return -EINVAL;
    struct inode *ip;
    long r = namei(NULL, path, &ip);
    if (r == -ENOENT)
        return ramfs_create_path(path, dir ? I_DIR : I_REG, mode, data, len);
    if (r < 0)
        return r;
    if (dir)
        r = ip->type == I_DIR ? 0 : -EEXIST;
    else
        r = ip->type == I_REG ? ramfs_write_kernel(ip, data, len)
                              : ip->type == I_DIR ? -EISDIR : -EEXIST;
    if (r == 0 && (ip->mode & 07777) != (mode & 07777)) {
        ip->mode = mode & 07777;
        ip->ctime = plat_clock_ns(CLOCK_REALTIME_COARSE);
        ramfs_changed();
    }
    iput(ip);
    return r;
}

/* Remove the file or empty directory at the absolute path. */
long kernel_remove_path(const char *path)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    if (path[0] != '/')
        return -EINVAL;
    long r = nameiparent(NULL, path, &dir, name);
    if (r < 0)
        return r;
    struct inode *ip = dir_lookup(dir, name);
    if (!ip || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        r = ip ? -EINVAL : -ENOENT;
    else if (ip->type == I_DIR && !dir_is_empty(ip))
        r = -ENOTEMPTY;
    else
        r = dir_unlink(dir, name);
    iput(dir);
    return r;
}

/* ---- system calls ---------------------------------------------------------- */

/* download(fd, name): the bytes of the open regular file fd, to the
 * platform, to be saved as name. */
long sys_download(struct proc *p, const long *a)
{
    struct file *f = fd_get(p, (int)a[0]);
    if (!f)
        return -EBADF;
    if (!FILE_READABLE(f))
        return -EBADF;
    if (f->type != F_INODE || f->ip->type != I_REG)
        return f->type == F_INODE && f->ip->type == I_DIR ? -EISDIR : -EINVAL;
    char name[PATH_MAX];
    long r = copyin_path(p, name, (uptr)a[1]);
    if (r < 0)
        return r;
    if (!plain_name(name))
        return -EINVAL;
    struct inode *ip = f->ip;
    if (ip->mem)
        mman_file_access(ip, 0, (size_t)ip->size, false);
    return plat_download(name, ip->data, (size_t)ip->size);
}

long sys_sync(struct proc *p, const long *a)
{
    (void)p;
    (void)a;
    return plat_sync();
}
