/*
 * test_sysv.c - unit tests of ipc/sysv.c, the keys, identifiers and
 * permissions that message queues, shared memory and semaphore sets share.
 *
 * sysv.c knows nothing of what an object holds besides its struct sysv_obj,
 * so these tests drive it directly, with a small table of their own (four
 * slots, so that the cursor wraps quickly) and stand-in processes that only
 * have a uid and a gid. test_msgq.c checks the same rules through the
 * system calls.
 */
#include "test.h"
#include "../../ipc/sysv.h"

#define NS 4

struct thing {
    struct sysv_obj obj;
    int payload;
};

static struct thing things[NS];
static struct sysv_table tab;

static void reset(void)
{
    memset(things, 0, sizeof things);
    tab = (struct sysv_table){ things, sizeof things[0], NS, 0 };
}

static struct proc user(k_uid_t uid, k_gid_t gid)
{
    struct proc p;
    memset(&p, 0, sizeof p);
    p.uid = uid;
    p.gid = gid;
    return p;
}

/* sysv_get that must create: the new slot. */
static int make(struct proc *p, int32_t key, int flags)
{
    bool created = false;
    int slot = sysv_get(&tab, p, key, flags | IPC_CREAT, &created);
    CHECK(slot >= 0);
    CHECK(created);
    return slot;
}

/* ---- keys -------------------------------------------------------------------- */

TEST(sysv_private_always_makes_a_new_object)
{
    reset();
    struct proc root = user(0, 0);
    bool created = false;
    CHECK_EQ(sysv_get(&tab, &root, IPC_PRIVATE, 0640, &created), 0);
    CHECK(created);
    created = false;
    /* no IPC_CREAT needed, and IPC_EXCL makes no difference */
    CHECK_EQ(sysv_get(&tab, &root, IPC_PRIVATE, IPC_EXCL, &created), 1);
    CHECK(created);
    struct k_ipc_perm *pm = &things[0].obj.perm;
    CHECK_EQ(pm->key, 0);
    CHECK_EQ(pm->mode, 0640);
    CHECK_EQ(pm->seq, 0);
    CHECK(things[0].obj.used && !things[0].obj.removed);
    CHECK_EQ(things[0].obj.ctime, sysv_now());
    CHECK_EQ(things[1].obj.perm.mode, 0);       /* IPC_EXCL is not a mode bit */
}

TEST(sysv_new_object_belongs_to_its_creator)
{
    reset();
    struct proc u = user(1000, 50);
    int slot = make(&u, 0x1234, 0777 | IPC_EXCL);
    struct k_ipc_perm *pm = &things[slot].obj.perm;
    CHECK_EQ(pm->key, 0x1234);
    CHECK_EQ(pm->uid, 1000);
    CHECK_EQ(pm->cuid, 1000);
    CHECK_EQ(pm->gid, 50);
    CHECK_EQ(pm->cgid, 50);
    CHECK_EQ(pm->mode, 0777);
}

TEST(sysv_key_lookup_and_its_errors)
{
    reset();
    struct proc root = user(0, 0);
    bool created = true;
    CHECK_EQ(sysv_get(&tab, &root, 42, 0, &created), -ENOENT);
    CHECK(!created);
    CHECK_EQ(sysv_get(&tab, &root, 42, IPC_EXCL, &created), -ENOENT);
    int slot = make(&root, 42, 0600);
    CHECK_EQ(sysv_get(&tab, &root, 42, 0, &created), slot);
    CHECK(!created);
    CHECK_EQ(sysv_get(&tab, &root, 42, IPC_CREAT | 0600, &created), slot);
    CHECK(!created);
    CHECK_EQ(sysv_get(&tab, &root, 42, IPC_CREAT | IPC_EXCL, &created), -EEXIST);
    /* IPC_EXCL without IPC_CREAT is ignored, as on Linux */
    CHECK_EQ(sysv_get(&tab, &root, 42, IPC_EXCL, &created), slot);
    /* a negative key is a key like any other */
    int neg = make(&root, -5, 0600);
    CHECK(neg != slot);
    CHECK_EQ(sysv_get(&tab, &root, -5, 0, &created), neg);
}

TEST(sysv_table_full)
{
    reset();
    struct proc root = user(0, 0);
    for (int i = 0; i < NS; i++)
        CHECK_EQ(make(&root, 100 + i, 0600), i);
    bool created;
    CHECK_EQ(sysv_get(&tab, &root, IPC_PRIVATE, 0600, &created), -ENOSPC);
    CHECK_EQ(sysv_get(&tab, &root, 999, IPC_CREAT | 0600, &created), -ENOSPC);
    /* existing keys are still found */
    CHECK_EQ(sysv_get(&tab, &root, 102, 0, &created), 2);
    /* a removed object that lingers keeps its slot, but not its key */
    things[2].obj.removed = true;
    CHECK_EQ(sysv_get(&tab, &root, 102, 0, &created), -ENOENT);
    CHECK_EQ(sysv_get(&tab, &root, 102, IPC_CREAT, &created), -ENOSPC);
    sysv_free(&things[2].obj);
    CHECK_EQ(sysv_get(&tab, &root, 102, IPC_CREAT, &created), 2);
    CHECK(created);
}

