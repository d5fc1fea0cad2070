/*
 * echoclient - call the echo service (see echoserver) once per word.
 *
 *   echoclient [-N NAME] [-t TYPE] [-T MS] [-W MS] [-R] [-i] [-q] [WORD...]
 *
 * It looks NAME ("echo") up, waiting up to -W milliseconds (5000; 0: not
 * at all) for a server to bind it, and for each WORD makes a port_call of type TYPE (1)
 * with the word as data, printing "reply TYPE: DATA" or why the call
 * failed. -T gives each call a timeout. -q ends with a call of type 0,
 * which stops the server.
 *
 * -R first tries to receive on the handle the lookup gave: it has only
 * SEND, so that fails with EPERM. -i ends with what port_info says about
 * the handle and the port.
 *
 * Exits 0 if every call got its reply, 1 otherwise.
 */
#include <duplex.h>
#include <duplex/port.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
    fprintf(stderr, "usage: echoclient [-N NAME] [-t TYPE] [-T MS] [-W MS] [-R] [-i] [-q] "
                    "[WORD...]\n");
    exit(2);
}

static const char *rights_text(unsigned r)
{
    static char buf[64];
    buf[0] = '\0';
    const char *names[] = { "send", "receive", "manage", "grant" };
    for (int i = 0; i < 4; i++)
        if (r & (1u << i))
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
                     buf[0] ? "," : "", names[i]);
    return buf[0] ? buf : "none";
}

/* "echoclient: WHAT 'ARG': the error" (ARG may be NULL), after what was
 * printed so far, so that the two streams keep their order when they go
 * to the same place. */
static void complain(const char *what, const char *arg)
{
    int e = errno;
    fflush(stdout);
    if (arg)
        fprintf(stderr, "echoclient: %s '%s': %s\n", what, arg, strerror(e));
    else
        fprintf(stderr, "echoclient: %s: %s\n", what, strerror(e));
}

/* One call; 0 if it got its reply. */
static int call(int h, uint32_t type, const char *word, long timeout)
{
    port_msg m;
    if (port_msg_set(&m, type, word, strlen(word)) < 0) {
        fprintf(stderr, "echoclient: '%s': longer than %d bytes\n", word, PORT_MSG_DATA);
        return 1;
    }
    int r = timeout >= 0 ? port_call_timeout(h, &m, &m, timeout) : port_call(h, &m, &m);
    if (r < 0) {
        complain("call", word);
        return 1;
    }
    if (m.size)
        printf("reply %u: %.*s\n", (unsigned)m.type, (int)m.size, (const char *)m.data);
    else
        printf("reply %u, no data\n", (unsigned)m.type);
    return 0;
}

static void try_receive(int h)
{
    port_msg m;
    if (port_recv(h, &m, PORT_NONBLOCK) < 0)
        complain("port_recv on the looked-up handle", NULL);
    else
        printf("received a message on a SEND handle?\n");
}

static void info(int h, const char *name)
{
    struct k_port_info pi;
    if (port_info(h, &pi) < 0) {
        complain("port_info", NULL);
        return;
    }
    printf("port %s: this handle may %s; refused so far %llu\n", name,
           rights_text(pi.rights), (unsigned long long)pi.refused);
}

int main(int argc, char **argv)
{
    const char *name = "echo";
    uint32_t type = 1;
    long timeout = -1, wait = 5000;
    int recv_first = 0, show = 0, quit = 0, opt;
    while ((opt = getopt(argc, argv, "N:t:T:W:Riq")) != -1) {
        switch (opt) {
        case 'N': name = optarg; break;
        case 't': type = (uint32_t)strtoul(optarg, NULL, 10); break;
        case 'T': timeout = atol(optarg); break;
        case 'W': wait = atol(optarg); break;
        case 'R': recv_first = 1; break;
        case 'i': show = 1; break;
        case 'q': quit = 1; break;
        default:  usage();
        }
    }
    int h = wait > 0 ? port_lookup_timeout(name, PORT_WAITNAME | PORT_CLOEXEC, wait)
                     : port_lookup(name, PORT_CLOEXEC);
    if (h < 0) {
        complain("port_lookup", name);
        return 1;
    }
    if (recv_first)
        try_receive(h);
    int failed = 0;
    for (int i = optind; i < argc; i++)
        failed |= call(h, type, argv[i], timeout);
    if (show)
        info(h, name);
    if (quit)
        failed |= call(h, 0, "quit", timeout);
    return failed;
}
