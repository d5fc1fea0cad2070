/*
 * diff - compare files line by line.
 *
 *   diff [-c | -C N | -e | -u | -U N] [-bBiqsw] [-N] [-r] [--label L]... FILE1 FILE2
 *
 * POSIX diff: the normal format ("3c3", "< old", "---", "> new"), -c
 * context and -u unified output (3 lines of context, or N), -e an ed
 * script, -b (changes
 * in the amount of white space), -r (directories recursively). GNU's -w
 * (all white space), -B (blank lines), -i (case), -q (only whether they
 * differ), -s (say when they are the same), -N (a missing file is empty),
 * --strip-trailing-cr,
 * -a (accepted), --label, --no-dereference (accepted). A directory and a
 * file compare the file of the same name in the directory. "-" is stdin.
 *
 * The shortest edit script is Myers' O(ND) algorithm, on the lines
 * hashed (after the -b -w -i folding) and compared. A file that does not
 * end in a newline is marked "\ No newline at end of file". Exit status:
 * 0 when no differences were found, 1 when some were, 2 on trouble.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "util/util.h"

static int opt_b, opt_w, opt_i, opt_B, opt_q, opt_s, opt_N, opt_r, opt_strip_cr;
static int style;              /* 0 normal, 'c' context, 'u' unified, 'e' ed */
static long context = 3;
static const char *labels[2];
static int nlabels;
static int status;
static int in_dirs;            /* comparing the files of two directories */

struct line {
    const char *s;
    size_t len;
    unsigned long hash;
};

struct file {
    const char *name;
    char *data;
    struct line *lines;
    long n;
    int no_newline;            /* the last line has none */
    struct stat st;
};

/* ---- reading ------------------------------------------------------------ */

static unsigned long hash_line(const char *s, size_t n)
{
    unsigned long h = 5381;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (opt_w && isspace(c))
            continue;
        if (opt_b && isspace(c)) {
            space = 1;
            continue;
        }
        if (space) {
            h = h * 33 + ' ';
            space = 0;
        }
        if (opt_i)
            c = (unsigned char)tolower(c);
        h = h * 33 + c;
    }
    return h;
}

/* Lines equal under the options (the hashes already agree). */
static int same_line(const struct line *a, const struct line *b)
{
    if (!opt_b && !opt_w && !opt_i)
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    size_t i = 0, j = 0;
    for (;;) {
        if (opt_w || opt_b) {
            int sa = 0, sb = 0;
            while (i < a->len && isspace((unsigned char)a->s[i]))
                i++, sa = 1;
            while (j < b->len && isspace((unsigned char)b->s[j]))
                j++, sb = 1;
            if (opt_b && !opt_w && sa != sb && i < a->len && j < b->len)
                return 0;
        }
        if (i == a->len || j == b->len)
            return i == a->len && j == b->len;
        int ca = (unsigned char)a->s[i++], cb = (unsigned char)b->s[j++];
        if (opt_i) {
            ca = tolower(ca);
            cb = tolower(cb);
        }
        if (ca != cb)
            return 0;
    }
}

static int read_file(struct file *f, const char *name, int missing_ok)
{
    f->name = name;
    FILE *in = strcmp(name, "-") == 0 ? stdin : NULL;
    memset(&f->st, 0, sizeof f->st);
    if (!in && stat(name, &f->st) != 0) {
        if (missing_ok && errno == ENOENT) {
            f->data = xstrdup("");
            f->n = 0;
            f->lines = NULL;
            return 0;
        }
        warn("%s", name);
        return -1;
    }
    if (!in && !(in = fopen(name, "r"))) {
        warn("%s", name);
        return -1;
    }
    size_t cap = 65536, len = 0, r;
    f->data = xmalloc(cap);
    while ((r = fread(f->data + len, 1, cap - len, in)) > 0)
        if ((len += r) == cap)
            f->data = xrealloc(f->data, cap *= 2);
    if (in != stdin)
        fclose(in);
    long lcap = 64;
    f->lines = xmalloc((size_t)lcap * sizeof *f->lines);
    f->n = 0;
    f->no_newline = len > 0 && f->data[len - 1] != '\n';
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(f->data + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (f->data + i)) : len - i, step = n + 1;
        if (opt_strip_cr && n > 0 && f->data[i + n - 1] == '\r')
            n--;
        if (f->n == lcap)
            f->lines = xrealloc(f->lines, (size_t)(lcap *= 2) * sizeof *f->lines);
        f->lines[f->n++] = (struct line){ f->data + i, n, hash_line(f->data + i, n) };
        i += step;
    }
    return 0;
}

