/*
 * test_kalloc.c - the kernel heap's alignment: every block kalloc returns
 * starts at a multiple of KALLOC_ALIGN (16) whatever its size and however
 * the heap was cut before, and shared-memory segments, which find a page
 * boundary inside a block by that promise, never write past their block.
 *
 * The Makefile also builds this file (with the runner and the host
 * platform) for a 32-bit host, where a pointer and size_t are 4 bytes as
 * on wasm32: that is the build in which a header laid out by pointer size
 * would be 12 bytes and these tests would fail.
 */
#include "test.h"
#include "../../ipc/sysv.h"

static bool aligned(const void *p) { return ((uintptr_t)p & 15) == 0; }

TEST(kalloc_blocks_of_every_size_start_at_a_multiple_of_16)
{
    CHECK_EQ(KALLOC_ALIGN, 16);
    static char *blocks[700];
    for (size_t n = 0; n < 700; n++) {
        blocks[n] = kalloc(n);
        CHECK(blocks[n] != NULL);
        CHECK(aligned(blocks[n]));
        memset(blocks[n], 0xa5, n);            /* every byte asked for is ours */
    }
    /* Freed every other one: quick lists and split blocks hand them out again. */
    for (size_t n = 0; n < 700; n += 2)
        kfree(blocks[n]);
    for (size_t n = 0; n < 700; n += 2) {
        blocks[n] = kalloc(699 - n);
        CHECK(aligned(blocks[n]));
        memset(blocks[n], 0x5a, 699 - n);
    }
    for (size_t n = 0; n < 700; n++)
        kfree(blocks[n]);                      /* kfree checks every canary */
    for (size_t n = 1000; n < 300000; n = n * 3 / 2 + 7) {
        char *p = kzalloc(n);
        CHECK(p != NULL && aligned(p));
        kfree(p);
    }
}

/* A segment is a block one page minus KALLOC_ALIGN larger than its pages,
 * and starts at the first page boundary inside it. The tight case is a
 * block whose header starts on a page boundary: its memory is then
 * 16 bytes past the boundary, the segment starts 4080 bytes in, and its
 * last page ends exactly at the block's end. A padding block of every
 * size below a page, in front of the segment, makes the segment's block
 * start at every 16-byte offset within a page, that one included;
 * removing the segment frees its block, where kfree checks the canary. */
TEST(shm_segments_stay_inside_their_block_at_every_offset_in_a_page)
{
    for (size_t pad = 0; pad <= 2 * 4096; pad += 16) {
        char *p = pad ? kalloc(pad) : NULL;
        long id = tsys(init, SYS_shmget, (long)IPC_PRIVATE, 4096L, 0600L);
        CHECK(id >= 0);
        CHECK_EQ(tsys(init, SYS_shmctl, id, (long)IPC_RMID, 0L), 0);
        kfree(p);
    }
}
