/*
 * archive.c - an event of the fuzzer's programs: a boot archive made from
 * the input and unpacked by initramfs_unpack, as kernel_init unpacks the
 * initramfs a platform hands it.
 *
 * Random bytes would fail the first checksum, so the archive is built as
 * tar builds one - a header block per entry (name, octal mode and size, a
 * type letter, the ustar magic and prefix, a checksum), its data in whole
 * blocks, two zero blocks at the end - and then spoiled here and there as
 * the input says: a wrong checksum, a number that is not octal, a size
 * past the end, a missing end marker, names that are empty, long, or
 * already taken. What it makes is removed at the end of the input like
 * any file a program made.
 */
#include "fuzz.h"

#define BLOCK 512
#define ENTRIES_MAX 4

static const char *const names[] = {
    "tmp/x", "tmp/d/", "tmp/d/y", "tmp/a/b/c", "bin/init", "/tmp/abs", "", ".", "tmp/../tmp/z",
    "tmp/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "etc/motd", "tmp/d//y/",
};
static const char types[] = { '0', '5', '\0', '2', '3', 'x', 'L', '5' };
static const char *const modes[] = { "0000644", "0000755", "0007777", "   644", "88", "", "0000600" };
static const unsigned sizes[] = { 0, 1, 511, 512, 513, 1000, 0, 7 };

/* Write v in octal in a field of width bytes (NUL at the end), as tar does. */
static void octal(uint8_t *field, size_t width, unsigned long long v)
{
    field[width - 1] = '\0';
    for (size_t i = width - 1; i-- > 0; v >>= 3)
        field[i] = (uint8_t)('0' + (v & 7));
}

static void checksum(uint8_t *h, bool spoil)
{
    unsigned sum = 0;
    memset(h + 148, ' ', 8);
    for (int i = 0; i < BLOCK; i++)
        sum += h[i];
    octal(h + 148, 7, sum + spoil);
    h[155] = ' ';
}

/* One entry at a: its header and data; the bytes it took. */
static size_t entry(struct in *in, uint8_t *a)
{
    uint8_t *h = a, how = in_u8(in);
    memset(h, 0, BLOCK);
    const char *name = names[in_u8(in) % N(names)];
    memcpy(h, name, MIN(strlen(name), (size_t)100));
    const char *mode = modes[in_u8(in) % N(modes)];
    memcpy(h + 100, mode, strlen(mode));
    unsigned size = sizes[in_u8(in) % N(sizes)];
    octal(h + 124, 12, how & 0x10 ? 077777777777ull : size);   /* or far past the end */
    h[156] = (uint8_t)types[in_u8(in) % N(types)];
    if (how & 1) {                       /* POSIX ustar, with a prefix */
        memcpy(h + 257, "ustar\0" "00", 8);
        if (how & 2)
            memcpy(h + 345, "tmp", 3);
    } else if (how & 4) {
        memcpy(h + 257, "ustar  ", 8);   /* GNU's: no prefix field */
    }
    if (how & 8)
        h[124] = '9';                    /* not octal */
    checksum(h, how & 0x20);
    size_t data = (size + BLOCK - 1) / BLOCK * BLOCK;
    for (size_t i = 0; i < data; i++)
        a[BLOCK + i] = (uint8_t)(i < 4 ? "FAKE"[i] : i);
    return BLOCK + data;
}

void ev_archive(struct in *in)
{
    static uint8_t a[(ENTRIES_MAX * 3 + 2) * BLOCK];
    int n = in_u8(in) % (ENTRIES_MAX + 1);
    uint8_t end = in_u8(in);
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += entry(in, a + len);
    size_t zeros = end % 3;              /* the end marker, or half of it, or none */
    memset(a + len, 0, zeros * BLOCK);
    len += zeros * BLOCK;
    size_t cut = 1 + end % 64;
    if (end & 0x80 && len > cut)
        len -= cut;                      /* cut short */
    long r = initramfs_unpack(a, len);
    trace("-- archive of %d entries, %zu bytes: unpacked %ld %s\n", n, len, r, errname(r));
}
