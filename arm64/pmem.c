/*
 * pmem.c - the physical page allocator: 4 KiB pages of RAM for page tables
 * and for processes' memory.
 *
 * Every free page holds a pointer to the next one: a free list threaded
 * through the free memory itself, as in xv6. RAM is identity-mapped for the
 * kernel, so a page's physical address is also the kernel's pointer to it.
 * The pages are what is left of RAM after the kernel image and the kernel
 * heap (main.c lays them out).
 *
 * The list is a queue: a freed page goes to the back, and the page handed
 * out is the one freed longest ago. On a real board the order would not
 * matter. Under QEMU it does: QEMU translates a process's code into host
 * code, and writing to a page it has translations of makes it throw them
 * away, which is slow. Reusing the pages of a process that just exited -
 * its code pages among them - at once made starting processes several
 * times slower than taking pages that QEMU has long forgotten about.
 * (Programs' code now stays in its pages, shared and kept (text.c), so few
 * freed pages hold code; the queue still keeps those few - a text freed
 * for memory - from coming back at once.)
 *
 * When the list is empty, the texts that no process maps are freed first
 * (text_reclaim): a page is refused only when nothing is left to free.
 */
#include "arm64.h"

struct free_page {
    struct free_page *next;
};

static struct free_page *free_list, *free_tail;
static uintptr_t lo, hi;

void pmem_init(uintptr_t start, uintptr_t end)
{
    lo = PAGE_ROUND_UP(start);
    hi = PAGE_ROUND_DOWN(end);
    for (uintptr_t a = lo; a < hi; a += PAGE_SIZE)
        page_free((void *)a);
    kstats.frames = 0;
}

/* Zero a page with `dc zva`, which zeroes a whole block of memory (64
 * bytes on the A72; DCZID_EL0 says how much) per instruction: far quicker
 * than storing bytes, and under QEMU quicker still. */
static void zero_page(void *pa)
{
    uint64_t block = 4ul << (read_sysreg(dczid_el0) & 15);
    for (uintptr_t a = (uintptr_t)pa; a < (uintptr_t)pa + PAGE_SIZE; a += block)
        __asm__ volatile("dc zva, %0" :: "r"(a) : "memory");
}

void *page_alloc(void)
{
    struct free_page *pg = free_list;
    if (!pg && text_reclaim())        /* programs' text kept for later goes first */
        pg = free_list;
    if (!pg)
        return NULL;
    free_list = pg->next;
    if (!free_list)
        free_tail = NULL;
    kstats.frames++;
    zero_page(pg);
    return pg;
}

void page_free(void *pa)
{
    uintptr_t a = (uintptr_t)pa;
    if (a % PAGE_SIZE || a < lo || a >= hi)
        panic("page_free: bad page %p", pa);
    struct free_page *pg = pa;
    kstats.frames--;
    pg->next = NULL;
    if (free_tail)
        free_tail->next = pg;
    else
        free_list = pg;
    free_tail = pg;
}
