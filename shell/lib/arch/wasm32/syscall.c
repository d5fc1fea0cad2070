/*
 * arch/wasm32/syscall.c - the system call on WebAssembly: a call to the
 * function `syscall` that the JS runtime provides in the import module
 * `sys`. Every argument and the result are i32 (long is 32 bits here).
 *
 * The runtime passes the call to the kernel. When the kernel says the
 * process must wait, the runtime unwinds the process's stack with asyncify
 * (see start.c and README.md) and, once the process may run again, rewinds
 * it into this same import call and issues the system call afresh.
 */
#include "../../libc.h"

__attribute__((import_module("sys"), import_name("syscall")))
long __dx_sys_import(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

long __dx_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    return __dx_sys_import(nr, a0, a1, a2, a3, a4, a5);
}

/* The runtime returns from a signal handler by itself (after __dx_sigcall
 * returns, it makes the sigreturn call for the process): no restorer. */
const unsigned long __dx_sig_restorer = 0;
