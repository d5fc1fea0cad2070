/*
 * ss - list the Unix-domain sockets of the system.
 *
 *   ss -x         connected sockets
 *   ss -x -l      listening sockets
 *   ss -x -a      all of them
 *
 *   $ ss -x -a
 *   Netid  State   Recv-Q Send-Q Local Address:Port  Peer Address:Port
 *   u_str  LISTEN  0      5      /tmp/s 3             * 0
 *   u_str  ESTAB   0      0      /tmp/s 5             * 4
 *
 * As iproute2's ss: Netid is u_str, u_dgr or u_seq; State LISTEN, ESTAB
 * (a datagram socket with a default peer too), UNCONN, or CLOSE once the
 * peer has gone; Recv-Q the bytes waiting to be read (a listener: the
 * connections waiting for accept) and Send-Q the bytes this socket has
 * queued at its peer (a listener: its backlog). "Port" is the socket's
 * number - Linux's inode number - and the peer's; a socket without a name
 * is "*". The list comes from Duplex's sock_list call (<duplex/sock.h>).
 * Only -x: there is no network.
 */
#include <duplex.h>          /* Duplex-only: no host build (shell/bin/bin.mk) */
#include <duplex/sock.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *netid(int type)
{
    return type == SOCK_STREAM ? "u_str" : type == SOCK_DGRAM ? "u_dgr" : "u_seq";
}

static const char *state(int st)
{
    switch (st) {
    case SOCK_ST_LISTEN: return "LISTEN";
    case SOCK_ST_ESTAB:  return "ESTAB";
    case SOCK_ST_CLOSED: return "CLOSE";
    default:             return "UNCONN";
    }
}

/* The socket's address as ss prints it: the path, @name for an abstract
 * one, * for none. */
static void name_of(const struct k_sockinfo *si, char *out, size_t size)
{
    size_t n = si->namelen > SUN_PATH_OFFSET ? si->namelen - SUN_PATH_OFFSET : 0;
    if (n == 0) {
        snprintf(out, size, "*");
    } else if (si->addr.sun_path[0] == '\0') {
        snprintf(out, size, "@%.*s", (int)(n - 1), si->addr.sun_path + 1);
    } else {
        snprintf(out, size, "%.*s", (int)strnlen(si->addr.sun_path, n), si->addr.sun_path);
    }
}

int main(int argc, char **argv)
{
    int unix_ = 0, listening = 0, all = 0, c;
    while ((c = getopt(argc, argv, "xla")) != -1) {
        switch (c) {
        case 'x': unix_ = 1; break;
        case 'l': listening = 1; break;
        case 'a': all = 1; break;
        default:
            fprintf(stderr, "usage: ss -x [-l] [-a]\n");
            return 1;
        }
    }
    if (!unix_ || optind != argc) {
        fprintf(stderr, "usage: ss -x [-l] [-a]\n");
        return 1;
    }
    printf("%-6s %-7s %-6s %-6s %-20s %s\n", "Netid", "State", "Recv-Q", "Send-Q",
           "Local Address:Port", "Peer Address:Port");
    struct k_sockinfo si;
    int slot = 0;
    while ((slot = sock_list(slot, &si)) > 0) {
        int is_listen = si.state == SOCK_ST_LISTEN;
        if (!all && (listening ? !is_listen : is_listen))
            continue;
        char name[120], local[140], peer[40];
        name_of(&si, name, sizeof name);
        snprintf(local, sizeof local, "%s %u", name, si.id);
        snprintf(peer, sizeof peer, "* %u", si.peer);
        printf("%-6s %-7s %-6u %-6u %-20s %s\n", netid(si.type), state(si.state),
               si.recvq, si.sendq, local, peer);
    }
    if (slot < 0) {
        perror("ss");
        return 1;
    }
    return 0;
}
