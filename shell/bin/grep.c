/*
 * grep - print the lines that match a pattern (egrep and fgrep are
 * scripts running grep -E and grep -F: shell/bin/scripts/).
 *
 *   grep [OPTION]... PATTERN [FILE...]
 *   grep [OPTION]... -e PATTERN... [-f FILE]... [FILE...]
 *
 * POSIX:  -E -F -G (extended, fixed, basic)   -e PAT  -f FILE   -i  -v
 *         -w -x (whole words, whole lines)    -c  -l  -L  -n  -q  -s
 * GNU:    -o (only the matching parts)   -b (byte offsets)   -H -h (names)
 *         -r -R (directories, recursively; "." without a FILE; a FIFO,
 *         device or socket found inside is skipped, and so is a symbolic
 *         link under -r: -R follows them)
 *         -A N -B N -C N -NUM (context lines, groups parted by "--")
 *         -m N (stop after N selected lines)   -y (= -i)   -a (text)
 *         -U (ignored)   -z (NUL-ended lines)   -Z (NUL after names)
 *         --include=GLOB --exclude=GLOB --exclude-dir=GLOB (with -r)
 *         --color[=WHEN] (accepted; never colours)   --label=NAME (stdin)
 *         and the long names of the above.
 *
 * A pattern holding newlines is several patterns; a line is selected
 * when any of them matches (with -o, at each place the leftmost, longest
 * match of any). The matching is the C library's regcomp/regexec. A file
 * holding a NUL byte is binary: instead of its lines, "grep: NAME:
 * binary file matches" goes to stderr, as GNU grep 3.5 and later say.
 * -a reads such a file as text. -z: lines end with NUL bytes (in and
 * out); -Z: a NUL byte follows a file name instead of ':' or a newline.
 * Operands after options are allowed, as GNU allows. Not supported:
 * -P, colours, context with -o.
 *
 * Exit status: 0 when a line was selected, 1 when none was, 2 on an error
 * (even if lines were selected, unless -q found one).
 */
#include <errno.h>
#include <err.h>
#include <fnmatch.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static int opt_count, opt_names, opt_nonames, opt_number, opt_quiet, opt_silent,
           opt_invert, opt_fixed, opt_only, opt_byte, opt_word, opt_line,
           opt_recursive, with_names, opt_text, opt_null;
static char eol = '\n';                 /* what ends a line: NUL under -z */
static long long opt_max = -1;
static long before_n, after_n;
static int context_given;
static int cflags;
static const char *label = "(standard input)";
static char **includes, **excludes, **exclude_dirs;
static int nincludes, nexcludes, nexclude_dirs;

static regex_t *res;           /* the compiled patterns */
static int nres;
static int errors;
static int implicit_dot;       /* -r without a FILE: names without "./" */

static void usage(void)
{
    fprintf(stderr, "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                    "Try 'grep --help' for more information.\n");
    exit(2);
}

/* -F: a fixed string as a BRE, each special character escaped. */
static char *quote_fixed(const char *s, size_t len)
{
    char *q = xmalloc(2 * len + 1), *o = q;
    for (size_t i = 0; i < len; i++) {
        if (strchr("\\.[]*^$", s[i]))
            *o++ = '\\';
        *o++ = s[i];
    }
    *o = '\0';
    return q;
}

/* Compile one pattern (len bytes at s, no newline). */
static void add_pattern(const char *s, size_t len)
{
    char *pat = opt_fixed ? quote_fixed(s, len) : xstrndup(s, len);
    res = xrealloc(res, (size_t)(nres + 1) * sizeof *res);
    int r = regcomp(&res[nres], pat, opt_fixed ? cflags & ~REG_EXTENDED : cflags);
    free(pat);
    if (r != 0) {
        char msg[100];
        regerror(r, &res[nres], msg, sizeof msg);
        errx(2, "%s", msg);
    }
    nres++;
}

/* A pattern argument: one pattern per line of it. */
static void add_patterns(const char *s)
{
    for (;;) {
        const char *nl = strchr(s, '\n');
        add_pattern(s, nl ? (size_t)(nl - s) : strlen(s));
        if (!nl)
            return;
        s = nl + 1;
    }
}

/* -f FILE: one pattern per line (an empty file: no pattern at all). */
static void add_pattern_file(const char *name)
{
    FILE *f = open_operand(name);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    if (!f)
        err(2, "%s", name);
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            len--;
        add_pattern(line, (size_t)len);
    }
    free(line);
    if (f != stdin)
        fclose(f);
}

