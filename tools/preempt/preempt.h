/*
 * preempt.h - what the parts of the preemption-point tool share (see
 * preempt.c, which says what the tool does): the program's functions as
 * the tool sees them, a walk over an expression, and the test for loops
 * that memory bounds (bounded.c).
 */
#ifndef PREEMPT_H
#define PREEMPT_H

#define _POSIX_C_SOURCE 200809L
#include <binaryen-c.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sig { BinaryenType params, results; };

struct fn {
    const char *name;
    BinaryenType params, results;
    bool imported;
    bool in_table;                  /* its address is taken */
    bool trusted;                   /* named by -t */
    bool recursive;                 /* on a cycle of the call graph */
    bool reaches_program;           /* an untrusted function can run under it */
    bool unwinds;                   /* asyncify will instrument it (see may_unwind) */
    int loops;                      /* loops that need a check */
    int bounded;                    /* loops that do not (bounded_by_memory) */
    BinaryenIndex nlocals;
    int *calls, ncalls, capcalls;   /* callees, by index; indirect ones resolved */
    struct sig *sigs;               /* its indirect calls' signatures */
    int nsigs, capsigs;
    int index, low, onstack;        /* Tarjan's */
};


/* walk.c */
void die(const char *msg, const char *what);
void *grow(void *p, int *cap, size_t size);
BinaryenIndex nkids(BinaryenExpressionRef e, struct fn *f);
BinaryenExpressionRef kid_at(BinaryenExpressionRef e, BinaryenIndex i, struct fn *f);
typedef void visit_fn(BinaryenExpressionRef e, struct fn *f);
void walk(BinaryenExpressionRef e, struct fn *f, visit_fn *visit);

/* bounded.c */
bool bounded_by_memory(BinaryenExpressionRef loop, struct fn *f);

#endif
