/*
 * test_string.c - string.h, strings.h and ctype.h, and strerror's texts
 * against glibc's.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "harness.h"

TEST(memcpy_memmove_memset_all_alignments)
{
    static unsigned char src[300], dst[300], ref[300];
    for (int i = 0; i < 300; i++)
        src[i] = (unsigned char)(i * 31 + 7);

    for (int so = 0; so < 9; so++)
        for (int doff = 0; doff < 9; doff++)
            for (int n = 0; n < 70; n += 3) {
                memset(dst, 0, sizeof dst);
                memcpy(dst + doff, src + so, (size_t)n);
                CHECK_EQ(memcmp(dst + doff, src + so, (size_t)n), 0);
                CHECK_EQ(dst[doff + n], 0);
            }

    /* overlapping moves, both ways, against a byte-by-byte reference */
    for (int from = 0; from < 20; from++)
        for (int to = 0; to < 20; to++) {
            memcpy(dst, src, sizeof dst);
            memcpy(ref, src, sizeof ref);
            size_t n = 200;
            unsigned char tmp[200];
            for (size_t i = 0; i < n; i++) tmp[i] = ref[from + i];
            for (size_t i = 0; i < n; i++) ref[to + i] = tmp[i];
            memmove(dst + to, dst + from, n);
            CHECK_EQ(memcmp(dst, ref, sizeof dst), 0);
        }

    for (int off = 0; off < 9; off++)
        for (int n = 0; n < 40; n++) {
            memset(dst, 1, sizeof dst);
            memset(dst + off, 0xee, (size_t)n);
            for (int i = 0; i < 60; i++) {
                unsigned char want = i >= off && i < off + n ? 0xee : 1;
                if (dst[i] != want) {
                    t_fail(__FILE__, __LINE__, "memset(+%d, %d) byte %d", off, n, i);
                    break;
                }
            }
        }
}

TEST(mem_search_and_compare)
{
    const char *s = "hello, world";
    CHECK(memchr(s, 'o', 12) == s + 4);
    CHECK(memrchr(s, 'o', 12) == s + 8);
    CHECK(memchr(s, 'z', 12) == NULL);
    CHECK(memmem(s, 12, "wor", 3) == s + 7);
    CHECK(memmem(s, 12, "", 0) == s);
    CHECK(memmem(s, 3, "hello", 5) == NULL);
    CHECK(memcmp("a\xff", "a\x01", 2) > 0);          /* unsigned bytes */
    CHECK(memcmp("abc", "abd", 2) == 0);
    char z[4] = "abc";
    bzero(z, 2);
    CHECK(z[0] == 0 && z[1] == 0 && z[2] == 'c');
}

TEST(string_lengths_copies_and_compares)
{
    char buf[32];
    CHECK_EQ(strlen(""), 0);
    CHECK_EQ(strlen("abc"), 3);
    CHECK_EQ(strnlen("abcdef", 3), 3);
    CHECK_EQ(strnlen("ab", 10), 2);
    CHECK_STR(strcpy(buf, "xyz"), "xyz");
    CHECK(stpcpy(buf, "ab") == buf + 2);
    memset(buf, 'X', sizeof buf);
    CHECK(strncpy(buf, "ab", 5) == buf);
    CHECK(buf[2] == 0 && buf[4] == 0 && buf[5] == 'X');   /* padded to n */
    strcpy(buf, "foo");
    CHECK_STR(strcat(buf, "bar"), "foobar");
    CHECK_STR(strncat(buf, "bazqux", 3), "foobarbaz");
    CHECK_EQ(strlcpy(buf, "truncated!", 5), 10);
    CHECK_STR(buf, "trun");
    CHECK_EQ(strlcat(buf, "cated", 8), 9);
    CHECK_STR(buf, "truncat");

    CHECK(strcmp("abc", "abc") == 0);
    CHECK(strcmp("abc", "abd") < 0);
    CHECK(strcmp("ab", "abc") < 0);
    CHECK(strcmp("\xe9", "a") > 0);                  /* unsigned */
    CHECK(strncmp("abcX", "abcY", 3) == 0);
    CHECK(strncmp("ab", "abc", 5) < 0);
    CHECK(strcasecmp("HeLLo", "hello") == 0);
    CHECK(strcasecmp("a", "B") < 0);
    CHECK(strncasecmp("ABCx", "abcy", 3) == 0);
    CHECK(strcoll("a", "b") < 0);
}

