/*
 * qsort.c - sorting and binary search over arrays of any element size.
 *
 * qsort is a quicksort: the pivot is the median of the first, middle and
 * last elements, short ranges are finished by insertion sort, and the
 * larger side of each partition is handled by the loop rather than by
 * recursion, so the stack never holds more than log2(n) frames. Like
 * every quicksort it is not stable.
 */
#include <stdint.h>
#include <stdlib.h>

#define SMALL 8          /* ranges this short are insertion-sorted */

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    if (a == b)
        return;
    while (size-- > 0) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (char *p = base + i * size; p > base && cmp(p - size, p) > 0; p -= size)
            swap(p - size, p, size);
}

/* Put the median of the first, middle and last elements first. */
static void median_to_front(char *base, size_t n, size_t size, cmp_fn cmp)
{
    char *a = base, *b = base + (n / 2) * size, *c = base + (n - 1) * size;

    if (cmp(a, b) > 0)
        swap(a, b, size);
    if (cmp(b, c) > 0) {
        swap(b, c, size);
        if (cmp(a, b) > 0)
            swap(a, b, size);
    }
    swap(base, b, size);
}

/*
 * Partition around the pivot at base[0] (Hoare's scheme): afterwards every
 * element before the returned index is <= the pivot, which sits at that
 * index, and every element after it is >= the pivot. Elements equal to the
 * pivot stop both scans, which keeps arrays of equal keys balanced.
 */
static size_t partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
    size_t i = 0, j = n;

    for (;;) {
        do
            i++;
        while (i < n && cmp(base + i * size, base) < 0);
        do
            j--;
        while (cmp(base + j * size, base) > 0);
        if (i >= j)
            break;
        swap(base + i * size, base + j * size, size);
    }
    swap(base, base + j * size, size);
    return j;
}

void qsort(void *array, size_t n, size_t size, cmp_fn cmp)
{
    char *base = array;

    while (n > SMALL) {
        median_to_front(base, n, size, cmp);
        size_t p = partition(base, n, size, cmp);
        size_t left = p, right = n - p - 1;
        if (left < right) {
            qsort(base, left, size, cmp);
            base += (p + 1) * size;
            n = right;
        } else {
            qsort(base + (p + 1) * size, right, size, cmp);
            n = left;
        }
    }
    insertion_sort(base, n, size, cmp);
}

void *bsearch(const void *key, const void *array, size_t n, size_t size, cmp_fn cmp)
{
    const char *base = array;

    while (n > 0) {
        const char *mid = base + (n / 2) * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            base = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}
