/*
 * echo - write the arguments, separated by spaces, and a newline.
 *
 *   echo [-n] [STRING...]
 *
 *   -n  no trailing newline (only as the first argument, exactly "-n")
 *
 * As dash's echo and POSIX's XSI one: there are no other options (`echo -e
 * x` prints "-e x"), and backslash escapes are always interpreted: \\ \a
 * \b \c \e \f \n \r \t \v, \0NNN and \NNN (octal); \c ends the output
 * right there. The shell's builtin echo behaves the same.
 */
#include <stdio.h>
#include <string.h>

static int octal_digit(char c)
{
    return c >= '0' && c <= '7';
}

/* Decode the escape after a backslash at *sp; advances *sp past it.
 * Returns the byte, -1 for \c, or -2 when it is no escape (the backslash
 * then prints as itself). */
static int escape(const char **sp)
{
    const char *s = *sp;
    int c = (unsigned char)*s++;
    const char *simple = "a\ab\be\033f\fn\nr\rt\tv\v\\\\";
    const char *hit = c ? strchr(simple, c) : NULL;
    if (hit && (hit - simple) % 2 == 0) {
        *sp = s;
        return (unsigned char)hit[1];
    }
    if (c == 'c')
        return -1;
    if (octal_digit((char)c)) {
        int v = c - '0';
        /* \0 takes up to three more digits, \N up to two. */
        int more = c == '0' ? 3 : 2;
        while (more-- > 0 && octal_digit(*s))
            v = v * 8 + (*s++ - '0');
        *sp = s;
        return v & 0xff;
    }
    return -2;
}

/* Print s with escapes decoded; returns 0 after \c (stop everything). */
static int print_escaped(const char *s)
{
    while (*s) {
        if (*s != '\\') {
            putchar(*s++);
            continue;
        }
        s++;
        int c = escape(&s);
        if (c == -1)
            return 0;
        if (c == -2)
            putchar('\\');
        else
            putchar(c);
    }
    return 1;
}

int main(int argc, char **argv)
{
    int newline = 1, i = 1;
    if (i < argc && strcmp(argv[i], "-n") == 0) {
        newline = 0;
        i++;
    }
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (!print_escaped(argv[i]))
            return fflush(stdout) != 0;
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) != 0;
}
