/*
 * usercopy.c - the kernel reading and writing a process's memory:
 * plat_copyin, plat_copyout, plat_copyinstr, and the program break.
 *
 * The kernel never dereferences a user pointer. It walks the process's
 * page table in software (vm_user), page by page, checking that the page
 * is there and that EL0 may read it (or write it), and copies through the
 * kernel's own identity mapping of the page. A bad address is then just a
 * failed lookup that becomes -EFAULT; the kernel cannot fault on it, and
 * it works whichever process's table is loaded.
 */
#include "arm64.h"

static size_t page_left(uptr va) { return PAGE_SIZE - va % PAGE_SIZE; }

int ucopyout(struct uctx *c, uptr dst, const void *src, size_t n)
{
    const char *s = src;
    while (n > 0) {
        char *k = vm_user(c->pgtable, dst, true);
        if (!k)
            return -EFAULT;
        size_t chunk = MIN(n, page_left(dst));
        memcpy(k, s, chunk);
        s += chunk;
        dst += chunk;
        n -= chunk;
    }
    return 0;
}

int ucopyin(struct uctx *c, void *dst, uptr src, size_t n)
{
    char *d = dst;
    while (n > 0) {
        const char *k = vm_user(c->pgtable, src, false);
        if (!k)
            return -EFAULT;
        size_t chunk = MIN(n, page_left(src));
        memcpy(d, k, chunk);
        d += chunk;
        src += chunk;
        n -= chunk;
    }
    return 0;
}

int plat_copyin(struct proc *p, void *dst, uptr src, size_t n)
{
    return ucopyin(kernel_proc_ctx(p), dst, src, n);
}

int plat_copyout(struct proc *p, uptr dst, const void *src, size_t n)
{
    return ucopyout(kernel_proc_ctx(p), dst, src, n);
}

long plat_copyinstr(struct proc *p, char *dst, uptr src, size_t max)
{
    struct uctx *c = kernel_proc_ctx(p);
    size_t len = 0;
    while (len < max) {
        const char *k = vm_user(c->pgtable, src + len, false);
        if (!k)
            return -EFAULT;
        size_t chunk = MIN(max - len, page_left(src + len));
        for (size_t i = 0; i < chunk; i++) {
            dst[len] = k[i];
            if (k[i] == '\0')
                return (long)len;
            len++;
        }
    }
    return -ENAMETOOLONG;
}

/* The heap is the pages from the end of the program up to the break; they
 * are mapped when the break grows and freed when it shrinks. It stops
 * where shared memory begins. */
uptr plat_brk(struct proc *p, uptr addr)
{
    struct uctx *c = kernel_proc_ctx(p);
    if (addr == 0 || addr < c->heap_start || addr > SHM_BASE)
        return c->brk;
    uptr old_top = PAGE_ROUND_UP(c->brk), new_top = PAGE_ROUND_UP(addr);
    for (uptr va = old_top; va < new_top; va += PAGE_SIZE) {
        if (!vm_map(c->pgtable, va, true, false)) {
            while (va > old_top) {            /* out of memory: undo */
                va -= PAGE_SIZE;
                vm_unmap(c->pgtable, va);
            }
            return c->brk;
        }
    }
    if (new_top < old_top) {
        for (uptr va = new_top; va < old_top; va += PAGE_SIZE)
            vm_unmap(c->pgtable, va);
        vm_forget(c);
    }
    c->brk = addr;
    return addr;
}
