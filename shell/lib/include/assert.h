/*
 * assert.h - assert(e): when e is false, print where and abort().
 * Defining NDEBUG before including this turns assertions off. Like the
 * standard's, this header has no include guard: it may be included again
 * after NDEBUG changes.
 */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef __DX_ASSERT_FAIL
#define __DX_ASSERT_FAIL
void __assert_fail(const char *expr, const char *file, int line, const char *func)
    __attribute__((noreturn));
#endif
