/*
 * shm.c - System V shared memory: shmget, shmat, shmdt, shmctl, thin
 * wrappers over the system calls of ipc/shm.c.
 *
 * struct shmid_ds has the layout of the kernel's struct k_shmid_ds
 * (checked below), so shmctl hands it over as it is. The platform decides
 * where a segment appears when shmat is given no address; on every target
 * it is a multiple of SHMLBA.
 */
#include "libc.h"
#include <sys/shm.h>

#define SAME(a, b) (offsetof(struct shmid_ds, a) == offsetof(struct k_shmid_ds, b))
_Static_assert(sizeof(struct shmid_ds) == sizeof(struct k_shmid_ds), "shmid_ds size");
_Static_assert(SAME(__shm_segsz64, shm_segsz) && SAME(shm_atime, shm_atime) &&
               SAME(shm_dtime, shm_dtime) && SAME(shm_ctime, shm_ctime) &&
               SAME(shm_cpid, shm_cpid) && SAME(shm_lpid, shm_lpid) &&
               SAME(shm_nattch, shm_nattch), "shmid_ds layout");
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "shm_segsz overlays its low half");

/* A size beyond what a long holds (wasm32 only) arrives negative, and the
 * kernel refuses it as too big. */
int shmget(key_t key, size_t size, int shmflg)
{
    return (int)sys_ret(sys3(SYS_shmget, key, (long)size, shmflg));
}

void *shmat(int shmid, const void *shmaddr, int shmflg)
{
    long r = sys3(SYS_shmat, shmid, P(shmaddr), shmflg);
    if (sys_failed(r)) {
        errno = (int)-r;
        return (void *)-1;
    }
    return (void *)(uintptr_t)r;
}

int shmdt(const void *shmaddr)
{
    return (int)sys_ret(sys1(SYS_shmdt, P(shmaddr)));
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
    return (int)sys_ret(sys3(SYS_shmctl, shmid, cmd, P(buf)));
}
