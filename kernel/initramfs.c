/*
 * initramfs.c - unpacking the boot archive into the ramfs.
 *
 * The platform hands kernel_init a ustar archive (POSIX tar) with /bin and
 * /etc; this turns it into files. A platform that keeps /home between
 * boots hands its archive in the same way (kernel_restore, share.c). A ustar archive is a run of 512-byte
 * blocks: each entry is a header block (name, octal mode and size, a type
 * letter, a checksum) followed by its data rounded up to whole blocks, and
 * two zero blocks end it.
 *
 * Regular files, directories, FIFOs and symbolic links are made (the
 * archive of /home that share.c writes has all four), and files listed
 * without their bytes (type TAR_LAZY, whose bytes the platform brings at
 * first use: lazy.c); hard links, devices and the extension headers of GNU
 * and pax tar are skipped. The archive is checked
 * completely before anything is made, so a damaged one (bad checksum, bad
 * number, cut short, no end marker) is refused with EINVAL and leaves the
 * file system as it was. Parents missing from the archive are made as
 * needed (mode 0755); names that already exist are left alone.
 */
#include "kernel.h"

#define BLOCK 512

/* Offsets of the header fields we use. */
enum {
    H_NAME = 0, H_MODE = 100, H_SIZE = 124, H_CHKSUM = 148, H_TYPE = 156,
    H_LINK = 157, H_MAGIC = 257, H_PREFIX = 345,
};

struct entry {
    char        path[PATH_MAX];  /* absolute */
    char        type;
    uint32_t    mode;
    const char *data;
    size_t      size;            /* of data */
    size_t      lazy_size;       /* TAR_LAZY: the file's, whose bytes come later */
    char        link[101];       /* a symbolic link's target; TAR_LAZY: the bytes' name */
};

/* An octal number in a fixed-width field: optional leading spaces, digits,
 * then NULs or spaces to the end. Fields are at most 12 bytes wide, so the
 * value cannot overflow. */
static bool octal(const uint8_t *field, size_t width, uint64_t *out)
{
    size_t i = 0;
    uint64_t v = 0;
    while (i < width && field[i] == ' ')
        i++;
    size_t first = i;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; i++)
        v = v * 8 + (uint64_t)(field[i] - '0');
    if (i == first)
        return false;
    for (; i < width; i++)
        if (field[i] != '\0' && field[i] != ' ')
            return false;
    *out = v;
    return true;
}

/* The checksum is the sum of the header's bytes with the checksum field
 * itself read as spaces. Some old tars summed signed chars; accept both. */
static bool checksum_ok(const uint8_t *h)
{
    uint64_t stored;
    if (!octal(h + H_CHKSUM, 8, &stored))
        return false;
    uint64_t sum = 0;
    int64_t ssum = 0;
    for (int i = 0; i < BLOCK; i++) {
        uint8_t c = (i >= H_CHKSUM && i < H_CHKSUM + 8) ? ' ' : h[i];
        sum += c;
        ssum += (int8_t)c;
    }
    return sum == stored || (uint64_t)ssum == stored;
}

static bool is_zero_block(const uint8_t *b)
{
    for (int i = 0; i < BLOCK; i++)
        if (b[i])
            return false;
    return true;
}

/* Append a field that is NUL-terminated unless it fills its width. */
static size_t append_field(char *dst, size_t pos, const uint8_t *field, size_t width)
{
    for (size_t i = 0; i < width && field[i]; i++)
        dst[pos++] = (char)field[i];
    dst[pos] = '\0';
    return pos;
}

/* Types whose size field does not count blocks of data: hard link, symbolic
 * link, character and block device, directory, FIFO, and a file whose
 * bytes are fetched at first use (TAR_LAZY, lazy.c). */
static bool has_data(char type)
{
    return (type < '1' || type > '6') && type != TAR_LAZY;
}

/* Read the header at a[off] into e; *next is the offset of the one after.
 * Returns 1 for an entry, 0 at the end marker, or -EINVAL. */
