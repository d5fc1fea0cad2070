/*
 * ls - list directory contents.
 *
 *   ls [-1aAbCdFHiLlmnNopqrRStuUxZ] [-w COLS] [--full-time] [FILE...]
 *
 * -a shows names starting with '.', "." and ".." included; -A the same
 * without "." and "..". -d lists directories themselves, not their
 * contents. -F appends '/' to directories, '*' to executables, '|' to
 * FIFOs. -l is the long format: mode, links, owner, group, size, time of
 * last modification, name. -1 puts one name a line (the default when the
 * output is not a terminal), -C in columns (the default on a terminal).
 * -x in rows across, -m as a list separated by commas. -r reverses the
 * order, -t sorts newest first (by the last change with -c, access with
 * -u), -S largest first, -X by extension, -U (or -f, which is -aU) not at
 * all; --group-directories-first puts them before the files. -p marks
 * directories only; -i shows inode numbers; -R lists subdirectories
 * recursively; -w sets the width of a line; -n shows numeric ids, -o
 * leaves out the group, -g the owner; -k is accepted. Names are shown
 * as they are (-N; the default into a pipe or a file), with control
 * characters as '?' (-q; the default on a terminal), or with C's escapes
 * (-b). -Z shows GNU's "?" for the security context Duplex does not have;
 * --full-time is -l with the whole time, nanoseconds and offset.
 * -l shows a symbolic link as "NAME -> TARGET". A link named as an
 * operand is followed unless -l, -d or -F is given; -H follows those
 * always, -L every link.
 *
 * Names are sorted by strcmp (Duplex has no locale: this is LC_ALL=C's
 * order). File operands are listed first, as one group, then each
 * directory operand; with more than one operand, each directory gets a
 * "NAME:" header. Owners and groups are named as /etc/passwd and
 * /etc/group say (util/names.c), numbers if they have no name.
 * Modification times within the last six months show the time of day,
 * older (or future) ones the year.
 *
 * Exit status as GNU's: 2 if an operand could not be listed, 1 if only
 * something inside a directory could not, 0 otherwise.
 *
 * Not supported: -s, -h, --color, quoting.
 */
#include <dirent.h>
#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <limits.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "ls"
#define SIX_MONTHS (31556952 / 2)            /* half a Gregorian year, in s */

struct ent {
    char       *name;
    char       *target;        /* -l: a symbolic link's contents */
    struct stat st;
};

struct list {
    struct ent *v;
    size_t      n, cap;
};

static int show_all, show_almost, dirs_as_files, classify, long_format;
static int columns, reverse, by_time, across, commas, slash_dirs, show_inode, recursive;
static int by_size, by_extension, unsorted, dirs_first, numeric, no_group, no_owner;
static int deref, deref_args;  /* -L: follow every link; -H: those named */
static char time_key = 'm';   /* which time -t and -l use: m, c (-c) or a (-u) */
static long line_width;       /* -w */
static int quoting;            /* 'N' as they are, 'q' '?' for controls, 'b' escapes */
static int show_context;       /* -Z: "?", there are no security contexts */
static int full_time;          /* --full-time */

static void print_shown(const char *name);
static int status;
static time_t now;

static void usage(int code)
{
    if (code)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-1aACdFlrt] [FILE]...\n"
               "List the FILEs, and the contents of directories (default: .).\n");
    exit(code);
}

/* "ls: WHAT 'PATH': error", after what is already listed (so that the
 * two streams stay in order when they go to the same place). */
static void complain(const char *what, const char *path, int level)
{
    int err = errno;
    fflush(stdout);
    fprintf(stderr, PROG ": %s '%s': %s\n", what, path, strerror(err));
    if (status < level)
        status = level;
}

/* name as listed, path where it is (for a link's target). */
static void list_add(struct list *l, const char *name, const char *path, const struct stat *st)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    struct ent *e = &l->v[l->n++];
    e->name = xstrdup(name);
    e->st = *st;
    e->target = NULL;
    char buf[PATH_MAX];
    ssize_t n;
    if (long_format && S_ISLNK(st->st_mode) && (n = readlink(path, buf, sizeof buf - 1)) >= 0)
        e->target = xstrndup(buf, (size_t)n);
}

static void list_free(struct list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].name);
        free(l->v[i].target);
    }
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static const struct timespec *when_of(const struct stat *st)
{
    return time_key == 'c' ? &st->st_ctim : time_key == 'a' ? &st->st_atim : &st->st_mtim;
}

