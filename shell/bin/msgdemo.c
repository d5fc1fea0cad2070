/*
 * msgdemo - request and response over one System V message queue.
 *
 *   msgdemo                  a client and a server, over a new private queue
 *   msgdemo -s ID            be the server on queue ID
 *   msgdemo -c ID WORD...    be a client of queue ID: send each WORD
 *
 * One queue carries both directions, told apart by the message type: a
 * client sends each request as type 1 and waits for a message of type 2;
 * the server waits for type 1 (msgrcv with type 1 skips the replies still
 * queued for clients), and answers each request with its text in capitals,
 * as type 2. A request "quit" makes the server answer "bye" and stop.
 *
 * With no arguments, msgdemo makes a private queue (IPC_PRIVATE: no key;
 * only who is told the id can use it), starts a copy of itself as the
 * server with the id on its command line, sends three requests and quit,
 * waits for the server to exit and removes the queue. Its output is the
 * same on every run:
 *
 *     client: "ping" -> "PING"
 *     ...
 *     server: 3 requests answered
 *     client: "quit" -> "bye"
 *     client: queue removed
 *
 * Every line is flushed as it is printed, so that the two processes'
 * lines appear in the order they happen. docs/ipc/msgq.md walks through
 * this program.
 */
#include <ctype.h>
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG "msgdemo"
#define REQUEST 1L
#define REPLY   2L
#define TEXTMAX 64

extern char **environ;

struct message {
    long mtype;
    char mtext[TEXTMAX];
};

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG "                 client and server over a new queue\n"
               "       " PROG " -s ID           serve requests on queue ID\n"
               "       " PROG " -c ID WORD...   send each WORD to the server of queue ID\n");
    exit(status);
}

static void die(const char *what)
{
    fprintf(stderr, PROG ": %s: %s\n", what, strerror(errno));
    exit(1);
}

static int parse_id(const char *s)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (!*s || *end || errno || n < 0 || n > 0x7fffffffL) {
        fprintf(stderr, PROG ": invalid queue id '%s'\n", s);
        exit(1);
    }
    return (int)n;
}

/* Send text as a message of the given type. */
static void send_text(int id, long type, const char *text)
{
    struct message m = { .mtype = type };
    size_t n = strlen(text);
    if (n >= TEXTMAX)
        n = TEXTMAX - 1;
    memcpy(m.mtext, text, n);
    if (msgsnd(id, &m, n, 0) != 0)
        die("cannot send");
}

/* Wait for a message of the given type; its text, NUL-terminated, in m. */
static void receive(int id, long type, struct message *m)
{
    ssize_t n = msgrcv(id, m, TEXTMAX - 1, type, MSG_NOERROR);
    if (n < 0)
        die("cannot receive");
    m->mtext[n] = '\0';
}

/* The server: answer requests until "quit". */
static int serve(int id)
{
    struct message m;
    int served = 0;
    for (;;) {
        receive(id, REQUEST, &m);
        if (strcmp(m.mtext, "quit") == 0)
            break;
        for (char *c = m.mtext; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        send_text(id, REPLY, m.mtext);
        served++;
    }
    printf("server: %d request%s answered\n", served, served == 1 ? "" : "s");
    fflush(stdout);
    send_text(id, REPLY, "bye");
    return 0;
}

/* One request and its reply, printed. */
static void ask(int id, const char *word)
{
    struct message m;
    send_text(id, REQUEST, word);
    receive(id, REPLY, &m);
    printf("client: \"%s\" -> \"%s\"\n", word, m.mtext);
    fflush(stdout);
}

/* The whole play: queue, server, requests, cleanup. */
static int demo(const char *self)
{
    int id = msgget(IPC_PRIVATE, 0600);
    if (id < 0)
        die("cannot make a queue");
    char idtext[16];
    snprintf(idtext, sizeof idtext, "%d", id);
    char *args[] = { (char *)self, "-s", idtext, NULL };
    pid_t pid;
    int err = posix_spawnp(&pid, self, NULL, NULL, args, environ);
    if (err) {
        fprintf(stderr, PROG ": cannot start the server: %s\n", strerror(err));
        msgctl(id, IPC_RMID, NULL);
        return 1;
    }
    const char *words[] = { "ping", "hello", "message queues", "quit" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        ask(id, words[i]);
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fprintf(stderr, PROG ": the server failed\n");
    if (msgctl(id, IPC_RMID, NULL) != 0)
        die("cannot remove the queue");
    printf("client: queue removed\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 1)
        return demo(argv[0]);
    if (strcmp(argv[1], "--help") == 0)
        usage(0);
    if (strcmp(argv[1], "-s") == 0 && argc == 3)
        return serve(parse_id(argv[2]));
    if (strcmp(argv[1], "-c") == 0 && argc >= 4) {
        int id = parse_id(argv[2]);
        for (int i = 3; i < argc; i++)
            ask(id, argv[i]);
        return 0;
    }
    usage(1);
    return 1;
}
