/*
 * shmmap.c - shared memory and mappings in a process's address space:
 * plat_shm_attach and plat_shm_detach (System V segments and shared
 * mappings), plat_mem_map, plat_mem_unmap and plat_mem_protect (private
 * mappings, and the protection of any mapping).
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
 *
 * Private mappings are pages of the process's own, like its heap, but in
 * the same window (never below SHM_BASE, where the heap may grow). Pages
 * are protected as mprotect asks (vm_protect): a forbidden access is a
 * permission fault, and SIGSEGV (trap.c).
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

/* The same page of shared memory is the same for everyone: nothing to
 * bring up to date. */
void plat_shm_access(void *kmem, size_t len, bool write)
{
    (void)kmem;
    (void)len;
    (void)write;
}

long plat_mem_map(struct proc *p, uptr addr, size_t len, int prot)
{
    struct uctx *c = kernel_proc_ctx(p);
    if (addr < SHM_BASE || addr > STACK_LOW || len > STACK_LOW - addr ||
        !range_free(c->pgtable, addr, len))
        return -EINVAL;
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        if (!vm_map(c->pgtable, addr + off, true, false)) {
            plat_mem_unmap(p, addr, off);   /* out of memory */
            return -ENOMEM;
        }
    }
    return plat_mem_protect(p, addr, len, prot);
}

void plat_mem_unmap(struct proc *p, uptr addr, size_t len)
{
    struct uctx *c = kernel_proc_ctx(p);
    for (uptr va = addr; va < addr + len; va += PAGE_SIZE)
        vm_unmap(c->pgtable, va);
    vm_forget(c);
}

long plat_mem_protect(struct proc *p, uptr addr, size_t len, int prot)
{
    struct uctx *c = kernel_proc_ctx(p);
    for (uptr va = addr; va < addr + len; va += PAGE_SIZE)
        vm_protect(c->pgtable, va, prot);
    vm_forget(c);
    return 0;
}
