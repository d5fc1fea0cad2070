/*
 * tr - translate, delete or squeeze bytes of standard input.
 *
 *   tr [-cst] SET1 SET2     replace each byte of SET1 by the byte at the
 *                           same place in SET2 (whose last byte repeats
 *                           when it is the shorter)
 *   tr -d [-cs] SET1 [SET2] delete the bytes of SET1 (then squeeze SET2)
 *   tr -s [-c] SET1         squeeze runs of a byte of SET1 into one
 *
 *   -c, -C  use the complement of SET1 (every byte not in it, in order)
 *   -s      squeeze repeats of the bytes of the last set given
 *   -t      when translating, first cut SET1 to the length of SET2 (its
 *           bytes past that stay as they are)
 *
 * In a set: a-z (a range), [:class:] for alnum alpha blank cntrl digit
 * graph lower print punct space upper xdigit, [=c=], [c*n] (n copies of
 * c; [c*] fills SET2 to the length of SET1), and the escapes \\ \a \b \f
 * \n \r \t \v \NNN (octal). [:lower:] and [:upper:] at the same place in
 * both sets map one case to the other.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

/* A set, expanded into the list of its bytes. */
struct set {
    unsigned char *b;
    size_t n, cap;
    long fill;                 /* where [c*] is, or -1 */
};

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "tr: %s%s\n", msg, arg);
    exit(1);
}

static void add(struct set *s, int c)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->b = realloc(s->b, s->cap);
        if (!s->b)
            die("out of memory", "");
    }
    s->b[s->n++] = (unsigned char)c;
}

/* One character, maybe an escape; moves *p past it. */
static int read_char(const char **p)
{
    const char *s = *p;
    if (*s != '\\' || s[1] == '\0') {
        *p = s + 1;
        return (unsigned char)*s;
    }
    s++;
    const char *simple = "\\\\a\ab\bf\fn\nr\rt\tv\v";
    const char *hit = strchr(simple, *s);
    if (hit && (hit - simple) % 2 == 0) {
        *p = s + 1;
        return (unsigned char)hit[1];
    }
    if (*s >= '0' && *s <= '7') {
        int v = 0;
        for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
            v = v * 8 + (*s++ - '0');
        *p = s;
        return v & 0xff;
    }
    *p = s + 1;                /* \c is c */
    return (unsigned char)*s;
}

/* [:name:] at p: adds the class and returns its end, or NULL. */
static const char *add_class(struct set *s, const char *p)
{
    static const struct { const char *name; int (*test)(int); } classes[] = {
        { "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
        { "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
        { "lower", islower }, { "print", isprint }, { "punct", ispunct },
        { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
    };
    const char *end = strstr(p + 2, ":]");
    if (!end)
        return NULL;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) == (size_t)(end - p - 2) &&
            memcmp(classes[i].name, p + 2, (size_t)(end - p - 2)) == 0) {
            for (int c = 0; c < 256; c++)
                if (classes[i].test(c))
                    add(s, c);
            return end + 2;
        }
    }
    die("invalid character class in ", p);
    return NULL;
}

/* [c*n] or [c*] at p: adds the copies and returns its end, or NULL. */
static const char *add_repeat(struct set *s, const char *p)
{
    const char *q = p + 1;
    int c = read_char(&q);
    if (*q != '*')
        return NULL;
    char *end;
    const char *digits = q + 1;
    long n = strtol(digits, &end, *digits == '0' ? 8 : 10);
    if (*end != ']' || n < 0 || (end != digits && !isdigit((unsigned char)*digits)))
        return NULL;
    if (n > 1 << 20)
        n = 1 << 20;
    if (end == digits || n == 0)
        s->fill = (long)s->n;  /* [c*]: as many as SET1 needs */
    for (long i = 0; i < (end == digits || n == 0 ? 1 : n); i++)
        add(s, c);
    return end + 1;
}

static void expand(struct set *s, const char *p)
{
    s->fill = -1;
    while (*p) {
        const char *next = NULL;
        if (p[0] == '[' && p[1] == ':')
            next = add_class(s, p);
        else if (p[0] == '[' && p[1] == '=' && p[2] && p[3] == '=' && p[4] == ']') {
            add(s, (unsigned char)p[2]);
            next = p + 5;
        } else if (p[0] == '[' && p[1])
            next = add_repeat(s, p);
        if (next) {
            p = next;
            continue;
        }
        const char *range = p;
        int lo = read_char(&p);
        if (p[0] != '-' || p[1] == '\0') {
            add(s, lo);
            continue;
        }
        p++;
        int hi = read_char(&p);
        if (hi < lo)
            die("range is in reverse order: ", range);
        for (int c = lo; c <= hi; c++)
            add(s, c);
    }
}

