/*
 * dd - copy a file in blocks, converting what is asked for.
 *
 *   dd [if=FILE] [of=FILE] [bs=N | ibs=N obs=N] [count=N] [skip=N]
 *      [seek=N] [conv=LIST] [iflag=LIST] [oflag=LIST]
 *      [status=none|noxfer|progress]
 *
 * Reads blocks of ibs bytes (default 512) from `if` (default standard
 * input) and writes them to `of` (default standard output). With bs=N
 * every block read is written as it is, short ones too; with ibs and obs
 * the data is regrouped into obs-byte blocks. count=N copies N input
 * blocks only, skip=N skips N input blocks first, seek=N skips N output
 * blocks first; the output file is cut at that point unless conv=notrunc.
 * Numbers may end in c (x1), w (x2), b (x512), k or K (x1024), kB (x1000),
 * M, MB, G or GB, and be products: 2x512.
 *
 * LISTs are comma-separated. conv: notrunc; ucase and lcase (ASCII
 * letters of each block read); sync (a short block read is padded with
 * NULs to ibs); noerror (a read error is reported and the copy goes on
 * past that block); excl (the output must not exist), nocreat (it must);
 * fsync and fdatasync (sync(2) at the end: Duplex has no fsync). iflag:
 * count_bytes and skip_bytes (count and skip are in bytes, not blocks),
 * fullblock (reads are repeated until a block is full or the input
 * ends). oflag: append (O_APPEND), seek_bytes (seek is in bytes).
 *
 * At the end, on standard error, as GNU dd:
 *
 *   4+1 records in          whole blocks + partial blocks read
 *   4+1 records out         ... and written
 *   2100 bytes (2.1 kB, 2.1 KiB) copied
 *
 * ("5 bytes copied" below 1000 bytes, "1000 bytes (1.0 kB) copied" below
 * 1024), but without GNU's elapsed time and speed: they would make every
 * transcript different. status=noxfer leaves out the third line,
 * status=none all three; status=progress is accepted and ignored.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "dd"
#define MAX_BLOCK (64LL * 1024 * 1024)  /* bigger blocks would only waste memory */
#define NUMBER_MAX (1LL << 62)          /* block counts times sizes stay below this */

static const char *in_name = "standard input", *out_name = "standard output";
static const char *if_path, *of_path;
static long long ibs = 512, obs = 512, count = -1, skip, seek;
static int same_blocks, notrunc, quiet, noxfer;
static int ucase, lcase, sync_blocks, noerror, excl, nocreat, fsync_out;
static int count_bytes, skip_bytes, fullblock, append, seek_bytes;

/* What has been done, for the summary. */
static long long in_full, in_part, out_full, out_part, bytes_out;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [OPERAND]...\n"
               "Copy a file in blocks. Operands: if=FILE of=FILE bs=N ibs=N obs=N\n"
               "count=N skip=N seek=N conv=LIST iflag=LIST oflag=LIST\n"
               "status=none|noxfer|progress\n"
               "conv: notrunc ucase lcase sync noerror excl nocreat fsync fdatasync\n"
               "iflag: count_bytes skip_bytes fullblock   oflag: append seek_bytes\n");
    exit(status);
}

static long long suffix_factor(const char *s)
{
    static const struct { const char *suffix; long long factor; } table[] = {
        { "", 1 }, { "c", 1 }, { "w", 2 }, { "b", 512 },
        { "k", 1024 }, { "K", 1024 }, { "kB", 1000 }, { "KB", 1000 }, { "KiB", 1024 },
        { "M", 1024 * 1024 }, { "MB", 1000 * 1000 }, { "MiB", 1024 * 1024 },
        { "G", 1024LL * 1024 * 1024 }, { "GB", 1000LL * 1000 * 1000 },
        { "GiB", 1024LL * 1024 * 1024 },
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(s, table[i].suffix) == 0)
            return table[i].factor;
    return -1;
}

/* One factor of a number, N[SUFFIX], len characters long: its value,
 * or -1 if it is not one or exceeds NUMBER_MAX. Blanks before it are
 * skipped, as strtoumax skips them for GNU dd ('count= 2'). */
static long long factor(const char *s, size_t len)
{
    char buf[32], *end;
    for (; len > 0 && isspace((unsigned char)*s); len--)
        s++;
    if (len == 0 || len >= sizeof buf || !isdigit((unsigned char)s[0]))
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    long long v = strtoll(buf, &end, 10);
    long long unit = suffix_factor(end);
    if (errno || unit < 0 || (v > 0 && unit > NUMBER_MAX / v))
        return -1;
    return v * unit;
}

