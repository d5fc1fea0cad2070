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

TEST(kprintf_reaches_the_console)
{
    tconsole();
    kprintf("boot %d\n", 1);
    CHECK_STR(tconsole(), "boot 1\n");
}

TEST(kalloc_reuses_and_merges_free_blocks)
{
    uint32_t allocs = kstats.allocs;
    char *a = kalloc(100), *b = kzalloc(200), *c = kalloc(300);
    CHECK(a && b && c);
    CHECK_EQ(kstats.allocs, allocs + 3);
    for (int i = 0; i < 200; i++)
        CHECK_EQ(b[i], 0);
    kfree(b);
    char *b2 = kalloc(150);                    /* first fit: b's hole */
    CHECK(b2 == b);
    kfree(a);
    kfree(b2);
    kfree(c);                                  /* all three merge back */
    CHECK_EQ(kstats.allocs, allocs);
    char *big = kalloc(700);
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
