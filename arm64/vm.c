/*
 * vm.c - virtual memory: page tables, the MMU, address-space ids.
 *
 * Translation uses 4 KiB pages and 39-bit virtual addresses (512 GiB),
 * which takes three levels of tables: a level-1 entry covers 1 GiB, a
 * level-2 entry 2 MiB, a level-3 entry one 4 KiB page. Only TTBR0 is used
 * (TTBR1, the "upper half", is switched off).
 *
 * Every process has its own level-1 table. Its first two entries are the
 * kernel's and the same in every table: they point at two shared level-2
 * tables that map the devices (entry 0, the first GiB) and RAM (entry 1),
 * at their physical addresses ("identity-mapped"), with permissions for
 * EL1 only. So the kernel keeps running whichever process's table is
 * loaded, and a process touching kernel memory - or a null pointer, which
 * falls in the unmapped part of the first GiB - takes a fault. Entries 4
 * to 7 (4 to 8 GiB) are the process's own: its program, heap and stack, in
 * pages allocated one at a time (pmem.c), and its program's text, whose
 * pages are shared with every process running the program (text.c).
 *
 * Kernel entries are global; a process's entries are tagged with its
 * address-space id (ASID), so switching tables needs no TLB flush: only a
 * process that goes away, or unmaps a page, has its entries flushed.
 */
#include "arm64.h"

/* Descriptor bits. */
#define D_VALID      (1ul << 0)
#define D_TABLE      (3ul << 0)        /* levels 1-2: next table; level 3: page */
#define D_BLOCK      (1ul << 0)        /* levels 1-2: a 1 GiB / 2 MiB block */
#define D_DEVICE     (0ul << 2)        /* MAIR index 0 */
#define D_NORMAL     (1ul << 2)        /* MAIR index 1 */
#define D_USER       (1ul << 6)        /* AP[1]: EL0 may access */
#define D_RDONLY     (1ul << 7)        /* AP[2]: read-only */
#define D_INNER      (3ul << 8)        /* inner shareable */
#define D_AF         (1ul << 10)       /* accessed (else the first access faults) */
#define D_NG         (1ul << 11)       /* not global: tagged with the ASID */
#define D_PXN        (1ul << 53)       /* EL1 may not execute */
#define D_UXN        (1ul << 54)       /* EL0 may not execute */
#define D_SHARED     (1ul << 55)       /* (a bit for software) not the process's page */
#define D_TEXT       (1ul << 56)       /* (software) and shared program text (text.c) */
#define D_ADDR       0x0000fffffffff000ul

#define MAIR_VALUE   0xff00ul          /* 0: device nGnRnE, 1: normal write-back */
#define TCR_VALUE    (25ul |           /* T0SZ: 39-bit addresses */ \
                      1ul << 8 | 1ul << 10 | 3ul << 12 |   /* walks: cached, inner shareable */ \
                      25ul << 16 | 1ul << 23 |  /* T1SZ, EPD1: no TTBR1 walks */ \
                      2ul << 30 |      /* TG1: 4 KiB */ \
                      2ul << 32)       /* IPS: 40-bit physical addresses */
#define SCTLR_RES1   0x30d00800ul
#define SCTLR_VALUE  (SCTLR_RES1 | 1ul << 0 |  /* M: MMU on */ \
                      1ul << 2 | 1ul << 12 |   /* C, I: caches on */ \
                      1ul << 3 | 1ul << 4 |    /* SA, SA0: stack alignment checks */ \
                      1ul << 14 | 1ul << 15 |  /* DZE, UCT: EL0 may dc zva, read CTR */ \
                      1ul << 16 | 1ul << 18 |  /* nTWI, nTWE: EL0 wfi/wfe not trapped */ \
                      1ul << 26)               /* UCI: EL0 may clean caches */

#define L1_INDEX(va) (((va) >> 30) & 511)
#define L2_INDEX(va) (((va) >> 21) & 511)
#define L3_INDEX(va) (((va) >> 12) & 511)

static uint64_t kernel_l1[512] __attribute__((aligned(4096)));
static uint64_t dev_l2[512] __attribute__((aligned(4096)));
static uint64_t ram_l2[512] __attribute__((aligned(4096)));

static uint64_t table_desc(void *table) { return (uintptr_t)table | D_TABLE; }
static uint64_t *desc_table(uint64_t d) { return (uint64_t *)(uintptr_t)(d & D_ADDR); }

static void kernel_entries(uint64_t *l1)
{
    l1[0] = table_desc(dev_l2);
    l1[1] = table_desc(ram_l2);
}

/* Build the kernel's map (called with the MMU still off) and switch the
 * MMU on. The devices are one 2 MiB block each: the GIC's and the one
 * holding the UART and the RTC. */