static int is_word(int c)
{
    return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Run pattern re on line[from..len): 1 with *m set, 0 if no match. */
static int search(regex_t *re, const char *line, size_t from, size_t len, regmatch_t *m)
{
    m->rm_so = (regoff_t)from;
    m->rm_eo = (regoff_t)len;
    int r = regexec(re, line, 1, m, REG_STARTEND);
    if (r == REG_ESPACE)
        errx(2, "memory exhausted");
    return r == 0;
}

/* The leftmost match of re at or after `from` that -w and -x accept. For
 * -w, a match that touches a word character is shortened from its end,
 * then tried from the next start, as GNU grep does. */
static int find(regex_t *re, const char *line, size_t from, size_t len, regmatch_t *out)
{
    regmatch_t m;
    while (from <= len && search(re, line, from, len, &m)) {
        size_t so = (size_t)m.rm_so, eo = (size_t)m.rm_eo;
        if (opt_line) {
            if (so == 0 && eo == len) {
                *out = m;
                return 1;
            }
            return 0;
        }
        if (!opt_word) {
            *out = m;
            return 1;
        }
        for (;;) {
            if ((so == 0 || !is_word((unsigned char)line[so - 1])) &&
                (eo == len || !is_word((unsigned char)line[eo]))) {
                out->rm_so = (regoff_t)so;
                out->rm_eo = (regoff_t)eo;
                return 1;
            }
            if (eo == so)
                break;
            /* a shorter match from the same start: search [so, eo - 1) */
            regmatch_t s;
            if (!search(re, line, so, eo - 1, &s) || (size_t)s.rm_so != so)
                break;
            eo = (size_t)s.rm_eo;
        }
        from = so + 1;
    }
    return 0;
}

/* The leftmost (then longest) match of any pattern at or after from. */
static int find_any(const char *line, size_t from, size_t len, regmatch_t *best)
{
    int found = 0;
    for (int i = 0; i < nres; i++) {
        regmatch_t m;
        if (find(&res[i], line, from, len, &m) &&
            (!found || m.rm_so < best->rm_so ||
             (m.rm_so == best->rm_so && m.rm_eo > best->rm_eo))) {
            *best = m;
            found = 1;
        }
    }
    return found;
}

static int selected(const char *line, size_t len)
{
    regmatch_t m;
    for (int i = 0; i < nres; i++)
        if (find(&res[i], line, 0, len, &m))
            return !opt_invert;
    return opt_invert;
}

/* The name, line number and offset in front of a line; sep is ':' for a
 * selected line, '-' for context. */
static void prefix(const char *name, long long line_no, long long offset, char sep)
{
    if (with_names)
        printf("%s%c", name, opt_null ? '\0' : sep);
    if (opt_number)
        printf("%lld%c", line_no, sep);
    if (opt_byte)
        printf("%lld%c", offset, sep);
}

/* The lines before a selected one (-B), kept in a ring. */
struct held {
    char *text;
    size_t len, cap;
    long long line_no, offset;
};

struct state {
    const char *name;
    long long count, line_no, offset;
    long long last_printed;    /* line number of the last line printed, 0: none */
    long after_left;           /* -A lines still to print */
    struct held *ring;
    long ring_n, ring_head;
};

static void print_line(struct state *st, const char *line, size_t n, long long line_no,
                       long long offset, char sep)
{
    if ((before_n || after_n || context_given) && st->last_printed > 0 &&
        line_no > st->last_printed + 1)
        fputs("--\n", stdout);
    prefix(st->name, line_no, offset, sep);
    fwrite(line, 1, n, stdout);
    putchar(eol);
    st->last_printed = line_no;
}

static void hold(struct state *st, const char *line, size_t n)
{
    if (before_n == 0)
        return;
    struct held *h = &st->ring[(st->ring_head + st->ring_n) % before_n];
    if (st->ring_n == before_n) {
        h = &st->ring[st->ring_head];
        st->ring_head = (st->ring_head + 1) % before_n;
    } else {
        st->ring_n++;
    }
    if (h->cap < n + 1)
        h->text = xrealloc(h->text, h->cap = n + 1);
    memcpy(h->text, line, n);
    h->len = n;
    h->line_no = st->line_no;
    h->offset = st->offset;
}

static void flush_held(struct state *st)
{
    for (long i = 0; i < st->ring_n; i++) {
        struct held *h = &st->ring[(st->ring_head + i) % before_n];
        print_line(st, h->text, h->len, h->line_no, h->offset, '-');
    }
    st->ring_n = 0;
    st->ring_head = 0;
}

/* -o: each match of a selected line on a line of its own. */
static void print_matches(struct state *st, const char *line, size_t n)
{
    regmatch_t m;
    for (size_t from = 0; from <= n && find_any(line, from, n, &m);) {
        if (m.rm_eo > m.rm_so) {
            prefix(st->name, st->line_no, st->offset + m.rm_so, ':');
            fwrite(line + m.rm_so, 1, (size_t)(m.rm_eo - m.rm_so), stdout);
            putchar(eol);
            from = (size_t)m.rm_eo;
        } else {
            from = (size_t)m.rm_eo + 1;
        }
    }
}

/* Search one open file; returns the number of selected lines. */
static long long grep_stream(FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    struct state st = { .name = name };
    int binary = 0, quiet_output = opt_quiet || opt_names || opt_nonames || opt_count;
    if (before_n)
        st.ring = xcalloc((size_t)before_n, sizeof *st.ring);
    while ((opt_max < 0 || st.count < opt_max) && (len = getdelim(&line, &cap, eol, f)) > 0) {
        st.line_no++;
        size_t n = (size_t)len - (line[len - 1] == eol);
        binary = binary || (!opt_text && eol == '\n' && memchr(line, '\0', (size_t)len) != NULL);
        if (!selected(line, n)) {
            if (!quiet_output && !binary && st.after_left > 0) {
                print_line(&st, line, n, st.line_no, st.offset, '-');
                st.after_left--;
            } else {
                hold(&st, line, n);
            }
            st.offset += len;
            continue;
        }
        st.count++;
        if (opt_quiet)
            exit(0);
        if (opt_names || opt_nonames)
            break;             /* -l, -L: one line is enough to know */
        if (binary || opt_count) {
            st.offset += len;
            continue;
        }
        if (opt_only) {
            if (!opt_invert)
                print_matches(&st, line, n);
        } else {
            flush_held(&st);
            print_line(&st, line, n, st.line_no, st.offset, ':');
            st.after_left = after_n;
        }
        st.offset += len;
    }
    /* -A after the last match (when -m stopped the scan) */
    while (!quiet_output && !binary && st.after_left > 0 && (len = getdelim(&line, &cap, eol, f)) > 0) {
        st.line_no++;
        size_t n = (size_t)len - (line[len - 1] == eol);
        if (selected(line, n))
            break;
        print_line(&st, line, n, st.line_no, st.offset, '-');
        st.offset += len;
        st.after_left--;
    }
    if (binary && st.count > 0 && !quiet_output) {
        fflush(stdout);
        fprintf(stderr, "grep: %s: binary file matches\n", name);
    }
    for (long i = 0; i < before_n; i++)
        free(st.ring[i].text);
    free(st.ring);
    free(line);
    return st.count;
}

static void report(const char *path)
{
    errors = 1;
    if (!opt_silent) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "grep: %s: %s\n", path, strerror(e));
    }
}

