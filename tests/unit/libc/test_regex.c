/*
 * test_regex.c - regcomp/regexec/regerror/regfree against the host's
 * glibc: the same patterns, compiled with the same flags and run on the
 * same texts, must give the same error codes, the same answer and the
 * same match; and the subexpressions too, except where POSIX leaves them
 * to the implementation (noted per case). Then the flags glibc's
 * comparison cannot show alone: REG_NEWLINE, REG_NOTBOL, REG_STARTEND,
 * REG_NOSUB, and regerror's texts.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

#define E REG_EXTENDED
#define I REG_ICASE
#define SUBS 0x100             /* compare the subexpressions too */

struct rcase {
    const char *pattern;
    int flags;                 /* cflags, plus SUBS */
    const char *texts[6];
};

/* BRE and ERE, the bracket expressions, the intervals, the anchors,
 * back-references and GNU's escapes. */
static const struct rcase cases[] = {
    { "abc", SUBS, { "abc", "xabcx", "ab", "", "aabcc" } },
    { "a.c", SUBS, { "abc", "a\nc", "ac", "axxc" } },
    { "a*", SUBS, { "", "aaa", "baaa", "b" } },
    { "ab*c", SUBS, { "ac", "abbbc", "abx", "xabbcx" } },
    { "^abc$", SUBS, { "abc", "abcd", "xabc" } },
    { "^", SUBS, { "", "abc" } },
    { "$", SUBS, { "", "abc" } },
    { "a^b", SUBS, { "a^b", "ab" } },
    { "a$b", SUBS, { "a$b", "ab" } },
    { "x$", SUBS, { "x", "x$", "ax" } },
    { "^*a", SUBS, { "*a", "a" } },
    { "*a", SUBS, { "*a", "a" } },
    { "\\(*a\\)", SUBS, { "*a", "a" } },
    { "\\(^a\\)", SUBS, { "a", "ba" } },
    { "\\(a$\\)", SUBS, { "a", "ab", "ba" } },
    { "\\(ab\\)*c", SUBS, { "ababc", "c", "abx" } },
    { "\\(a\\)\\(b\\)\\(c\\)", SUBS, { "abc", "xabcx" } },
    { "\\(a*\\)*", 0, { "aaa", "b" } },           /* glibc: \1 at (0,0) on "b" */
    { "\\(a*\\)b", SUBS, { "aaab", "b" } },
    { "\\(.\\)\\1", SUBS, { "abccd", "abcd", "aa" } },
    { "\\(a\\)\\1*", SUBS, { "aaaa", "ba" } },
    { "^\\(.*\\)\\1$", SUBS, { "abcabc", "abcab", "" } },
    { "\\([ab]*\\)c\\1", SUBS, { "abcab", "abcba", "c" } },
    { "a\\{2\\}", SUBS, { "a", "aa", "aaa" } },
    { "a\\{2,\\}", SUBS, { "a", "aa", "aaaaa" } },
    { "a\\{1,3\\}", SUBS, { "aaaaa", "x" } },
    { "a\\{,2\\}", SUBS, { "aaa", "b" } },
    { "a\\{0\\}b", SUBS, { "ab", "b" } },
    { "\\(ab\\)\\{2\\}", SUBS, { "ababab", "ab" } },
    { "a\\{2,1\\}", 0, { "a" } },
    { "a\\{1", 0, { "a" } },
    { "a\\{x\\}", 0, { "a" } },
    { "a\\{1\\}\\{2\\}", 0, { "aa" } },
    { "\\{1\\}a", SUBS, { "{1}a", "a" } },
    { "a\\+", SUBS, { "aaa", "b" } },
    { "ab\\?c", SUBS, { "ac", "abc", "abbc" } },
    { "a\\|b", SUBS, { "b", "a", "c" } },
    { "\\(a\\|b\\)*c", SUBS, { "abbac", "c" } },
    { "a+b", SUBS, { "a+b", "aab" } },
    { "a|b", SUBS, { "a|b", "a" } },
    { "[abc]", SUBS, { "xbx", "xyz" } },
    { "[^abc]", SUBS, { "abcd", "abc" } },
    { "[a-c]*", SUBS, { "abcd", "dabc" } },
    { "[]a]", SUBS, { "]", "a", "b" } },
    { "[^]a]", SUBS, { "]ab", "a]" } },
    { "[a-]", SUBS, { "-", "b" } },
    { "[-a]", SUBS, { "-", "b" } },
    { "[]-a]", SUBS, { "^", "b" } },
    { "[\\]", SUBS, { "\\", "]" } },
    { "[.]", SUBS, { ".", "a" } },
    { "[*]", SUBS, { "*", "a" } },
    { "[[:alpha:]]*", SUBS, { "ab1c", "1" } },
    { "[[:digit:][:space:]]*", SUBS, { "1 2 3x", "x" } },
    { "[[:upper:]]", SUBS, { "abC", "abc" } },
    { "[[:alnum:]_]*", SUBS, { "ab_1 x" } },
    { "[[:punct:]]", SUBS, { "a,b", "ab" } },
    { "[[:xdigit:]]*", SUBS, { "0fAgz" } },
    { "[[:blank:]]", SUBS, { "a\tb", "ab" } },
    { "[[:cntrl:]]", SUBS, { "a\x01", "ab" } },
    { "[[:print:]]*", SUBS, { "ab \x01" } },
    { "[[:graph:]]*", SUBS, { "ab c" } },
    { "[[:lower:]]*", SUBS, { "abC" } },
    { "[[=a=]]", SUBS, { "a", "b" } },
    { "[[.-.]]", SUBS, { "-", "a" } },
    { "[[:nope:]]", 0, { "a" } },
    { "[[:alpha:]-z]", 0, { "a" } },
    { "[z-a]", 0, { "a" } },
    { "[a", 0, { "a" } },
    { "[[:alpha:]", 0, { "a" } },
    { "\\(a", 0, { "a" } },
    { "a\\)", 0, { "a" } },
    { "a\\", 0, { "a" } },
    { "\\(a\\)\\2", 0, { "aa" } },
    { "\\1\\(a\\)", 0, { "aa" } },
    { "\\w*", SUBS, { "ab_1 x", " x" } },
    { "\\W", SUBS, { "ab c" } },
    { "\\s", SUBS, { "a b" } },
    { "\\S*", SUBS, { "ab c" } },
    { "\\<b", SUBS, { "ab b", "ab" } },
    { "b\\>", SUBS, { "ba b", "ba" } },
    { "\\bfoo\\b", SUBS, { "afoo foo", "foox" } },
    { "o\\B", SUBS, { "foo o", "o" } },
    { "\\`a", SUBS, { "aa", "ba" } },
    { "a\\'", SUBS, { "aa", "ab" } },
    { "\\.", SUBS, { "a.b", "ab" } },
    { "\\*", SUBS, { "a*b", "ab" } },
    { "\\[", SUBS, { "a[b", "ab" } },
    /* ERE */
    { "abc", E | SUBS, { "xabcx", "ab" } },
    { "a+", E | SUBS, { "baaa", "b" } },
    { "a?b", E | SUBS, { "ab", "b", "aab" } },
    { "a{2}", E | SUBS, { "aaa", "a" } },
    { "a{2,}", E | SUBS, { "aaaaa", "a" } },
    { "a{,2}", E | SUBS, { "aaa" } },
    { "a{1,2}{3}", E | SUBS, { "aaaaaa", "aa" } },
    { "a*{2}", E | SUBS, { "aaa" } },
    { "(ab)+", E | SUBS, { "ababab", "a" } },
    { "(a|b)*c", E | SUBS, { "abbac", "c" } },
    { "a|b|c", E | SUBS, { "xcx", "x" } },
    { "(a|ab)(c|bcd)", E, { "abcd" } },
    { "(a|ab)(c|bcd)(d*)", E, { "abcd" } },
    { "(a*)(b|abc)", E, { "abc" } },
    { "(.*)c(.*)", E | SUBS, { "abcde", "abcc" } },
    { "x(a|b)?y", E | SUBS, { "xy", "xay", "xaby" } },
    { "((a)|b)+", E, { "ab", "ba" } },
    { "(a)|b", E | SUBS, { "b", "a" } },
    { "()", E | SUBS, { "x" } },
    { "(|a)", E, { "a" } },
    { "a||b", E | SUBS, { "b" } },
    { "^(ab|a)$", E | SUBS, { "ab", "a" } },
    { "(ab|a)(bc|c)", E, { "abc" } },
    { "([0-9]+)\\.([0-9]+)", E | SUBS, { "v1.23", "1." } },
    { "(.)\\1", E | SUBS, { "abba", "abc" } },
    { "^([a-z]+)=(.*)$", E | SUBS, { "key=val=x", "=x" } },
    { "[[:space:]]+$", E | SUBS, { "a  ", "a" } },
    { "a)", E | SUBS, { "a)", "a" } },
    { "\\(a\\)", E | SUBS, { "(a)", "a" } },
    { "a\\|b", E | SUBS, { "a|b", "a" } },
    { "a\\{2\\}", E | SUBS, { "a{2}", "aa" } },
    { "{1}a", E, { "a" } },
    { "*a", E, { "a" } },
    { "+a", E, { "a" } },
    { "a|*b", E, { "b" } },
    { "(*a)", E, { "a" } },
    { "^*", E, { "a" } },
    { "a{2,1}", E, { "a" } },
    { "a{1", E, { "a" } },
    { "(a", E, { "a" } },
    { "a{", E, { "a{" } },
    /* REG_ICASE */
    { "abc", I | SUBS, { "xABCx", "AbC" } },
    { "[a-c]+", I | E | SUBS, { "xBCAx" } },
    { "[^a]", I | SUBS, { "Ab" } },
    { "[[:upper:]]+", I | E | SUBS, { "abCD" } },
    { "\\(a\\)\\1", I | SUBS, { "aA" } },
    { NULL, 0, { NULL } },
};