static int compare(const void *pa, const void *pb)
{
    const struct ent *a = pa, *b = pb;
    int r = 0;
    if (dirs_first && S_ISDIR(a->st.st_mode) != S_ISDIR(b->st.st_mode))
        return S_ISDIR(a->st.st_mode) ? -1 : 1;
    if (by_size && a->st.st_size != b->st.st_size)
        r = a->st.st_size < b->st.st_size ? 1 : -1;
    if (by_extension && r == 0) {
        const char *ea = strrchr(a->name, '.'), *eb = strrchr(b->name, '.');
        r = strcmp(ea && ea != a->name ? ea : "", eb && eb != b->name ? eb : "");
    }
    if (by_time && r == 0) {
        const struct timespec *ta = when_of(&a->st), *tb = when_of(&b->st);
        if (ta->tv_sec != tb->tv_sec)
            r = ta->tv_sec < tb->tv_sec ? 1 : -1;
        else if (ta->tv_nsec != tb->tv_nsec)
            r = ta->tv_nsec < tb->tv_nsec ? 1 : -1;
    }
    if (r == 0)
        r = strcmp(a->name, b->name);
    return reverse ? -r : r;
}

/* -F's mark for a file (-p's: only '/'), or 0. */
static char indicator(mode_t m)
{
    if (slash_dirs && !classify)
        return S_ISDIR(m) ? '/' : 0;
    if (!classify)
        return 0;
    if (S_ISDIR(m))  return '/';
    if (S_ISFIFO(m)) return '|';
    if (S_ISLNK(m))  return '@';
    if (S_ISSOCK(m)) return '=';
    if (S_ISREG(m) && (m & (S_IXUSR | S_IXGRP | S_IXOTH)))
        return '*';
    return 0;
}

/* An owner's (group: a group's) name from /etc/passwd or /etc/group, or
 * its number (-n, or an id with no name). */
static void id_string(unsigned id, int group, char *buf, size_t size)
{
    const char *name = numeric ? NULL : group ? group_name(id) : user_name(id);
    if (name)
        snprintf(buf, size, "%s", name);
    else
        snprintf(buf, size, "%u", id);
}

/* A device number split the way Linux (and Duplex's numbering) does. */
static unsigned dev_major(unsigned long long d)
{
    return (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffULL));
}

static unsigned dev_minor(unsigned long long d)
{
    return (unsigned)((d & 0xff) | ((d >> 12) & ~0xffULL));
}

/* --full-time: "2024-01-31 12:34:56.123456789 +0100"; else GNU's
 * "Jan 31 12:34" for the last six months, "Jan 31  2023" otherwise. */
static void time_string(const struct timespec *ts, char *buf, size_t size)
{
    struct tm tm;
    time_t t = ts->tv_sec;
    int recent = t > now - SIX_MONTHS && t <= now;
    if (!localtime_r(&t, &tm)) {
        snprintf(buf, size, "%lld", (long long)t);
    } else if (full_time) {
        char day[32], zone[8];
        strftime(day, sizeof day, "%Y-%m-%d %H:%M:%S", &tm);
        strftime(zone, sizeof zone, "%z", &tm);
        snprintf(buf, size, "%s.%09ld %s", day, (long)ts->tv_nsec, zone);
    } else if (strftime(buf, size, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm) == 0) {
        snprintf(buf, size, "%lld", (long long)t);
    }
}

