/*
 * exec.c - a process's user context: made from an ELF executable
 * (plat_proc_load) or copied from its parent's (plat_proc_fork),
 * destroyed (plat_proc_destroy), and switched to.
 *
 * Programs are static ELF64 executables for AArch64, linked at USER_BASE
 * (arm64.mk). Loading one builds a whole new address space - the
 * program's text (its read-only segments) mapped from the pages every
 * process running it shares (text.c), its writable segments copied into
 * fresh pages, then a stack holding the arguments - and only when all of
 * it worked does it replace the process's old context: a failed exec
 * leaves the caller running its old program.
 *
 * The stack is laid out as Linux lays it out, which is what _start in the
 * C library expects (shell/lib/arch/aarch64/start.S):
 *
 *      USER_TOP ->  argument and environment strings
 *                   (padding to 16 bytes)
 *                   0, 0                 an empty auxiliary vector
 *                   NULL
 *                   envp[envc-1] ... envp[0]
 *                   NULL
 *                   argv[argc-1] ... argv[0]
 *            sp ->  argc
 */
#include "arm64.h"

#define EM_AARCH64  183
#define ET_EXEC     2
#define PT_LOAD     1
#define PF_X        1
#define PF_W        2

struct elf_header {
    uint8_t  ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static bool loadable(const struct elf_phdr *ph) { return ph->type == PT_LOAD && ph->memsz; }

static bool elf_ok(const struct elf_header *h, size_t len)
{
    return len >= sizeof *h && memcmp(h->ident, "\x7f" "ELF", 4) == 0 &&
           h->ident[4] == 2 /* 64-bit */ && h->ident[5] == 1 /* little endian */ &&
           h->type == ET_EXEC && h->machine == EM_AARCH64 &&
           h->phentsize == sizeof(struct elf_phdr) &&
           h->phoff <= len && h->phnum <= (len - h->phoff) / sizeof(struct elf_phdr);
}

static bool segment_ok(const struct elf_phdr *ph, size_t len)
{
    uptr va = ph->vaddr, end = ph->vaddr + ph->memsz;
    return ph->filesz <= ph->memsz && ph->offset <= len && ph->filesz <= len - ph->offset &&
           va >= USER_BASE && end >= va && end <= SHM_BASE;
}

/* Copy into k, the page at pg, the bytes of the segment that fall in it;
 * the rest (and the .bss) stays zero. */
static void fill_page(uint8_t *k, uptr pg, const uint8_t *file, const struct elf_phdr *ph)
{
    uptr from = MAX(pg, ph->vaddr), to = MIN(pg + PAGE_SIZE, ph->vaddr + ph->filesz);
    if (from < to)
        memcpy(k + (from - pg), file + ph->offset + (from - ph->vaddr), to - from);
}

/* Does a writable segment have bytes in the page at pg? Then the page is
 * the process's own, not text. */
static bool page_written(const struct elf_phdr *ph, int n, uptr pg)
{
    for (int i = 0; i < n; i++)
        if (loadable(&ph[i]) && (ph[i].flags & PF_W) &&
            ph[i].vaddr < pg + PAGE_SIZE && ph[i].vaddr + ph[i].memsz > pg)
            return true;
    return false;
}

/* The program's text (text.c): the kept one if this image ran before, or
 * made now from its read-only segments and kept; then mapped. */
static int load_text(struct uctx *c, const struct exec_image *img,
                     const struct elf_phdr *ph, int n)
{
    if (!img->id)
        return 0;
    c->text = text_get(img->id);
    if (!c->text) {
        if (!(c->text = text_new(img->id)))
            return -ENOMEM;
        for (int i = 0; i < n; i++) {
            if (!loadable(&ph[i]) || (ph[i].flags & PF_W))
                continue;
            for (uptr pg = PAGE_ROUND_DOWN(ph[i].vaddr); pg < ph[i].vaddr + ph[i].memsz;
                 pg += PAGE_SIZE) {
                if (page_written(ph, n, pg) || !text_room(c->text, pg))
                    continue;
                uint8_t *k = text_page(c->text, pg, ph[i].flags & PF_X);
                if (!k)
                    return -ENOMEM;
                fill_page(k, pg, img->code, &ph[i]);
            }
        }
        text_done(c->text);
    }
    return text_map(c->text, c->pgtable) ? 0 : -ENOMEM;
}

/* Map the pages of one segment that are not text, and fill them. */
static int load_segment(struct uctx *c, const uint8_t *file, const struct elf_phdr *ph)
{
    bool write = ph->flags & PF_W, exec = ph->flags & PF_X;
    for (uptr pg = PAGE_ROUND_DOWN(ph->vaddr); pg < ph->vaddr + ph->memsz; pg += PAGE_SIZE) {
        if (text_has(c->text, pg))
            continue;
        uint8_t *k = vm_map(c->pgtable, pg, write, exec);
        if (!k)
            return -ENOMEM;
        fill_page(k, pg, file, ph);
        if (!write)
            kstats.textloads++;
        if (exec)
            icache_sync(k, PAGE_SIZE);
    }
    return 0;
}

static int load_elf(struct uctx *c, const struct exec_image *img)
{
    const struct elf_header *h = img->code;
    if (!elf_ok(h, img->len))
        return -ENOEXEC;
    const struct elf_phdr *ph = (const void *)((const uint8_t *)img->code + h->phoff);
    uptr top = 0;
    for (int i = 0; i < h->phnum; i++) {
        if (!loadable(&ph[i]))
            continue;
        if (!segment_ok(&ph[i], img->len))
            return -ENOEXEC;
        top = MAX(top, ph[i].vaddr + ph[i].memsz);
    }
    if (!top || h->entry < USER_BASE || h->entry >= top)
        return -ENOEXEC;
    int r = load_text(c, img, ph, h->phnum);
    for (int i = 0; r == 0 && i < h->phnum; i++)
        if (loadable(&ph[i]))
            r = load_segment(c, img->code, &ph[i]);
    if (r < 0)
        return r;
    c->heap_start = c->brk = PAGE_ROUND_UP(top);
    c->tf.elr = h->entry;
    return 0;
}

static int count(char *const *v)
{
    int n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* Copy the strings of v to *str (moving up) and their addresses to *vec. */
static int push_strings(struct uctx *c, char *const *v, int n, uptr *str, uptr *vec)
{
    for (int i = 0; i < n; i++) {
        size_t len = strlen(v[i]) + 1;
        if (ucopyout(c, *str, v[i], len) < 0 || ucopyout(c, *vec, str, sizeof *str) < 0)
            return -ENOMEM;
        *str += len;
        *vec += sizeof(uptr);
    }
    uptr null = 0;
    if (ucopyout(c, *vec, &null, sizeof null) < 0)
        return -ENOMEM;
    *vec += sizeof(uptr);
    return 0;
}

static int build_stack(struct uctx *c, char *const *argv, char *const *envp)
{
    int argc = count(argv), envc = count(envp);
    size_t strs = 0;
    for (int i = 0; i < argc; i++)
        strs += strlen(argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        strs += strlen(envp[i]) + 1;
    size_t words = 1 + (size_t)argc + 1 + (size_t)envc + 1 + 2;
    if (strs + words * 8 > STACK_MAX / 2)
        return -E2BIG;
    uptr str = USER_TOP - strs;
    uptr sp = (str - words * 8) & ~15ul;
    uptr vec = sp + 8;
    uint64_t argc64 = (uint64_t)argc, auxv_end[2] = { 0, 0 };
    if (ucopyout(c, sp, &argc64, 8) < 0 ||
        push_strings(c, argv, argc, &str, &vec) < 0 ||
        push_strings(c, envp, envc, &str, &vec) < 0 ||
        ucopyout(c, vec, auxv_end, sizeof auxv_end) < 0)
        return -ENOMEM;
    c->tf.sp = sp;
    return 0;
}

static void ctx_free(struct uctx *c);

int plat_proc_load(struct proc *p, const struct exec_image *img)
{
    struct uctx *c = kzalloc(sizeof *c);
    if (!c)
        return -ENOMEM;
    c->pgtable = vm_create();
    if (!c->pgtable) {
        kfree(c);
        return -ENOMEM;
    }
    int r = load_elf(c, img);
    if (r == 0)
        r = build_stack(c, img->argv, img->envp);
    if (r < 0) {
        vm_destroy(c->pgtable);
        text_put(c->text);
        kfree(c);
        return r;
    }
    c->asid = asid_alloc();
    c->tf.spsr = 0;                 /* EL0, interrupts on, flags clear */
    struct uctx *old = kernel_proc_ctx(p);
    if (old)
        ctx_free(old);
    kernel_set_proc_ctx(p, c);
    return 0;
}

/* fork: the child's context is the parent's, trap frame and FP registers
 * included, over a copy of its pages (its text is mapped, not copied:
 * vm_copy); its system call returns 0. The parent's saved pc is already
 * past the svc, so the child resumes there. */
int plat_proc_fork(struct proc *child, struct proc *parent)
{
    struct uctx *pc = kernel_proc_ctx(parent);
    struct uctx *c = kalloc(sizeof *c);
    if (!c)
        return -ENOMEM;
    ctx_fp_sync(pc);
    *c = *pc;
    c->pgtable = vm_copy(pc->pgtable);
    if (!c->pgtable) {
        kfree(c);
        return -ENOMEM;
    }
    text_hold(c->text);
    c->asid = asid_alloc();
    c->tf.x[0] = 0;
    c->reissue = false;
    kernel_set_proc_ctx(child, c);
    return 0;
}

/* ---- the context on the CPU -------------------------------------------------- */

static struct uctx *loaded;         /* whose table TTBR0 holds */
static struct uctx *fp_owner;       /* whose values the FP registers hold */

static void ctx_free(struct uctx *c)
{
    if (loaded == c) {              /* never free the table we are running on */
        vm_switch_kernel();
        loaded = NULL;
    }
    if (fp_owner == c)
        fp_owner = NULL;
    vm_forget(c);
    asid_free(c->asid);
    vm_destroy(c->pgtable);
    text_put(c->text);
    kfree(c);
}

void plat_proc_destroy(struct proc *p)
{
    struct uctx *c = kernel_proc_ctx(p);
    if (c)
        ctx_free(c);
    kernel_set_proc_ctx(p, NULL);
}

/* The FP registers move lazily: they are saved only when another process
 * is about to run, not at every trap. */
void ctx_switch_to(struct uctx *c)
{
    if (loaded != c) {
        vm_switch(c);
        loaded = c;
    }
    if (fp_owner != c) {
        if (fp_owner)
            fp_save(&fp_owner->fp);
        fp_load(&c->fp);
        fp_owner = c;
    }
}

void ctx_fp_sync(struct uctx *c)
{
    if (fp_owner == c)
        fp_save(&c->fp);
}

void ctx_fp_dirty(struct uctx *c)
{
    if (fp_owner == c)
        fp_owner = NULL;
}
