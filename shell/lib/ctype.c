/*
 * ctype.c - character classes of the "C" locale. Duplex has no other
 * locale, so ASCII rules: the classes are written out as comparisons,
 * which say exactly what each one means, and bytes 128-255 (and EOF)
 * belong to none.
 */
#include <ctype.h>

int isascii(int c)  { return c >= 0 && c <= 0x7f; }
int isdigit(int c)  { return c >= '0' && c <= '9'; }
int islower(int c)  { return c >= 'a' && c <= 'z'; }
int isupper(int c)  { return c >= 'A' && c <= 'Z'; }
int isalpha(int c)  { return islower(c) || isupper(c); }
int isalnum(int c)  { return isalpha(c) || isdigit(c); }
int isblank(int c)  { return c == ' ' || c == '\t'; }
int iscntrl(int c)  { return (c >= 0 && c < 0x20) || c == 0x7f; }
int isgraph(int c)  { return c > ' ' && c < 0x7f; }
int isprint(int c)  { return c >= ' ' && c < 0x7f; }
int ispunct(int c)  { return isgraph(c) && !isalnum(c); }
int toascii(int c)  { return c & 0x7f; }

/* Space, \t, \n, \v, \f, \r. */
int isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int isxdigit(int c)
{
    return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int tolower(int c)
{
    return isupper(c) ? c - 'A' + 'a' : c;
}

int toupper(int c)
{
    return islower(c) ? c - 'a' + 'A' : c;
}
