/*
 * rawcopy.c - a memcpy that AddressSanitizer does not check, for
 * snapshot.c: the sections it saves and restores hold the red zones
 * AddressSanitizer puts between variables, which its own memcpy would
 * refuse to touch. This is the C library's memcpy, found behind
 * AddressSanitizer's. (A file of its own: the kernel's headers and
 * _GNU_SOURCE's would define the same wait macros.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void raw_copy(void *dst, const void *src, size_t n)
{
    static void *(*libc_memcpy)(void *, const void *, size_t);
    if (!libc_memcpy) {
        libc_memcpy = (void *(*)(void *, const void *, size_t))dlsym(RTLD_NEXT, "memcpy");
        if (!libc_memcpy) {
            fprintf(stderr, "fuzz: no memcpy in the C library\n");
            abort();
        }
    }
    libc_memcpy(dst, src, n);
}
