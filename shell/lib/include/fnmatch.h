/*
 * fnmatch.h - matching a name against a shell pattern (fnmatch.c).
 *
 * * ? [...] with classes ([:alpha:] ...), ranges and [!...] or [^...];
 * the flag values are glibc's.
 */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#define FNM_NOMATCH     1
#define FNM_NOESCAPE    (1 << 1)
#define FNM_PATHNAME    (1 << 0)
#define FNM_PERIOD      (1 << 2)
#define FNM_LEADING_DIR (1 << 3)
#define FNM_CASEFOLD    (1 << 4)
#define FNM_IGNORECASE  FNM_CASEFOLD

int fnmatch(const char *pattern, const char *name, int flags);

#endif
