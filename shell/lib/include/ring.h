/*
 * ring.h - a shared ring: messages from one producer process to one
 * consumer process through a System V shared memory segment, with two
 * semaphores counting the free and the filled slots (shell/lib/ring.c).
 *
 *     producer                              consumer
 *     struct ring *r = ring_create(8, 64);
 *     spawn the consumer with ring_id(r)    struct ring *r = ring_attach(id);
 *     ring_put(r, "hi", 2);                 n = ring_get(r, buf, sizeof buf);
 *     ...                                   ring_detach(r);
 *     wait for it; ring_destroy(r);
 *
 * ring_put waits while every slot is full, ring_get while every slot is
 * empty. A message is 0 to slot_size bytes; an empty one is a message too
 * (a handy "end of stream"). Exactly one process may put and one get.
 */
#ifndef _RING_H
#define _RING_H

#include <stddef.h>
#include <sys/types.h>

struct ring;

/* A new ring of `slots` messages of at most `slot_size` bytes each, in a
 * new segment (mode 0600) with a new semaphore set. NULL with errno. */
struct ring *ring_create(unsigned slots, size_t slot_size);

/* The other side: the ring whose segment is shmid. NULL with errno
 * (EINVAL: not a ring). */
struct ring *ring_attach(int shmid);

/* The id to give the other side. */
int ring_id(const struct ring *r);

/* Put n bytes (n <= slot_size, else EINVAL), waiting for a free slot. */
int ring_put(struct ring *r, const void *msg, size_t n);

/* Take the oldest message, waiting for one: its length, or -1 with errno
 * (E2BIG: it does not fit in n bytes; it stays in the ring). */
ssize_t ring_get(struct ring *r, void *buf, size_t n);

/* Let go of the ring in this process. */
int ring_detach(struct ring *r);

/* Remove the segment and the semaphores (the creator, when both sides are
 * done), and let go of it. */
int ring_destroy(struct ring *r);

#endif