static int digits(unsigned long long v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* The size column: bytes, or "major, minor" for a device. */
static void size_string(const struct stat *st, int maj_w, int min_w, char *buf, size_t size)
{
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        snprintf(buf, size, "%*u, %*u", maj_w, dev_major(st->st_rdev),
                 min_w, dev_minor(st->st_rdev));
    else
        snprintf(buf, size, "%lld", (long long)st->st_size);
}

static void print_long(const struct list *l)
{
    int link_w = 1, user_w = 1, group_w = 1, size_w = 1, maj_w = 1, min_w = 1;
    char s[64];
    for (size_t i = 0; i < l->n; i++) {
        const struct stat *st = &l->v[i].st;
        if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
            if (digits(dev_major(st->st_rdev)) > maj_w) maj_w = digits(dev_major(st->st_rdev));
            if (digits(dev_minor(st->st_rdev)) > min_w) min_w = digits(dev_minor(st->st_rdev));
        }
    }
    for (size_t i = 0; i < l->n; i++) {
        const struct stat *st = &l->v[i].st;
        int w;
        if ((w = digits(st->st_nlink)) > link_w) link_w = w;
        id_string(st->st_uid, 0, s, sizeof s);
        if ((w = (int)strlen(s)) > user_w) user_w = w;
        id_string(st->st_gid, 1, s, sizeof s);
        if ((w = (int)strlen(s)) > group_w) group_w = w;
        size_string(st, maj_w, min_w, s, sizeof s);
        if ((w = (int)strlen(s)) > size_w) size_w = w;
    }
    for (size_t i = 0; i < l->n; i++) {
        const struct stat *st = &l->v[i].st;
        char mode[11], user[64], group[64], size[64], when[64];
        mode_string(st->st_mode, mode);
        id_string(st->st_uid, 0, user, sizeof user);
        id_string(st->st_gid, 1, group, sizeof group);
        size_string(st, maj_w, min_w, size, sizeof size);
        time_string(when_of(st), when, sizeof when);
        if (show_inode)
            printf("%lu ", (unsigned long)st->st_ino);
        printf("%s %*lu ", mode, link_w, (unsigned long)st->st_nlink);
        if (!no_owner)
            printf("%-*s ", user_w, user);
        if (!no_group)
            printf("%-*s ", group_w, group);
        if (show_context)
            fputs("? ", stdout);
        printf("%*s %s ", size_w, size, when);
        print_shown(l->v[i].name);
        if (l->v[i].target) {
            fputs(" -> ", stdout);
            print_shown(l->v[i].target);
        } else {
            char mark = indicator(st->st_mode);
            if (mark)
                putchar(mark);
        }
        putchar('\n');
    }
}

static int inode_w;            /* -i: the width of the inode numbers */

/*
 * A name as shown: as it is (-N; the default into a pipe or file), with
 * each control character as '?' (-q; the default on a terminal), or with
 * C's escapes (-b: "\r", "\ooo", a space as "\ ", a backslash doubled).
 * Into out (NULL: only counted); returns the length.
 */
static size_t shown(const char *name, char *out)
{
    static const char letters[] = "\a\b\t\n\v\f\r";
    char buf[8];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        const char *piece = buf;
        size_t len = 1;
        buf[0] = (char)*p;
        int control = *p < 32 || *p == 127;
        if (quoting == 'q' && control) {
            buf[0] = '?';
        } else if (quoting == 'b' && (control || *p == ' ' || *p == '\\')) {
            const char *l = *p >= 7 && *p <= 13 ? strchr(letters, *p) : NULL;
            if (*p == ' ' || *p == '\\')
                buf[1] = (char)*p, len = 2;
            else if (l)
                buf[1] = "abtnvfr"[l - letters], len = 2;
            else
                len = (size_t)snprintf(buf + 1, sizeof buf - 1, "%03o", *p) + 1;
            buf[0] = '\\';
        }
        if (out)
            memcpy(out + n, piece, len);
        n += len;
    }
    if (out)
        out[n] = '\0';
    return n;
}

static void print_shown(const char *name)
{
    char *buf = xrealloc(NULL, shown(name, NULL) + 1);
    shown(name, buf);
    fputs(buf, stdout);
    free(buf);
}

static size_t name_width(const struct ent *e)
{
    return shown(e->name, NULL) + (indicator(e->st.st_mode) != 0) +
           (show_inode ? (size_t)inode_w + 1 : 0) + (show_context ? 2 : 0);
}

static void print_name(const struct ent *e)
{
    char mark = indicator(e->st.st_mode);
    if (show_inode)
        printf("%*lu ", inode_w, (unsigned long)e->st.st_ino);
    if (show_context)
        fputs("? ", stdout);       /* no security contexts: GNU's "?" */
    print_shown(e->name);
    if (mark)
        putchar(mark);
}

static size_t terminal_width(void)
{
    if (line_width > 0)
        return (size_t)line_width;
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 0)
        return (size_t)atoi(cols);
#ifdef TIOCGWINSZ
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
#endif
    return 80;
}

/*
 * Whether `cols` columns, filled top to bottom (-x: across), fit a line
 * of `width`, and their widths. As in GNU ls: all columns but the last
 * have two spaces after their widest name, and every column starts 3 wide
 * and is judged only as it grows (a line must stay shorter than width),
 * so narrow names may fill a line exactly.
 */
