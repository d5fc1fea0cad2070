/*
 * test_malloc.c - the heap: alignment, reuse and coalescing, realloc's
 * cases, calloc, running out of memory, a break moved behind malloc's back,
 * and a long random stress with every block's contents checked. After
 * each step __dx_heap_check() walks the whole heap and its free list.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "libc.h"
#include "harness.h"

#define HEAP_OK() CHECK_EQ(__dx_heap_check(), 0)

TEST(malloc_alignment_and_contents)
{
    for (size_t n = 0; n < 300; n++) {
        unsigned char *p = malloc(n);
        CHECK(p != NULL);
        CHECK_EQ((uintptr_t)p % 16, 0);
        memset(p, 0xab, n);
        free(p);
    }
    HEAP_OK();
    free(NULL);
}

TEST(malloc_reuses_and_coalesces)
{
    char *a = malloc(100), *b = malloc(100), *c = malloc(100), *guard = malloc(16);
    CHECK(a && b && c && guard);
    CHECK(a < b && b < c);
    void *top = sbrk(0);

    free(b);
    HEAP_OK();
    char *b2 = malloc(100);
    CHECK(b2 == b);                      /* the same hole */
    free(b2);
    free(a);                             /* merges with b's chunk */
    HEAP_OK();
    free(c);                             /* ... and with c's */
    HEAP_OK();
    char *big = malloc(300);             /* fits in a+b+c */
    CHECK(big == a);
    CHECK(sbrk(0) == top);               /* without growing the heap */
    free(big);
    free(guard);
    HEAP_OK();
}

TEST(realloc_cases)
{
    CHECK(realloc(NULL, 0) != NULL);     /* malloc(0): a unique pointer */
    char *p = realloc(NULL, 10);
    CHECK(p != NULL);
    strcpy(p, "123456789");

    p = realloc(p, 5000);                /* grows: at the top, in place */
    CHECK(p != NULL);
    CHECK_STR(p, "123456789");
    HEAP_OK();

    char *q = malloc(64);                /* now p is not at the top */
    memset(p + 10, 'x', 4990);
    char *p2 = realloc(p, 20000);        /* must move */
    CHECK(p2 != NULL);
    CHECK_STR(p2, "123456789");
    CHECK_EQ(p2[4999], 'x');
    HEAP_OK();

    char *p3 = realloc(p2, 16);          /* shrinks in place */
    CHECK(p3 == p2);
    CHECK_EQ(memcmp(p3, "123456789", 10), 0);
    HEAP_OK();

    free(q);
    char *r = malloc(100);               /* p3's tail went back to the heap */
    CHECK(r != NULL);
    HEAP_OK();
    CHECK(realloc(p3, 0) == NULL);       /* frees, as in glibc */
    free(r);
    HEAP_OK();
}

TEST(realloc_grows_into_a_free_neighbour)
{
    char *a = malloc(100), *b = malloc(400), *c = malloc(16);
    free(b);
    strcpy(a, "keep");
    char *a2 = realloc(a, 450);
    CHECK(a2 == a);
    CHECK_STR(a2, "keep");
    HEAP_OK();
    free(a2);
    free(c);
    HEAP_OK();
}

TEST(calloc_zeroes_and_checks_overflow)
{
    unsigned char *p = malloc(1000);
    memset(p, 0xff, 1000);
    free(p);
    unsigned char *z = calloc(10, 100);  /* likely the same memory */
    CHECK(z != NULL);
    for (int i = 0; i < 1000; i++)
        if (z[i] != 0) {
            t_fail(__FILE__, __LINE__, "calloc byte %d is %d", i, z[i]);
            break;
        }
    errno = 0;
    CHECK(calloc(SIZE_MAX / 2, 4) == NULL);
    CHECK_EQ(errno, ENOMEM);
    free(z);
}

