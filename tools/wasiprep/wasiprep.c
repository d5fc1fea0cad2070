/*
 * wasiprep.c - make a WASI program (wasi_snapshot_preview1) ready for
 * Duplex's web runtime, before the preemption points and asyncify
 * (tools/wasi-prep, docs/wasi.md).
 *
 *   wasiprep IN.wasm OUT.wasm
 *
 * A program built by wasi-libc or Emscripten knows nothing of Duplex. The
 * runtime (web/wasi.js) gives it WASI's calls over Duplex's system calls,
 * and stops and resumes it with asyncify as any program; for that it needs
 * two things the program does not export, which this adds:
 *
 *   - __dx_preempt, the preemption points' slow path (tools/preempt/ calls
 *     it): here the import sys.preempt itself, exported under that name;
 *   - __dx_sp, the program's stack pointer (its first global, as both
 *     toolchains' linkers make it), and __dx_stack_low, the lowest address
 *     its stack can reach: the end of its data if the data lies below the
 *     stack, else 0. Asyncify saves a stopped program's stack into free
 *     stack below the stack pointer: a WASI program owns all the rest of
 *     its memory (its allocator grows it with memory.grow), so the free
 *     memory above the break that Duplex's own programs leave the runtime
 *     is not there.
 */
#include <binaryen-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "wasiprep: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open", path);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(*len ? *len : 1);
    if (!b || fread(b, 1, *len, f) != *len)
        die("cannot read", path);
    fclose(f);
    return b;
}

/* Where the data ends, if it lies below sp (the stack sits above it). */
static uint32_t stack_low(BinaryenModuleRef m, uint32_t sp)
{
    uint32_t low = 0;
    for (uint32_t i = 0; i < BinaryenGetNumMemorySegments(m); i++) {
        if (BinaryenGetMemorySegmentPassive(m, i))
            continue;
        uint32_t at = BinaryenGetMemorySegmentByteOffset(m, i);
        uint32_t end = at + (uint32_t)BinaryenGetMemorySegmentByteLength(m, i);
        if (end <= sp && end > low)
            low = end;
    }
    return (low + 15) & ~15u;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        die("usage: wasiprep IN.wasm OUT.wasm", NULL);
    size_t len;
    char *bytes = slurp(argv[1], &len);
    BinaryenModuleRef m = BinaryenModuleRead(bytes, len);
    BinaryenModuleSetFeatures(m, BinaryenFeatureAll());

    if (BinaryenGetNumGlobals(m) == 0)
        die("no stack pointer (no globals)", argv[1]);
    BinaryenGlobalRef g = BinaryenGetGlobalByIndex(m, 0);
    const char *imported = BinaryenGlobalImportGetModule(g);
    if ((imported && *imported) || !BinaryenGlobalIsMutable(g) ||
        BinaryenGlobalGetType(g) != BinaryenTypeInt32())
        die("the first global is not a stack pointer", argv[1]);
    BinaryenExpressionRef init = BinaryenGlobalGetInitExpr(g);
    if (BinaryenExpressionGetId(init) != BinaryenConstId())
        die("the stack pointer does not start at a constant", argv[1]);
    uint32_t sp = (uint32_t)BinaryenConstGetValueI32(init);

    if (!BinaryenGetExport(m, "__dx_sp"))
        BinaryenAddGlobalExport(m, BinaryenGlobalGetName(g), "__dx_sp");
    if (!BinaryenGetGlobal(m, "__dx_stack_low")) {
        BinaryenAddGlobal(m, "__dx_stack_low", BinaryenTypeInt32(), false,
                          BinaryenConst(m, BinaryenLiteralInt32((int32_t)stack_low(m, sp))));
        BinaryenAddGlobalExport(m, "__dx_stack_low", "__dx_stack_low");
    }
    if (!BinaryenGetExport(m, "__dx_preempt")) {
        BinaryenAddFunctionImport(m, "__dx_sys_preempt", "sys", "preempt",
                                  BinaryenTypeNone(), BinaryenTypeNone());
        BinaryenAddFunctionExport(m, "__dx_sys_preempt", "__dx_preempt");
    }
    if (!BinaryenModuleValidate(m))
        die("the result does not validate", argv[1]);

    BinaryenModuleAllocateAndWriteResult out = BinaryenModuleAllocateAndWrite(m, NULL);
    FILE *f = fopen(argv[2], "wb");
    if (!f || fwrite(out.binary, 1, out.binaryBytes, f) != out.binaryBytes || fclose(f) != 0)
        die("cannot write", argv[2]);
    return 0;
}
