/*
 * poweroff - switch the machine off.
 *
 *   poweroff
 *
 * Every process stops where it is; nothing is saved, since Duplex's files
 * live in memory. The launcher that runs the machine then ends with
 * status 0: `./duplex`, `./duplex -c`, QEMU under arm64/run.sh. In the
 * browser the page says that Duplex has stopped.
 *
 * Only root may do it, as with Linux's reboot(2): anyone else gets
 * "poweroff: Operation not permitted" and status 1. It takes no operands
 * (status 2 for any); on success it does not return.
 *
 * The poweroff() call of <duplex.h> is the same one init makes when its
 * shell ends under a launcher (init --once, init -c), with the shell's
 * status instead of 0.
 */
#include <duplex.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: poweroff\n");
        return 2;
    }
    poweroff(0);
    fprintf(stderr, "poweroff: %s\n", strerror(errno));
    return 1;
}
