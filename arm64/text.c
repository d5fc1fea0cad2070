/*
 * text.c - programs' text, shared: the read-only pages of a program (its
 * code and constants) are made once, mapped into every process that runs
 * it, and kept for its next run.
 *
 * exec.c asks here for an image's text before it loads the image: if the
 * text is known, its pages are mapped and nothing is copied; if not, the
 * loader fills new pages from the file and the text is kept. fork maps the
 * parent's text pages into the child instead of copying them (vm.c). A
 * text is known by its image's content id (struct exec_image): equal ids
 * mean equal bytes, and a file that changes gets a new id, so a text is
 * never stale - an old one is only never asked for again.
 *
 * On a real board this saves memory and the copies. Under QEMU it saves far
 * more: QEMU translates a process's code into host code by physical page,
 * and keeps every translation until its page is written or its 1 GiB
 * buffer is full. When every exec and every fork copied the program's code
 * into fresh pages, QEMU translated it again each time, and the old
 * translations piled up: one boot running the POSIX suite's awk file six
 * times took 4.5 s for the first run and 11.5 s for the sixth (with QEMU's
 * buffer cut to 64 MiB, so that it is emptied now and then, every run took
 * 4 s; counted in instructions, every run was the same). With the code
 * always in the same pages, the translations are made once per program,
 * and the same six runs take 1.2 to 1.8 s each.
 *
 * A text's pages belong to the text, as a shared-memory segment's belong
 * to the kernel: their table entries are marked shared (vm.c), so that
 * neither exit nor exec frees them, and each context that maps a text
 * holds it (uctx.text). A text nobody holds stays until the page allocator
 * runs dry: text_reclaim frees every such text before an allocation fails.
 * A page the program's writable data shares is not text (it is loaded
 * privately, like the data), and neither is anything of an image without
 * an id.
 *
 * The list of a text's pages is one page of its own, so that a text costs
 * nothing on the kernel heap (whose counts the tests compare before and
 * after): it holds up to TEXT_MAX pages (169, 676 KiB of text; the
 * largest program, sh, has 186 KiB), and the pages of a larger program
 * past those are loaded privately. kstat's frames, text and
 * textloads count pages in use, pages of texts, and pages of text ever
 * loaded from files.
 */
#include "arm64.h"

struct text_page {
    uptr  va;                       /* where every process has it */
    void *pa;                       /* and the page */
    bool  exec;
};

#define TEXT_MAX ((PAGE_SIZE - 32) / sizeof(struct text_page))

struct text {
    struct text *next;              /* on the list of kept texts */
    uint64_t     id;
    unsigned     users;             /* contexts that map it */
    unsigned     npages;
    struct text_page page[TEXT_MAX];
};
_Static_assert(sizeof(struct text) <= PAGE_SIZE && TEXT_MAX == 169, "a text's list is one page");

static struct text *texts;          /* every text made, complete */

struct text *text_get(uint64_t id)
{
    for (struct text *t = texts; t && id; t = t->next) {
        if (t->id == id) {
            t->users++;
            return t;
        }
    }
    return NULL;
}

struct text *text_new(uint64_t id)
{
    struct text *t = page_alloc();
    if (!t)
        return NULL;
    t->id = id;
    t->users = 1;
    kstats.text++;
    return t;
}

/* Can t take the page at va? Not when its list is full, unless va is its
 * last page. */
bool text_room(const struct text *t, uptr va)
{
    return t->npages < TEXT_MAX || t->page[t->npages - 1].va == va;
}

/* The kernel address of t's page at va, made now (zeroed) if it is not
 * there yet (text_room says whether it can be); NULL when memory is out.
 * Pages come in address order (segments are sorted by address), so a page
 * two segments share is the last one made. */
void *text_page(struct text *t, uptr va, bool exec)
{
    if (t->npages && t->page[t->npages - 1].va == va) {
        t->page[t->npages - 1].exec |= exec;
        return t->page[t->npages - 1].pa;
    }
    void *pa = page_alloc();
    if (!pa)
        return NULL;
    t->page[t->npages++] = (struct text_page){ va, pa, exec };
    kstats.text++;
    kstats.textloads++;
    return pa;
}

static void text_free(struct text *t)
{
    for (unsigned i = 0; i < t->npages; i++)
        page_free(t->page[i].pa);
    kstats.text -= t->npages + 1;
    page_free(t);
}

/* Every page of t is filled: make it known, for the next exec. */
void text_done(struct text *t)
{
    for (unsigned i = 0; i < t->npages; i++)
        if (t->page[i].exec)
            icache_sync(t->page[i].pa, PAGE_SIZE);
    t->next = texts;
    texts = t;
}

bool text_map(struct text *t, uint64_t *l1)
{
    for (unsigned i = 0; i < t->npages; i++)
        if (!vm_map_text(l1, t->page[i].va, (uintptr_t)t->page[i].pa, t->page[i].exec))
            return false;
    return true;
}

bool text_has(const struct text *t, uptr va)
{
    for (unsigned i = 0; t && i < t->npages; i++)
        if (t->page[i].va == va)
            return true;
    return false;
}

void text_hold(struct text *t)
{
    if (t)
        t->users++;
}

/* A context lets go of t. One that was never completed (its exec failed
 * while loading it) goes at once; a complete one stays for the next exec. */
void text_put(struct text *t)
{
    if (!t || --t->users)
        return;
    for (struct text *u = texts; u; u = u->next)
        if (u == t)
            return;
    text_free(t);
}

/* Free every text that no process maps; false if there was none. */
bool text_reclaim(void)
{
    bool freed = false;
    for (struct text **pp = &texts; *pp;) {
        struct text *t = *pp;
        if (t->users) {
            pp = &t->next;
            continue;
        }
        *pp = t->next;
        text_free(t);
        freed = true;
    }
    return freed;
}
