/*
 * start.c - how a program begins: the state every program has (errno,
 * environ, its name) and __libc_start_main, which the target's entry stub
 * calls once it has found argc, argv and envp (arch/<target>/).
 *
 * main is called with two arguments. The three-argument form
 * main(argc, argv, envp) is not supported: on wasm32 the compiler gives each
 * form of main its own symbol and signature, and only main(void) and
 * main(argc, argv) can be told apart there. Programs read `environ`.
 */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv);

int errno;
char **environ;
const char *__dx_progname = "";

void __libc_start_main(int argc, char **argv, char **envp)
{
    environ = envp;
    if (argc > 0 && argv[0] != NULL) {
        const char *slash = strrchr(argv[0], '/');
        __dx_progname = slash != NULL ? slash + 1 : argv[0];
    }
    exit(main(argc, argv));
}
