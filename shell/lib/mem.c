/*
 * mem.c - byte-array functions: copy, move, fill, compare, search.
 *
 * The compiler itself emits calls to memcpy, memmove and memset (for
 * structure copies and initialisers), so these are also the building blocks
 * of code that never names them. Copies and fills go a word at a time when
 * the addresses allow it: on wasm32 that is four times fewer loads and
 * stores.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* A word the compiler must not assume points only to words. */
typedef unsigned long __attribute__((may_alias)) word_t;
#define WSIZE sizeof(word_t)

static int aligned(const void *a, const void *b)
{
    return (((uintptr_t)a | (uintptr_t)b) & (WSIZE - 1)) == 0;
}

/* Eight bytes a turn whatever the alignment: both targets load and store
 * a word at any address (WebAssembly always; AArch64 user code, which the
 * kernel does not make check alignment), and each 8-byte __builtin_memcpy
 * below is one load and one store, never a call. Copies of a few dozen
 * bytes (lines, structures) are the common ones, and they are rarely
 * aligned. */
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    for (; n >= 8; n -= 8, d += 8, s += 8) {
        uint64_t w;
        __builtin_memcpy(&w, s, 8);
        __builtin_memcpy(d, &w, 8);
    }
    while (n-- > 0)
        *d++ = *s++;
    return dst;
}

/* Overlapping copies go forwards when dst is below src, else backwards,
 * so each byte is read before it is overwritten. */
void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (d == s || n == 0)
        return dst;
    if (d < s) {
        if (aligned(d, s)) {
            for (; n >= WSIZE; n -= WSIZE, d += WSIZE, s += WSIZE)
                *(word_t *)d = *(const word_t *)s;
        }
        while (n-- > 0)
            *d++ = *s++;
        return dst;
    }
    d += n;
    s += n;
    if (aligned(d, s)) {
        for (; n >= WSIZE; n -= WSIZE) {
            d -= WSIZE;
            s -= WSIZE;
            *(word_t *)d = *(const word_t *)s;
        }
    }
    while (n-- > 0)
        *--d = *--s;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    word_t w = (unsigned char)c;

    w |= w << 8;
    w |= w << 16;
    w |= (w << 16) << 16;          /* 64-bit words; nothing on wasm32 */
    while (n > 0 && ((uintptr_t)d & (WSIZE - 1)) != 0) {
        *d++ = (unsigned char)c;
        n--;
    }
    for (; n >= WSIZE; n -= WSIZE, d += WSIZE)
        *(word_t *)d = w;
    while (n-- > 0)
        *d++ = (unsigned char)c;
    return dst;
}

void bzero(void *s, size_t n)
{
    memset(s, 0, n);
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n > 0; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for (; n > 0; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = (const unsigned char *)s + n;

    while (n-- > 0)
        if (*--p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

void *memmem(const void *hay, size_t hn, const void *needle, size_t nn)
{
    const unsigned char *h = hay;

    if (nn == 0)
        return (void *)h;
    for (; hn >= nn; h++, hn--)
        if (*h == *(const unsigned char *)needle && memcmp(h, needle, nn) == 0)
            return (void *)h;
    return NULL;
}
