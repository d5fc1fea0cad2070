/*
 * arch/wasm32/start.c - how the JS runtime starts a program and calls its
 * signal handlers, and where asyncify keeps an unwound stack. Everything
 * here is an export of the process's instance; README.md beside this file
 * describes the protocol from the runtime's side.
 *
 *   __dx_argbuf(size)   returns a buffer of size bytes (malloc'd) for the
 *                       runtime to fill with the argument block
 *   __dx_start(block)   starts the program: block holds, as 32-bit words,
 *                       [argc][argv[0]..argv[argc-1]][0][envp...][0] and
 *                       then the strings those pointers point to
 *   __dx_sigcall(h, s)  calls signal handler h (a function-table index, as
 *                       the kernel was given it) with signal number s
 *   __dx_asyncify_data  the asyncify save area: {cur, end} then 16 KiB
 *                       (a data export: link with --export=__dx_asyncify_data)
 */
#include "../../libc.h"
#include <stdlib.h>

#define ASYNCIFY_STACK (16 * 1024)

/* The asyncify data structure: the instrumented code saves the call stack
 * from cur upwards and traps if it would pass end. The runtime resets cur
 * and end before every unwind; the initial values are the right ones. */
struct asyncify_data {
    uint32_t cur;
    uint32_t end;
    unsigned char stack[ASYNCIFY_STACK];
};

_Alignas(16) struct asyncify_data __dx_asyncify_data = {
    (uint32_t)(uintptr_t)&__dx_asyncify_data.stack[0],
    (uint32_t)(uintptr_t)&__dx_asyncify_data.stack[ASYNCIFY_STACK],
    { 0 },
};

__attribute__((export_name("__dx_argbuf")))
void *__dx_argbuf(unsigned size)
{
    return malloc(size);
}

__attribute__((export_name("__dx_start")))
void __dx_start(void *block)
{
    int argc = *(int *)block;
    char **argv = (char **)block + 1;
    char **envp = argv + argc + 1;
    __libc_start_main(argc, argv, envp);
}

__attribute__((export_name("__dx_sigcall")))
void __dx_sigcall(long handler, int signo)
{
    ((void (*)(int))(uintptr_t)handler)(signo);
}