static void compare(const char *pattern, int flags, const char *text, int eflags)
{
    int cflags = flags & ~SUBS, hexec = -1, hnsub = -1;
    long hspans[20];
    int hr = host_regex(pattern, cflags, text, eflags, &hexec, hspans, &hnsub);
    regex_t re;
    int r = regcomp(&re, pattern, cflags);
    if (r != hr) {
        t_fail(__FILE__, __LINE__, "regcomp(\"%s\", %#x) = %d, glibc %d", pattern, cflags, r, hr);
        if (r == 0)
            regfree(&re);
        return;
    }
    if (r != 0)
        return;
    if ((int)re.re_nsub != hnsub)
        t_fail(__FILE__, __LINE__, "\"%s\": re_nsub %d, glibc %d", pattern, (int)re.re_nsub, hnsub);
    regmatch_t m[10];
    int x = regexec(&re, text, 10, m, eflags);
    if (x != hexec)
        t_fail(__FILE__, __LINE__, "\"%s\" on \"%s\": regexec %d, glibc %d", pattern, text, x, hexec);
    int upto = flags & SUBS ? (int)re.re_nsub : 0;
    for (int i = 0; x == 0 && hexec == 0 && i <= upto; i++)
        if (m[i].rm_so != hspans[2 * i] || m[i].rm_eo != hspans[2 * i + 1])
            t_fail(__FILE__, __LINE__, "\"%s\" on \"%s\": \\%d at (%ld,%ld), glibc (%ld,%ld)",
                   pattern, text, i, (long)m[i].rm_so, (long)m[i].rm_eo,
                   hspans[2 * i], hspans[2 * i + 1]);
    regfree(&re);
}

