/*
 * echoserver - a service on a port: answers every call with its own words
 * (docs/ipc/ports.md; echoclient is the other side).
 *
 *   echoserver [-N NAME] [-t TYPES] [-s MAXSIZE] [-r RATE] [-n COUNT]
 *
 * It makes a port, binds it to NAME ("echo") so that clients find it with
 * port_lookup - which gives them a handle with SEND only - and serves:
 *
 *   type 1   the answer is the request itself (type 1, the same data)
 *   type 2   the same, in capitals
 *   type 0   the answer is "bye", and the server exits
 *   other    the answer has type 99 and no data
 *
 * A message sent without port_call is counted and dropped. -t, -s and -r
 * set the port's filter: the types it accepts (a list: -t 0,1), the
 * largest payload, the messages per second. -n: exit after COUNT requests.
 *
 * It prints nothing, so that it can run in the background of a transcript
 * whose output must not depend on who runs first; echoclient -i shows what
 * the port has seen.
 *
 * Duplex-only: it uses <duplex/port.h> (and <duplex.h> marks it so for the
 * host build in shell/bin/bin.mk).
 */
#include <duplex.h>
#include <duplex/port.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ECHO_QUIT  0
#define ECHO_SAME  1
#define ECHO_UPPER 2
#define ECHO_WHAT  99

static void usage(void)
{
    fprintf(stderr, "usage: echoserver [-N NAME] [-t TYPE,...] [-s MAXSIZE] [-r RATE] "
                    "[-n COUNT]\n");
    exit(2);
}

/* "0,1,5" -> bits 0, 1 and 5 */
static uint64_t type_mask(const char *s)
{
    uint64_t mask = 0;
    while (*s) {
        char *end;
        long t = strtol(s, &end, 10);
        if (end == s || t < 0 || t > 63 || (*end && *end != ','))
            usage();
        mask |= (uint64_t)1 << t;
        s = *end ? end + 1 : end;
    }
    return mask;
}

/* The answer to request m, in place. */
static void answer(port_msg *m)
{
    switch (m->type) {
    case ECHO_QUIT:
        port_msg_set(m, ECHO_QUIT, "bye", 3);
        break;
    case ECHO_UPPER:
        for (int i = 0; i < m->size; i++)
            m->data[i] = (uint8_t)toupper(m->data[i]);
        break;
    case ECHO_SAME:
        break;
    default:
        port_msg_set(m, ECHO_WHAT, NULL, 0);
    }
    m->nhandles = 0;
}

/* Close whatever handles a request carried: this server has no use for
 * them. */
static void drop_handles(const port_msg *m)
{
    for (int i = 0; i < m->nhandles; i++)
        close(m->handles[i]);
}

static int serve(int port, long count)
{
    port_msg m;
    for (long served = 0; count < 0 || served < count; served++) {
        if (port_recv(port, &m, 0) < 0) {
            perror("echoserver: port_recv");
            return 1;
        }
        drop_handles(&m);
        if (!(m.flags & PORT_MSG_CALL))
            continue;
        int type = (int)m.type, reply = m.reply;
        answer(&m);
        if (port_reply(reply, &m) < 0 && errno != EPIPE)  /* EPIPE: the caller left */
            perror("echoserver: port_reply");
        if (type == ECHO_QUIT)
            break;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *name = "echo";
    struct k_port_filter f = { 0, 0, 0 };
    long count = -1;
    int opt;
    while ((opt = getopt(argc, argv, "N:t:s:r:n:")) != -1) {
        switch (opt) {
        case 'N': name = optarg; break;
        case 't': f.types = type_mask(optarg); break;
        case 's': f.maxsize = (uint32_t)atoi(optarg); break;
        case 'r': f.rate = (uint32_t)atoi(optarg); break;
        case 'n': count = atol(optarg); break;
        default:  usage();
        }
    }
    if (optind != argc)
        usage();
    int port = port_create(PORT_CLOEXEC);
    if (port < 0) {
        perror("echoserver: port_create");
        return 1;
    }
    if (port_set_filter(port, &f) < 0) {
        perror("echoserver: port_set_filter");
        return 1;
    }
    if (port_bind(port, name, PORT_SEND) < 0) {
        fprintf(stderr, "echoserver: port_bind %s: %s\n", name, strerror(errno));
        return 1;
    }
    return serve(port, count);
}
