/* execvp and execlp run a file that is no program - a shell script
 * without #! - with /bin/sh, the file its first operand (POSIX execvp:
 * ENOEXEC); execv leaves it to the caller, failing with ENOEXEC. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_script(const char *name)
{
    FILE *f = fopen(name, "w");
    if (f == NULL) {
        perror(name);
        exit(1);
    }
    fputs("echo \"$0 ran with $# arguments: $*\"\nexit 3\n", f);
    fclose(f);
    chmod(name, 0755);
}

/* Run how(child) in a child and report its exit status. */
static void run(const char *what, void (*how)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        how();
        printf("%s failed: %s\n", what, strerror(errno));
        fflush(stdout);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        printf("%s: exit status %d\n", what, WEXITSTATUS(status));
}

static void by_execvp(void)
{
    char *argv[] = { "script", "one", "two", NULL };
    execvp("./script", argv);
}

static void by_execlp_in_path(void)
{
    setenv("PATH", ".:/bin:/usr/bin", 1);
    execlp("script", "script", "three", (char *)NULL);
}

static void by_execv(void)
{
    char *argv[] = { "script", NULL };
    execv("./script", argv);
}

int main(void)
{
    write_script("script");
    run("execvp ./script", by_execvp);
    run("execlp script (PATH)", by_execlp_in_path);
    run("execv ./script", by_execv);
    unlink("script");
    return 0;
}
