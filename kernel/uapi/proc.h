/*
 * uapi/proc.h - what user space can learn about the system: one record per
 * process for ps (procinfo), the kernel's live-object counts (kstat), and
 * the system's name (uname).
 */
#ifndef DUPLEX_UAPI_PROC_H
#define DUPLEX_UAPI_PROC_H

#include "types.h"

/* state letters, as ps prints them */
#define PSTATE_RUNNABLE 'R'
#define PSTATE_SLEEPING 'S'
#define PSTATE_STOPPED  'T'
#define PSTATE_ZOMBIE   'Z'

struct k_procinfo {
    int32_t  pid, ppid, pgid, sid;
    uint32_t uid, gid;
    char     state;              /* one of PSTATE_* */
    char     pad[3];
    int32_t  exit_status;        /* wait status, for a zombie */
    char     wait[32];           /* what a sleeping process waits on */
    char     cmdline[128];       /* argv joined by spaces, truncated */
};

/* Counts of live kernel objects: tests check they return to a baseline. */
struct k_kstat {
    uint32_t procs;          /* process slots in use, zombies included */
    uint32_t files;          /* open file descriptions */
    uint32_t inodes;         /* inodes in the ramfs, and in use */
    uint32_t pipes;          /* pipe buffers (pipes and open FIFOs) */
    uint32_t waiters;        /* processes on a wait queue */
    uint32_t timers;         /* processes with a pending deadline */
    uint32_t allocs;         /* live kernel allocations */
    uint32_t pad;
    uint64_t heap_used;      /* bytes of kernel heap in use */
    uint64_t heap_total;     /* bytes of kernel heap */
    uint32_t ipc[8];         /* live IPC objects, by KSTAT_* below */
    uint32_t mappings;       /* mmap regions, all processes together */
    uint32_t memobjs;        /* memory objects behind shared mappings */
    uint32_t sockets;        /* Unix-domain sockets, embryos and closed ones still held */
    uint32_t inflight;       /* descriptors in flight in SCM_RIGHTS messages */
    uint32_t mqueues;        /* POSIX message queues */
    uint32_t mqmsgs;         /* messages queued in them */
    /* The platform's physical memory (arm64; 0 on the web target, whose
     * processes are WebAssembly memories): */
    uint32_t frames;         /* 4 KiB pages in use: processes, page tables, text */
    uint32_t text;           /* of those, programs' text kept shared */
    uint64_t textloads;      /* pages of program text loaded from files, ever */
};

/* k_kstat.ipc[] indices */
#define KSTAT_MSGQ  0        /* message queues */
#define KSTAT_MSG   1        /* messages queued in them */
#define KSTAT_SHM   2        /* shared memory segments */
#define KSTAT_SEM   3        /* System V semaphore sets and POSIX semaphores */
#define KSTAT_CHAN  4        /* channels */
#define KSTAT_PORT  5        /* ports */
#define KSTAT_CAP   6        /* capability handles */
#define KSTAT_UNDO  7        /* SEM_UNDO records */

struct k_utsname {
    char sysname[32];
    char nodename[32];
    char release[32];
    char version[64];
    char machine[32];
};

#endif
