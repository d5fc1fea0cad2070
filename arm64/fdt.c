/*
 * fdt.c - reading the flattened device tree that QEMU passes at boot.
 *
 * A device tree describes the board: QEMU builds one for `virt` and puts
 * the kernel command line (-append) in /chosen/bootargs and the RAM in
 * /memory@40000000/reg. That is all this kernel reads from it; the device
 * addresses are fixed for the board (arm64.h).
 *
 * The blob is a header, a "structure block" of 32-bit big-endian tokens
 * (begin node + name, property + length + name offset + value, end node),
 * and a "strings block" holding property names. One linear walk finds a
 * property.
 */
#include "arm64.h"

#define FDT_MAGIC       0xd00dfeedu
#define FDT_BEGIN_NODE  1u
#define FDT_END_NODE    2u
#define FDT_PROP        3u
#define FDT_NOP         4u
#define FDT_END         9u

/* Big-endian 32-bit word at p (4-byte aligned in a valid blob). */
static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static size_t align4(size_t n) { return (n + 3) & ~(size_t)3; }

/* "memory@40000000" matches "memory"; "chosen" matches "chosen". */
static bool name_matches(const char *name, const char *want)
{
    size_t n = strlen(want);
    return strncmp(name, want, n) == 0 && (name[n] == '\0' || name[n] == '@');
}

const void *fdt_prop(const void *fdt, const char *node, const char *prop, uint32_t *len)
{
    const uint8_t *base = fdt;
    if (!fdt || be32(base) != FDT_MAGIC)
        return NULL;
    const uint8_t *p = base + be32(base + 8);           /* off_dt_struct */
    const char *strings = (const char *)base + be32(base + 12);
    const uint8_t *end = base + be32(base + 4);         /* totalsize */
    int depth = 0, match_depth = -1;

    while (p + 4 <= end) {
        uint32_t tok = be32(p);
        p += 4;
        switch (tok) {
        case FDT_BEGIN_NODE: {
            const char *name = (const char *)p;
            depth++;
            if (match_depth < 0 && name_matches(name, node))
                match_depth = depth;
            p += align4(strlen(name) + 1);
            break;
        }
        case FDT_END_NODE:
            if (depth == match_depth)
                return NULL;                    /* the node has no such property */
            depth--;
            break;
        case FDT_PROP: {
            uint32_t n = be32(p), nameoff = be32(p + 4);
            const uint8_t *value = p + 8;
            if (depth == match_depth && strcmp(strings + nameoff, prop) == 0) {
                *len = n;
                return value;
            }
            p = value + align4(n);
            break;
        }
        case FDT_NOP:
            break;
        default:                                /* FDT_END, or garbage */
            return NULL;
        }
    }
    return NULL;
}