TEST(malloc_out_of_memory)
{
    fk_brk_limit(256 * 1024);
    errno = 0;
    CHECK(malloc(SIZE_MAX - 8) == NULL);
    CHECK_EQ(errno, ENOMEM);
    errno = 0;
    CHECK(malloc(1024 * 1024) == NULL);
    CHECK_EQ(errno, ENOMEM);

    void *blocks[100];
    int n = 0;
    while (n < 100 && (blocks[n] = malloc(10000)) != NULL)
        n++;
    CHECK(n > 10 && n < 30);             /* about 256 KiB worth */
    HEAP_OK();
    while (n > 0)
        free(blocks[--n]);
    HEAP_OK();
    CHECK(malloc(200 * 1024) != NULL);   /* the whole heap merged again */
    HEAP_OK();
}

TEST(malloc_survives_a_foreign_sbrk)
{
    char *a = malloc(100);
    for (int i = 0; i < 3; i++) {
        void *old = sbrk(0);
        CHECK(sbrk(1000) == old);        /* the program takes memory itself */
        memset(old, 'F', 1000);
        char *big = malloc(200 * 1024);  /* more than the heap had */
        CHECK(big != NULL);
        CHECK((char *)big >= (char *)old + 1000 || (char *)big + 200 * 1024 <= (char *)old);
        memset(big, 'B', 200 * 1024);
        CHECK_EQ(((char *)old)[999], 'F');
        HEAP_OK();
        free(big);
        HEAP_OK();
    }
    fk_foreign_brk(24);                  /* a break that is not even aligned */
    CHECK(malloc(300 * 1024) != NULL);
    HEAP_OK();
    free(a);
    HEAP_OK();
}

TEST(sbrk_and_brk)
{
    char *cur = sbrk(0);
    CHECK(sbrk(64) == cur);
    CHECK(sbrk(0) == cur + 64);
    CHECK_EQ(brk(cur), 0);
    CHECK(sbrk(0) == cur);
    fk_brk_limit(100);
    errno = 0;
    CHECK(sbrk(4096) == (void *)-1);
    CHECK_EQ(errno, ENOMEM);
}

static void double_free(void)
{
    char *p = malloc(32);
    free(p);
    free(p);
}

TEST(double_free_aborts)
{
    CHECK_EQ(t_in_child(double_free), 1000 + SIGABRT);
}

/* Random allocations, frees and reallocs; each block holds a pattern
 * derived from its slot, checked before it is touched again. */
#define SLOTS 512

static uint32_t rng = 12345;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7);
}

static bool intact(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7))
            return false;
    return true;
}

TEST(malloc_stress)
{
    static unsigned char *ptr[SLOTS];
    static size_t len[SLOTS];
    static unsigned seed[SLOTS];
    int bad = 0;

    for (int step = 0; step < 40000 && bad < 5; step++) {
        int s = (int)(next_rand() % SLOTS);
        uint32_t r = next_rand();
        size_t n = r % 8 == 0 ? r % 20000 : r % 300;

        if (ptr[s] != NULL && !intact(ptr[s], len[s], seed[s])) {
            t_fail(__FILE__, __LINE__, "step %d: slot %d corrupted", step, s);
            bad++;
        }
        if (ptr[s] == NULL) {
            ptr[s] = malloc(n);
            len[s] = n;
        } else if (r % 3 == 0) {
            free(ptr[s]);
            ptr[s] = NULL;
            continue;
        } else {
            unsigned char *q = realloc(ptr[s], n == 0 ? 1 : n);
            if (q != NULL && !intact(q, len[s] < n ? len[s] : n, seed[s])) {
                t_fail(__FILE__, __LINE__, "step %d: realloc lost data", step);
                bad++;
            }
            ptr[s] = q;
            len[s] = n == 0 ? 1 : n;
        }
        CHECK(ptr[s] != NULL);
        seed[s] = r;
        fill(ptr[s], len[s], seed[s]);
        if (step % 500 == 0 && __dx_heap_check() != 0) {
            t_fail(__FILE__, __LINE__, "step %d: heap check %d", step, __dx_heap_check());
            bad++;
        }
    }
    for (int s = 0; s < SLOTS; s++)
        free(ptr[s]);
    HEAP_OK();
    /* everything merged back: a big block fits without growing the heap */
    void *top = sbrk(0);
    CHECK(malloc(100 * 1024) != NULL);
    CHECK(sbrk(0) == top);
    HEAP_OK();
}
