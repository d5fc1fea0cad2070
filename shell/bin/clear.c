/*
 * clear - clear the terminal screen.
 *
 * Writes the ANSI sequence "ESC [ H" (cursor home) then "ESC [ 2 J" (erase
 * the whole screen). Duplex has no terminfo database; every terminal it
 * talks to (xterm.js in the page, the serial console under QEMU) speaks
 * ANSI, so the sequence is fixed. Arguments are ignored.
 */
#include <unistd.h>

int main(void)
{
    static const char seq[] = "\033[H\033[2J";
    return write(STDOUT_FILENO, seq, sizeof seq - 1) == (ssize_t)(sizeof seq - 1) ? 0 : 1;
}
