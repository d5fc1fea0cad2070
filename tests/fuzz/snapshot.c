/*
 * snapshot.c - the fast reset: the kernel as it was right after boot, put
 * back before every input in a few microseconds instead of a boot.
 *
 * The kernel's whole state is in three places, and a snapshot copies each:
 *
 *  - the variables of kernel/, ipc/ and tests/unit/host.c. Those files are
 *    compiled with -include kstate.h, which places every variable they
 *    define in the sections duplex_kdata and duplex_kbss; the linker marks
 *    where each begins and ends. No list of variables to keep up to date,
 *    and nothing of libFuzzer's or the sanitizers' is touched. AddressSanitizer
 *    poisons the red zones between those variables and would refuse the
 *    copy, so it is made by the C library's memcpy itself (rawcopy.c).
 *
 *  - the kernel heap (plat_heap, 64 MiB). Only its used part is copied:
 *    host.c hands it out zeroed, so after boot the used part ends at the
 *    last byte that is not zero (the allocator's free-list header of the
 *    block that runs to the end). Above it, the allocator reads nothing it
 *    has not written first, so what earlier inputs left there does not
 *    matter - except to a kernel that reads a block it never initialised.
 *    So that such a read gives the same bytes in every run, every block
 *    the kernel allocates is filled with 0xbe first: the link wraps kalloc
 *    (-Wl,--wrap=kalloc) with __wrap_kalloc below. kzalloc, krealloc and
 *    kstrdup initialise what they return themselves.
 *
 *  - process 1's context on the host (its record and 1 MiB of memory),
 *    which host.c saves and restores (tproc_save), copying back only what
 *    was written since. Every other process is killed at the end of each
 *    input, and its context freed, before the reset.
 */
#include <stdlib.h>

#include "fuzz.h"

extern char __start_duplex_kdata[], __stop_duplex_kdata[];
extern char __start_duplex_kbss[], __stop_duplex_kbss[];

static char *saved_data, *saved_bss, *saved_heap;
static char *heap;
static size_t heap_len, heap_used;
static struct tsaved *saved_init;

static char *save(const char *lo, const char *hi)
{
    char *copy = malloc((size_t)(hi - lo) + 1);
    raw_copy(copy, lo, (size_t)(hi - lo));
    return copy;
}

void snapshot_take(void)
{
    saved_data = save(__start_duplex_kdata, __stop_duplex_kdata);
    saved_bss = save(__start_duplex_kbss, __stop_duplex_kbss);
    heap = plat_heap(&heap_len);
    size_t top = heap_len;
    while (top > 0 && heap[top - 1] == 0)
        top--;
    heap_used = MIN((top + 64) & ~(size_t)15, heap_len);
    saved_heap = save(heap, heap + heap_used);
    saved_init = tproc_save(init);
    if (getenv("FUZZ_VERBOSE"))
        fprintf(stderr, "snapshot: %zu + %zu bytes of variables, %zu of heap\n",
                (size_t)(__stop_duplex_kdata - __start_duplex_kdata),
                (size_t)(__stop_duplex_kbss - __start_duplex_kbss), heap_used);
}

void snapshot_restore(void)
{
    raw_copy(__start_duplex_kdata, saved_data, (size_t)(__stop_duplex_kdata - __start_duplex_kdata));
    raw_copy(__start_duplex_kbss, saved_bss, (size_t)(__stop_duplex_kbss - __start_duplex_kbss));
    memcpy(heap, saved_heap, heap_used);
    tproc_restore(init, saved_init);
}

/* ---- every kernel allocation filled, so that no run depends on the last ---- */

void *__real_kalloc(size_t n);

void *__wrap_kalloc(size_t n)
{
    void *p = __real_kalloc(n);
    if (p)
        memset(p, 0xbe, n);
    return p;
}

/* ---- out of kernel memory on purpose ----------------------------------------- */

#define SQUEEZE_MAX 256
static void *squeezed[SQUEEZE_MAX];
static int nsqueezed;

/* Like host.c's tsqueeze, but through the real kalloc: nothing is filled. */
void squeeze(size_t hole)
{
    void *h = hole ? __real_kalloc(hole) : NULL;
    for (size_t chunk = (size_t)1 << 24; chunk >= 16; chunk /= 2)
        while (nsqueezed < SQUEEZE_MAX && (squeezed[nsqueezed] = __real_kalloc(chunk)) != NULL)
            nsqueezed++;
    kfree(h);
}

void squeeze_release(void)
{
    while (nsqueezed > 0)
        kfree(squeezed[--nsqueezed]);
}