void vm_init(uintptr_t ram_end)
{
    const uint64_t dev = D_BLOCK | D_DEVICE | D_AF | D_PXN | D_UXN;
    dev_l2[L2_INDEX(GICD_BASE)] = GICD_BASE | dev;
    dev_l2[L2_INDEX(UART_BASE)] = UART_BASE | dev;
    for (uintptr_t a = RAM_BASE; a < ram_end; a += 2ul << 20)
        ram_l2[L2_INDEX(a)] = a | D_BLOCK | D_NORMAL | D_INNER | D_AF | D_UXN;
    kernel_entries(kernel_l1);

    write_sysreg(mair_el1, MAIR_VALUE);
    write_sysreg(tcr_el1, TCR_VALUE);
    write_sysreg(ttbr0_el1, (uintptr_t)kernel_l1);
    write_sysreg(ttbr1_el1, 0);
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
    write_sysreg(sctlr_el1, SCTLR_VALUE);
    isb();
}

uint64_t *vm_create(void)
{
    uint64_t *l1 = page_alloc();
    if (l1)
        kernel_entries(l1);
    return l1;
}

static bool user_addr(uptr va) { return va >= USER_BASE && va < USER_TOP; }

/* The level-3 entry for va, making the tables on the way if `make`. */
static uint64_t *walk(uint64_t *l1, uptr va, bool make)
{
    uint64_t *t = l1;
    for (int shift = 30; shift > 12; shift -= 9) {
        uint64_t *d = &t[(va >> shift) & 511];
        if (!(*d & D_VALID)) {
            if (!make)
                return NULL;
            uint64_t *next = page_alloc();
            if (!next)
                return NULL;
            *d = table_desc(next);
        }
        t = desc_table(*d);
    }
    return &t[L3_INDEX(va)];
}

void *vm_map(uint64_t *l1, uptr va, bool write, bool exec)
{
    if (!user_addr(va))
        return NULL;
    uint64_t *pte = walk(l1, va, true);
    if (!pte)
        return NULL;
    if (*pte & D_SHARED)                  /* shared memory is in the way */
        return NULL;
    if (*pte & D_VALID) {                 /* two segments share a page: widen */
        if (write)
            *pte &= ~D_RDONLY;
        if (exec)
            *pte &= ~D_UXN;
        return desc_table(*pte);
    }
    void *pg = page_alloc();
    if (!pg)
        return NULL;
    *pte = (uintptr_t)pg | D_TABLE | D_NORMAL | D_INNER | D_AF | D_NG | D_USER | D_PXN |
           (write ? 0 : D_RDONLY) | (exec ? 0 : D_UXN);
    __asm__ volatile("dsb ishst" ::: "memory");
    return pg;
}

/* Unmap the page at va and free it if it is the process's own; the caller
 * flushes the TLB (vm_forget). */
void vm_unmap(uint64_t *l1, uptr va)
{
    uint64_t *pte = walk(l1, va, false);
    if (pte && (*pte & D_VALID)) {
        if (!(*pte & D_SHARED))
            page_free(desc_table(*pte));
        *pte = 0;
    }
}

bool vm_map_shared(uint64_t *l1, uptr va, uintptr_t pa, bool readonly)
{
    if (!user_addr(va))
        return false;
    uint64_t *pte = walk(l1, va, true);
    if (!pte || (*pte & D_VALID))
        return false;
    *pte = pa | D_TABLE | D_NORMAL | D_INNER | D_AF | D_NG | D_USER | D_PXN | D_UXN |
           D_SHARED | (readonly ? D_RDONLY : 0);
    __asm__ volatile("dsb ishst" ::: "memory");
    return true;
}

/* Program text: the read-only page at pa, which the text owns (so, like
 * shared memory, never freed with the process); fork maps it again. */
bool vm_map_text(uint64_t *l1, uptr va, uintptr_t pa, bool exec)
{
    if (!user_addr(va))
        return false;
    uint64_t *pte = walk(l1, va, true);
    if (!pte || (*pte & D_VALID))
        return false;
    *pte = pa | D_TABLE | D_NORMAL | D_INNER | D_AF | D_NG | D_USER | D_PXN | D_RDONLY |
           D_SHARED | D_TEXT | (exec ? 0 : D_UXN);
    __asm__ volatile("dsb ishst" ::: "memory");
    return true;
}

/* Set the access of the page at va as prot (PROT_*) says: none, read,
 * read and write, and execute or not. AArch64 has no write-only pages:
 * PROT_WRITE alone is read and write. The caller flushes the TLB. */
void vm_protect(uint64_t *l1, uptr va, int prot)
{
    uint64_t *pte = walk(l1, va, false);
    if (!pte || !(*pte & D_VALID))
        return;
    uint64_t d = *pte & ~(D_USER | D_RDONLY | D_UXN);
    if (prot != PROT_NONE)
        d |= D_USER;
    if (!(prot & PROT_WRITE))
        d |= D_RDONLY;
    if (!(prot & PROT_EXEC))
        d |= D_UXN;
    *pte = d;
}

bool vm_is_mapped(uint64_t *l1, uptr va)
{
    uint64_t *pte = walk(l1, va, false);
    return pte && (*pte & D_VALID);
}