static void free_file(struct file *f)
{
    free(f->data);
    free(f->lines);
}

/* ---- Myers' algorithm ----------------------------------------------------- */

/* The edit: for each line of a, whether it was deleted; of b, inserted. */
static char *del, *ins;

static int eq(const struct file *a, const struct file *b, long i, long j)
{
    return a->lines[i].hash == b->lines[j].hash && same_line(&a->lines[i], &b->lines[j]);
}

/* Myers' greedy algorithm with the whole trace kept (V for each D), then
 * the path walked back. Memory O(D^2), fine for the files a student
 * compares. */
static void shortest_edit(const struct file *a, const struct file *b)
{
    long n = a->n, m = b->n, max = n + m, off = max + 1;
    long *v = xcalloc((size_t)(2 * max + 3), sizeof *v);
    long **trace = xmalloc((size_t)(max + 1) * sizeof *trace);
    long d, found = -1;
    for (d = 0; d <= max && found < 0; d++) {
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                          : v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && eq(a, b, x, y))
                x++, y++;
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace[d] = xmalloc((size_t)(2 * max + 3) * sizeof **trace);
        memcpy(trace[d], v, (size_t)(2 * max + 3) * sizeof *v);
    }
    del = xcalloc((size_t)n + 1, 1);
    ins = xcalloc((size_t)m + 1, 1);
    long x = n, y = m;
    for (d = found; d > 0; d--) {
        long *vp = trace[d - 1], k = x - y;
        long pk = (k == -d || (k != d && vp[off + k - 1] < vp[off + k + 1])) ? k + 1 : k - 1;
        long px = vp[off + pk], py = px - pk;
        while (x > px && y > py)
            x--, y--;          /* the diagonal: equal lines */
        if (x == px)
            ins[--y] = 1;
        else
            del[--x] = 1;
    }
    for (d = 0; d <= found; d++)
        free(trace[d]);
    free(trace);
    free(v);
}

/* ---- hunks --------------------------------------------------------------- */

struct hunk {
    long a0, a1, b0, b1;       /* changed lines a[a0..a1), b[b0..b1) */
};

static struct hunk *hunks;
static long nhunks;

static int blank(const struct line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (!isspace((unsigned char)l->s[i]))
            return 0;
    return 1;
}

static void find_hunks(const struct file *a, const struct file *b)
{
    long i = 0, j = 0, cap = 0;
    nhunks = 0;
    while (i < a->n || j < b->n) {
        if (i < a->n && j < b->n && !del[i] && !ins[j]) {
            i++, j++;
            continue;
        }
        struct hunk h = { i, i, j, j };
        while (i < a->n && del[i])
            i++;
        while (j < b->n && ins[j])
            j++;
        h.a1 = i;
        h.b1 = j;
        if (opt_B) {           /* -B: a hunk of blank lines only is no change */
            int all_blank = 1;
            for (long k = h.a0; k < h.a1 && all_blank; k++)
                all_blank = blank(&a->lines[k]);
            for (long k = h.b0; k < h.b1 && all_blank; k++)
                all_blank = blank(&b->lines[k]);
            if (all_blank)
                continue;
        }
        if (nhunks == cap)
            hunks = xrealloc(hunks, (size_t)(cap = cap * 2 + 16) * sizeof *hunks);
        hunks[nhunks++] = h;
    }
}

static void put_line(char mark, const struct file *f, long i, const char *sep)
{
    printf("%c%s", mark, sep);
    fwrite(f->lines[i].s, 1, f->lines[i].len, stdout);
    putchar('\n');
    if (i == f->n - 1 && f->no_newline)
        puts("\\ No newline at end of file");
}

