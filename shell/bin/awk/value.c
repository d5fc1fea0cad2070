/*
 * value.c - awk's values, variables, arrays, and the record and its
 * fields.
 *
 * A value is a number, a string, or a "numeric string": a string from
 * the input (a field, getline, ARGV, FS splitting, ENVIRON) that looks
 * like a number, which compares as a number (POSIX). Numbers become
 * strings with CONVFMT, or as integers when they are integral.
 *
 * Arrays are hash tables that also keep their keys in the order added,
 * so that "for (k in a)" goes in that order. The record is split into
 * fields only when a field or NF is used; assigning a field rebuilds $0
 * with OFS, assigning NF cuts or extends the fields.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

/* ---- cells -------------------------------------------------------------- */

int looks_numeric(const char *s)
{
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '\0')
        return 0;
    if ((s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ||
        ((*s == '+' || *s == '-') && s[1] == '0' && (s[2] == 'x' || s[2] == 'X')))
        return 0;              /* not hexadecimal */
    const char *q = *s == '+' || *s == '-' ? s + 1 : s;
    if (!isdigit((unsigned char)*q) && !(*q == '.' && isdigit((unsigned char)q[1])))
        return 0;              /* nor "inf", "nan" */
    strtod(s, &end);
    while (isspace((unsigned char)*end))
        end++;
    return *end == '\0';
}

static double to_num(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    const char *q = *s == '+' || *s == '-' ? s + 1 : s;
    if (!isdigit((unsigned char)*q) && *q != '.')
        return 0;              /* "inf", "nan", "0x..." are 0 */
    if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X'))
        return 0;
    return strtod(s, NULL);
}

double num_of(const struct cell *c)
{
    switch (c->type) {
    case V_NUM: case V_STRNUM: return c->num;
    case V_STR: return to_num(c->str);
    default: return 0;
    }
}

static char numbuf[8][64];
static int numbuf_i;

/* n as a string: an integer as such, else with fmt. */
static const char *num_str(double n, const char *fmt)
{
    char *b = numbuf[numbuf_i++ & 7];
    if (n == (double)(long long)n && n > -1e17 && n < 1e17)
        snprintf(b, 64, "%lld", (long long)n);
    else if (n != n)
        snprintf(b, 64, "%s", "nan");
    else if (n - n != 0)
        snprintf(b, 64, "%s", n < 0 ? "-inf" : "inf");
    else
        snprintf(b, 64, fmt, n);
    return b;
}

const char *str_fmt(struct cell *c, const char *fmt)
{
    switch (c->type) {
    case V_STR: case V_STRNUM: return c->str;
    case V_NUM: return num_str(c->num, fmt);
    default: return "";
    }
}

const char *str_of(struct cell *c)
{
    struct cell *convfmt = &special(SV_CONVFMT)->c;
    return str_fmt(c, convfmt->type == V_STR || convfmt->type == V_STRNUM ? convfmt->str
                                                                         : "%.6g");
}

void cell_free(struct cell *c)
{
    free(c->str);
    c->str = NULL;
    c->type = V_UNINIT;
}

void cell_set_num(struct cell *c, double n)
{
    cell_free(c);
    c->type = V_NUM;
    c->num = n;
}

void cell_set_strn(struct cell *c, const char *s, size_t n)
{
    char *copy = xstrndup(s, n);
    cell_free(c);
    c->type = V_STR;
    c->str = copy;
}

void cell_set_str(struct cell *c, const char *s)
{
    cell_set_strn(c, s, strlen(s));
}

void cell_set_strnum(struct cell *c, const char *s, size_t n)
{
    cell_set_strn(c, s, n);
    if (looks_numeric(c->str)) {
        c->type = V_STRNUM;
        c->num = to_num(c->str);
    }
}

void cell_copy(struct cell *dst, const struct cell *src)
{
    if (dst == src)
        return;
    struct cell t = *src;
    if (t.str)
        t.str = xstrdup(t.str);
    cell_free(dst);
    *dst = t;
}

int cell_true(struct cell *c)
{
    switch (c->type) {
    case V_NUM: return c->num != 0;
    case V_STRNUM: return c->num != 0;
    case V_STR: return c->str[0] != '\0';
    default: return 0;
    }
}