bool vm_is_shared(uint64_t *l1, uptr va)
{
    uint64_t *pte = walk(l1, va, false);
    return pte && (*pte & D_VALID) && (*pte & D_SHARED);
}

void *vm_user(uint64_t *l1, uptr va, bool write)
{
    if (!user_addr(va))
        return NULL;
    uint64_t *pte = walk(l1, va, false);
    if ((!pte || !(*pte & D_VALID)) && va >= STACK_LOW) {     /* grow the stack */
        char *pg = vm_map(l1, PAGE_ROUND_DOWN(va), true, false);
        return pg ? pg + va % PAGE_SIZE : NULL;
    }
    if (!pte || !(*pte & D_VALID) || !(*pte & D_USER) || (write && (*pte & D_RDONLY)))
        return NULL;
    return (char *)desc_table(*pte) + (va % PAGE_SIZE);
}

/* Free every table and page of the user half (but not shared memory,
 * which belongs to the kernel's heap), then the level-1 table. */
void vm_destroy(uint64_t *l1)
{
    for (unsigned i = L1_INDEX(USER_BASE); i <= L1_INDEX(USER_TOP - 1); i++) {
        if (!(l1[i] & D_VALID))
            continue;
        uint64_t *l2 = desc_table(l1[i]);
        for (int j = 0; j < 512; j++) {
            if (!(l2[j] & D_VALID))
                continue;
            uint64_t *l3 = desc_table(l2[j]);
            for (int k = 0; k < 512; k++)
                if ((l3[k] & D_VALID) && !(l3[k] & D_SHARED))
                    page_free(desc_table(l3[k]));
            page_free(l3);
        }
        page_free(l2);
    }
    page_free(l1);
}

/* A new table with a copy of every page of the user half of src (fork):
 * the same addresses and permissions, new pages; program text is mapped
 * again, not copied (the caller holds the text for the child). Shared
 * memory is left out: the kernel attaches it again (plat_shm_attach).
 * NULL when out of memory, with nothing left allocated. */
uint64_t *vm_copy(uint64_t *src)
{
    uint64_t *l1 = vm_create();
    if (!l1)
        return NULL;
    for (unsigned i = L1_INDEX(USER_BASE); i <= L1_INDEX(USER_TOP - 1); i++) {
        if (!(src[i] & D_VALID))
            continue;
        uint64_t *l2 = desc_table(src[i]);
        for (unsigned j = 0; j < 512; j++) {
            if (!(l2[j] & D_VALID))
                continue;
            uint64_t *l3 = desc_table(l2[j]);
            for (unsigned k = 0; k < 512; k++) {
                uint64_t pte = l3[k];
                if (!(pte & D_VALID) || (pte & (D_SHARED | D_TEXT)) == D_SHARED)
                    continue;
                uptr va = (uptr)i << 30 | (uptr)j << 21 | (uptr)k << 12;
                uint64_t *d = walk(l1, va, true);
                if (d && (pte & D_TEXT)) {
                    *d = pte;
                    continue;
                }
                void *pg = d ? page_alloc() : NULL;
                if (!pg) {
                    vm_destroy(l1);
                    return NULL;
                }
                memcpy(pg, desc_table(pte), PAGE_SIZE);
                if (!(pte & D_UXN))             /* code: for instruction fetches */
                    icache_sync(pg, PAGE_SIZE);
                *d = (uintptr_t)pg | (pte & ~D_ADDR);
            }
        }
    }
    __asm__ volatile("dsb ishst" ::: "memory");
    return l1;
}

/* ---- switching and TLBs --------------------------------------------------- */

static unsigned char asid_used[256];

unsigned asid_alloc(void)
{
    for (unsigned a = 1; a < 256; a++) {
        if (!asid_used[a]) {
            asid_used[a] = 1;
            return a;
        }
    }
    panic("out of address-space ids");
}

void asid_free(unsigned asid) { asid_used[asid] = 0; }

void vm_switch(struct uctx *c)
{
    write_sysreg(ttbr0_el1, (uintptr_t)c->pgtable | (uint64_t)c->asid << 48);
    isb();
}

void vm_switch_kernel(void)
{
    write_sysreg(ttbr0_el1, (uintptr_t)kernel_l1);
    isb();
}

void vm_forget(struct uctx *c)
{
    __asm__ volatile("dsb ishst\n tlbi aside1is, %0\n dsb ish\n isb"
                     :: "r"((uint64_t)c->asid << 48) : "memory");
}

/* Code was written at [p, p+n) through the kernel's mapping: push it out
 * of the data cache to where instruction fetches look (the "point of
 * unification"), then drop stale instructions. */
void icache_sync(const void *p, size_t n)
{
    uint64_t line = 4ul << ((read_sysreg(ctr_el0) >> 16) & 15);    /* DminLine */
    for (uintptr_t a = (uintptr_t)p & ~(line - 1); a < (uintptr_t)p + n; a += line)
        __asm__ volatile("dc cvau, %0" :: "r"(a) : "memory");
    __asm__ volatile("dsb ish\n ic iallu\n dsb ish\n isb" ::: "memory");
}
