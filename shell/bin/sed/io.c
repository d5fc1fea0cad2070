/*
 * io.c - sed's input and output. The input is the operands one after the
 * other (with -s or -i each on its own), read a line ahead so that $ knows
 * the last line. The output keeps track of a last line without newline, so
 * that what follows it starts on a line of its own; a, r and c queue their
 * text for the end of the cycle. With -i the output is a temporary file
 * beside the input that replaces it when the file is done.
 */
#include <ctype.h>
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sed.h"

void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

char **files;
int nfiles, file_i;
FILE *in;
const char *in_name = "-";
int status;
long line_no;
FILE *out;
static char *ahead;            /* the next line, read ahead to know the last */
static ssize_t ahead_len;
static size_t ahead_cap;
static int have_ahead;
static char *tmp_name;

static int open_next(void)
{
    while (file_i < nfiles) {
        const char *name = files[file_i++];
        if (strcmp(name, "-") == 0 && !opt_inplace) {
            in = stdin;
            in_name = "-";
            return 1;
        }
        struct stat st;
        if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) {
            fflush(out);
            warnx(opt_inplace ? "couldn't edit %s: not a regular file" : "read error on %s: Is a directory", name);
            status = opt_inplace ? 4 : 2;
            continue;
        }
        in = fopen(name, "r");
        if (!in) {
            fflush(out);
            warn("can't read %s", name);
            status = 2;
            continue;
        }
        in_name = name;
        return 1;
    }
    return 0;
}

static void start_inplace(void);

/* Read one line into ahead; opening the next file if may_open, which
 * with -s or -i only the start of each file allows. */
void read_ahead(int may_open)
{
    have_ahead = 0;
    for (;;) {
        if (!in) {
            if (!may_open || !open_next())
                return;
            if (opt_inplace)
                start_inplace();
        }
        ahead_len = getdelim(&ahead, &ahead_cap, opt_null ? '\0' : '\n', in);
        if (ahead_len > 0) {
            have_ahead = 1;
            return;
        }
        if (in != stdin)
            fclose(in);
        in = NULL;
        if (opt_separate)
            return;
    }
}

/* The next line into ps (without its newline); 0 at the end. */
static int missing_nl;         /* the last line read had no newline */
int read_line(struct buf *ps, int append)
{
    if (!have_ahead)
        return 0;
    char delim = opt_null ? '\0' : '\n';
    int nl = ahead[ahead_len - 1] == delim;
    if (!append)
        ps->len = 0;
    else
        buf_add(ps, &delim, 1);
    buf_add(ps, ahead, (size_t)ahead_len - (size_t)nl);
    missing_nl = !nl;
    line_no++;
    read_ahead(!opt_separate);
    return 1;
}

int is_last(void)
{
    return !have_ahead;
}

/* ---- output ------------------------------------------------------------- */

static int out_missing_nl;

void emit(FILE *f, const char *s, size_t n, int newline)
{
    if (f == out && out_missing_nl) {
        putc(opt_null ? '\0' : '\n', f);
        out_missing_nl = 0;
    }
    fwrite(s, 1, n, f);
    if (newline)
        putc(opt_null ? '\0' : '\n', f);
    else if (f == out)
        out_missing_nl = 1;
}

void print_ps(FILE *f, const struct buf *ps)
{
    emit(f, ps->s, ps->len, !missing_nl);
}

/* l: the pattern space unambiguously, folded at width. */
void list(const struct buf *ps, long width)
{
    if (width < 0)
        width = line_width;
    struct buf o = { 0 };
    long col = 0;
    for (size_t i = 0; i < ps->len; i++) {
        unsigned char c = (unsigned char)ps->s[i];
        static const char from[] = "\\\a\b\f\n\r\t\v", to[] = "\\abfnrtv";
        const char *e = c ? strchr(from, c) : NULL;
        char tmp[8];
        if (e) {
            tmp[0] = '\\', tmp[1] = to[e - from], tmp[2] = '\0';
        } else if (isprint(c)) {
            tmp[0] = (char)c, tmp[1] = '\0';
        } else {
            snprintf(tmp, sizeof tmp, "\\%03o", c);
        }
        long w = (long)strlen(tmp);
        if (width > 1 && col + w > width - 1) {
            buf_add(&o, "\\\n", 2);
            col = 0;
        }
        buf_add(&o, tmp, (size_t)w);
        col += w;
    }
    buf_add(&o, "$", 1);
    emit(out, o.s, o.len, 1);
    free(o.s);
}

/* What a, r and c queue for the end of the cycle. */
struct queued {
    int is_file;
    const char *text;
};
static struct queued *queue;
static int nqueue, queue_cap;

void enqueue(int is_file, const char *text)
{
    if (nqueue == queue_cap)
        queue = xrealloc(queue, (size_t)(queue_cap = queue_cap * 2 + 4) * sizeof *queue);
    queue[nqueue++] = (struct queued){ is_file, text };
}

void flush_queue(void)
{
    for (int i = 0; i < nqueue; i++) {
        if (!queue[i].is_file) {
            emit(out, queue[i].text, strlen(queue[i].text), 1);
            continue;
        }
        FILE *f = fopen(queue[i].text, "r");
        if (!f)
            continue;          /* POSIX: a file that cannot be read is ignored */
        char b[4096];
        size_t n;
        while ((n = fread(b, 1, sizeof b, f)) > 0) {
            emit(out, b, n, 0);
            out_missing_nl = b[n - 1] != '\n';
        }
        fclose(f);
    }
    nqueue = 0;
}

/* ---- in-place editing --------------------------------------------------- */

static void start_inplace(void)
{
    char *dir = xstrdup(in_name), *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        strcpy(dir, "");
    size_t n = strlen(dir) + 32;
    tmp_name = xmalloc(n);
    snprintf(tmp_name, n, "%ssed%ldXXXX", dir, (long)getpid());
    free(dir);
    char *x = strstr(tmp_name, "XXXX");
    for (int i = 0; i < 1000; i++) {
        snprintf(x, 5, "%04d", i);
        if (access(tmp_name, F_OK) != 0)
            break;
    }
    out = fopen(tmp_name, "w");
    if (!out)
        err(4, "couldn't open temporary file %s", tmp_name);
    struct stat st;
    if (stat(in_name, &st) == 0)
        chmod(tmp_name, st.st_mode & 07777);
    out_missing_nl = 0;
}

void finish_inplace(void)
{
    if (!tmp_name)
        return;
    fclose(out);
    if (inplace_suffix && *inplace_suffix) {
        size_t n = strlen(in_name) + strlen(inplace_suffix) + 1;
        char *backup = xmalloc(n);
        snprintf(backup, n, "%s%s", in_name, inplace_suffix);
        rename(in_name, backup);
        free(backup);
    }
    if (rename(tmp_name, in_name) != 0)
        warn("cannot rename %s", tmp_name);
    free(tmp_name);
    tmp_name = NULL;
    out = stdout;
}