static long parse(const uint8_t *a, size_t len, size_t off, struct entry *e, size_t *next)
{
    if (len - off < BLOCK)
        return -EINVAL;          /* cut short: no end marker */
    const uint8_t *h = a + off;
    if (is_zero_block(h)) {
        if (len - off < 2 * BLOCK || !is_zero_block(h + BLOCK))
            return -EINVAL;
        return 0;
    }
    uint64_t mode, size;
    if (!checksum_ok(h) || !octal(h + H_MODE, 8, &mode) || !octal(h + H_SIZE, 12, &size))
        return -EINVAL;
    if (h[H_NAME] == '\0')
        return -EINVAL;
    e->type = (char)h[H_TYPE];
    e->mode = (uint32_t)(mode & 07777);
    e->lazy_size = e->type == TAR_LAZY ? (size_t)size : 0;
    append_field(e->link, 0, h + H_LINK, 100);
    if (!has_data(e->type))
        size = 0;
    if (size > len)              /* checked before it can wrap anything */
        return -EINVAL;
    e->size = (size_t)size;
    size_t padded = (e->size + BLOCK - 1) / BLOCK * BLOCK;
    if (padded > len - off - BLOCK)
        return -EINVAL;          /* cut short inside the data */
    e->data = (const char *)h + BLOCK;
    *next = off + BLOCK + padded;

    size_t pos = append_field(e->path, 0, (const uint8_t *)"/", 1);
    /* POSIX's magic is "ustar\0"; GNU's "ustar  " has no prefix field */
    if (memcmp(h + H_MAGIC, "ustar", 6) == 0 && h[H_PREFIX] != '\0') {
        pos = append_field(e->path, pos, h + H_PREFIX, 155);
        pos = append_field(e->path, pos, (const uint8_t *)"/", 1);
    }
    pos = append_field(e->path, pos, h + H_NAME, 100);
    while (pos > 1 && e->path[pos - 1] == '/')
        e->path[--pos] = '\0';  /* "bin/": the directory is the entry */
    return 1;
}

/* Make every missing directory above path. */
static long make_parents(char *path)
{
    for (char *s = path + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        long r = ramfs_create_path(path, I_DIR, 0755, NULL, 0);
        *s = '/';
        if (r < 0 && r != -EEXIST)
            return r;
    }
    return 0;
}

static long make_entry(struct entry *e)
{
    enum itype type;
    const char *data = e->data;
    size_t size = e->size;
    if (e->type == TAR_LAZY) {
        long r = make_parents(e->path);
        if (r == 0)              /* no name given: the bytes go by the file's */
            r = lazy_make(e->path, e->mode, e->lazy_size, e->link[0] ? e->link : e->path + 1);
        if (r == -EEXIST)
            return 0;
        return r < 0 ? r : 1;
    }
    if (e->type == '2') {        /* a symbolic link: its data is its target */
        if (!e->link[0])
            return 0;            /* no target: symlink(2) refuses it too */
        type = I_LNK;
        data = e->link;
        size = strlen(e->link);
        e->mode = 0777;
    } else if (e->type == '0' || e->type == '\0')
        type = I_REG;
    else if (e->type == '5')
        type = I_DIR;
    else if (e->type == '6')
        type = I_FIFO;
    else
        return 0;                /* a kind of file Duplex does not unpack */
    long r = make_parents(e->path);
    if (r == 0)
        r = ramfs_create_path(e->path, type, e->mode, data, size);
    if (r == -EEXIST)
        return 0;
    return r < 0 ? r : 1;
}

/* Go through the archive, checking it, and with create also making its
 * files. Returns the number made, or -errno. */
static long walk(const uint8_t *a, size_t len, bool create, struct entry *e)
{
    long made = 0;
    size_t off = 0, next = 0;
    for (;;) {
        long r = parse(a, len, off, e, &next);
        if (r <= 0)
            return r < 0 ? r : made;
        if (create) {
            r = make_entry(e);
            if (r < 0)
                return r;
            made += r;
        }
        off = next;
    }
}

long initramfs_unpack(const void *archive, size_t len)
{
    struct entry e;
    long r = walk(archive, len, false, &e);
    if (r < 0)
        return r;
    return walk(archive, len, true, &e);
}