/* N[SUFFIX], or a product of them (2x512k); -1 if invalid or too big. */
static long long parse_number(const char *s)
{
    long long total = 1;
    for (;;) {
        size_t len = strcspn(s, "x");
        long long f = factor(s, len);
        if (f < 0 || (f > 0 && total > NUMBER_MAX / f))
            return -1;
        total *= f;
        if (s[len] == '\0')
            return total;
        s += len + 1;
    }
}

/* A number operand: at least min (bs=0 makes no sense, count=0 does). */
static long long number(const char *value, long long min)
{
    long long v = parse_number(value);
    if (v < min) {
        fprintf(stderr, PROG ": invalid number: '%s'\n", value);
        exit(1);
    }
    return v;
}

static void unknown_operand(const char *arg)
{
    fprintf(stderr, PROG ": unrecognized operand '%s'\n", arg);
    usage(1);
}

struct flag {
    const char *name;
    int *set;
};

/* A comma-separated list of names, each setting its flag; what names
 * the list ("conversion", "input flag") is in the message for others. */
static void parse_list(const char *v, const struct flag *flags, const char *what)
{
    while (*v) {
        size_t n = strcspn(v, ",");
        const struct flag *f = flags;
        while (f->name && !(strlen(f->name) == n && strncmp(f->name, v, n) == 0))
            f++;
        if (!f->name) {
            fprintf(stderr, PROG ": invalid %s: '%.*s'\n", what, (int)n, v);
            usage(1);
        }
        *f->set = 1;
        v += n + (v[n] == ',');
    }
}

static void parse_conv(const char *v)
{
    static int fdatasync_out;
    static const struct flag convs[] = {
        { "notrunc", &notrunc }, { "ucase", &ucase }, { "lcase", &lcase },
        { "sync", &sync_blocks }, { "noerror", &noerror }, { "excl", &excl },
        { "nocreat", &nocreat }, { "fsync", &fsync_out }, { "fdatasync", &fdatasync_out },
        { NULL, NULL },
    };
    parse_list(v, convs, "conversion");
    fsync_out |= fdatasync_out;
}

static void parse_status(const char *v)
{
    if (strcmp(v, "none") == 0) {
        quiet = 1;
    } else if (strcmp(v, "noxfer") == 0) {
        noxfer = 1;
    } else if (strcmp(v, "progress") != 0) {
        fprintf(stderr, PROG ": invalid status level: '%s'\n", v);
        usage(1);
    }
}

/* One NAME=VALUE operand. */
static void parse_operand(char *arg)
{
    char *eq = strchr(arg, '=');
    if (!eq)
        unknown_operand(arg);
    size_t n = (size_t)(eq - arg);
    char *v = eq + 1;
#define IS(name) (n == sizeof name - 1 && strncmp(arg, name, n) == 0)
    if (IS("if")) {
        if_path = in_name = v;
    } else if (IS("of")) {
        of_path = out_name = v;
    } else if (IS("bs")) {
        ibs = obs = number(v, 1);
        same_blocks = 1;
    } else if (IS("ibs")) {
        ibs = number(v, 1);
    } else if (IS("obs")) {
        obs = number(v, 1);
    } else if (IS("count")) {
        count = number(v, 0);
    } else if (IS("skip")) {
        skip = number(v, 0);
    } else if (IS("seek")) {
        seek = number(v, 0);
    } else if (IS("conv")) {
        parse_conv(v);
    } else if (IS("iflag")) {
        static const struct flag iflags[] = {
            { "count_bytes", &count_bytes }, { "skip_bytes", &skip_bytes },
            { "fullblock", &fullblock }, { NULL, NULL },
        };
        parse_list(v, iflags, "input flag");
    } else if (IS("oflag")) {
        static const struct flag oflags[] = {
            { "append", &append }, { "seek_bytes", &seek_bytes }, { NULL, NULL },
        };
        parse_list(v, oflags, "output flag");
    } else if (IS("status")) {
        parse_status(v);
    } else {
        unknown_operand(arg);
    }
#undef IS
}

/* "2.1 kB": n scaled to a unit of 1000s or 1024s, rounded to nearest,
 * one decimal below 10, the way GNU dd shows it. */
