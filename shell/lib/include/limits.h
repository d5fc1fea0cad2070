/*
 * limits.h - sizes of the integer types (from the compiler's predefined
 * macros, so they are right on ILP32 wasm32 and LP64 aarch64 alike) and the
 * system's limits from kernel/uapi/limits.h (PATH_MAX, PIPE_BUF, ...).
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#include "../../../kernel/uapi/limits.h"

#define CHAR_BIT   __CHAR_BIT__
#define SCHAR_MAX  __SCHAR_MAX__
#define SCHAR_MIN  (-SCHAR_MAX - 1)
#define UCHAR_MAX  (SCHAR_MAX * 2 + 1)
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN   0
#define CHAR_MAX   UCHAR_MAX
#else
#define CHAR_MIN   SCHAR_MIN
#define CHAR_MAX   SCHAR_MAX
#endif
#define SHRT_MAX   __SHRT_MAX__
#define SHRT_MIN   (-SHRT_MAX - 1)
#define USHRT_MAX  (SHRT_MAX * 2 + 1)
#define INT_MAX    __INT_MAX__
#define INT_MIN    (-INT_MAX - 1)
#define UINT_MAX   (INT_MAX * 2U + 1U)
#define LONG_MAX   __LONG_MAX__
#define LONG_MIN   (-LONG_MAX - 1L)
#define ULONG_MAX  (LONG_MAX * 2UL + 1UL)
#define LLONG_MAX  __LONG_LONG_MAX__
#define LLONG_MIN  (-LLONG_MAX - 1LL)
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#define SSIZE_MAX  LONG_MAX
#define MB_LEN_MAX 1

#define OPEN_MAX        NOFILE
#define LINE_MAX        2048
#define HOST_NAME_MAX   31       /* uname's nodename holds 32 bytes */
#define ATEXIT_MAX      32
#define _POSIX_PATH_MAX 256
#define _POSIX_ARG_MAX  4096

#endif
