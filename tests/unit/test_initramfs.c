/*
 * test_initramfs.c - unpacking ustar archives (initramfs.c). The archives
 * are built here, block by block, so that each can be damaged on purpose.
 */
#include "fstest.h"

#define BLK 512

struct tar {
    uint8_t buf[64 * BLK];
    size_t  len;
};

static void set_checksum(uint8_t *h)
{
    unsigned sum = 0;
    memset(h + 148, ' ', 8);
    for (int i = 0; i < BLK; i++)
        sum += h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);   /* six digits, NUL, space */
    h[155] = ' ';
}

/* Append an entry; prefix may be NULL. Returns its header for tampering. */
static uint8_t *tar_add(struct tar *t, const char *prefix, const char *name, char type,
                        unsigned mode, const char *data)
{
    size_t size = data ? strlen(data) : 0;
    uint8_t *h = t->buf + t->len;
    memset(h, 0, BLK);
    memcpy(h, name, strlen(name) < 100 ? strlen(name) : 100);
    snprintf((char *)h + 100, 8, "%07o", mode);
    snprintf((char *)h + 108, 8, "%07o", 0);
    snprintf((char *)h + 116, 8, "%07o", 0);
    snprintf((char *)h + 124, 12, "%011o", (unsigned)size);
    snprintf((char *)h + 136, 12, "%011o", 0);
    h[156] = (uint8_t)type;
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    if (prefix)
        memcpy(h + 345, prefix, strlen(prefix));
    set_checksum(h);
    t->len += BLK;
    if (size) {
        memset(t->buf + t->len, 0, (size + BLK - 1) / BLK * BLK);
        memcpy(t->buf + t->len, data, size);
        t->len += (size + BLK - 1) / BLK * BLK;
    }
    return h;
}

static void tar_end(struct tar *t)
{
    memset(t->buf + t->len, 0, 2 * BLK);
    t->len += 2 * BLK;
}

static uint32_t mode_of(const char *path)
{
    struct k_stat st;
    return sstat(init, path, &st) == 0 ? st.st_mode : 0;
}

TEST(initramfs_unpacks_files_and_dirs)
{
    static struct tar t;
    tar_add(&t, NULL, "ir/", '5', 0750, NULL);
    tar_add(&t, NULL, "ir/hello.txt", '0', 0644, "hello, world\n");
    tar_add(&t, NULL, "ir/old-style", '\0', 0600, "x");
    tar_add(&t, NULL, "ir/bin/tool", '0', 0755, "FAKE...");  /* parent not listed */
    tar_add(&t, NULL, "ir/empty", '0', 0644, NULL);
    tar_end(&t);
    uint32_t inodes = kstats.inodes;
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 5);
    CHECK_EQ(kstats.inodes, inodes + 6);
    CHECK_EQ(mode_of("/ir"), S_IFDIR | 0750);
    CHECK_EQ(mode_of("/ir/bin"), S_IFDIR | 0755);
    CHECK_EQ(mode_of("/ir/bin/tool"), S_IFREG | 0755);
    CHECK_EQ(mode_of("/ir/old-style"), S_IFREG | 0600);
    CHECK_STR(slurp(init, "/ir/hello.txt"), "hello, world\n");
    CHECK_STR(slurp(init, "/ir/bin/tool"), "FAKE...");
    CHECK_STR(slurp(init, "/ir/empty"), "");
    /* the same archive again: everything exists, nothing is made */
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 0);
    CHECK_EQ(kstats.inodes, inodes + 6);
    rmtree("/ir");
}

TEST(initramfs_long_names_use_the_prefix)
{
    static struct tar t;
    char name[101], prefix[156];
    memset(name, 'n', 100);                      /* exactly 100: no NUL */
    name[100] = '\0';
    memset(prefix, 'p', 155);
    prefix[0] = '.';
    prefix[1] = '/';
    prefix[2] = 'i';
    prefix[3] = 'r';
    prefix[4] = '/';
    prefix[155] = '\0';
    tar_add(&t, prefix, name, '0', 0644, "deep");
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 1);
    char path[300];
    snprintf(path, sizeof path, "/ir/%s/%s", prefix + 5, name);
    CHECK_STR(slurp(init, path), "deep");
    rmtree("/ir");
}

