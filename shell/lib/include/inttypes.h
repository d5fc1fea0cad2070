/*
 * inttypes.h - printf/scanf conversions for the <stdint.h> types.
 *
 * int64_t is `long long` on wasm32 but `long` on aarch64, so a portable
 * program prints it with "%" PRId64, never with "%ld" or "%lld".
 */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>

#if __INT64_MAX__ == __LONG_MAX__
#define __DX_PRI64 "l"
#else
#define __DX_PRI64 "ll"
#endif
#if __INTPTR_MAX__ == __LONG_MAX__
#define __DX_PRIPTR "l"
#else
#define __DX_PRIPTR ""
#endif

#define PRId8  "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 __DX_PRI64 "d"
#define PRIi8  "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 __DX_PRI64 "i"
#define PRIu8  "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 __DX_PRI64 "u"
#define PRIx8  "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 __DX_PRI64 "x"
#define PRIX8  "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 __DX_PRI64 "X"
#define PRIo32 "o"
#define PRIo64 __DX_PRI64 "o"
#define PRIdMAX "jd"
#define PRIuMAX "ju"
#define PRIxMAX "jx"
#define PRIdPTR __DX_PRIPTR "d"
#define PRIuPTR __DX_PRIPTR "u"
#define PRIxPTR __DX_PRIPTR "x"

#define SCNd32 "d"
#define SCNd64 __DX_PRI64 "d"
#define SCNu32 "u"
#define SCNu64 __DX_PRI64 "u"
#define SCNx32 "x"
#define SCNx64 __DX_PRI64 "x"

intmax_t  strtoimax(const char *s, char **end, int base);
uintmax_t strtoumax(const char *s, char **end, int base);
intmax_t  imaxabs(intmax_t j);

#endif
