/*
 * fuzz.c - libFuzzer's entry points: boot once and take the snapshot, then
 * run each input as a program (run.c). `make fuzz` builds and runs it;
 * tests/fuzz/README.md tells how.
 */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_trace = getenv("FUZZ_TRACE") != NULL;
    fuzz_boot();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_one(data, size);
    return 0;
}
