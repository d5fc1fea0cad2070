/*
 * malloc.c - the heap: malloc, free, calloc, realloc over the program
 * break (brk), and sbrk/brk themselves.
 *
 * The heap is one run of chunks from heap_base up to a sentinel at the
 * break. Every chunk starts with a 16-byte header:
 *
 *     prev_size   the size of the chunk before, valid only when it is free
 *     head        this chunk's size | INUSE | PREV_INUSE
 *
 * and the user's bytes follow the header, 16-byte aligned. Sizes are
 * multiples of 16, so the low bits of head are free for the two flags.
 * Free chunks are also on a doubly-linked free list (the links live in the
 * chunk, which nobody else is using). Because each chunk knows whether its
 * neighbour below is free (PREV_INUSE) and that neighbour's size
 * (prev_size), free() merges a chunk with both neighbours in constant time:
 * there are never two free chunks side by side. malloc() takes the first
 * free chunk big enough, splitting off what it does not need, and grows
 * the heap when none is. The heap never shrinks (a wasm memory cannot).
 */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALIGN       16
#define HDR         16                   /* header size: keeps payloads aligned */
#define MIN_CHUNK   32                   /* header + room for the list links */
#define GROW_MIN    (64 * 1024)          /* grow the break by at least this */
#define INUSE       ((size_t)1)
#define PREV_INUSE  ((size_t)2)
#define FLAGS       (INUSE | PREV_INUSE)

struct chunk {
    size_t prev_size;
    size_t head;
    struct chunk *next, *prev;   /* free chunks only */
};

static char *heap_base;          /* the first chunk */
static char *heap_end;           /* the break: the sentinel ends here */
static struct chunk *free_list;

/* ---- chunk arithmetic -------------------------------------------------- */

static size_t csize(const struct chunk *c)  { return c->head & ~FLAGS; }
static bool   in_use(const struct chunk *c) { return (c->head & INUSE) != 0; }
static struct chunk *next_chunk(struct chunk *c) { return (struct chunk *)((char *)c + csize(c)); }
static struct chunk *chunk_of(void *p)      { return (struct chunk *)((char *)p - HDR); }
static void  *payload(struct chunk *c)      { return (char *)c + HDR; }
static struct chunk *sentinel(void)         { return (struct chunk *)(heap_end - HDR); }

static uintptr_t align_up(uintptr_t x)
{
    return (x + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
}

/* The chunk size that holds n user bytes, or 0 if n is absurdly large. */
static size_t request_size(size_t n)
{
    if (n > SIZE_MAX / 2)
        return 0;
    size_t need = align_up(n + HDR);
    return need < MIN_CHUNK ? MIN_CHUNK : need;
}

/* ---- the free list -------------------------------------------------------- */

static void list_push(struct chunk *c)
{
    c->prev = NULL;
    c->next = free_list;
    if (free_list != NULL)
        free_list->prev = c;
    free_list = c;
}

static void list_remove(struct chunk *c)
{
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        free_list = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
}

/* Make c (of the given size, its lower neighbour in use) a free chunk:
 * tell the chunk above, and put c on the list. */
static void make_free(struct chunk *c, size_t size)
{
    c->head = size | PREV_INUSE;
    struct chunk *above = next_chunk(c);
    above->prev_size = size;
    above->head &= ~PREV_INUSE;
    list_push(c);
}

/* Free chunk c, merging it with free neighbours. */
static void release(struct chunk *c)
{
    size_t size = csize(c);
    struct chunk *above = next_chunk(c);

    if (!in_use(above)) {
        list_remove(above);
        size += csize(above);
    }
    if (!(c->head & PREV_INUSE)) {
        struct chunk *below = (struct chunk *)((char *)c - c->prev_size);
        list_remove(below);
        size += csize(below);
        c = below;
    }
    make_free(c, size);
}

/* ---- growing the heap ------------------------------------------------------ */

static uintptr_t sys_brk(uintptr_t addr)
{
    return (uintptr_t)sys1(SYS_brk, (long)addr);
}

/* The first call: an empty heap is just the sentinel, an in-use chunk of
 * size 0 at the (aligned) break. */
static bool heap_init(void)
{
    uintptr_t base = align_up(sys_brk(0));
    if (sys_brk(base + HDR) != base + HDR)
        return false;
    heap_base = (char *)base;
    heap_end = heap_base + HDR;
    sentinel()->head = INUSE | PREV_INUSE;
    return true;
}

/*
 * Add at least `size` bytes (a multiple of 16) of free space at the top.
 * Normally the new space starts where the sentinel was and merges with a
 * free chunk below it. If something else moved the break (a program may
 * call sbrk itself), the old sentinel becomes an in-use chunk fencing off
 * the foreign bytes, and the new space starts above them.
 */
static bool heap_grow(size_t size)
{
    uintptr_t cur = sys_brk(0);
    char *start;

    if (cur < (uintptr_t)heap_end)
        return false;
    if (cur == (uintptr_t)heap_end)
        start = heap_end - HDR;
    else
        start = (char *)align_up(cur);
    if ((uintptr_t)start + size + HDR < (uintptr_t)start)
        return false;
    uintptr_t want = (uintptr_t)start + size + HDR;
    if (sys_brk(want) != want)
        return false;

    struct chunk *old = sentinel();
    struct chunk *c = (struct chunk *)start;
    if (c != old) {
        old->head = (size_t)(start - (char *)old) | (old->head & PREV_INUSE) | INUSE;
        c->head = size | PREV_INUSE | INUSE;
    } else {
        c->head = size | (old->head & PREV_INUSE) | INUSE;
    }
    heap_end = (char *)want;
    sentinel()->head = INUSE;          /* PREV_INUSE is settled by release */
    release(c);
    return true;
}

/* Grow so that the top free chunk has at least `need` bytes: by GROW_MIN
 * at least, to make few system calls, or else by just what is missing,
 * when the memory left is less than that. */
static bool grow_for(size_t need)
{
    struct chunk *s = sentinel();
    size_t top = (s->head & PREV_INUSE) ? 0 : s->prev_size;
    size_t size = align_up(need - (top < need ? top : 0));
    if (size < GROW_MIN && heap_grow(GROW_MIN))
        return true;
    return heap_grow(size);
}

/* ---- allocation ------------------------------------------------------------ */

/* c is in use and `need` bytes of it are wanted: give the rest back. */
static void trim(struct chunk *c, size_t need)
{
    size_t size = csize(c);
    if (size - need < MIN_CHUNK)
        return;
    c->head = need | (c->head & FLAGS);
    struct chunk *rest = next_chunk(c);
    rest->head = (size - need) | INUSE | PREV_INUSE;
    release(rest);
}

/* Take free chunk c for a request of `need` bytes. */
static void *take(struct chunk *c, size_t need)
{
    list_remove(c);
    c->head |= INUSE;
    next_chunk(c)->head |= PREV_INUSE;
    trim(c, need);
    return payload(c);
}

static struct chunk *first_fit(size_t need)
{
    for (struct chunk *c = free_list; c != NULL; c = c->next)
        if (csize(c) >= need)
            return c;
    return NULL;
}

void *malloc(size_t n)
{
    size_t need = request_size(n);
    if (need == 0 || (heap_base == NULL && !heap_init())) {
        errno = ENOMEM;
        return NULL;
    }
    /* A second round is needed only when the break had been moved by
     * someone else: the new space could not merge with the old top. */
    struct chunk *c;
    while ((c = first_fit(need)) == NULL) {
        if (!grow_for(need)) {
            errno = ENOMEM;
            return NULL;
        }
    }
    return take(c, need);
}

void free(void *p)
{
    if (p == NULL)
        return;
    struct chunk *c = chunk_of(p);
    if (!in_use(c) || csize(c) < MIN_CHUNK)
        abort();                  /* a double free, or not ours */
    release(c);
}

void *calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(count * size);
    if (p != NULL)
        memset(p, 0, count * size);
    return p;
}

