/*
 * uapi/types.h - fixed-width types shared by the kernel and user space.
 *
 * Everything under kernel/uapi/ is included by both sides of the system-call
 * boundary, on every target (wasm32, aarch64, and the host for unit tests).
 * Structures that cross the boundary use only these fixed-width types, never
 * pointers or `long`, so that their layout is the same everywhere. System-call
 * arguments themselves are `long`-sized (32 bits on wasm32, 64 on aarch64):
 * a user pointer always fits in one.
 */
#ifndef DUPLEX_UAPI_TYPES_H
#define DUPLEX_UAPI_TYPES_H

#include <stdint.h>
#include <stddef.h>

typedef int32_t  k_pid_t;
typedef uint32_t k_uid_t;
typedef uint32_t k_gid_t;
typedef uint32_t k_mode_t;
typedef int64_t  k_off_t;
typedef uint64_t k_sigset_t;

#endif
