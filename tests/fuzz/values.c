/*
 * values.c - the input read as numbers: the values of the simple argument
 * kinds (args.c makes the rest), the ids earlier calls returned, and the
 * text of arguments for the trace.
 *
 * Each kind reads a byte or a few and turns them into a value a program
 * could pass: a descriptor (often one an earlier call returned), a pid or
 * a group, a signal, a size on a boundary, a set of flags that mean
 * something to that call - and now and then a raw value.
 */
#include <limits.h>
#include <stdarg.h>

#include "fuzz.h"

/* ---- reading the input ---------------------------------------------------- */

uint8_t in_u8(struct in *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

uint16_t in_u16(struct in *in) { return (uint16_t)(in_u8(in) | in_u8(in) << 8); }
uint32_t in_u32(struct in *in) { return in_u16(in) | (uint32_t)in_u16(in) << 16; }
uint64_t in_u64(struct in *in) { return in_u32(in) | (uint64_t)in_u32(in) << 32; }

/* ---- the trace -------------------------------------------------------------- */

void show(struct gen *g, int i, const char *fmt, ...)
{
    if (!fuzz_trace)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->desc[i], sizeof g->desc[i], fmt, ap);
    va_end(ap);
}

void show_ptr(struct gen *g, int i, uptr a, const char *what)
{
    if (a >= ARENA_LO && a < ARENA_HI)
        show(g, i, "arena+%#lx%s", a - ARENA_LO, what);
    else
        show(g, i, "%#lx%s", a, what);
}

void arg_show_str(struct gen *g, int i, uptr a)
{
    char s[72];
    long n = plat_copyinstr(g->fp->p, s, a, sizeof s);
    if (n >= 0)
        show(g, i, "\"%s\"", s);
    else if (n == -ENAMETOOLONG)
        show(g, i, "\"%.20s...\" (long)", s);
    else
        show_ptr(g, i, a, " (bad)");
}

/* ---- values ------------------------------------------------------------------ */

/* One of table[], or now and then a raw 32- or 64-bit value. */
long pick(struct gen *g, const long *table, int n)
{
    uint8_t b = in_u8(g->in);
    if (b < 0xf0)
        return table[b % n];
    return b < 0xf8 ? (long)(int32_t)in_u32(g->in) : (long)in_u64(g->in);
}

/* Some of the flags in bits[] (one input bit each), or a raw value. */
long flags(struct gen *g, const long *bits, int n)
{
    uint8_t b = in_u8(g->in);
    if (b == 0xff)
        return (long)in_u32(g->in);
    long v = 0;
    for (int i = 0; i < n && i < 8; i++)
        if (b & (1 << i))
            v |= bits[i];
    return v;
}

long int_value(struct gen *g)
{
    return PICK(g, 0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 32, 63, 64, 100, 127, 128, 255, 256,
                1000, 4095, 4096, 4097, 32767, 32768, 65535, 65536, -1, -2, INT_MAX, INT_MIN,
                UINT_MAX, LONG_MAX, LONG_MIN, 1L << 32, (1L << 32) + 1, -4096);
}

long len_value(struct gen *g)
{
    return PICK(g, 0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256,
                511, 512, 1024, 4095, 4096, 4097, 8192, 8193, 16384, 16385, 65535, 65536, 65537,
                1 << 20, (1 << 20) + 1, USIZE / 2, -1, -4096, LONG_MAX, INT_MAX, UINT_MAX, 1L << 32);
}

long fd_value(struct gen *g)
{
    uint8_t b = in_u8(g->in);
    if (b < 0x60 && g->fp->nfds)         /* one an earlier call returned */
        return g->fp->fds[b % MIN(g->fp->nfds, 4)];
    if (b < 0xe0)
        return b % 20;
    if (b < 0xf8)
        return 44 + (b - 0xe0);          /* up to past NOFILE */
    static const long odd[] = { -1, INT_MIN, INT_MAX, 64, 1L << 32, -100, LONG_MIN, 65 };
    return odd[b & 7];
}

long pid_value(struct gen *g)
{
    struct fproc *self = g->fp;
    uint8_t b = in_u8(g->in);
    if (b < 8)
        return fprocs[b % FP_MAX].pid;
    if (b < 16) {
        struct fproc *fp = &fprocs[b % FP_MAX];
        return fp_alive(fp) ? -fp->p->pgid : -fp->pid;
    }
    switch (b) {
    case 16: case 17: case 18: return 0;
    case 19: case 20: return -1;
    case 21: case 22: return self->pid;
    case 23: return self->p->parent ? self->p->parent->pid : 0;
    case 24: return 1;
    case 25: return -1L * self->p->pgid;
    case 26: return INT_MIN;
    case 27: return INT_MAX;
    case 28: return -INT_MAX;
    case 29: return 32767;
    case 30: return 32768;
    case 31: return (1L << 32) | 1;
    case 32: return LONG_MIN;
    case 33: return (long)(int32_t)in_u32(g->in);
    default: return b % 40;              /* pids of recent processes */
    }
}

long sig_value(struct gen *g)
{
    uint8_t b = in_u8(g->in);
    if (b < 0xf0)
        return (b % 34) - 1;             /* -1 .. NSIG */
    static const long odd[] = { INT_MIN, INT_MAX, 64, (1L << 32) | 9, -9, 33, 0, 9 };
    return odd[b & 7];
}

uint64_t sigset_value(struct gen *g)
{
    uint8_t b = in_u8(g->in);
    switch (b % 8) {
    case 0: return 0;
    case 1: return ~0ull;
    case 2: { long s = sig_value(g); return s >= 1 && s <= 64 ? 1ull << (s - 1) : 0; }
    case 3: return SIGBIT(SIGCHLD);
    case 4: return SIGBIT(SIGINT) | SIGBIT(SIGTERM) | SIGBIT(SIGUSR1);
    case 5: return SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP);
    default: return in_u64(g->in);
    }
}

/* ---- ids handed out by earlier calls ------------------------------------------------ */

static long ring[4][4];                  /* msqids, shmids, semids, attach addresses */
static int nring[4];

static int ring_of(enum kind k)
{
    return k == K_MSQID ? 0 : k == K_SHMID ? 1 : k == K_SEMID ? 2 : 3;
}

void ids_note(enum kind k, long id)
{
    int r = ring_of(k);
    ring[r][nring[r]++ % 4] = id;
}

void ids_reset(void) { memset(nring, 0, sizeof nring); }

long id_value(struct gen *g, enum kind k)
{
    int r = ring_of(k);
    uint8_t b = in_u8(g->in);
    if (b < 0x80 && nring[r])
        return ring[r][b % MIN(nring[r], 4)];
    if (k == K_SHMADDR)
        return PICK(g, 0, 0, SHM_LO, SHM_LO + 4096, SHM_LO + 1, UBASE, UBASE + USIZE - 4096,
                    UBASE + USIZE, -4096, ARENA_LO);
    if (b < 0xa0)
        return b % 32;                   /* a table slot; ids of the first use are slots */
    return PICK(g, 32, 33, 64, -1, INT_MAX, INT_MIN, 1L << 32, 0x10000);
}
