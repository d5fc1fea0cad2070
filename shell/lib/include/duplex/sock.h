/*
 * duplex/sock.h - Duplex's own call that lists the Unix-domain sockets of
 * the system, for ss (the records are kernel/uapi/socket.h's k_sockinfo).
 */
#ifndef _DUPLEX_SOCK_H
#define _DUPLEX_SOCK_H

#include <sys/socket.h>

/* Fill *si with the socket after slot (start at 0). Returns the slot to
 * ask for next, 0 after the last socket, -1 on error. */
int sock_list(int slot, struct k_sockinfo *si);

#endif