TEST(string_searches)
{
    const char *s = "a/b/c";
    CHECK(strchr(s, '/') == s + 1);
    CHECK(strrchr(s, '/') == s + 3);
    CHECK(strchr(s, '\0') == s + 5);
    CHECK(strrchr(s, '\0') == s + 5);
    CHECK(strchr(s, 'x') == NULL);
    CHECK(strchrnul(s, 'x') == s + 5);
    const char *hs = "haystack";
    CHECK(strstr(hs, "st") == hs + 3);
    const char *h = "abababc";
    CHECK(strstr(h, "ababc") == h + 2);
    CHECK(strstr(h, "") == h);
    CHECK(strstr(h, "abd") == NULL);
    CHECK_EQ(strspn("  \tword", " \t"), 3);
    CHECK_EQ(strcspn("word; rest", ";,"), 4);
    CHECK_EQ(strcspn("word", ""), 4);
    CHECK(strpbrk("word; rest", ";,") != NULL && *strpbrk("word; rest", ";,") == ';');
    CHECK(strpbrk("word", ";") == NULL);
}

TEST(string_tokens)
{
    char buf[] = "  one two,,three ";
    char *save, *t;
    t = strtok_r(buf, " ,", &save);
    CHECK_STR(t, "one");
    CHECK_STR(strtok_r(NULL, " ,", &save), "two");
    CHECK_STR(strtok_r(NULL, " ,", &save), "three");
    CHECK(strtok_r(NULL, " ,", &save) == NULL);
    CHECK(strtok_r(NULL, " ,", &save) == NULL);

    char b2[] = "x:y";
    CHECK_STR(strtok(b2, ":"), "x");
    CHECK_STR(strtok(NULL, ":"), "y");
    CHECK(strtok(NULL, ":") == NULL);

    char b3[] = "a,,b";
    char *p = b3;
    CHECK_STR(strsep(&p, ","), "a");
    CHECK_STR(strsep(&p, ","), "");                  /* empty field */
    CHECK_STR(strsep(&p, ","), "b");
    CHECK(p == NULL);
    CHECK(strsep(&p, ",") == NULL);
}

TEST(string_duplicates)
{
    char *d = strdup("copy me");
    CHECK_STR(d, "copy me");
    free(d);
    d = strndup("copy me", 4);
    CHECK_STR(d, "copy");
    free(d);
    d = strndup("ab", 10);
    CHECK_STR(d, "ab");
    free(d);
    CHECK_EQ(ffs(0), 0);
    CHECK_EQ(ffs(1), 1);
    CHECK_EQ(ffs(0x80), 8);
    CHECK_EQ(ffs((int)0x80000000u), 32);
}

TEST(ctype_matches_the_c_locale)
{
    int (*ours[])(int) = { isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
                           islower, isprint, ispunct, isspace, isupper, isxdigit };
    for (int c = -1; c < 256; c++) {
        int bits = 0;
        for (int i = 0; i < 12; i++)
            if (ours[i](c))
                bits |= 1 << i;
        if (bits != host_ctype(c))
            t_fail(__FILE__, __LINE__, "ctype of %d: %#x, host %#x", c, bits, host_ctype(c));
    }
    CHECK_EQ(toupper('a'), 'A');
    CHECK_EQ(toupper('A'), 'A');
    CHECK_EQ(toupper('1'), '1');
    CHECK_EQ(tolower('Z'), 'z');
    CHECK_EQ(tolower(EOF), EOF);
    CHECK_EQ(toupper(0xe9), 0xe9);
}

TEST(strerror_texts_are_glibcs)
{
    int known[] = { 0, EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
                    ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, EXDEV,
                    ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG,
                    ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EDEADLK,
                    ENAMETOOLONG, ENOSYS, ENOTEMPTY, ELOOP, ENOMSG, EIDRM, ENOSTR,
                    ETIME, EOVERFLOW, EBADFD, ENOTSUP, ETIMEDOUT, ECANCELED, EOWNERDEAD };
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        CHECK_STR(strerror(known[i]), host_strerror(known[i]));
    CHECK_STR(strerror(200), "Unknown error 200");
    CHECK_STR(strerror(-3), "Unknown error -3");

    char buf[10];
    CHECK_EQ(strerror_r(ENOENT, buf, sizeof buf), ERANGE);
    CHECK_STR(buf, "No such f");
    char big[64];
    CHECK_EQ(strerror_r(EPIPE, big, sizeof big), 0);
    CHECK_STR(big, "Broken pipe");
}
