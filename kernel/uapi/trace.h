/*
 * uapi/trace.h - what the trace program shares with the kernel (kernel/trace.c).
 *
 * trace_open(flags) gives the caller a descriptor (close-on-exec) from which
 * it reads, as text, one line per system call of the children it spawns or
 * forks from then on; read returns 0 once no traced process is left and
 * every line has been read.
 */
#ifndef DUPLEX_UAPI_TRACE_H
#define DUPLEX_UAPI_TRACE_H

#define TRACE_FOLLOW  1     /* trace the children of traced processes too (-f) */
#define TRACE_PIDS    2     /* begin each line with "[pid N] " */

#endif
