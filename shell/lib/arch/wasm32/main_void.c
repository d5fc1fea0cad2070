/*
 * arch/wasm32/main_void.c - calling a main that takes no arguments.
 *
 * On WebAssembly, clang gives main(argc, argv) the symbol __main_argc_argv
 * and main(void) the symbol __main_void (a call must match the callee's
 * signature exactly, so the two cannot share a name). start.c calls
 * main(argc, argv), that is __main_argc_argv. For a program whose main
 * takes no arguments that symbol is missing, and the linker takes it from
 * this file, which is in the archive for that reason alone: it is linked in
 * only when nothing else defines __main_argc_argv.
 */
int __main_void(void);

int __main_argc_argv(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return __main_void();
}
