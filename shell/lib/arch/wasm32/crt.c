/*
 * crt.c - a program's side of the web target: the system-call instruction,
 * the entry point, and the hooks the JS runtime (web/process.js) uses.
 *
 * A process is its own WebAssembly instance. It imports sys.syscall, and
 * sys.preempt (called by __dx_preempt, below, from the preemption points
 * that web/preempt.js adds to every program), and exports:
 *   __dx_argbuf(size)     memory for the argument block, filled by the runtime
 *   __dx_start(block)     the entry: [argc][argv...][0][envp...][0][strings]
 *   __dx_asyncify_data()  the header that says where asyncify saves the stack
 *   __dx_sigframe()       where the runtime leaves a signal to handle
 *   __dx_preempt()        the preemption points' slow path (exported so that
 *                         the tool finds it, and the linker keeps it)
 * (and, from the asyncify pass, asyncify_start_unwind and friends).
 *
 * Signal handlers run here, in the program, not from JS: a handler may make
 * system calls that block, and a blocked stack can only be unwound through
 * WebAssembly frames. After each system call the runtime may leave a signal
 * in the frame; __dx_syscall calls the handler, then sigreturn (which
 * restores the signal mask), before handing the call's result back. A
 * program stopped at a preemption point finds its signal the same way, in
 * __dx_preempt, when it runs again.
 * -ERESTART means "a handler interrupted the call and it is to be restarted":
 * the handlers run, then the call is issued again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <signal.h>
#include "../../libc.h"

#define ERESTART 512

__attribute__((import_module("sys"), import_name("syscall")))
long __dx_sys(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

const unsigned long __dx_sig_restorer = 0;     /* the runtime needs none */

/* The runtime writes here (web/runtime.js writeSigframe). */
struct sigframe {
    volatile uint32_t pending;
    uint32_t signo;
    uint32_t handler;
    uint32_t flags;
    uint32_t mask_lo, mask_hi;
};
static struct sigframe sigframe;

/* Out of line, so that the system-call path below stays small: asyncify
 * instruments every function that can reach the import, and each local and
 * call site it keeps costs a little on every call. */
__attribute__((noinline)) static void run_handlers(void)
{
    while (sigframe.pending) {
        struct sigframe f = sigframe;
        sigframe.pending = 0;
        if (f.flags & SA_SIGINFO) {
            siginfo_t info = { .si_signo = (int)f.signo };
            ((void (*)(int, siginfo_t *, void *))(uintptr_t)f.handler)((int)f.signo, &info, 0);
        } else {
            ((void (*)(int))(uintptr_t)f.handler)((int)f.signo);
        }
        __dx_sys(SYS_sigreturn, (long)f.mask_lo, (long)f.mask_hi, 0, 0, 0, 0);
    }
}

/* The slow path of a preemption point. web/preempt.js puts a check at
 * every loop head and at the entry of every function that can recurse;
 * when the budget it counts down runs out, the check calls this, and the
 * import asks the runtime whether the time slice is over. If it is, the
 * runtime unwinds the program here, as at a blocking system call, and when
 * the process runs again the import returns - having refilled the budget,
 * and perhaps left a signal in the frame, whose handler then runs here as
 * after a system call. */
__attribute__((import_module("sys"), import_name("preempt")))
void __dx_sys_preempt(void);

__attribute__((export_name("__dx_preempt")))
void __dx_preempt(void)
{
    __dx_sys_preempt();
    if (__builtin_expect(sigframe.pending != 0, 0))
        run_handlers();
}

long __dx_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    for (;;) {
        long r = __dx_sys(nr, a0, a1, a2, a3, a4, a5);
        if (__builtin_expect(sigframe.pending != 0, 0))
            run_handlers();
        if (r != -ERESTART)
            return r;
    }
}

/* Asyncify's header, {current, end}: where an unwind saves the stack. The
 * runtime points it at the free memory above the program's break before
 * every unwind, with room for any stack the engine can hold
 * (web/process.js, unwind). */
static uint32_t asyncify_data[2] __attribute__((aligned(8)));

__attribute__((export_name("__dx_asyncify_data")))
void *__dx_asyncify_data(void) { return asyncify_data; }

__attribute__((export_name("__dx_sigframe")))
void *__dx_sigframe(void) { return &sigframe; }

__attribute__((export_name("__dx_argbuf")))
void *__dx_argbuf(unsigned size) { return malloc(size); }

__attribute__((export_name("__dx_start")))
void __dx_start(uint32_t *block)
{
    int argc = (int)block[0];
    char **argv = (char **)(block + 1);
    char **envp = argv + argc + 1;
    __libc_start_main(argc, argv, envp);
}