static int matches_any(char **globs, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (fnmatch(globs[i], name, 0) == 0)
            return 1;
    return 0;
}

static int grep_path(const char *path, int top);

/* -r: every entry of a directory, in name order. */
static int grep_dir(const char *path)
{
    char **names = dir_names(path, NULL);
    int status = 1;
    if (!names) {
        report(path);
        return 2;
    }
    for (char **n = names; *n; n++) {
        char *sub = implicit_dot && strcmp(path, ".") == 0 ? xstrdup(*n) : path_join(path, *n);
        if (grep_path(sub, 0) == 0)
            status = 0;
        free(sub);
    }
    free_names(names);
    return status;
}

/* Returns 0 if lines were selected, 1 if not, 2 on an error. */
static int grep_path(const char *path, int top)
{
    int is_stdin = top && strcmp(path, "-") == 0;
    const char *name = is_stdin ? label : path;
    struct stat sb;
    /* -r follows only the symbolic links named on the command line; -R all */
    int follow = top || opt_recursive == 'R';
    int known = !is_stdin && (follow ? stat(path, &sb) : lstat(path, &sb)) == 0;
    if (known && S_ISDIR(sb.st_mode)) {
        if (!opt_recursive) {
            errno = EISDIR;
            report(path);
            return 2;
        }
        char *base = path_base(path);
        int skip = !top && matches_any(exclude_dirs, nexclude_dirs, base);
        free(base);
        return skip ? 1 : grep_dir(path);
    }
    /* A FIFO, device or socket met on the way down is skipped, as GNU
     * grep does: opening a FIFO nobody writes to would wait for ever.
     * Named on the command line, it is read. So is a symbolic link under -r. */
    if (known && !top && !S_ISREG(sb.st_mode))
        return 1;
    if (!is_stdin && !top) {
        char *base = path_base(path);
        int skip = (nincludes && !matches_any(includes, nincludes, base)) ||
                   matches_any(excludes, nexcludes, base);
        free(base);
        if (skip)
            return 1;
    }
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        report(path);
        return 2;
    }
    long long count = grep_stream(f, name);
    int failed = ferror(f), e = errno;
    if (!is_stdin)
        fclose(f);
    if (opt_count) {
        if (with_names)
            printf("%s%c", name, opt_null ? '\0' : ':');
        printf("%lld\n", count);
    }
    if ((opt_names && count > 0) || (opt_nonames && count == 0))
        printf("%s%c", name, opt_null ? '\0' : '\n');
    if (failed) {
        errno = e;
        report(path);
        return 2;
    }
    return count > 0 ? 0 : 1;
}