/* "from,to", or "from" alone when the range has one line (or none). */
static void range(long from, long to, char sep)
{
    if (to > from)
        printf("%ld%c%ld", from, sep, to);
    else
        printf("%ld", from);
}

static void normal(const struct file *a, const struct file *b)
{
    for (long h = 0; h < nhunks; h++) {
        struct hunk *k = &hunks[h];
        char op = k->a0 == k->a1 ? 'a' : k->b0 == k->b1 ? 'd' : 'c';
        range(op == 'a' ? k->a0 : k->a0 + 1, k->a1, ',');
        putchar(op);
        range(op == 'd' ? k->b0 : k->b0 + 1, k->b1, ',');
        putchar('\n');
        for (long i = k->a0; i < k->a1; i++)
            put_line('<', a, i, " ");
        if (op == 'c')
            puts("---");
        for (long j = k->b0; j < k->b1; j++)
            put_line('>', b, j, " ");
    }
}

/* -e: the commands that make FILE1 into FILE2 for ed, last change first
 * so that each command's line numbers are still FILE1's. A new line that
 * is a lone "." would end ed's input: it is written "..", then the input
 * is ended and "s/.//" mends it, and "a" goes on appending after it. */
static void ed_script(const struct file *b)
{
    for (long h = nhunks - 1; h >= 0; h--) {
        struct hunk *k = &hunks[h];
        char op = k->a0 == k->a1 ? 'a' : k->b0 == k->b1 ? 'd' : 'c';
        range(op == 'a' ? k->a0 : k->a0 + 1, k->a1, ',');
        printf("%c\n", op);
        if (op == 'd')
            continue;
        int ended = 0;
        for (long j = k->b0; j < k->b1; j++) {
            const struct line *l = &b->lines[j];
            int dot = l->len == 1 && l->s[0] == '.';
            fwrite(dot ? ".." : l->s, 1, dot ? 2 : l->len, stdout);
            putchar('\n');
            ended = dot;
            if (dot)
                printf(".\ns/.//\n%s", j + 1 < k->b1 ? "a\n" : "");
        }
        if (!ended)
            puts(".");
    }
}

static void header(const char *mark, const struct file *f, int which)
{
    if (nlabels > which) {
        printf("%s %s\n", mark, labels[which]);
        return;
    }
    char when[64] = "";
    time_t t = f->st.st_mtim.tv_sec;
    struct tm *tm = localtime(&t);
    if (tm)
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", tm);
    printf("%s %s\t%s.%09ld +0000\n", mark, f->name, when, (long)f->st.st_mtim.tv_nsec);
}

/* Groups of hunks closer than 2 * context lines print together. */
static long group_end(long h)
{
    long e = h;
    while (e + 1 < nhunks && hunks[e + 1].a0 - hunks[e].a1 <= 2 * context)
        e++;
    return e;
}

static void unified(const struct file *a, const struct file *b)
{
    header("---", a, 0);
    header("+++", b, 1);
    for (long h = 0; h < nhunks;) {
        long e = group_end(h);
        long a0 = hunks[h].a0 - context < 0 ? 0 : hunks[h].a0 - context;
        long b0 = hunks[h].b0 - (hunks[h].a0 - a0);
        long a1 = hunks[e].a1 + context > a->n ? a->n : hunks[e].a1 + context;
        long b1 = hunks[e].b1 + (a1 - hunks[e].a1);
        printf("@@ -");
        if (a1 - a0 == 1) printf("%ld", a0 + 1); else printf("%ld,%ld", a1 > a0 ? a0 + 1 : a0, a1 - a0);
        printf(" +");
        if (b1 - b0 == 1) printf("%ld", b0 + 1); else printf("%ld,%ld", b1 > b0 ? b0 + 1 : b0, b1 - b0);
        printf(" @@\n");
        long i = a0, j = b0;
        for (long k = h; k <= e; k++) {
            for (; i < hunks[k].a0; i++, j++)
                put_line(' ', a, i, "");
            for (; i < hunks[k].a1; i++)
                put_line('-', a, i, "");
            for (; j < hunks[k].b1; j++)
                put_line('+', b, j, "");
        }
        for (; i < a1; i++, j++)
            put_line(' ', a, i, "");
        h = e + 1;
    }
}

