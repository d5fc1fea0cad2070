/*
 * shmmap.c - shared memory in a process's address space: plat_shm_attach
 * and plat_shm_detach.
 *
 * A segment is a page-aligned block of the kernel heap (ipc/shm.c). The
 * kernel heap is RAM, and RAM is identity-mapped, so the block's address
 * is also its physical address: attaching maps those very pages into the
 * process, and every process attached to the segment - and the kernel -
 * reads and writes the same bytes. Nothing is copied, nothing needs
 * keeping in step.
 *
 * The pages stay the kernel's: their table entries are marked shared, so
 * that neither a detach, nor the process's exit, nor an exec frees them
 * (vm.c). Where a segment goes is the kernel's choice (ipc/shm.c), which
 * keeps attachments apart; a segment attached without an address goes
 * into the window from SHM_BASE to the lowest the stack may reach, which
 * holds nothing else (the heap stops at SHM_BASE). An address the program
 * names may still fall on its code, heap or stack: those pages are mapped
 * already, and the attach is refused.
 */
#include "arm64.h"

static bool range_free(uint64_t *l1, uptr addr, size_t size)
{
    for (uptr va = addr; va < addr + size; va += PAGE_SIZE)
        if (vm_is_mapped(l1, va))
            return false;
    return true;
}

void plat_shm_window(struct proc *p, uptr *lo, uptr *hi)
{
    (void)p;
    *lo = SHM_BASE;
    *hi = STACK_LOW;
}

long plat_shm_attach(struct proc *p, void *kmem, size_t size, uptr addr, bool readonly)
{
    struct uctx *c = kernel_proc_ctx(p);
    if (addr < USER_BASE || addr > STACK_LOW - size || !range_free(c->pgtable, addr, size))
        return -EINVAL;
    for (size_t off = 0; off < size; off += PAGE_SIZE) {
        if (!vm_map_shared(c->pgtable, addr + off, (uintptr_t)kmem + off, readonly)) {
            plat_shm_detach(p, addr, off);  /* out of memory for a table */
            return -ENOMEM;
        }
    }
    return 0;
}

void plat_shm_detach(struct proc *p, uptr addr, size_t size)
{
    struct uctx *c = kernel_proc_ctx(p);
    if (!c)                                 /* its context is gone already */
        return;
    for (uptr va = addr; va < addr + size; va += PAGE_SIZE)
        if (vm_is_shared(c->pgtable, va))
            vm_unmap(c->pgtable, va);
    vm_forget(c);
}
