/*
 * string.c - the memory and string functions the kernel needs.
 *
 * The kernel links no C library, yet the compiler emits calls to memcpy and
 * memset for structure copies and initialisations, so they must exist here.
 * The host unit tests leave this file out and use the host's versions, which
 * the sanitizers know how to check.
 */
#include "kernel.h"

#undef memcpy           /* kernel.h makes them builtins: here are the functions */
#undef memset

/* Eight bytes at a time when both ends are aligned: pipes move a lot of
 * bytes, and messages and files are copied and cleared whole. (wasm32 has
 * 64-bit loads and stores though its long is 32 bits.) */
#define WORD        uint64_t
#define ALIGNED(p)  (((uintptr_t)(p) & (sizeof(WORD) - 1)) == 0)

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (ALIGNED(d) && ALIGNED(s)) {
        while (n >= sizeof(WORD)) {
            *(WORD *)(void *)d = *(const WORD *)(const void *)s;
            d += sizeof(WORD);
            s += sizeof(WORD);
            n -= sizeof(WORD);
        }
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if (ALIGNED(d)) {
        WORD w = (WORD)0x0101010101010101ull * (unsigned char)c;
        while (n >= sizeof(WORD)) {
            *(WORD *)(void *)d = w;
            d += sizeof(WORD);
            n -= sizeof(WORD);
        }
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] - y[i];
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            return 0;
    }
    return 0;
}
