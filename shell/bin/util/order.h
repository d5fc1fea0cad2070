/*
 * order.h - orderings of text that more than one utility sorts by
 * (order.c): sort -V and -h. Each compares a[0, alen) with b[0, blen)
 * and returns <0, 0 or >0, as memcmp.
 */
#ifndef DUPLEX_ORDER_H
#define DUPLEX_ORDER_H

#include <stddef.h>

/* Version order (GNU's): runs of digits compare as numbers, other
 * characters as letters < other bytes, '~' before everything, even the
 * end; "." and ".." first, then names starting with '.'; file suffixes
 * (".tar.gz") only decide between names that are otherwise the same. */
int version_compare(const char *a, size_t alen, const char *b, size_t blen);

/* -h's order of units: the unit that follows a number (K or k, M, G, T,
 * P, E, Z, Y, R, Q), negative for a negative number and 0 for none or
 * for a zero. Leading blanks are skipped. Numbers with the same unit
 * then compare by value. */
int human_unit(const char *s, size_t n);

#endif