static void human(long long n, int base, const char *const *units, char *buf, size_t size)
{
    double v = (double)n;
    int u = 0;
    while (v >= base && units[u + 1]) {
        v /= base;
        u++;
    }
    if (v < 9.95)
        snprintf(buf, size, "%.1f %s", v, units[u]);
    else if (v < base - 0.5 || !units[u + 1])
        snprintf(buf, size, "%.0f %s", v, units[u]);
    else
        snprintf(buf, size, "1.0 %s", units[u + 1]);    /* 999.7 kB is 1.0 MB */
}

static void summary(void)
{
    static const char *const si[] = { "B", "kB", "MB", "GB", "TB", "PB", "EB", NULL };
    static const char *const iec[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", NULL };
    if (quiet)
        return;
    fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n",
            in_full, in_part, out_full, out_part);
    if (noxfer)
        return;
    if (bytes_out < 1000) {
        fprintf(stderr, "%lld byte%s copied\n", bytes_out, bytes_out == 1 ? "" : "s");
    } else {
        char a[32], b[32];
        human(bytes_out, 1000, si, a, sizeof a);
        human(bytes_out, 1024, iec, b, sizeof b);
        if (bytes_out < 1024)               /* "1000 B" says nothing: leave it out */
            fprintf(stderr, "%lld bytes (%s) copied\n", bytes_out, a);
        else
            fprintf(stderr, "%lld bytes (%s, %s) copied\n", bytes_out, a, b);
    }
}

/* Exit after a fatal error, still saying how much was done. */
static void die(int status)
{
    summary();
    exit(status);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            fprintf(stderr, PROG ": error writing '%s': %s\n", out_name, strerror(errno));
            return -1;
        }
        p += w;
        n -= (size_t)w;
        bytes_out += w;
    }
    return 0;
}

