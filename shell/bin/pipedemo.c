/*
 * pipedemo - a parent and a child talk through two pipes (docs/ipc/pipes.md).
 *
 *   pipedemo [LINE...]      default: hello, pipes, goodbye
 *
 * The parent makes two pipes, one each way, and starts a child (this
 * program again, with --child: Duplex has no fork) whose standard input is
 * the first pipe and standard output the second. For each LINE the parent
 * writes it down the first pipe and reads the child's answer - the line in
 * capitals - from the second. Then it closes its end: the child reads end
 * of file, says how many lines it answered, and exits. Only the parent
 * prints, so the output is the same on every run.
 *
 * Plain POSIX: it runs on the host as well.
 */
#include <ctype.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

_Noreturn static void die(const char *what)
{
    perror(what);
    exit(1);
}

/* The child: answer each line in capitals, then a count at end of file. */
static int child(void)
{
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, stdin)) {
        for (char *c = line; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        fputs(line, stdout);
        fflush(stdout);                 /* the parent waits for this line */
        n++;
    }
    printf("%d lines\n", n);
    return 0;
}

static pid_t start_child(const char *self, int down[2], int up[2])
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, down[0], 0);
    posix_spawn_file_actions_adddup2(&fa, up[1], 1);
    posix_spawn_file_actions_addclose(&fa, down[0]);
    posix_spawn_file_actions_addclose(&fa, down[1]);   /* or it never reads EOF */
    posix_spawn_file_actions_addclose(&fa, up[0]);
    posix_spawn_file_actions_addclose(&fa, up[1]);
    char *argv[] = { (char *)self, "--child", NULL };
    pid_t pid;
    int r = posix_spawnp(&pid, self, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        fprintf(stderr, "pipedemo: cannot start the child: %s\n", strerror(r));
        exit(1);
    }
    return pid;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--child") == 0)
        return child();
    static char *deflt[] = { "hello", "pipes", "goodbye" };
    char **lines = argc > 1 ? argv + 1 : deflt;
    int nlines = argc > 1 ? argc - 1 : 3;

    int down[2], up[2];
    if (pipe(down) < 0 || pipe(up) < 0)
        die("pipedemo: pipe");
    pid_t pid = start_child(argv[0], down, up);
    close(down[0]);
    close(up[1]);
    FILE *to = fdopen(down[1], "w"), *from = fdopen(up[0], "r");
    if (!to || !from)
        die("pipedemo: fdopen");
    char answer[256];
    for (int i = 0; i < nlines; i++) {
        fprintf(to, "%s\n", lines[i]);
        fflush(to);
        if (!fgets(answer, sizeof answer, from))
            die("pipedemo: the child did not answer");
        answer[strcspn(answer, "\n")] = '\0';
        printf("parent sent \"%s\", child answered \"%s\"\n", lines[i], answer);
    }
    fclose(to);                         /* the child reads end of file */
    if (fgets(answer, sizeof answer, from))
        printf("child, at end of file: %s", answer);
    fclose(from);
    int status;
    waitpid(pid, &status, 0);
    printf("child exited with status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}
