/*
 * test_fnmatch.c - fnmatch against the host's glibc: the same patterns,
 * names and flags must give the same answer.
 */
#include <fnmatch.h>
#include "harness.h"

TEST(fnmatch_as_glibc)
{
    static const char *const patterns[] = {
        "*", "?", "a*", "*.c", "a?c", "[abc]", "[!abc]", "[^abc]", "[a-c]x", "[]a]",
        "[!]]", "[a-]", "\\*", "\\a", "a\\", "[", "[a", "*/*", "a/*", "*.*", ".*",
        "*[[:digit:]]", "[[:alpha:]]*", "[[:upper:][:digit:]]?", "[[:nope:]]", "[[.a.]]",
        "[[=b=]]", "a*b*c", "*a*", "**a", "a/b", "a*/b", "[/]", "*[/]*", "?a", "A*",
        "*x", "x*x*x", "[\\]]", "[\\!a]", NULL,
    };
    static const char *const names[] = {
        "", "a", "abc", "x.c", ".c", ".hidden", "a/b", "a/.b", "a/b/c", "]", "-", "*",
        "a1", "Ab", "AB", "1a", "xyzx", "axbxc", "/", "x/y.c", "aa", "\\", NULL,
    };
    static const int flags[] = {
        0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE,
        FNM_CASEFOLD, FNM_LEADING_DIR, FNM_PATHNAME | FNM_LEADING_DIR,
    };
    for (int p = 0; patterns[p]; p++)
        for (int n = 0; names[n]; n++)
            for (unsigned f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                int r = fnmatch(patterns[p], names[n], flags[f]);
                int h = host_fnmatch(patterns[p], names[n], flags[f]);
                if (r != h)
                    t_fail(__FILE__, __LINE__, "fnmatch(\"%s\", \"%s\", %#x) = %d, glibc %d",
                           patterns[p], names[n], flags[f], r, h);
            }
}
