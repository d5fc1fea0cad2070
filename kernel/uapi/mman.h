/*
 * uapi/mman.h - mmap's protections and flags, msync's flags, and the
 * futex operations, with Linux's values.
 */
#ifndef DUPLEX_UAPI_MMAN_H
#define DUPLEX_UAPI_MMAN_H

#define PROT_NONE      0x0
#define PROT_READ      0x1
#define PROT_WRITE     0x2
#define PROT_EXEC      0x4

#define MAP_SHARED     0x01     /* writes reach the object, and every other mapping */
#define MAP_PRIVATE    0x02     /* a copy of its own */
#define MAP_FIXED      0x10     /* exactly at addr, replacing what mmap put there */
#define MAP_ANONYMOUS  0x20     /* zeroed memory, no file */

#define MS_ASYNC       1
#define MS_INVALIDATE  2
#define MS_SYNC        4

#define MMAP_PAGE      4096     /* the unit of mapping on every target */

/* futex(addr, op, val, timeout): */
#define FUTEX_WAIT     0        /* sleep while *addr == val (timeout relative) */
#define FUTEX_WAKE     1        /* wake at most val sleepers on addr */
#define FUTEX_PRIVATE_FLAG 128  /* the word is in this process's memory only */

#endif
