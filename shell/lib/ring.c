/*
 * ring.c - a single-producer, single-consumer ring of messages in shared
 * memory (include/ring.h), the classic bounded buffer.
 *
 * The segment holds a header and `slots` fixed-size slots. Two semaphores
 * of one System V set do all the synchronisation:
 *
 *     FREE    the empty slots (starts at `slots`)
 *     FILLED  the messages waiting (starts at 0)
 *
 * The producer takes FREE (waiting if the ring is full), fills the slot at
 * `head`, moves head on, and gives FILLED; the consumer takes FILLED
 * (waiting if it is empty), empties the slot at `tail`, moves tail on, and
 * gives FREE. Only the producer writes head and only the consumer writes
 * tail, so the two never touch the same slot at once: between them, the
 * semaphores keep at least one of FREE or FILLED between head and tail.
 *
 * Nothing here depends on how the platform shares the memory. On arm64 the
 * two processes see the same pages; on the web each sees its own copy,
 * refreshed at every switch - and a process can only be waiting for the
 * other after a semop, which is a switch point.
 */
#include <errno.h>
#include <ring.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define RING_MAGIC 0x52494e47u      /* "RING" */
#define FREE   0
#define FILLED 1

struct ring_hdr {                   /* at the start of the segment */
    uint32_t magic;
    uint32_t slots;
    uint32_t slot_size;             /* bytes of message a slot holds */
    int32_t  semid;
    uint32_t head;                  /* the next slot to fill: the producer's */
    uint32_t tail;                  /* the next slot to empty: the consumer's */
};

struct slot {
    uint32_t len;
    char     data[];
};

struct ring {                       /* this process's handle */
    struct ring_hdr *hdr;
    int              shmid;
};

/* Slots are 8-byte aligned, after the header. */
static size_t slot_bytes(size_t slot_size)
{
    return (sizeof(struct slot) + slot_size + 7) & ~(size_t)7;
}

static struct slot *slot_at(struct ring *r, uint32_t i)
{
    char *base = (char *)r->hdr + ((sizeof(struct ring_hdr) + 7) & ~(size_t)7);
    return (struct slot *)(base + (size_t)(i % r->hdr->slots) * slot_bytes(r->hdr->slot_size));
}

static int sem_step(struct ring *r, int which, int op)
{
    struct sembuf b = { (unsigned short)which, (short)op, 0 };
    return semop(r->hdr->semid, &b, 1);
}

/* Undo what ring_create made, keeping the first error. */
static struct ring *create_failed(struct ring *r, int shmid, int semid)
{
    int saved = errno;
    if (r && r->hdr)
        shmdt(r->hdr);
    if (shmid >= 0)
        shmctl(shmid, IPC_RMID, NULL);
    if (semid >= 0)
        semctl(semid, 0, IPC_RMID);
    free(r);
    errno = saved;
    return NULL;
}

struct ring *ring_create(unsigned slots, size_t slot_size)
{
    if (slots == 0 || slots > 32767 || slot_size == 0 || slot_size > (1u << 20)) {
        errno = EINVAL;
        return NULL;
    }
    size_t size = ((sizeof(struct ring_hdr) + 7) & ~(size_t)7) + slots * slot_bytes(slot_size);
    struct ring *r = calloc(1, sizeof *r);
    int semid = -1, shmid = -1;
    if (!r || (shmid = shmget(IPC_PRIVATE, size, 0600)) < 0 ||
        (semid = semget(IPC_PRIVATE, 2, 0600)) < 0)
        return create_failed(r, shmid, semid);
    void *mem = shmat(shmid, NULL, 0);
    if (mem == (void *)-1)
        return create_failed(r, shmid, semid);
    r->hdr = mem;
    r->shmid = shmid;
    unsigned short init[2] = { (unsigned short)slots, 0 };
    union { int val; struct semid_ds *buf; unsigned short *array; } arg = { .array = init };
    if (semctl(semid, 0, SETALL, arg) < 0)
        return create_failed(r, shmid, semid);
    *r->hdr = (struct ring_hdr){ RING_MAGIC, slots, (uint32_t)slot_size, semid, 0, 0 };
    return r;
}

struct ring *ring_attach(int shmid)
{
    struct ring *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    void *mem = shmat(shmid, NULL, 0);
    if (mem == (void *)-1) {
        free(r);
        return NULL;
    }
    r->hdr = mem;
    r->shmid = shmid;
    if (r->hdr->magic != RING_MAGIC) {
        ring_detach(r);
        errno = EINVAL;
        return NULL;
    }
    return r;
}

int ring_id(const struct ring *r) { return r->shmid; }

int ring_put(struct ring *r, const void *msg, size_t n)
{
    if (n > r->hdr->slot_size) {
        errno = EINVAL;
        return -1;
    }
    if (sem_step(r, FREE, -1) < 0)
        return -1;
    struct slot *s = slot_at(r, r->hdr->head);
    s->len = (uint32_t)n;
    memcpy(s->data, msg, n);
    r->hdr->head++;
    return sem_step(r, FILLED, +1);
}

ssize_t ring_get(struct ring *r, void *buf, size_t n)
{
    if (sem_step(r, FILLED, -1) < 0)
        return -1;
    struct slot *s = slot_at(r, r->hdr->tail);
    if (s->len > n) {
        sem_step(r, FILLED, +1);            /* leave it for a bigger buffer */
        errno = E2BIG;                      /* as msgrcv says it */
        return -1;
    }
    size_t len = s->len;
    memcpy(buf, s->data, len);
    r->hdr->tail++;
    if (sem_step(r, FREE, +1) < 0)
        return -1;
    return (ssize_t)len;
}

int ring_detach(struct ring *r)
{
    int rc = shmdt(r->hdr);
    free(r);
    return rc;
}

int ring_destroy(struct ring *r)
{
    int rc = semctl(r->hdr->semid, 0, IPC_RMID);
    if (shmctl(r->shmid, IPC_RMID, NULL) < 0)
        rc = -1;
    if (ring_detach(r) < 0)
        rc = -1;
    return rc;
}