/* One side of a group of hunks h..e in a context diff: the header of
 * its lines from..to, then those lines, unless this side changed none of
 * them. A changed line is '!' where the other side changed too, else '-'
 * (old side) or '+' (new side). */
static void context_side(const struct file *f, int old, long h, long e, long from, long to)
{
    printf(old ? "*** " : "--- ");
    range(to > from ? from + 1 : from, to, ',');
    puts(old ? " ****" : " ----");
    int any = 0;
    for (long k = h; k <= e; k++)
        any |= old ? hunks[k].a1 > hunks[k].a0 : hunks[k].b1 > hunks[k].b0;
    if (!any)
        return;
    long i = from;
    for (long k = h; k <= e; k++) {
        long c0 = old ? hunks[k].a0 : hunks[k].b0, c1 = old ? hunks[k].a1 : hunks[k].b1;
        int other = old ? hunks[k].b1 > hunks[k].b0 : hunks[k].a1 > hunks[k].a0;
        for (; i < c0; i++)
            put_line(' ', f, i, " ");
        for (; i < c1; i++)
            put_line(other ? '!' : old ? '-' : '+', f, i, " ");
    }
    for (; i < to; i++)
        put_line(' ', f, i, " ");
}

static void context_diff(const struct file *a, const struct file *b)
{
    header("***", a, 0);
    header("---", b, 1);
    for (long h = 0; h < nhunks;) {
        long e = group_end(h);
        long a0 = hunks[h].a0 - context < 0 ? 0 : hunks[h].a0 - context;
        long b0 = hunks[h].b0 - (hunks[h].a0 - a0);
        long a1 = hunks[e].a1 + context > a->n ? a->n : hunks[e].a1 + context;
        long b1 = hunks[e].b1 + (a1 - hunks[e].a1);
        puts("***************");
        context_side(a, 1, h, e, a0, a1);
        context_side(b, 0, h, e, b0, b1);
        h = e + 1;
    }
}

/* ---- files and directories ---------------------------------------------------- */

