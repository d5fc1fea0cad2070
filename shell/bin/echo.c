/*
 * echo - write the arguments, separated by spaces, and a newline.
 *
 *   echo [-neE] [STRING...]
 *
 *   -n  no trailing newline
 *   -e  interpret backslash escapes: \\ \a \b \c \e \f \n \r \t \v
 *       \0NNN \NNN (octal) \xHH (hex); \c ends the output right there
 *   -E  do not interpret them (the default)
 *
 * As in GNU echo, an argument counts as options only when it is "-"
 * followed by nothing but the letters n, e and E; anything else ("-x",
 * "--") is text to print.
 */
#include <stdio.h>
#include <string.h>

static int is_option(const char *s)
{
    if (s[0] != '-' || s[1] == '\0')
        return 0;
    return strspn(s + 1, "neE") == strlen(s + 1);
}

static int octal_digit(char c)
{
    return c >= '0' && c <= '7';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
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
    if (c == 'x' && hex_value(*s) >= 0) {
        int v = hex_value(*s++);
        if (hex_value(*s) >= 0)
            v = v * 16 + hex_value(*s++);
        *sp = s;
        return v;
    }
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
    int newline = 1, escapes = 0, i = 1;
    for (; i < argc && is_option(argv[i]); i++) {
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n')
                newline = 0;
            else
                escapes = *p == 'e';
        }
    }
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (!escapes)
            fputs(argv[i], stdout);
        else if (!print_escaped(argv[i]))
            return fflush(stdout) != 0;
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) != 0;
}
