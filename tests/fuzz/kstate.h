/*
 * kstate.h - given to the compiler with -include for every file of kernel/,
 * ipc/ and tests/unit/host.c when they are built for the fuzzer, never
 * included by a source file.
 *
 * It puts every global and static variable those files define into two
 * sections of their own, one for initialised data and one for zeroed data,
 * whatever the file looks like: the linker brackets each with
 * __start_<name> and __stop_<name>, and snapshot.c saves and restores
 * exactly those bytes. The kernel's whole state is there and in its heap;
 * nothing of libFuzzer's, the sanitizers' or the C library's is.
 */
#pragma clang section data="duplex_kdata" bss="duplex_kbss"