int cell_compare(struct cell *a, struct cell *b)
{
    int an = a->type != V_STR, bn = b->type != V_STR;
    if (an && bn) {
        double x = num_of(a), y = num_of(b);
        return x < y ? -1 : x > y;
    }
    char *sa = xstrdup(str_of(a));
    int r = strcmp(sa, str_of(b));
    free(sa);
    return r < 0 ? -1 : r > 0;
}

/* ---- arrays --------------------------------------------------------------- */

struct entry {
    char *key;
    struct cell val;
    struct entry *chain;       /* the next in the same bucket */
    struct entry *prev, *next; /* the order of insertion */
};

struct array {
    struct entry **buckets;
    size_t nbuckets, count;
    struct entry *first, *last;
};

static size_t hash(const char *s)
{
    size_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

struct array *array_new(void)
{
    struct array *a = xcalloc(1, sizeof *a);
    a->nbuckets = 16;
    a->buckets = xcalloc(a->nbuckets, sizeof *a->buckets);
    return a;
}

static void grow(struct array *a)
{
    size_t n = a->nbuckets * 4;
    struct entry **b = xcalloc(n, sizeof *b);
    for (struct entry *e = a->first; e; e = e->next) {
        size_t h = hash(e->key) % n;
        e->chain = b[h];
        b[h] = e;
    }
    free(a->buckets);
    a->buckets = b;
    a->nbuckets = n;
}

struct cell *array_get(struct array *a, const char *key, int create)
{
    size_t h = hash(key) % a->nbuckets;
    for (struct entry *e = a->buckets[h]; e; e = e->chain)
        if (strcmp(e->key, key) == 0)
            return &e->val;
    if (!create)
        return NULL;
    if (a->count >= a->nbuckets * 2) {
        grow(a);
        h = hash(key) % a->nbuckets;
    }
    struct entry *e = xcalloc(1, sizeof *e);
    e->key = xstrdup(key);
    e->chain = a->buckets[h];
    a->buckets[h] = e;
    e->prev = a->last;
    if (a->last)
        a->last->next = e;
    else
        a->first = e;
    a->last = e;
    a->count++;
    return &e->val;
}

int array_delete(struct array *a, const char *key)
{
    size_t h = hash(key) % a->nbuckets;
    for (struct entry **pe = &a->buckets[h]; *pe; pe = &(*pe)->chain) {
        struct entry *e = *pe;
        if (strcmp(e->key, key) != 0)
            continue;
        *pe = e->chain;
        if (e->prev) e->prev->next = e->next; else a->first = e->next;
        if (e->next) e->next->prev = e->prev; else a->last = e->prev;
        free(e->key);
        cell_free(&e->val);
        free(e);
        a->count--;
        return 1;
    }
    return 0;
}

void array_clear(struct array *a)
{
    while (a->first)
        array_delete(a, a->first->key);
}

void array_free(struct array *a)
{
    array_clear(a);
    free(a->buckets);
    free(a);
}

int array_count(struct array *a)
{
    return (int)a->count;
}

char **array_keys(struct array *a)
{
    char **keys = xmalloc((a->count + 1) * sizeof *keys);
    size_t i = 0;
    for (struct entry *e = a->first; e; e = e->next)
        keys[i++] = xstrdup(e->key);
    keys[i] = NULL;
    return keys;
}

/* ---- variables -------------------------------------------------------------- */

struct var *globals;
int nglobals;
static char **global_names;
static int global_cap;

const char *const special_names[SV_COUNT] = {
    "NR", "FNR", "NF", "FS", "OFS", "ORS", "RS", "FILENAME", "SUBSEP", "RSTART",
    "RLENGTH", "CONVFMT", "OFMT", "ENVIRON", "ARGC", "ARGV",
};

int global_index(const char *name)
{
    for (int i = 0; i < nglobals; i++)
        if (strcmp(global_names[i], name) == 0)
            return i;
    if (nglobals == global_cap) {
        global_cap = global_cap ? global_cap * 2 : 64;
        globals = xrealloc(globals, (size_t)global_cap * sizeof *globals);
        global_names = xrealloc(global_names, (size_t)global_cap * sizeof *global_names);
    }
    memset(&globals[nglobals], 0, sizeof *globals);
    global_names[nglobals] = xstrdup(name);
    return nglobals++;
}

struct var *special(int sv)
{
    return &globals[sv];       /* main() creates them first, in this order */
}

/* ---- regular expressions ---------------------------------------------------- */

struct cached {
    char *text;
    regex_t re;
};
static struct cached cache[32];
static int cache_next;

regex_t *regex_of(const char *s)
{
    for (int i = 0; i < 32; i++)
        if (cache[i].text && strcmp(cache[i].text, s) == 0)
            return &cache[i].re;
    struct cached *c = &cache[cache_next];
    cache_next = (cache_next + 1) % 32;
    if (c->text) {
        regfree(&c->re);
        free(c->text);
    }
    int r = regcomp(&c->re, s, REG_EXTENDED);
    if (r != 0) {
        char msg[100];
        regerror(r, &c->re, msg, sizeof msg);
        c->text = NULL;
        awk_error("regular expression /%s/: %s", s, msg);
    }
    c->text = xstrdup(s);
    return &c->re;
}

int re_match(regex_t *re, const char *s, regmatch_t *m)
{
    regmatch_t dummy;
    return regexec(re, s, 1, m ? m : &dummy, 0) == 0;
}

/* ---- the record and its fields ------------------------------------------------ */

static struct cell record;     /* $0 */
static struct cell *fields;    /* $1..$nfields */
static long nfields, field_cap;
static int split_done;

static void set_nf_var(void)
{
    cell_set_num(&special(SV_NF)->c, (double)nfields);
}

static void add_field(const char *s, size_t n)
{
    if (nfields + 1 >= field_cap) {
        long old = field_cap;
        field_cap = field_cap ? field_cap * 2 : 32;
        fields = xrealloc(fields, (size_t)field_cap * sizeof *fields);
        memset(fields + old, 0, (size_t)(field_cap - old) * sizeof *fields);
    }
    cell_set_strnum(&fields[++nfields], s, n);
}

/* Split s by FS into add(), as POSIX says: " " is runs of blanks and
 * newlines, trimmed; another single character is itself (a tab, or any
 * other); more is an ERE; "" is one character a field (GNU). In
 * paragraph mode (RS == "") a newline always separates. */
static void split_by(const char *s, struct cell *fs, regex_t *fs_re,
                     void (*add)(const char *, size_t, void *), void *ctx)
{
    const char *f = fs_re ? NULL : str_of(fs);
    int paragraph = special(SV_RS)->c.type != V_UNINIT && str_of(&special(SV_RS)->c)[0] == '\0';
    if (!fs_re && strcmp(f, " ") == 0) {
        for (;;) {
            while (*s == ' ' || *s == '\t' || *s == '\n')
                s++;
            if (!*s)
                return;
            const char *start = s;
            while (*s && *s != ' ' && *s != '\t' && *s != '\n')
                s++;
            add(start, (size_t)(s - start), ctx);
        }
    }
    if (*s == '\0')
        return;
    if (!fs_re && f[0] == '\0') {
        for (; *s; s++)
            add(s, 1, ctx);
        return;
    }
    if (!fs_re && f[1] == '\0' && f[0] != '\\') {
        for (;;) {
            const char *end = s;
            while (*end && *end != f[0] && !(paragraph && *end == '\n'))
                end++;
            add(s, (size_t)(end - s), ctx);
            if (!*end)
                return;
            s = end + 1;
        }
    }
    regex_t *re = fs_re ? fs_re : regex_of(f);
    regmatch_t m;
    size_t len = strlen(s), from = 0;
    for (;;) {
        m.rm_so = (regoff_t)from;
        m.rm_eo = (regoff_t)len;
        int found = regexec(re, s, 1, &m, REG_STARTEND) == 0;
        /* an empty match separates nothing: look further */
        while (found && m.rm_eo == m.rm_so && (size_t)m.rm_so < len) {
            m.rm_so = m.rm_so + 1;
            m.rm_eo = (regoff_t)len;
            found = regexec(re, s, 1, &m, REG_STARTEND) == 0 && m.rm_eo > m.rm_so;
        }
        const char *nl = NULL;      /* (paragraph mode: see above; not for an ERE) */
        if (nl && (!found || nl - s < m.rm_so)) {
            add(s + from, (size_t)(nl - s) - from, ctx);
            from = (size_t)(nl - s) + 1;
            continue;
        }
        if (!found || m.rm_eo == m.rm_so) {
            add(s + from, len - from, ctx);
            return;
        }
        add(s + from, (size_t)m.rm_so - from, ctx);
        from = (size_t)m.rm_eo;
    }
}

static void add_to_record(const char *s, size_t n, void *ctx)
{
    (void)ctx;
    add_field(s, n);
}

static void split_record(void)
{
    if (split_done)
        return;
    split_done = 1;
    nfields = 0;
    split_by(str_of(&record), &special(SV_FS)->c, NULL, add_to_record, NULL);
    set_nf_var();
}

void record_set(const char *s, size_t n)
{
    cell_set_strnum(&record, s, n);
    split_done = 0;
    /* NF must be right when the program reads it: split now (cheap
     * enough, and simple) */
    split_record();
}

long nf(void)
{
    split_record();
    return nfields;
}

struct cell *field(long i)
{
    if (i == 0)
        return &record;
    if (i < 0)
        awk_error("trying to access out of range field %ld", i);
    split_record();
    if (i > nfields) {
        /* a reference beyond NF reads as empty; field_assigned() grows NF */
        while (i >= field_cap) {
            long old = field_cap;
            field_cap = field_cap ? field_cap * 2 : 32;
            fields = xrealloc(fields, (size_t)field_cap * sizeof *fields);
            memset(fields + old, 0, (size_t)(field_cap - old) * sizeof *fields);
        }
        cell_free(&fields[i]);
    }
    return &fields[i];
}

static void rebuild(void)
{
    const char *ofs = str_of(&special(SV_OFS)->c);
    size_t cap = 64, len = 0, ol = strlen(ofs);
    char *b = xmalloc(cap);
    b[0] = '\0';
    for (long i = 1; i <= nfields; i++) {
        const char *s = str_of(&fields[i]);
        size_t n = strlen(s);
        while (len + n + ol + 1 > cap)
            b = xrealloc(b, cap *= 2);
        if (i > 1) {
            memcpy(b + len, ofs, ol);
            len += ol;
        }
        memcpy(b + len, s, n);
        len += n;
        b[len] = '\0';
    }
    cell_free(&record);
    record.type = V_STR;
    record.str = b;
}

void field_assigned(long i)
{
    if (i == 0) {
        /* $0 changed: split again */
        struct cell t = { 0 };
        cell_copy(&t, &record);
        record_set(str_of(&t), strlen(str_of(&t)));
        cell_free(&t);
        return;
    }
    if (i > nfields) {
        for (long k = nfields + 1; k < i; k++)
            cell_set_str(&fields[k], "");
        nfields = i;
        set_nf_var();
    }
    rebuild();
}

void nf_assigned(void)
{
    split_record();
    long n = (long)num_of(&special(SV_NF)->c);
    if (n < 0)
        awk_error("NF set to negative value");
    field(n);                  /* room for them */
    for (long k = nfields + 1; k <= n; k++)
        cell_set_str(&fields[k], "");
    nfields = n;
    set_nf_var();
    rebuild();
}

struct split_ctx {
    struct array *a;
    int n;
};

static void add_to_array(const char *s, size_t n, void *ctx)
{
    struct split_ctx *c = ctx;
    char key[24];
    snprintf(key, sizeof key, "%d", ++c->n);
    cell_set_strnum(array_get(c->a, key, 1), s, n);
}

int split_into(const char *s, struct array *a, struct cell *fs, regex_t *re)
{
    struct split_ctx ctx = { a, 0 };
    char *copy = xstrdup(s);
    array_clear(a);
    split_by(copy, fs, re, add_to_array, &ctx);
    free(copy);
    return ctx.n;
}
