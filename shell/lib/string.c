/*
 * string.c - NUL-terminated strings (string.h) and the case-insensitive
 * comparisons of strings.h. All byte comparisons are of unsigned chars,
 * as the standard requires.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p != '\0')
        p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n] != '\0')
        n++;
    return n;
}

char *stpcpy(char *dst, const char *src)
{
    while ((*dst = *src++) != '\0')
        dst++;
    return dst;
}

char *strcpy(char *dst, const char *src)
{
    stpcpy(dst, src);
    return dst;
}

/* Copy at most n bytes and pad with NULs to n: the result is not
 * terminated if src is n bytes or longer. Returns the end of the copy. */
char *stpncpy(char *dst, const char *src, size_t n)
{
    size_t len = strnlen(src, n);
    memcpy(dst, src, len);
    memset(dst + len, 0, n - len);
    return dst + len;
}

char *strncpy(char *dst, const char *src, size_t n)
{
    stpncpy(dst, src, n);
    return dst;
}

/* BSD's: always terminates (if size > 0); returns strlen(src), so a
 * result >= size means the copy was cut short. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);
    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

size_t strlcat(char *dst, const char *src, size_t size)
{
    size_t dlen = strnlen(dst, size);
    if (dlen == size)
        return size + strlen(src);
    return dlen + strlcpy(dst + dlen, src, size - dlen);
}

char *strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);
    size_t len = strnlen(src, n);
    memcpy(d, src, len);
    d[len] = '\0';
    return dst;
}

int strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p != '\0' && *p == *q)
        p++, q++;
    return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (; n > 0; n--, p++, q++)
        if (*p != *q || *p == '\0')
            return *p - *q;
    return 0;
}

/* Only the "C" locale: collation is byte order. */
int strcoll(const char *a, const char *b)
{
    return strcmp(a, b);
}

int strcasecmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p != '\0' && tolower(*p) == tolower(*q))
        p++, q++;
    return tolower(*p) - tolower(*q);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (; n > 0; n--, p++, q++)
        if (tolower(*p) != tolower(*q) || *p == '\0')
            return tolower(*p) - tolower(*q);
    return 0;
}

/* strchrnul: like strchr, but the end of s rather than NULL when c is not
 * there. Looking for '\0' finds the terminator. */
char *strchrnul(const char *s, int c)
{
    while (*s != '\0' && *s != (char)c)
        s++;
    return (char *)s;
}

char *strchr(const char *s, int c)
{
    char *p = strchrnul(s, c);
    return *p == (char)c ? p : NULL;
}

char *strrchr(const char *s, int c)
{
    const char *found = NULL;
    do {
        if (*s == (char)c)
            found = s;
    } while (*s++ != '\0');
    return (char *)found;
}

char *strstr(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return (char *)hay;
    for (; (hay = strchr(hay, *needle)) != NULL; hay++)
        if (strncmp(hay, needle, n) == 0)
            return (char *)hay;
    return NULL;
}

/* The length of the prefix of s made only of bytes in set (accept = 1)
 * or only of bytes not in set (accept = 0). */
static size_t span(const char *s, const char *set, int accept)
{
    unsigned char in[256] = { 0 };
    size_t n = 0;

    while (*set != '\0')
        in[(unsigned char)*set++] = 1;
    while (s[n] != '\0' && in[(unsigned char)s[n]] == accept)
        n++;
    return n;
}

size_t strspn(const char *s, const char *accept)
{
    return span(s, accept, 1);
}

size_t strcspn(const char *s, const char *reject)
{
    return span(s, reject, 0);
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s != '\0' ? (char *)s : NULL;
}

/* The next token of *save (or of s, when s is not NULL): skip delimiters,
 * cut at the next one. Returns NULL when only delimiters remain. */
char *strtok_r(char *s, const char *delim, char **save)
{
    if (s == NULL)
        s = *save;
    s += strspn(s, delim);
    if (*s == '\0') {
        *save = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end != '\0')
        *end++ = '\0';
    *save = end;
    return s;
}

char *strtok(char *s, const char *delim)
{
    static char *save;
    return strtok_r(s, delim, &save);
}

/* Unlike strtok, strsep returns empty fields between adjacent delimiters. */
char *strsep(char **sp, const char *delim)
{
    char *s = *sp;
    if (s == NULL)
        return NULL;
    char *end = s + strcspn(s, delim);
    if (*end != '\0') {
        *end = '\0';
        *sp = end + 1;
    } else {
        *sp = NULL;
    }
    return s;
}

char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *d = malloc(len + 1);
    if (d != NULL) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

char *strdup(const char *s)
{
    return strndup(s, (size_t)-1);
}

/* The position (from 1) of the lowest set bit, 0 for none. */
int ffs(int i)
{
    unsigned u = (unsigned)i;
    int n = 1;
    if (u == 0)
        return 0;
    while ((u & 1) == 0)
        u >>= 1, n++;
    return n;
}
