/* Counting children with SIGCHLD: the handler reaps every child that has
 * ended (signals do not queue: one SIGCHLD may stand for several). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t reaped;

static void on_child(int sig)
{
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped++;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_child;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    for (int i = 0; i < 5; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            usleep(10000 * (i + 1));
            _exit(i);
        }
    }
    while (reaped < 5)
        pause();
    printf("reaped %d children\n", (int)reaped);
    return 0;
}