TEST(regex_as_glibc)
{
    for (const struct rcase *c = cases; c->pattern; c++)
        for (int t = 0; t < 6 && c->texts[t]; t++)
            compare(c->pattern, c->flags, c->texts[t], 0);
}

TEST(regex_newline_as_glibc)
{
    static const char *const patterns[] = { "^b", "a$", "a.b", "a[^x]b", "^$", "b$", NULL };
    static const char *const texts[] = { "a\nb", "xa\nbx", "a\n\nb", "ab\n", NULL };
    for (int p = 0; patterns[p]; p++)
        for (int t = 0; texts[t]; t++) {
            compare(patterns[p], REG_NEWLINE | SUBS, texts[t], 0);
            compare(patterns[p], REG_NEWLINE | E | SUBS, texts[t], REG_NOTBOL);
            compare(patterns[p], E | SUBS, texts[t], REG_NOTEOL);
        }
}

TEST(regex_startend)
{
    regex_t re;
    regmatch_t m[2];
    CHECK_EQ(regcomp(&re, "b+", REG_EXTENDED), 0);
    m[0].rm_so = 2;
    m[0].rm_eo = 5;            /* "abbbbb": only [2,5) is searched */
    CHECK_EQ(regexec(&re, "abbbbb", 1, m, REG_STARTEND), 0);
    CHECK_EQ(m[0].rm_so, 2);
    CHECK_EQ(m[0].rm_eo, 5);
    regfree(&re);
    /* ^ matches only at the string's start, not at rm_so (as glibc). */
    CHECK_EQ(regcomp(&re, "^b", 0), 0);
    m[0].rm_so = 1;
    m[0].rm_eo = 3;
    CHECK_EQ(regexec(&re, "abb", 1, m, REG_STARTEND), REG_NOMATCH);
    regfree(&re);
    /* the text may hold NUL bytes */
    CHECK_EQ(regcomp(&re, "x.y", 0), 0);
    m[0].rm_so = 0;
    m[0].rm_eo = 5;
    CHECK_EQ(regexec(&re, "ax\0yb", 1, m, REG_STARTEND), 0);
    CHECK_EQ(m[0].rm_so, 1);
    regfree(&re);
}