static void complement(struct set *s)
{
    unsigned char in[256] = { 0 };
    for (size_t i = 0; i < s->n; i++)
        in[s->b[i]] = 1;
    s->n = 0;
    for (int c = 0; c < 256; c++)
        if (!in[c])
            add(s, c);
}

static void write_all(const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            die("write error: ", strerror(errno));
        p += w;
        n -= (size_t)w;
    }
}

/* Copy stdin to stdout through map (-1: delete) and the squeeze set. */
static void filter(const int *map, const unsigned char *squeeze)
{
    static unsigned char in[CHUNK], out[CHUNK];
    int last = -1;
    for (;;) {
        ssize_t r = read(STDIN_FILENO, in, sizeof in);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            die("read error: ", strerror(errno));
        if (r == 0)
            return;
        size_t n = 0;
        for (ssize_t i = 0; i < r; i++) {
            int c = map[in[i]];
            if (c < 0 || (c == last && squeeze[c]))
                continue;
            out[n++] = (unsigned char)(last = c);
        }
        write_all(out, n);
    }
}

/* getopt's own messages differ from one C library to another: these
 * are the same everywhere. */
static void bad_option(int c)
{
    if (c == ':')
        fprintf(stderr, "tr: option requires an argument -- '%c'\n", optopt);
    else
        fprintf(stderr, "tr: invalid option -- '%c'\n", optopt);
}

/* [c*] in SET2: as many c as make SET2 as long as SET1 (maybe none;
 * expand() put one c there). */
static void fill_set2(struct set *s2, size_t want)
{
    if (s2->fill < 0)
        return;
    size_t at = (size_t)s2->fill;
    if (s2->n > want) {
        memmove(s2->b + at, s2->b + at + 1, s2->n - at - 1);
        s2->n--;
    }
    while (s2->n < want) {
        add(s2, s2->b[at]);
        memmove(s2->b + at + 1, s2->b + at, s2->n - at - 1);
    }
}

/* What each byte becomes: itself, another byte, or -1 (deleted). */
static void build_map(int *map, struct set *s1, struct set *s2, int delete, int nsets,
                      int truncate)
{
    for (int i = 0; i < 256; i++)
        map[i] = i;
    if (delete) {
        for (size_t i = 0; i < s1->n; i++)
            map[s1->b[i]] = -1;
        return;
    }
    if (nsets < 2)
        return;
    fill_set2(s2, s1->n);
    if (truncate && s1->n > s2->n)
        s1->n = s2->n;
    if (s2->n == 0 && s1->n > 0)
        die("when translating, SET2 must not be empty", "");
    for (size_t i = 0; i < s1->n; i++)
        map[s1->b[i]] = s2->b[i < s2->n ? i : s2->n - 1];
}

int main(int argc, char **argv)
{
    int c, opt_c = 0, opt_d = 0, opt_s = 0, opt_t = 0;
    while ((c = getopt(argc, argv, ":cCdst")) != -1) {
        switch (c) {
        case 'c': case 'C': opt_c = 1; break;
        case 'd': opt_d = 1; break;
        case 's': opt_s = 1; break;
        case 't': opt_t = 1; break;
        default:
            bad_option(c);
            fprintf(stderr, "usage: tr [-cCdst] set1 [set2]\n");
            return 1;
        }
    }
    int nsets = argc - optind;
    int want = opt_d ? (opt_s ? 2 : 1) : (opt_s ? 1 : 2);
    if (nsets == 1 && want == 2) {
        fprintf(stderr, "tr: missing operand after '%s'\n"
                        "Two strings must be given when translating.\n", argv[optind]);
        return 1;
    }
    if (nsets < want || nsets > 2 || (opt_d && !opt_s && nsets == 2))
        die(nsets < want ? "missing operand" : "extra operand", "");
    struct set s1 = { 0 }, s2 = { 0 };
    expand(&s1, argv[optind]);
    if (opt_c)
        complement(&s1);
    if (nsets == 2)
        expand(&s2, argv[optind + 1]);
    int map[256];
    unsigned char squeeze[256] = { 0 };
    build_map(map, &s1, &s2, opt_d, nsets, opt_t);
    /* -s squeezes the bytes of the last set given. */
    const struct set *last = nsets == 2 ? &s2 : &s1;
    for (size_t i = 0; opt_s && i < last->n; i++)
        squeeze[last->b[i]] = 1;
    filter(map, squeeze);
    free(s1.b);
    free(s2.b);
    return 0;
}
