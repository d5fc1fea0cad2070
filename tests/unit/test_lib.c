/*
 * test_lib.c - the kernel's own library: ksnprintf, kstrlcpy, and the heap
 * allocator (kalloc.c).
 */
#include "test.h"

static const char *fmt(const char *f, ...)
{
    static char buf[128];
    va_list ap;
    va_start(ap, f);
    kvsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return buf;
}

TEST(ksnprintf_formats)
{
    CHECK_STR(fmt("%d %i %u", -42, 7, 3000000000u), "-42 7 3000000000");
    CHECK_STR(fmt("%ld %lu %lld %llu", -1L, 2UL, -3LL, 4ULL), "-1 2 -3 4");
    CHECK_STR(fmt("%x %lx", 255u, 0xabcdefUL), "ff abcdef");
    CHECK_STR(fmt("[%5d] [%-5d] [%05d] [%03d]", 42, 42, 42, -7), "[   42] [42   ] [00042] [-07]");
    CHECK_STR(fmt("[%s] [%6s] [%-6s] [%s]", "ab", "ab", "ab", (char *)NULL), "[ab] [    ab] [ab    ] [(null)]");
    CHECK_STR(fmt("%c%c %% %q", 'o', 'k'), "ok % %q");
    CHECK_STR(fmt("%p", (void *)0x10), "0x10");
    CHECK_STR(fmt("trailing %"), "trailing %");
    char small[5];
    CHECK_EQ(ksnprintf(small, sizeof small, "%s", "abcdefgh"), 8);   /* what it wanted */
    CHECK_STR(small, "abcd");
    CHECK_EQ(ksnprintf(small, 0, "xyz"), 3);
    char d[4];
    CHECK_EQ(kstrlcpy(d, "hello", sizeof d), 5);
    CHECK_STR(d, "hel");
    CHECK_EQ(kstrlcpy(d, "x", 0), 1);
}

/* Small blocks: a freed one is the next of its size, and goes back to the
 * free list for any size when the heap runs short. */
TEST(kalloc_quick_lists_reuse_small_blocks_and_give_them_back_when_short)
{
    char *a = kalloc(100);
    kfree(a);
    char *a2 = kalloc(100);
    CHECK(a2 == a);                            /* same size: the same block */
    tsqueeze(0);                               /* the heap is full but for a */
    CHECK(kalloc(100) == NULL);
    kfree(a2);                                 /* onto its quick list */
    char *b = kalloc(60);                      /* another size: only a is free */
    CHECK(b == a);
    kfree(b);
    trelease();
}

TEST(kprintf_reaches_the_console)
{
    tconsole();
    kprintf("boot %d\n", 1);
    CHECK_STR(tconsole(), "boot 1\r\n");          /* through the tty, like echo */
}

/* Blocks above QUICK_MAX (kalloc.c) go straight back to the free list. */
TEST(kalloc_reuses_and_merges_free_blocks)
{
    uint32_t allocs = kstats.allocs;
    char *a = kalloc(1000), *b = kzalloc(2000), *c = kalloc(3000);
    CHECK(a && b && c);
    CHECK_EQ(kstats.allocs, allocs + 3);
    for (int i = 0; i < 2000; i++)
        CHECK_EQ(b[i], 0);
    kfree(b);
    char *b2 = kalloc(1500);                   /* first fit: b's hole */
    CHECK(b2 == b);
    kfree(a);
    kfree(b2);
    kfree(c);                                  /* all three merge back */
    CHECK_EQ(kstats.allocs, allocs);
    char *big = kalloc(6000);
    CHECK(big == a);
    kfree(big);
    kfree(NULL);
    CHECK(kalloc((size_t)1 << 40) == NULL);    /* more than the heap */
    char *s = kstrdup("dup");
    CHECK_STR(s, "dup");
    char *r = krealloc(s, 64);
    CHECK_STR(r, "dup");
    char *r2 = krealloc(NULL, 8);
    CHECK(r2 != NULL);
    CHECK(krealloc(r, (size_t)1 << 40) == NULL);  /* r is untouched */
    kfree(r);
    kfree(r2);
}