TEST(initramfs_skips_other_kinds)
{
    static struct tar t;
    tar_add(&t, NULL, "./", '5', 0755, NULL);    /* the root itself */
    tar_add(&t, NULL, "ir-link", '2', 0777, NULL);
    tar_add(&t, NULL, "ir-hard", '1', 0644, NULL);
    tar_add(&t, NULL, "ir-pax", 'x', 0644, "30 path=some/long/name/here\n");
    tar_add(&t, NULL, "ir-gnu", 'L', 0644, "a long name");
    tar_add(&t, NULL, "ir-dev", '3', 0644, NULL);
    tar_add(&t, NULL, "ir-file", '0', 0644, "kept");
    tar_add(&t, NULL, "bin/", '5', 0755, NULL);  /* exists already */
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 1);
    struct k_stat st;
    CHECK_EQ(sstat(init, "/ir-link", &st), -ENOENT);
    CHECK_EQ(sstat(init, "/ir-pax", &st), -ENOENT);
    CHECK_STR(slurp(init, "/ir-file"), "kept");
    CHECK_EQ(spath(init, SYS_unlink, "/ir-file"), 0);
}

TEST(initramfs_accepts_gnu_headers)
{
    static struct tar t;
    uint8_t *h = tar_add(&t, NULL, "ir-gnu", '0', 0644, "g");
    memcpy(h + 257, "ustar  ", 8);               /* GNU's magic and version */
    memcpy(h + 345, "ignored", 7);               /* no prefix field in GNU */
    snprintf((char *)h + 124, 12, "%11o", 1);    /* space-padded size */
    set_checksum(h);
    tar_end(&t);
    t.len += 10 * BLK;                           /* tar pads to a record */
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 1);
    CHECK_STR(slurp(init, "/ir-gnu"), "g");
    CHECK_EQ(spath(init, SYS_unlink, "/ir-gnu"), 0);
}

/* Each damaged archive is refused whole: nothing at all is made. */
static void check_refused(struct tar *t)
{
    uint32_t inodes = kstats.inodes;
    CHECK_EQ(initramfs_unpack(t->buf, t->len), -EINVAL);
    CHECK_EQ(kstats.inodes, inodes);
}

TEST(initramfs_refuses_damaged_archives)
{
    static struct tar t;
    tar_add(&t, NULL, "ir-a", '0', 0644, "first");
    uint8_t *h = tar_add(&t, NULL, "ir-b", '0', 0644, "second");
    tar_end(&t);
    size_t whole = t.len;

    t.len = whole - BLK;                         /* one end block only */
    check_refused(&t);
    t.len = whole - 2 * BLK;                     /* no end marker */
    check_refused(&t);
    t.len = whole - 2 * BLK - 100;               /* cut inside the data */
    check_refused(&t);
    t.len = whole - 3 * BLK - 10;                /* cut inside a header */
    check_refused(&t);
    t.len = 0;
    check_refused(&t);
    t.len = whole;

    h[10] ^= 1;                                  /* a bad checksum */
    check_refused(&t);
    h[10] ^= 1;
    h[148] = '9';                                /* a checksum that is no number */
    check_refused(&t);
    set_checksum(h);
    h[101] = '8';                                /* a bad octal digit */
    set_checksum(h);
    check_refused(&t);
    snprintf((char *)h + 100, 8, "%07o", 0644);
    memcpy(h + 124, "77777777777", 11);          /* larger than the archive */
    set_checksum(h);
    check_refused(&t);
    memset(h + 124, 0, 12);                      /* no digits at all */
    set_checksum(h);
    check_refused(&t);
    h[124] = 0x80;                               /* GNU base-256: not supported */
    set_checksum(h);
    check_refused(&t);
    snprintf((char *)h + 124, 12, "%011o", 6);
    h[0] = '\0';                                 /* no name */
    set_checksum(h);
    check_refused(&t);
    h[0] = 'i';
    set_checksum(h);
    memset(h + 3 * BLK, 'x', 4);                 /* junk after one zero block */
    check_refused(&t);
    memset(h + 3 * BLK, 0, 4);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 2); /* and whole again, it works */
    CHECK_EQ(spath(init, SYS_unlink, "/ir-a"), 0);
    CHECK_EQ(spath(init, SYS_unlink, "/ir-b"), 0);
}

