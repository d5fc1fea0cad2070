/*
 * test_sort.c - qsort on arrays of every shape (random, sorted, reversed,
 * all equal, few distinct values, odd element sizes, strings) and bsearch.
 */
#include <stdint.h>
#include <stdlib.h>
#include "harness.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static uint32_t rng = 777;
static uint32_t next_rand(void)
{
    rng = rng * 1664525u + 1013904223u;
    return rng >> 8;
}

/* Sorted, and the same multiset as before (by sum and xor of hashes). */
static void check_sorted(const int *a, size_t n, uint64_t sum, uint64_t x, const char *what)
{
    uint64_t s2 = 0, x2 = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i]) {
            t_fail(__FILE__, __LINE__, "%s: not sorted at %zu", what, i);
            return;
        }
        s2 += (uint64_t)(int64_t)a[i];
        x2 ^= (uint64_t)a[i] * 0x9e3779b97f4a7c15ULL;
    }
    if (s2 != sum || x2 != x)
        t_fail(__FILE__, __LINE__, "%s: elements changed", what);
}

static void sort_and_check(int *a, size_t n, const char *what)
{
    uint64_t sum = 0, x = 0;
    for (size_t i = 0; i < n; i++) {
        sum += (uint64_t)(int64_t)a[i];
        x ^= (uint64_t)a[i] * 0x9e3779b97f4a7c15ULL;
    }
    qsort(a, n, sizeof *a, cmp_int);
    check_sorted(a, n, sum, x, what);
}

TEST(qsort_shapes)
{
    static int a[5000];
    size_t sizes[] = { 0, 1, 2, 3, 7, 8, 9, 16, 100, 1000, 5000 };

    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t n = sizes[k];
        for (size_t i = 0; i < n; i++) a[i] = (int)next_rand() - (1 << 23);
        sort_and_check(a, n, "random");
        sort_and_check(a, n, "sorted");
        for (size_t i = 0; i < n; i++) a[i] = (int)(n - i);
        sort_and_check(a, n, "reversed");
        for (size_t i = 0; i < n; i++) a[i] = 5;
        sort_and_check(a, n, "equal");
        for (size_t i = 0; i < n; i++) a[i] = (int)(next_rand() % 3);
        sort_and_check(a, n, "three values");
        for (size_t i = 0; i < n; i++) a[i] = i % 2 ? (int)i : -(int)i;
        sort_and_check(a, n, "zigzag");
        for (size_t i = 0; i < n; i++) a[i] = i < n / 2 ? (int)i : (int)(n - i);
        sort_and_check(a, n, "organ pipe");
    }
}

struct rec {
    char name[7];
    unsigned char key;
    short pad[2];
};                                    /* 12 bytes: not a word multiple */

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    return x->key - y->key;
}

TEST(qsort_odd_element_size)
{
    static struct rec r[300];
    for (int i = 0; i < 300; i++) {
        r[i].key = (unsigned char)(next_rand() % 256);
        memset(r[i].name, 'a' + r[i].key % 26, sizeof r[i].name);
    }
    qsort(r, 300, sizeof r[0], cmp_rec);
    for (int i = 0; i < 300; i++) {
        CHECK(i == 0 || r[i - 1].key <= r[i].key);
        CHECK_EQ(r[i].name[6], 'a' + r[i].key % 26);   /* records moved whole */
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

TEST(qsort_strings_and_bsearch)
{
    const char *w[] = { "pear", "apple", "fig", "banana", "kiwi", "cherry", "date" };
    qsort(w, 7, sizeof w[0], cmp_str);
    CHECK_STR(w[0], "apple");
    CHECK_STR(w[6], "pear");

    const char *key = "fig", *missing = "grape";
    const char **found = bsearch(&key, w, 7, sizeof w[0], cmp_str);
    CHECK(found != NULL && strcmp(*found, "fig") == 0);
    CHECK(bsearch(&missing, w, 7, sizeof w[0], cmp_str) == NULL);

    int nums[100];
    for (int i = 0; i < 100; i++)
        nums[i] = i * 2;
    for (int v = -1; v <= 200; v++) {
        int *p = bsearch(&v, nums, 100, sizeof nums[0], cmp_int);
        if (v >= 0 && v < 200 && v % 2 == 0)
            CHECK(p != NULL && *p == v);
        else
            CHECK(p == NULL);
    }
    CHECK(bsearch(&nums[0], nums, 0, sizeof nums[0], cmp_int) == NULL);
}
