/*
 * test_msgq.h - helpers that test_msgq.c and test_msgq_ctl.c share: System V
 * message-queue calls made as a fake process, with the message built in or
 * read back from its user memory.
 */
#ifndef DUPLEX_TEST_MSGQ_H
#define DUPLEX_TEST_MSGQ_H

#include "test.h"
#include "../../ipc/sysv.h"

/* A received message, as the host sees it. */
struct got {
    long type;
    char text[128];                 /* NUL-terminated when it fits */
};

long tmsgget(struct proc *p, long key, long flags);
/* A message buffer (long type, then text without its NUL) in p's memory. */
uptr tmsgbuf(struct proc *p, long type, const char *text);
/* msgsnd of text (strlen bytes) as type. */
long tsnd(struct proc *p, long id, long type, const char *text, long flags);
/* msgrcv into u (or a fresh buffer), size bytes of text at most; g, if
 * given, gets what arrived. */
long trcv_at(struct proc *p, long id, uptr u, long size, long type, long flags,
             struct got *g);
long trcv(struct proc *p, long id, long size, long type, long flags, struct got *g);
/* A non-blocking receive of `type` must return want_type and text. */
void trcv_expect(struct proc *p, long id, long type, long want_type, const char *text);
struct k_msqid_ds tstat(struct proc *p, long id);
void trmid(struct proc *p, long id);
/* A child of init running /bin/child, with uid set unless uid < 0. */
struct proc *tchild_uid(long uid);

#endif