TEST(initramfs_reports_what_it_cannot_make)
{
    static struct tar t;
    mkfile("/ir-file", "", 0644);
    tar_add(&t, NULL, "ir-file/inside", '0', 0644, "x");
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), -ENOTDIR);
    t.len = 0;
    tar_add(&t, NULL, "ir-file/sub/inside", '0', 0644, "x");
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), -ENOTDIR);
    CHECK_EQ(spath(init, SYS_unlink, "/ir-file"), 0);
}

/* Headers from a tar that summed signed bytes: a name with bytes >= 0x80. */
TEST(initramfs_accepts_signed_checksums)
{
    static struct tar t;
    uint8_t *h = tar_add(&t, NULL, "ir-\xc3\xa9", '0', 0644, "e");
    int sum = 0;
    memset(h + 148, ' ', 8);
    for (int i = 0; i < BLK; i++)
        sum += (int8_t)h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);
    h[155] = ' ';
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 1);
    CHECK_STR(slurp(init, "/ir-\xc3\xa9"), "e");
    CHECK_EQ(spath(init, SYS_unlink, "/ir-\xc3\xa9"), 0);
}

TEST(initramfs_makes_symbolic_links)
{
    static struct tar t;
    uint8_t *h = tar_add(&t, NULL, "ir/l", '2', 0777, NULL);
    memcpy(h + 157, "../target", 9);             /* the link-name field */
    set_checksum(h);
    tar_add(&t, NULL, "ir/after", '0', 0644, "after");
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 2);
    uptr b = ubuf(init, 64);
    CHECK_EQ(sys3(init, SYS_readlink, (long)ustr(init, "/ir/l"), (long)b, 64), 9);
    CHECK(memcmp(uhost(init, b), "../target", 9) == 0);
    CHECK_STR(slurp(init, "/ir/after"), "after");
    rmtree("/ir");
}

TEST(initramfs_makes_files_listed_without_bytes)
{
    static struct tar t;
    uint8_t *h = tar_add(&t, NULL, "ir/lazy", TAR_LAZY, 0755, NULL);
    snprintf((char *)h + 124, 12, "%011o", 5000u);   /* the file's size: no data follows */
    memcpy(h + 157, "bin/elsewhere", 13);
    set_checksum(h);
    h = tar_add(&t, NULL, "ir/same", TAR_LAZY, 0644, NULL);
    snprintf((char *)h + 124, 12, "%011o", 7u);      /* no name given: its own */
    set_checksum(h);
    tar_add(&t, NULL, "ir/after", '0', 0644, "after");
    tar_end(&t);
    CHECK_EQ(initramfs_unpack(t.buf, t.len), 3);
    struct k_stat st;
    CHECK_EQ(mode_of("/ir/lazy"), S_IFREG | 0755);
    CHECK_EQ(sstat(init, "/ir/lazy", &st), 0);
    CHECK_EQ(st.st_size, 5000);
    struct inode *ip;
    CHECK_EQ(namei(NULL, "/ir/lazy", &ip), 0);
    CHECK_STR(lazy_name(ip), "bin/elsewhere");
    iput(ip);
    CHECK_EQ(namei(NULL, "/ir/same", &ip), 0);
    CHECK_STR(lazy_name(ip), "ir/same");
    iput(ip);
    CHECK_STR(slurp(init, "/ir/after"), "after");    /* the entries took no data blocks */
    rmtree("/ir");
}