/* Try to make c hold `need` bytes where it is, by taking the free chunk
 * above it (growing the heap first if c is the top chunk). */
static bool extend_in_place(struct chunk *c, size_t need)
{
    struct chunk *above = next_chunk(c);
    if (above == sentinel() && !grow_for(need - csize(c)))
        return false;
    above = next_chunk(c);
    if (in_use(above) || csize(c) + csize(above) < need)
        return false;
    list_remove(above);
    c->head += csize(above);
    next_chunk(c)->head |= PREV_INUSE;
    trim(c, need);
    return true;
}

/* realloc(p, 0) frees p and returns NULL, as glibc does. */
void *realloc(void *p, size_t n)
{
    if (p == NULL)
        return malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    size_t need = request_size(n);
    if (need == 0) {
        errno = ENOMEM;
        return NULL;
    }
    struct chunk *c = chunk_of(p);
    if (need <= csize(c)) {
        trim(c, need);
        return p;
    }
    if (extend_in_place(c, need))
        return p;
    void *q = malloc(n);
    if (q != NULL) {
        memcpy(q, p, csize(c) - HDR);
        free(p);
    }
    return q;
}

/* ---- the break itself --------------------------------------------------------- */

void *sbrk(intptr_t increment)
{
    uintptr_t cur = sys_brk(0);
    if (increment == 0)
        return (void *)cur;
    uintptr_t want = cur + (uintptr_t)increment;
    if (sys_brk(want) != want) {
        errno = ENOMEM;
        return (void *)-1;
    }
    return (void *)cur;
}

int brk(void *addr)
{
    if (sys_brk((uintptr_t)addr) != (uintptr_t)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

/* ---- checking ------------------------------------------------------------------ */

/* Walk every chunk and the free list; see libc.h. */
int __dx_heap_check(void)
{
    if (heap_base == NULL)
        return 0;
    size_t nfree = 0;
    bool below_in_use = true;
    struct chunk *c = (struct chunk *)heap_base;

    while (c != sentinel()) {
        if ((uintptr_t)c % ALIGN != 0 || csize(c) < MIN_CHUNK)
            return 1;                          /* bad size or alignment */
        if ((char *)c + csize(c) > heap_end - HDR)
            return 2;                          /* runs past the sentinel */
        if (((c->head & PREV_INUSE) != 0) != below_in_use)
            return 3;                          /* PREV_INUSE is wrong */
        if (!in_use(c)) {
            if (!below_in_use)
                return 4;                      /* two free chunks side by side */
            if (next_chunk(c)->prev_size != csize(c))
                return 5;                      /* the boundary tag is wrong */
            nfree++;
        }
        below_in_use = in_use(c);
        c = next_chunk(c);
    }
    if (((c->head & PREV_INUSE) != 0) != below_in_use || !in_use(c))
        return 6;                              /* the sentinel is wrong */

    struct chunk *prev = NULL;
    for (struct chunk *f = free_list; f != NULL; f = f->next) {
        if ((char *)f < heap_base || (char *)f >= heap_end || in_use(f))
            return 7;                          /* a stray list entry */
        if (f->prev != prev)
            return 8;                          /* broken back link */
        if (nfree-- == 0)
            return 9;                          /* more on the list than free */
        prev = f;
    }
    return nfree == 0 ? 0 : 10;                /* a free chunk not on the list */
}