static long number(const char *s, const char *what)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end || n < 0 || errno)
        errx(2, "%s: invalid %s argument", s, what);
    return n;
}

enum { OPT_INCLUDE = 256, OPT_EXCLUDE, OPT_EXCLUDE_DIR, OPT_COLOR, OPT_LABEL };

static const struct option longopts[] = {
    { "extended-regexp", no_argument, NULL, 'E' },
    { "fixed-strings", no_argument, NULL, 'F' },
    { "basic-regexp", no_argument, NULL, 'G' },
    { "regexp", required_argument, NULL, 'e' },
    { "file", required_argument, NULL, 'f' },
    { "ignore-case", no_argument, NULL, 'i' },
    { "invert-match", no_argument, NULL, 'v' },
    { "word-regexp", no_argument, NULL, 'w' },
    { "line-regexp", no_argument, NULL, 'x' },
    { "count", no_argument, NULL, 'c' },
    { "files-with-matches", no_argument, NULL, 'l' },
    { "files-without-match", no_argument, NULL, 'L' },
    { "line-number", no_argument, NULL, 'n' },
    { "quiet", no_argument, NULL, 'q' },
    { "silent", no_argument, NULL, 'q' },
    { "no-messages", no_argument, NULL, 's' },
    { "only-matching", no_argument, NULL, 'o' },
    { "byte-offset", no_argument, NULL, 'b' },
    { "with-filename", no_argument, NULL, 'H' },
    { "no-filename", no_argument, NULL, 'h' },
    { "recursive", no_argument, NULL, 'r' },
    { "dereference-recursive", no_argument, NULL, 'R' },
    { "after-context", required_argument, NULL, 'A' },
    { "before-context", required_argument, NULL, 'B' },
    { "context", required_argument, NULL, 'C' },
    { "max-count", required_argument, NULL, 'm' },
    { "text", no_argument, NULL, 'a' },
    { "null", no_argument, NULL, 'Z' },
    { "null-data", no_argument, NULL, 'z' },
    { "binary", no_argument, NULL, 'U' },
    { "include", required_argument, NULL, OPT_INCLUDE },
    { "exclude", required_argument, NULL, OPT_EXCLUDE },
    { "exclude-dir", required_argument, NULL, OPT_EXCLUDE_DIR },
    { "color", optional_argument, NULL, OPT_COLOR },
    { "colour", optional_argument, NULL, OPT_COLOR },
    { "label", required_argument, NULL, OPT_LABEL },
    { NULL, 0, NULL, 0 },
};

