/*
 * uapi/wait.h - wait4() options and the encoding of a wait status
 * (Linux's: exit code in bits 8-15, terminating signal in bits 0-6,
 * 0x7f in the low byte for a stopped child, 0xffff for a continued one).
 */
#ifndef DUPLEX_UAPI_WAIT_H
#define DUPLEX_UAPI_WAIT_H

#define WNOHANG    1
#define WUNTRACED  2
#define WCONTINUED 8

#define W_EXITCODE(ret, sig) (((ret) << 8) | (sig))
#define W_STOPCODE(sig)      (((sig) << 8) | 0x7f)
#define W_CONTINUED          0xffff

#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s)    ((s) & 0x7f)
#define WSTOPSIG(s)    WEXITSTATUS(s)
#define WIFEXITED(s)   (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