static int layout(const struct list *l, size_t cols, size_t *colw, size_t width)
{
    size_t rows = (l->n + cols - 1) / cols, total = 3 * cols;
    int fits = 1;
    for (size_t c = 0; c < cols; c++)
        colw[c] = 3;
    for (size_t i = 0; i < l->n && fits; i++) {
        /* -x fills rows first: entry i is in column i % cols */
        size_t c = across ? i % cols : i / rows;
        size_t w = name_width(&l->v[i]) + (c == cols - 1 ? 0 : 2);
        if (w > colw[c]) {
            total += w - colw[c];
            colw[c] = w;
            fits = total < width;
        }
    }
    return fits;
}

/* The most columns that fit the width of a line (at most one a name). */
static void print_columns(const struct list *l)
{
    if (l->n == 0)
        return;
    size_t width = terminal_width(), cols = (width + 2) / 3;
    if (cols > l->n)
        cols = l->n;
    if (cols < 1)
        cols = 1;
    size_t *colw = xrealloc(NULL, cols * sizeof *colw);
    while (cols > 1 && !layout(l, cols, colw, width))
        cols--;
    layout(l, cols, colw, width);
    size_t rows = (l->n + cols - 1) / cols;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            size_t i = across ? r * cols + c : c * rows + r;
            size_t next = across ? i + 1 : (c + 1) * rows + r;
            if (i >= l->n)
                break;
            const struct ent *e = &l->v[i];
            print_name(e);
            if (next < l->n && c + 1 < cols)
                printf("%*s", (int)(colw[c] - name_width(e)), "");
        }
        putchar('\n');
    }
    free(colw);
}

/* -m: "a, b, c" filled to the width of a line. */
static void print_commas(const struct list *l)
{
    size_t width = terminal_width(), col = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t w = name_width(&l->v[i]) + (i + 1 < l->n ? 1 : 0);
        if (col > 0 && col + 1 + w > width) {
            putchar('\n');
            col = 0;
        } else if (col > 0) {
            putchar(' ');
            col++;
        }
        print_name(&l->v[i]);
        if (i + 1 < l->n)
            putchar(',');
        col += w;
    }
    if (l->n)
        putchar('\n');
}

static void print_list(struct list *l)
{
    if (l->n > 1 && !unsorted)     /* qsort must not see an empty list's NULL */
        qsort(l->v, l->n, sizeof *l->v, compare);
    inode_w = 1;
    for (size_t i = 0; show_inode && i < l->n; i++)
        if (digits(l->v[i].st.st_ino) > inode_w)
            inode_w = digits(l->v[i].st.st_ino);
    if (long_format) {
        print_long(l);
    } else if (commas) {
        print_commas(l);
    } else if (columns) {
        print_columns(l);
    } else {
        for (size_t i = 0; i < l->n; i++) {
            print_name(&l->v[i]);
            putchar('\n');
        }
    }
}

static char *join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    int slash = d > 0 && dir[d - 1] != '/';
    char *p = xrealloc(NULL, d + slash + n + 1);
    memcpy(p, dir, d);
    if (slash)
        p[d] = '/';
    memcpy(p + d + slash, name, n + 1);
    return p;
}

static int hidden(const char *name)
{
    if (name[0] != '.' || show_all)
        return 0;
    if (!show_almost)
        return 1;
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        complain("cannot open directory", path, 2);
        return;
    }
    struct list l = { NULL, 0, 0 };
    struct dirent *e;
    long long blocks = 0;
    while ((e = readdir(d)) != NULL) {
        if (hidden(e->d_name))
            continue;
        char *p = join(path, e->d_name);
        struct stat st;
        if ((deref ? stat(p, &st) != 0 && lstat(p, &st) != 0 : lstat(p, &st) != 0)) {
            complain("cannot access", p, 1);
        } else {
            list_add(&l, e->d_name, p, &st);
            blocks += st.st_blocks;
        }
        free(p);
    }
    closedir(d);
    if (long_format)
        printf("total %lld\n", (blocks + 1) / 2);    /* 512-byte blocks, in KiB */
    print_list(&l);
    /* -R: each subdirectory after, with its name as a header */
    for (size_t i = 0; recursive && i < l.n; i++) {
        const char *n = l.v[i].name;
        if (!S_ISDIR(l.v[i].st.st_mode) || !strcmp(n, ".") || !strcmp(n, ".."))
            continue;
        char *sub = join(path, n);
        printf("\n%s:\n", sub);
        list_dir(sub);
        free(sub);
    }
    list_free(&l);
}

