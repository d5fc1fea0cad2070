/*
 * exit.c - how a program ends: exit() runs the atexit handlers, flushes
 * stdio, then _exit()s; abort() dies of SIGABRT.
 *
 * stdio is flushed through a hook (__dx_stdio_exit) that stdio sets the
 * first time a stream is written, so a program that never uses stdio does
 * not carry it.
 */
#include "libc.h"
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void (*__dx_stdio_exit)(void);

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
    if (nhandlers == ATEXIT_MAX)
        return -1;
    handlers[nhandlers++] = fn;
    return 0;
}

/* Handlers run last-registered first; one may register another, which then
 * runs next. */
void exit(int status)
{
    while (nhandlers > 0)
        handlers[--nhandlers]();
    if (__dx_stdio_exit != NULL)
        __dx_stdio_exit();
    _exit(status);
}

void _Exit(int status)
{
    _exit(status);
}

/* Raise SIGABRT. If a handler returns, or the signal is ignored or
 * blocked, put back the default action and raise it again: abort() never
 * returns. Streams are not flushed (as in glibc). */
void abort(void)
{
    raise(SIGABRT);

    struct sigaction dfl = { .sa_handler = SIG_DFL };
    sigset_t set;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGABRT, &dfl, NULL);
    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    _exit(127);
}
