/*
 * test_exec_id.c - the identity of a program's contents that the kernel
 * hands a platform at spawn and exec (struct exec_image's id): the same
 * unchanged file always has the same id, and any change of its bytes - a
 * write, a truncation - gives it an id no file has had before, so that a
 * platform may keep what it made of an image by its id alone.
 */
#include "test.h"
#include "fstest.h"

static uint64_t spawn_id(const char *path)
{
    struct proc *c = tspawn(init, path);
    CHECK(c != NULL);
    uint64_t id = tlast_image_id;
    texit_reap(c, 0);
    return id;
}

TEST(exec_image_id_changes_with_the_bytes_and_only_then)
{
    tprog("/bin/a");
    tprog("/bin/b");
    uint64_t a = spawn_id("/bin/a"), b = spawn_id("/bin/b");
    CHECK(a != 0 && b != 0);
    CHECK(a != b);                                    /* two files, same bytes */
    CHECK_EQ(spawn_id("/bin/a"), a);                  /* unchanged: the same */

    long fd = sopen(init, "/bin/a", O_WRONLY | O_APPEND, 0);
    CHECK(fd >= 0);
    CHECK_EQ(swrite(init, fd, "x"), 1);               /* appended to */
    uint64_t a2 = spawn_id("/bin/a");
    CHECK(a2 != a && a2 != b);
    CHECK_EQ(spawn_id("/bin/a"), a2);
    CHECK_EQ(sys3(init, SYS_ftruncate, fd, 8, 0), 0); /* cut short */
    uint64_t a3 = spawn_id("/bin/a");
    CHECK(a3 != a2 && a3 != a && a3 != b);
    CHECK_EQ(sclose(init, fd), 0);
    CHECK_EQ(spawn_id("/bin/b"), b);                  /* the other file kept its id */
    trm("/bin/a");
    trm("/bin/b");
}