TEST(sysv_get_checks_the_access_asked_for)
{
    reset();
    struct proc root = user(0, 0), other = user(1000, 1000), member = user(1001, 7);
    int slot = make(&root, 9, 0640);
    things[slot].obj.perm.gid = 7;
    bool created;
    /* flags 0 ask for nothing: the object is found whatever its mode */
    CHECK_EQ(sysv_get(&tab, &other, 9, 0, &created), slot);
    CHECK_EQ(sysv_get(&tab, &other, 9, 0400, &created), -EACCES);
    CHECK_EQ(sysv_get(&tab, &other, 9, 0004, &created), -EACCES);
    CHECK_EQ(sysv_get(&tab, &other, 9, IPC_CREAT | 0600, &created), -EACCES);
    /* a group member may read (each triple of the flags asks the same) */
    CHECK_EQ(sysv_get(&tab, &member, 9, 0400, &created), slot);
    CHECK_EQ(sysv_get(&tab, &member, 9, 0044, &created), slot);
    CHECK_EQ(sysv_get(&tab, &member, 9, 0200, &created), -EACCES);
    CHECK_EQ(sysv_get(&tab, &root, 9, 0777, &created), slot);
}

/* ---- identifiers ----------------------------------------------------------- */

TEST(sysv_ids_count_up_from_zero_then_wrap)
{
    reset();
    struct proc root = user(0, 0);
    for (int i = 0; i < NS; i++)
        CHECK_EQ(sysv_id(&tab, make(&root, IPC_PRIVATE, 0)), i);
    /* the cursor is past the end: the next object starts a new round */
    sysv_free(&things[1].obj);
    int s = make(&root, IPC_PRIVATE, 0);
    CHECK_EQ(s, 1);
    CHECK_EQ(sysv_id(&tab, s), 1 * SYSV_SLOTS + 1);
    CHECK_EQ(things[1].obj.perm.seq, 1);
    /* the cursor moves on from slot 1, not back to 0 */
    sysv_free(&things[0].obj);
    sysv_free(&things[2].obj);
    s = make(&root, IPC_PRIVATE, 0);
    CHECK_EQ(sysv_id(&tab, s), SYSV_SLOTS + 2);
    /* slot 3 is taken: wrap again, to slot 0 */
    s = make(&root, IPC_PRIVATE, 0);
    CHECK_EQ(sysv_id(&tab, s), 2 * SYSV_SLOTS + 0);
}

TEST(sysv_lookup_by_id)
{
    reset();
    struct proc root = user(0, 0);
    int s0 = make(&root, IPC_PRIVATE, 0);
    int id0 = sysv_id(&tab, s0);
    CHECK(sysv_lookup(&tab, id0) == &things[s0].obj);
    CHECK(sysv_lookup(&tab, -1) == NULL);
    CHECK(sysv_lookup(&tab, 1) == NULL);                /* a free slot */
    CHECK(sysv_lookup(&tab, NS) == NULL);               /* beyond the table */
    CHECK(sysv_lookup(&tab, SYSV_SLOTS + s0) == NULL);  /* the wrong seq */
    things[s0].obj.removed = true;
    CHECK(sysv_lookup(&tab, id0) == NULL);
    sysv_free(&things[s0].obj);
    CHECK(!things[s0].obj.used && !things[s0].obj.removed);
    CHECK(sysv_lookup(&tab, id0) == NULL);
}

TEST(sysv_a_removed_id_is_not_its_successor)
{
    reset();
    struct proc root = user(0, 0);
    /* use slot 0 over and over: each time it gets a new id */
    int old = sysv_id(&tab, make(&root, IPC_PRIVATE, 0));
    for (int round = 0; round < 3; round++) {
        sysv_free(&things[0].obj);
        for (int i = 1; i < NS; i++)        /* fill the rest so 0 is picked */
            if (!things[i].obj.used)
                make(&root, IPC_PRIVATE, 0);
        int s = make(&root, IPC_PRIVATE, 0);
        CHECK_EQ(s, 0);
        int id = sysv_id(&tab, s);
        CHECK(id != old);
        CHECK(sysv_lookup(&tab, old) == NULL);
        CHECK(sysv_lookup(&tab, id) == &things[0].obj);
        old = id;
    }
}