static void parse_options(int argc, char **argv)
{
    int c;
    static const struct option longopts[] = {
        { "all", no_argument, NULL, 'a' }, { "almost-all", no_argument, NULL, 'A' },
        { "directory", no_argument, NULL, 'd' }, { "classify", no_argument, NULL, 'F' },
        { "inode", no_argument, NULL, 'i' }, { "recursive", no_argument, NULL, 'R' },
        { "reverse", no_argument, NULL, 'r' }, { "width", required_argument, NULL, 'w' },
        { "numeric-uid-gid", no_argument, NULL, 'n' },
        { "group-directories-first", no_argument, NULL, 'D' },
        { "dereference", no_argument, NULL, 'L' },
        { "dereference-command-line", no_argument, NULL, 'H' },
        { "escape", no_argument, NULL, 'b' }, { "hide-control-chars", no_argument, NULL, 'q' },
        { "literal", no_argument, NULL, 'N' }, { "context", no_argument, NULL, 'Z' },
        { "full-time", no_argument, NULL, 'T' }, { NULL, 0, NULL, 0 },
    };
    columns = isatty(STDOUT_FILENO);
    quoting = columns ? 'q' : 'N';     /* control characters not sent to a terminal */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "1aAbcCdDFfgHiklLmnNopqrRStuUw:xXZ", longopts, NULL)) != -1) {
        switch (c) {
        case '1': columns = 0; long_format = 0; commas = 0; break;
        case 'x': columns = 1; across = 1; long_format = 0; commas = 0; break;
        case 'm': commas = 1; long_format = 0; break;
        case 'p': slash_dirs = 1; break;
        case 'i': show_inode = 1; break;
        case 'R': recursive = 1; break;
        case 'w': line_width = atol(optarg); break;
        case 'S': by_size = 1; break;
        case 'X': by_extension = 1; break;
        case 'U': unsorted = 1; break;
        case 'f': unsorted = 1; show_all = 1; show_almost = 0; break;
        case 'c': time_key = 'c'; break;
        case 'u': time_key = 'a'; break;
        case 'D': dirs_first = 1; break;
        case 'L': deref = 1; break;
        case 'H': deref_args = 1; break;
        case 'n': numeric = 1; long_format = 1; break;
        case 'o': no_group = 1; long_format = 1; break;
        case 'g': no_owner = 1; long_format = 1; break;
        case 'b': case 'N': case 'q': quoting = c; break;
        case 'Z': show_context = 1; break;
        case 'T': full_time = 1; long_format = 1; break;
        case 'k': break;
        case 'a': show_all = 1; show_almost = 0; break;
        case 'A': show_almost = 1; show_all = 0; break;
        case 'C': columns = 1; across = 0; long_format = 0; commas = 0; break;
        case 'd': dirs_as_files = 1; break;
        case 'F': classify = 1; break;
        case 'l': long_format = 1; break;
        case 'r': reverse = 1; break;
        case 't': by_time = 1; break;
        default:
            if (optopt)
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": unrecognized option '%s'\n", argv[optind - 1]);
            usage(2);
        }
    }
}

int main(int argc, char **argv)
{
    util_fail_status = 2;
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    parse_options(argc, argv);
    if (time_key != 'm' && !long_format)
        by_time = 1;           /* -c and -u alone sort by that time (GNU) */
    now = time(NULL);

    static char *dot[] = { ".", NULL };
    char **ops = optind < argc ? argv + optind : dot;
    int nops = optind < argc ? argc - optind : 1;
    struct list files = { NULL, 0, 0 }, dirs = { NULL, 0, 0 };
    for (int i = 0; i < nops; i++) {
        struct stat st, target;
        if (lstat(ops[i], &st) != 0) {
            complain("cannot access", ops[i], 2);
            continue;
        }
        /* A link named on the command line is followed, as GNU does,
         * unless -l, -d or -F show the link itself (-H, -L: always). */
        if (S_ISLNK(st.st_mode) && stat(ops[i], &target) == 0 &&
            (deref || deref_args || (!long_format && !dirs_as_files && !classify)))
            st = target;
        list_add(S_ISDIR(st.st_mode) && !dirs_as_files ? &dirs : &files, ops[i], ops[i], &st);
    }
    int printed = files.n > 0;
    if (printed)
        print_list(&files);
    /* Directories in name (or time) order; only their names matter now. */
    if (dirs.n > 1)
        qsort(dirs.v, dirs.n, sizeof *dirs.v, compare);
    for (size_t i = 0; i < dirs.n; i++) {
        if (printed)
            putchar('\n');
        if (nops > 1 || recursive)
            printf("%s:\n", dirs.v[i].name);
        list_dir(dirs.v[i].name);
        printed = 1;
    }
    list_free(&files);
    list_free(&dirs);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 2;
    }
    return status;
}