TEST(regex_nosub_and_errors)
{
    regex_t re;
    regmatch_t m[1] = { { 7, 7 } };
    CHECK_EQ(regcomp(&re, "b(c)", REG_EXTENDED | REG_NOSUB), 0);
    CHECK_EQ(regexec(&re, "abc", 1, m, 0), 0);
    CHECK_EQ(m[0].rm_so, 7);   /* REG_NOSUB: pmatch is not touched */
    CHECK_EQ(regexec(&re, "acb", 1, m, 0), REG_NOMATCH);
    regfree(&re);

    char buf[64];
    CHECK_EQ(regcomp(&re, "a\\{1", 0), REG_EBRACE);
    CHECK_EQ(regerror(REG_EBRACE, &re, buf, sizeof buf), strlen("Unmatched \\{") + 1);
    CHECK_STR(buf, "Unmatched \\{");
    CHECK_EQ(regerror(REG_EBRACK, NULL, buf, 10), strlen("Unmatched [, [^, [:, [., or [=") + 1);
    CHECK_STR(buf, "Unmatched");
    regerror(REG_NOMATCH, NULL, buf, sizeof buf);
    CHECK_STR(buf, "No match");
}

/* Patterns that would take exponential time in a plain backtracker stay
 * fast (the matcher remembers what it tried). */
TEST(regex_no_blowup)
{
    regex_t re;
    char text[200];
    memset(text, 'a', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    CHECK_EQ(regcomp(&re, "(a*)*(a|b)*b", REG_EXTENDED), 0);
    CHECK_EQ(regexec(&re, text, 0, NULL, 0), REG_NOMATCH);
    regmatch_t m[3];
    CHECK_EQ(regexec(&re, text, 3, m, 0), REG_NOMATCH);
    regfree(&re);
}

/* Many random patterns over a small alphabet, on random texts: the same
 * compile errors and the same whole match as glibc. (No back-references:
 * glibc's own matcher overflows its stack on some random ones.) */
static unsigned long seed = 12345;
static int rnd(int n)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return (int)((seed >> 33) % (unsigned long)n);
}

TEST(regex_random_as_glibc)
{
    static const char *const ere_parts[] = {
        "a", "b", "c", ".", "*", "+", "?", "|", "(", ")", "[ab]", "[^a]", "^", "$",
        "{1,2}", "{2}", "ab", "(a|b)", "[[:alpha:]]",
    };
    static const char *const bre_parts[] = {
        "a", "b", "c", ".", "*", "\\(", "\\)", "[ab]", "[^a]", "^", "$", "\\{1,2\\}",
        "ab", "\\(a*\\)", "\\+", "\\?", "\\|",
    };
    for (int k = 0; k < 4000; k++) {
        int ere = k & 1;
        const char *const *parts = ere ? ere_parts : bre_parts;
        int nparts = ere ? (int)(sizeof ere_parts / sizeof *ere_parts)
                         : (int)(sizeof bre_parts / sizeof *bre_parts);
        char pattern[64] = "", text[16];
        for (int i = 1 + rnd(6); i > 0; i--)
            strcat(pattern, parts[rnd(nparts)]);
        int len = rnd(10);
        for (int i = 0; i < len; i++)
            text[i] = "abc"[rnd(3)];
        text[len] = '\0';
        compare(pattern, ere ? E : 0, text, 0);
    }
}