TEST(sysv_ids_stay_positive_when_seq_wraps)
{
    reset();
    struct proc root = user(0, 0);
    uint32_t limit = 0x7fffffffu / SYSV_SLOTS + 1;
    tab.seq = (limit - 1) * NS + (NS - 1);      /* the last slot of the last round */
    int s = make(&root, IPC_PRIVATE, 0);
    CHECK_EQ(s, NS - 1);
    CHECK_EQ(sysv_id(&tab, s), (long)(limit - 1) * SYSV_SLOTS + NS - 1);
    CHECK(sysv_id(&tab, s) > 0);
    CHECK(sysv_lookup(&tab, sysv_id(&tab, s)) == &things[s].obj);
    s = make(&root, IPC_PRIVATE, 0);            /* seq starts over at 0 */
    CHECK_EQ(sysv_id(&tab, s), 0);
}

TEST(sysv_at_walks_the_table)
{
    reset();
    struct proc root = user(0, 0);
    make(&root, IPC_PRIVATE, 0);
    make(&root, IPC_PRIVATE, 0);
    CHECK(sysv_at(&tab, 0) == &things[0].obj);
    CHECK(sysv_at(&tab, 1) == &things[1].obj);
    CHECK(sysv_at(&tab, 2) == NULL);
    CHECK(sysv_at(&tab, -1) == NULL);
    CHECK(sysv_at(&tab, NS) == NULL);
    things[1].obj.removed = true;
    CHECK(sysv_at(&tab, 1) == NULL);
}

/* ---- permissions ------------------------------------------------------------ */

TEST(sysv_may_follows_owner_group_other)
{
    reset();
    struct proc root = user(0, 0), owner = user(10, 20), creator = user(11, 21),
                grp = user(30, 20), cgrp = user(31, 21), other = user(40, 40);
    int s = make(&creator, IPC_PRIVATE, 0);
    struct sysv_obj *o = &things[s].obj;
    o->perm.uid = 10;
    o->perm.gid = 20;
    o->perm.mode = 0640;
    CHECK(sysv_may(&owner, o, R_OK | W_OK));
    CHECK(sysv_may(&creator, o, R_OK | W_OK));    /* the creator has the owner's bits */
    CHECK(sysv_may(&grp, o, R_OK));
    CHECK(!sysv_may(&grp, o, W_OK));
    CHECK(sysv_may(&cgrp, o, R_OK));              /* the creator's group too */
    CHECK(!sysv_may(&other, o, R_OK));
    CHECK(sysv_may(&other, o, 0));
    o->perm.mode = 0;
    CHECK(sysv_may(&root, o, R_OK | W_OK));
    CHECK(!sysv_may(&owner, o, R_OK));
    /* the owner gets the owner bits only, even if others get more */
    o->perm.mode = 0066;
    CHECK(!sysv_may(&owner, o, W_OK));
    CHECK(sysv_may(&other, o, W_OK));
    CHECK(!sysv_may(&grp, o, 4 | 2 | 1) && sysv_may(&grp, o, R_OK | W_OK));
}

TEST(sysv_owner_and_set)
{
    reset();
    struct proc root = user(0, 0), creator = user(11, 21), owner = user(10, 20),
                other = user(40, 40);
    int s = make(&creator, IPC_PRIVATE, 0600);
    struct sysv_obj *o = &things[s].obj;
    struct k_ipc_perm in = { .uid = 10, .gid = 20, .mode = 0644 | 07000, .key = 77,
                             .cuid = 99, .seq = 5 };
    CHECK(!sysv_owner(&other, o));
    CHECK_EQ(sysv_set(&other, o, &in), -EPERM);
    CHECK_EQ(o->perm.uid, 11);
    int64_t before = o->ctime;
    tclock_advance(5000000000ull);
    CHECK_EQ(sysv_set(&creator, o, &in), 0);
    CHECK_EQ(o->ctime, before + 5);
    CHECK_EQ(o->perm.uid, 10);
    CHECK_EQ(o->perm.gid, 20);
    CHECK_EQ(o->perm.mode, 0644);            /* only the permission bits */
    CHECK_EQ(o->perm.key, 0);                /* key, creator and seq stay */
    CHECK_EQ(o->perm.cuid, 11);
    CHECK_EQ(o->perm.seq, 0);
    CHECK(sysv_owner(&owner, o));
    CHECK(sysv_owner(&creator, o));          /* still: it made the object */
    CHECK(sysv_owner(&root, o));
    in.uid = 40;
    CHECK_EQ(sysv_set(&owner, o, &in), 0);   /* an owner may give it away */
    CHECK(sysv_owner(&other, o));
    CHECK(!sysv_owner(&owner, o));
}

TEST(sysv_now_is_realtime_seconds)
{
    CHECK_EQ(sysv_now(), (int64_t)(plat_clock_ns(CLOCK_REALTIME) / 1000000000ull));
    int64_t t = sysv_now();
    tclock_advance(2000000000ull);
    CHECK_EQ(sysv_now(), t + 2);
}