static void add_glob(char ***list, int *n, const char *glob)
{
    *list = xrealloc(*list, (size_t)(*n + 1) * sizeof **list);
    (*list)[(*n)++] = (char *)glob;
}

/* The options. The -e and -f arguments are kept in order in `given`
 * and compiled afterwards, when the flags they depend on (-i, -E...) are
 * all known. -NUM is -C NUM. */
static int parse_options(int argc, char **argv, char **given)
{
    int c, n = 0;
    long digits = -1;
    while ((c = getopt_long(argc, argv, "0123456789A:B:C:EFGHLRUZabce:f:hilm:noqrsvwxyz",
                            longopts, NULL)) != -1) {
        if (c >= '0' && c <= '9') {
            digits = (digits < 0 ? 0 : digits) * 10 + (c - '0');
            before_n = after_n = digits;
            context_given = 1;
            continue;
        }
        digits = -1;
        switch (c) {
        case 'E': cflags |= REG_EXTENDED; opt_fixed = 0; break;
        case 'F': opt_fixed = 1; break;
        case 'G': cflags &= ~REG_EXTENDED; opt_fixed = 0; break;
        case 'c': opt_count = 1; break;
        case 'e': case 'f':
            /* -e PAT is kept as PAT, -f FILE as NULL followed by FILE */
            given[n++] = c == 'e' ? optarg : NULL;
            if (c == 'f')
                given[n++] = optarg;
            break;
        case 'H': with_names = 1; break;
        case 'h': with_names = -1; break;
        case 'i': case 'y': cflags |= REG_ICASE; break;
        case 'L': opt_nonames = 1; opt_names = 0; break;
        case 'l': opt_names = 1; opt_nonames = 0; break;
        case 'n': opt_number = 1; break;
        case 'q': opt_quiet = 1; break;
        case 's': opt_silent = 1; break;
        case 'v': opt_invert = 1; break;
        case 'w': opt_word = 1; break;
        case 'x': opt_line = 1; break;
        case 'o': opt_only = 1; break;
        case 'b': opt_byte = 1; break;
        case 'r': case 'R': opt_recursive = c; break;
        case 'A': after_n = number(optarg, "context length"); context_given = 1; break;
        case 'B': before_n = number(optarg, "context length"); context_given = 1; break;
        case 'C': before_n = after_n = number(optarg, "context length"); context_given = 1; break;
        case 'm': opt_max = number(optarg, "max count"); break;
        case 'a': opt_text = 1; break;
        case 'U': break;
        case 'Z': opt_null = 1; break;
        case 'z': eol = '\0'; break;
        case OPT_INCLUDE: add_glob(&includes, &nincludes, optarg); break;
        case OPT_EXCLUDE: add_glob(&excludes, &nexcludes, optarg); break;
        case OPT_EXCLUDE_DIR: add_glob(&exclude_dirs, &nexclude_dirs, optarg); break;
        case OPT_COLOR: break;
        case OPT_LABEL: label = optarg; break;
        default: usage();
        }
    }
    if (opt_only)              /* GNU: no context lines with -o */
        before_n = after_n = context_given = 0;
    return n;
}

int main(int argc, char **argv)
{
    util_fail_status = 2;
    /* At most two entries per argument: NULL + file for each -f. */
    char **given = xmalloc((size_t)(2 * argc + 1) * sizeof *given);
    int ngiven = parse_options(argc, argv, given);
    for (int i = 0; i < ngiven; i++) {
        if (given[i])
            add_patterns(given[i]);
        else
            add_pattern_file(given[++i]);
    }
    free(given);
    if (ngiven == 0) {
        if (optind >= argc)
            usage();
        add_patterns(argv[optind++]);
    }
    int nfiles = argc - optind;
    with_names = with_names == 0 ? nfiles > 1 || opt_recursive : with_names > 0;
    int status = 1;
    implicit_dot = nfiles == 0 && opt_recursive;
    if (nfiles == 0)
        status = grep_path(opt_recursive ? "." : "-", 1) == 0 ? 0 : 1;
    for (int i = optind; i < argc; i++)
        if (grep_path(argv[i], 1) == 0)
            status = 0;
    if (fflush(stdout) != 0)
        err(2, "write error");
    for (int i = 0; i < nres; i++)
        regfree(&res[i]);
    free(res);
    return errors ? 2 : status;
}