static ssize_t read_block(int fd, char *buf, size_t n)
{
    ssize_t r;
    while ((r = read(fd, buf, n)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        fprintf(stderr, PROG ": error reading '%s': %s\n", in_name, strerror(errno));
    return r;
}

static int open_files(int *in, int *out)
{
    *in = STDIN_FILENO;
    *out = STDOUT_FILENO;
    if (if_path && (*in = open(if_path, O_RDONLY)) < 0) {
        fprintf(stderr, PROG ": failed to open '%s': %s\n", if_path, strerror(errno));
        return -1;
    }
    int flags = O_WRONLY | (nocreat ? 0 : O_CREAT) | (excl ? O_EXCL : 0) |
                (append ? O_APPEND : 0) | (notrunc || seek || append ? 0 : O_TRUNC);
    if (of_path && (*out = open(of_path, flags, 0666)) < 0) {
        fprintf(stderr, PROG ": failed to open '%s': %s\n", of_path, strerror(errno));
        return -1;
    }
    return 0;
}

/* skip=N: seek past N input blocks, or read them away from a pipe. */
static void skip_input(int in, char *buf)
{
    struct stat st;
    long long unit = skip_bytes ? 1 : ibs;
    if (skip <= NUMBER_MAX / unit && lseek(in, (off_t)(skip * unit), SEEK_CUR) >= 0) {
        if (fstat(in, &st) == 0 && S_ISREG(st.st_mode) && skip * unit > st.st_size)
            fprintf(stderr, PROG ": %s: cannot skip to specified offset\n", in_name);
        return;
    }
    for (long long left = skip * unit; left > 0;) {
        ssize_t r = read_block(in, buf, (size_t)(left < ibs ? left : ibs));
        left -= r > 0 ? r : 0;
        if (r < 0)
            die(1);
        if (r == 0) {
            fprintf(stderr, PROG ": %s: cannot skip to specified offset\n", in_name);
            return;
        }
    }
}

/* seek=N: move past N output blocks; the file ends there unless notrunc. */
static void seek_output(int out)
{
    struct stat st;
    long long unit = seek_bytes ? 1 : obs;
    if (seek > NUMBER_MAX / unit || lseek(out, (off_t)(seek * unit), SEEK_CUR) < 0) {
        fprintf(stderr, PROG ": '%s': cannot seek: %s\n", out_name,
                seek > NUMBER_MAX / unit ? strerror(EOVERFLOW) : strerror(errno));
        die(1);
    }
    if (of_path && !notrunc && fstat(out, &st) == 0 && S_ISREG(st.st_mode) &&
        ftruncate(out, (off_t)(seek * unit)) != 0) {
        fprintf(stderr, PROG ": failed to truncate to %lld bytes in output file '%s': %s\n",
                seek * unit, out_name, strerror(errno));
        die(1);
    }
}

/* The copy itself. With bs, blocks go out as they came in; otherwise
 * they are gathered into obuf and go out obs bytes at a time. */
/* One block of input: up to `want` bytes, a single read unless
 * iflag=fullblock. -1 on an error (reported). */
static ssize_t read_input(int in, char *buf, size_t want)
{
    size_t got = 0;
    do {
        ssize_t r = read_block(in, buf + got, want - got);
        if (r < 0)
            return got ? (ssize_t)got : -1;
        if (r == 0)
            break;
        got += (size_t)r;
    } while (fullblock && got < want);
    return (ssize_t)got;
}

/* conv=ucase, lcase: ASCII letters only, as GNU dd in the C locale. */
static void convert_case(char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (ucase && p[i] >= 'a' && p[i] <= 'z')
            p[i] = (char)(p[i] - 'a' + 'A');
        else if (lcase && p[i] >= 'A' && p[i] <= 'Z')
            p[i] = (char)(p[i] - 'A' + 'a');
    }
}

static int copy(int in, int out, char *ibuf, char *obuf)
{
    size_t olen = 0;
    long long bytes_in = 0;
    int status = 0;
    for (;;) {
        size_t want = (size_t)ibs;
        if (count_bytes && count >= 0) {
            if (bytes_in >= count)
                break;
            if (count - bytes_in < ibs)
                want = (size_t)(count - bytes_in);
        } else if (count >= 0 && in_full + in_part >= count) {
            break;
        }
        ssize_t n = read_input(in, ibuf, want);
        if (n < 0 && !noerror)
            return 1;
        if (n < 0) {
            /* conv=noerror: on past the bad block (a NUL block with sync);
             * input that cannot be moved past ends the copy. */
            status = 1;
            in_part++;
            if (lseek(in, (off_t)ibs, SEEK_CUR) < 0 || errno == EISDIR)
                break;
            if (!sync_blocks)
                continue;
            n = 0;
        } else if (n == 0) {
            break;
        } else if (n == ibs) {
            in_full++;
        } else {
            in_part++;
        }
        bytes_in += n;
        if (ucase || lcase)
            convert_case(ibuf, (size_t)n);
        if (sync_blocks && n < ibs) {
            memset(ibuf + n, 0, (size_t)(ibs - n));
            n = ibs;
        }
        if (same_blocks) {
            if (write_all(out, ibuf, (size_t)n) != 0)
                return 1;
            if (n == obs)
                out_full++;
            else
                out_part++;
            continue;
        }
        for (size_t done = 0; done < (size_t)n;) {
            size_t take = (size_t)n - done < (size_t)obs - olen ? (size_t)n - done
                                                                  : (size_t)obs - olen;
            memcpy(obuf + olen, ibuf + done, take);
            olen += take;
            done += take;
            if (olen == (size_t)obs) {
                if (write_all(out, obuf, olen) != 0)
                    return 1;
                out_full++;
                olen = 0;
            }
        }
    }
    if (olen > 0) {
        if (write_all(out, obuf, olen) != 0)
            return 1;
        out_part++;
    }
    if (fsync_out)
        sync();              /* Duplex has no fsync: sync(2) saves everything */
    return status;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
    for (int i = first; i < argc; i++)
        parse_operand(argv[i]);
    if (ucase && lcase) {
        fprintf(stderr, PROG ": cannot combine lcase and ucase\n");
        return 1;
    }
    if (excl && nocreat) {
        fprintf(stderr, PROG ": cannot combine excl and nocreat\n");
        return 1;
    }
    if (ibs > MAX_BLOCK || obs > MAX_BLOCK) {
        fprintf(stderr, PROG ": block size too large (at most %lld bytes)\n", MAX_BLOCK);
        return 1;
    }
    int in, out;
    if (open_files(&in, &out) != 0)
        return 1;
    char *ibuf = malloc((size_t)ibs);
    char *obuf = same_blocks ? NULL : malloc((size_t)obs);
    if (!ibuf || (!same_blocks && !obuf)) {
        fprintf(stderr, PROG ": memory exhausted\n");
        return 1;
    }
    if (skip)
        skip_input(in, ibuf);
    if (seek)
        seek_output(out);
    int status = copy(in, out, ibuf, obuf);
    free(ibuf);
    free(obuf);
    if (of_path && close(out) != 0) {
        fprintf(stderr, PROG ": closing output file '%s': %s\n", out_name, strerror(errno));
        status = 1;
    }
    summary();
    return status;
}
