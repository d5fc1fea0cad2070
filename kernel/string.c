/*
 * string.c - the memory and string functions the kernel needs.
 *
 * The kernel links no C library, yet the compiler emits calls to memcpy and
 * memset for structure copies and initialisations, so they must exist here.
 * The host unit tests leave this file out and use the host's versions, which
 * the sanitizers know how to check.
 */
#include "kernel.h"

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    /* word copies when both are aligned: pipes move a lot of bytes */
    if ((((uintptr_t)d | (uintptr_t)s) & (sizeof(long) - 1)) == 0) {
        while (n >= sizeof(long)) {
            *(long *)(void *)d = *(const long *)(const void *)s;
            d += sizeof(long);
            s += sizeof(long);
            n -= sizeof(long);
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