static void compare_files(const char *p1, const char *p2, int missing_ok)
{
    struct file a = { 0 }, b = { 0 };
    if (read_file(&a, p1, missing_ok) < 0 || read_file(&b, p2, missing_ok) < 0) {
        status = 2;
        free_file(&a);
        free_file(&b);
        return;
    }
    shortest_edit(&a, &b);
    find_hunks(&a, &b);
    /* a missing newline at the end alone is a difference too */
    if (nhunks == 0 && a.n == b.n && a.n > 0 && a.no_newline != b.no_newline) {
        hunks = xrealloc(hunks, sizeof *hunks);
        hunks[0] = (struct hunk){ a.n - 1, a.n, b.n - 1, b.n };
        nhunks = 1;
    }
    if (nhunks > 0) {
        if (status < 1)
            status = 1;
        if (opt_q) {
            printf("Files %s and %s differ\n", p1, p2);
        } else {
            if (in_dirs)       /* as GNU: the options that matter, then the files */
                printf("diff%s%s%s %s %s\n", opt_r ? " -r" : "",
                       opt_N ? (opt_r ? "N" : " -N") : "",
                       style == 'u' ? " -u" : style == 'c' ? " -c" : "", p1, p2);
            if (style == 'u')
                unified(&a, &b);
            else if (style == 'c')
                context_diff(&a, &b);
            else if (style == 'e')
                ed_script(&b);
            else
                normal(&a, &b);
        }
    } else if (opt_s) {
        printf("Files %s and %s are identical\n", p1, p2);
    }
    free(del);
    free(ins);
    del = ins = NULL;
    free_file(&a);
    free_file(&b);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void compare_dirs(const char *d1, const char *d2)
{
    char **n1 = dir_names(d1, NULL), **n2 = dir_names(d2, NULL);
    if (!n1 || !n2) {
        warn("%s", !n1 ? d1 : d2);
        status = 2;
        free_names(n1);
        free_names(n2);
        return;
    }
    char **p = n1, **q = n2;
    while (*p || *q) {
        int c = !*p ? 1 : !*q ? -1 : strcmp(*p, *q);
        const char *name = c <= 0 ? *p : *q;
        char *a = path_join(d1, name), *b = path_join(d2, name);
        if (c != 0 && !opt_N) {
            printf("Only in %s: %s\n", c < 0 ? d1 : d2, name);
            if (status < 1)
                status = 1;
        } else {
            int da = is_dir(a), db = is_dir(b);
            if (da && db && opt_r)
                compare_dirs(a, b);
            else if (da && db)
                printf("Common subdirectories: %s and %s\n", a, b);
            else if (da != db && c == 0) {
                printf("File %s is a %s while file %s is a %s\n", a,
                       da ? "directory" : "regular file", b, db ? "directory" : "regular file");
                if (status < 1)
                    status = 1;
            } else {
                compare_files(a, b, opt_N);
            }
        }
        free(a);
        free(b);
        if (c <= 0)
            p++;
        if (c >= 0)
            q++;
    }
    free_names(n1);
    free_names(n2);
}

static long count(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*end || n < 0)
        errx(2, "invalid context length '%s'", s);
    return n;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "ignore-space-change", no_argument, NULL, 'b' },
        { "ignore-all-space", no_argument, NULL, 'w' },
        { "ignore-blank-lines", no_argument, NULL, 'B' },
        { "ignore-case", no_argument, NULL, 'i' }, { "brief", no_argument, NULL, 'q' },
        { "report-identical-files", no_argument, NULL, 's' },
        { "new-file", no_argument, NULL, 'N' }, { "recursive", no_argument, NULL, 'r' },
        { "text", no_argument, NULL, 'a' }, { "unified", optional_argument, NULL, 'U' },
        { "context", optional_argument, NULL, 'C' }, { "label", required_argument, NULL, 'L' },
        { "no-dereference", no_argument, NULL, 'P' },
        { "strip-trailing-cr", no_argument, NULL, 'R' }, { NULL, 0, NULL, 0 },
    };
    int c;
    util_fail_status = 2;
    while ((c = getopt_long(argc, argv, "abBcC:eiL:NqrsuU:w", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': case 'P': break;
        case 'R': opt_strip_cr = 1; break;
        case 'b': opt_b = 1; break;
        case 'w': opt_w = 1; break;
        case 'B': opt_B = 1; break;
        case 'i': opt_i = 1; break;
        case 'q': opt_q = 1; break;
        case 's': opt_s = 1; break;
        case 'N': opt_N = 1; break;
        case 'r': opt_r = 1; break;
        case 'u': style = 'u'; break;
        case 'c': style = 'c'; break;
        case 'e': style = 'e'; break;
        case 'U': style = 'u'; if (optarg) context = count(optarg); break;
        case 'C': style = 'c'; if (optarg) context = count(optarg); break;
        case 'L':
            if (nlabels < 2)
                labels[nlabels++] = optarg;
            break;
        default:
            fprintf(stderr, "Usage: diff [OPTION]... FILES\n");
            return 2;
        }
    }
    two_operands(argc, argv, 2, "diff: Try 'diff --help' for more information.\n");
    const char *p1 = argv[optind], *p2 = argv[optind + 1];
    if (strcmp(p1, "-") == 0 && strcmp(p2, "-") == 0)
        return 0;              /* stdin and itself */
    int d1 = strcmp(p1, "-") != 0 && is_dir(p1), d2 = strcmp(p2, "-") != 0 && is_dir(p2);
    if (d1 && d2) {
        in_dirs = 1;
        compare_dirs(p1, p2);
    } else if (d1 || d2) {
        /* a directory and a file: the file of that name in the directory */
        char *base = path_base(d1 ? p2 : p1);
        char *in_dir = path_join(d1 ? p1 : p2, base);
        if (d1)
            compare_files(in_dir, p2, opt_N);
        else
            compare_files(p1, in_dir, opt_N);
        free(in_dir);
        free(base);
    } else {
        compare_files(p1, p2, opt_N);
    }
    free(hunks);
    if (fflush(stdout) != 0)
        err(2, "write error");
    return status;
}
