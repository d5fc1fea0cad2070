/*
 * kalloc.c - the kernel heap: a first-fit allocator over the memory region
 * the platform hands to kernel_init (plat_heap).
 *
 * Free blocks sit on one list in address order, so that freeing can merge a
 * block with its neighbours by looking only at the list. Every allocated
 * block carries a header with a magic number and the size asked for, and a
 * canary just past the bytes the caller may use: kfree checks both and
 * panics on a double free or an overrun, which the tests would otherwise
 * miss because the sanitizers cannot see inside this heap.
 *
 * Small blocks are the busy ones: a message, a file, a port call's reply
 * capability come and go at every system call of their kind. A freed small
 * block goes onto a list of blocks of its exact size (a "quick list"), and
 * the next allocation of that size takes it back at once, where first fit
 * would walk the free list twice. Blocks on quick lists do not merge with
 * their neighbours, so when first fit finds nothing they all go back to
 * the free list and it tries again: a full heap still has all its memory.
 *
 * Every block kalloc returns starts at a multiple of KALLOC_ALIGN (16), on
 * every target: blocks are carved in multiples of 16 from a 16-aligned
 * heap, and the header before each is 16 bytes whatever the size of a
 * pointer (its size field is 64 bits wide, so wasm32's 4-byte size_t does
 * not shrink it to 12). Callers rely on it: shm.c finds a page boundary
 * inside a block by it.
 *
 * kstats.allocs and kstats.heap_used count what is live: every unit test
 * checks they return to their values after boot, which is how leaks show.
 */
#include "kernel.h"

#define ALIGN       KALLOC_ALIGN
#define MAGIC_USED  0x6b616c6cu      /* "kall" */
#define CANARY      0x5a5aa5a5c3c33c3cull

struct hdr {                         /* before every allocated block */
    uint32_t magic;
    uint32_t req;                    /* bytes the caller asked for */
    uint64_t size;                   /* whole block, header included */
};
_Static_assert(sizeof(struct hdr) == ALIGN, "the header keeps blocks aligned");

struct fblk {                        /* a free block */
    size_t       size;
    struct fblk *next;
};

static struct fblk *freelist;
static uintptr_t heap_lo, heap_hi;

#define QUICK_MAX   512              /* the largest block kept on a quick list */
static struct fblk *quick[QUICK_MAX / ALIGN + 1];   /* by block size / ALIGN */

struct k_kstat kstats;

static size_t round_up(size_t n, size_t a) { return (n + a - 1) & ~(a - 1); }

void kalloc_init(void *base, size_t len)
{
    uintptr_t lo = round_up((uintptr_t)base, ALIGN);
    uintptr_t hi = ((uintptr_t)base + len) & ~(uintptr_t)(ALIGN - 1);
    KASSERT(hi > lo + 4096);
    heap_lo = lo;
    heap_hi = hi;
    freelist = (struct fblk *)lo;
    freelist->size = hi - lo;
    freelist->next = NULL;
    for (size_t i = 0; i < sizeof quick / sizeof quick[0]; i++)
        quick[i] = NULL;
    kstats.allocs = 0;
    kstats.heap_used = 0;
    kstats.heap_total = hi - lo;
}

static size_t block_size(size_t n)
{
    return round_up(sizeof(struct hdr) + n + sizeof(uint64_t), ALIGN);
}

static void free_insert(struct fblk *b);

/* A free block of at least need bytes, taken off the free list by first
 * fit; *size is what it really is. NULL if there is none. */
static struct fblk *first_fit(size_t need, size_t *size)
{
    for (struct fblk **pp = &freelist; *pp; pp = &(*pp)->next) {
        struct fblk *b = *pp;
        if (b->size < need)
            continue;
        if (b->size - need >= sizeof(struct hdr) + ALIGN) {
            /* split: the tail stays free, in the same place on the list */
            struct fblk *rest = (struct fblk *)((char *)b + need);
            rest->size = b->size - need;
            rest->next = b->next;
            *pp = rest;
        } else {
            need = b->size;
            *pp = b->next;
        }
        *size = need;
        return b;
    }
    return NULL;
}

/* Every block on the quick lists back to the free list, merged. */
static void quick_drain(void)
{
    for (size_t i = 0; i < sizeof quick / sizeof quick[0]; i++) {
        while (quick[i]) {
            struct fblk *b = quick[i];
            quick[i] = b->next;
            free_insert(b);
        }
    }
}

void *kalloc(size_t n)
{
    if (n > 0xffffffffu || n > kstats.heap_total)
        return NULL;
    size_t need = block_size(n), size = need;
    struct fblk *b = NULL;
    if (need <= QUICK_MAX && (b = quick[need / ALIGN]) != NULL)
        quick[need / ALIGN] = b->next;
    if (!b)
        b = first_fit(need, &size);
    if (!b) {
        quick_drain();
        b = first_fit(need, &size);
    }
    if (!b)
        return NULL;
    struct hdr *h = (struct hdr *)b;
    h->magic = MAGIC_USED;
    h->req = (uint32_t)n;
    h->size = size;
    uint64_t canary = CANARY;
    memcpy((char *)(h + 1) + n, &canary, sizeof canary);
    kstats.allocs++;
    kstats.heap_used += size;
    return h + 1;
}

void *kzalloc(size_t n)
{
    void *p = kalloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

static struct hdr *header_of(void *p)
{
    struct hdr *h = (struct hdr *)p - 1;
    if ((uintptr_t)h < heap_lo || (uintptr_t)h >= heap_hi || h->magic != MAGIC_USED)
        panic("kfree: %p is not an allocated block", p);
    uint64_t canary;
    memcpy(&canary, (char *)p + h->req, sizeof canary);
    if (canary != CANARY)
        panic("kfree: block %p (%u bytes) was overrun", p, h->req);
    return h;
}

/* Insert b in address order and merge it with the blocks either side. */
static void free_insert(struct fblk *b)
{
    struct fblk *prev = NULL, *next = freelist;
    while (next && next < b) {
        prev = next;
        next = next->next;
    }
    b->next = next;
    if (next && (char *)b + b->size == (char *)next) {
        b->size += next->size;
        b->next = next->next;
    }
    if (prev && (char *)prev + prev->size == (char *)b) {
        prev->size += b->size;
        prev->next = b->next;
    } else if (prev) {
        prev->next = b;
    } else {
        freelist = b;
    }
}

void kfree(void *p)
{
    if (!p)
        return;
    struct hdr *h = header_of(p);
    size_t size = (size_t)h->size;
    h->magic = 0;
    kstats.allocs--;
    kstats.heap_used -= size;
    struct fblk *b = (struct fblk *)h;
    b->size = size;
    if (size <= QUICK_MAX) {
        b->next = quick[size / ALIGN];
        quick[size / ALIGN] = b;
    } else {
        free_insert(b);
    }
}

void *krealloc(void *p, size_t n)
{
    if (!p)
        return kalloc(n);
    struct hdr *h = header_of(p);
    void *q = kalloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, h->req < n ? h->req : n);
    kfree(p);
    return q;
}

char *kstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = kalloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}
