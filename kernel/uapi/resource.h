/*
 * uapi/resource.h - resource limits: getrlimit, setrlimit, prlimit64.
 *
 * Linux's numbering, so that a program built for Linux asks for the same
 * limit. Every limit holds a soft value (what is enforced) and a hard one
 * (the ceiling the soft value may be raised to). Fields are 64 bits on
 * every target, as in Linux's struct rlimit64.
 */
#ifndef DUPLEX_UAPI_RESOURCE_H
#define DUPLEX_UAPI_RESOURCE_H

#include "types.h"

#define RLIMIT_CPU         0    /* CPU seconds */
#define RLIMIT_FSIZE       1    /* bytes a file may grow to: enforced */
#define RLIMIT_DATA        2    /* bytes of data segment */
#define RLIMIT_STACK       3    /* bytes of stack */
#define RLIMIT_CORE        4    /* bytes of core file */
#define RLIMIT_RSS         5
#define RLIMIT_NPROC       6    /* processes of the user */
#define RLIMIT_NOFILE      7    /* one more than the highest descriptor: enforced */
#define RLIMIT_MEMLOCK     8
#define RLIMIT_AS          9    /* bytes of address space */
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

#define K_RLIM_INFINITY   (~(uint64_t)0)

struct k_rlimit {
    uint64_t rlim_cur;           /* soft */
    uint64_t rlim_max;           /* hard */
};

#endif
