/*
 * more - page through text on the terminal (less is this program too).
 *
 *   more [FILE...]
 *
 * The text (the files one after the other, or standard input) is shown a
 * screenful at a time, with a "--More--(NN%)" prompt on the last line.
 * Keys are read from /dev/tty, so that more can be at the end of a pipe:
 *
 *   space f PgDn  next screen       b PgUp    previous screen
 *   Enter j Down  next line          k Up      previous line
 *   d  half a screen on              u         half a screen back
 *   g Home  the top                  G End     the end
 *   /RE Enter  search (extended RE)  n         the next match
 *   h  this help                     q         quit
 *
 * At the end of the text, more ends (less, and more -e not given, wait
 * for q: with -p, or when called less). When standard output is not a
 * terminal it copies the files as cat does, with a header between files,
 * as util-linux more does. Lines longer than the screen are wrapped.
 */
#include <err.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static char **lines;
static long nlines, cap;
static int rows, cols, tty;
static int stay_at_end;        /* less: wait for q at the end */

static void add_line(const char *s, size_t n)
{
    if (nlines == cap)
        lines = xrealloc(lines, (size_t)(cap = cap * 2 + 256) * sizeof *lines);
    lines[nlines++] = xstrndup(s, n);
}

static void load(FILE *f)
{
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (line[len - 1] == '\n')
            len--;
        /* tabs to spaces, so that the width of a line is its length */
        char *o = xmalloc((size_t)len * 8 + 1);
        size_t n = 0;
        for (ssize_t i = 0; i < len; i++) {
            if (line[i] == '\t')
                do o[n++] = ' '; while (n % 8);
            else
                o[n++] = line[i];
        }
        add_line(o, n);
        free(o);
    }
    free(line);
}

/* Screen rows line i takes. */
static int height(long i)
{
    size_t n = strlen(lines[i]);
    return n == 0 ? 1 : (int)((n + (size_t)cols - 1) / (size_t)cols);
}

/* The first line of the screen that ends with line `last`. */
static long top_for_end(long last)
{
    int used = 0;
    long top = last;
    while (top >= 0 && used + height(top) <= rows - 1)
        used += height(top--);
    return top + 1;
}

static long draw(long top)
{
    fputs("\033[H\033[2J", stdout);
    int used = 0;
    long i = top;
    for (; i < nlines && used + height(i) <= rows - 1; i++) {
        fputs(lines[i], stdout);
        fputs("\r\n", stdout);
        used += height(i);
    }
    return i;                  /* the first line not shown */
}

static void prompt(long shown, const char *msg)
{
    if (msg)
        printf("\033[7m%s\033[m", msg);
    else if (shown >= nlines)
        printf("\033[7m(END)\033[m");
    else
        printf("\033[7m--More--(%ld%%)\033[m", nlines ? shown * 100 / nlines : 100);
    fflush(stdout);
}

static long search(regex_t *re, long from)
{
    for (long i = from; i < nlines; i++)
        if (regexec(re, lines[i], 0, NULL, 0) == 0)
            return i;
    return -1;
}

static void page(void)
{
    long top = 0, shown;
    regex_t re;
    int have_re = 0;
    const char *msg = NULL;
    for (;;) {
        if (top < 0)
            top = 0;
        if (top >= nlines)
            top = nlines ? nlines - 1 : 0;
        shown = draw(top);
        if (shown >= nlines && !stay_at_end && top > 0)
            break;
        prompt(shown, msg);
        msg = NULL;
        int k = term_key(tty);
        fputs("\r\033[K", stdout);
        switch (k) {
        case -1: case 'q': case 'Q': return;
        case ' ': case 'f': case KEY_PGDN:
            if (shown >= nlines && !stay_at_end)
                return;
            top = shown < nlines ? shown : top;
            break;
        case '\r': case '\n': case 'j': case KEY_DOWN:
            if (shown >= nlines && !stay_at_end)
                return;
            if (shown < nlines)
                top++;
            break;
        case 'b': case KEY_PGUP: top = top_for_end(top - 1); break;
        case 'k': case KEY_UP: top--; break;
        case 'd': top += (rows - 1) / 2; break;
        case 'u': top -= (rows - 1) / 2; break;
        case 'g': case '<': case KEY_HOME: top = 0; break;
        case 'G': case '>': case KEY_END: top = top_for_end(nlines - 1); break;
        case 'h':
            msg = "SPACE next  b back  ENTER/j line  k up  d/u half  g/G ends  /RE n search  q quit";
            break;
        case '/': {
            char pat[256];
            size_t n = 0;
            printf("/");
            fflush(stdout);
            for (int c; (c = term_key(tty)) != '\r' && c != '\n' && c != -1 && c != 27;) {
                if ((c == 127 || c == 8) && n > 0) {
                    n--;
                    fputs("\b \b", stdout);
                } else if (c >= 32 && c < 127 && n + 1 < sizeof pat) {
                    pat[n++] = (char)c;
                    putchar(c);
                }
                fflush(stdout);
            }
            pat[n] = '\0';
            if (have_re)
                regfree(&re);
            have_re = regcomp(&re, pat, REG_EXTENDED | REG_NOSUB) == 0;
            if (!have_re) {
                msg = "Invalid pattern";
                break;
            }
        }
            /* fall through: the first match */
        case 'n':
            if (have_re) {
                long hit = search(&re, k == 'n' ? top + 1 : top);
                if (hit >= 0)
                    top = hit;
                else
                    msg = "Pattern not found";
            }
            break;
        default:
            break;
        }
    }
    if (have_re)
        regfree(&re);
}

/* A directory is not paged: more says so in the text, as util-linux more
 * does, and goes on with the next file. */
static int is_directory(const char *name)
{
    struct stat st;
    return strcmp(name, "-") != 0 && stat(name, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Not a terminal: the files as they are, each named in a header (more
 * names even a single file, as util-linux more does; less, which is
 * more -p, only names several). */
static int copy(int argc, char **argv, int first)
{
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (is_directory(argv[i])) {
            printf("\n*** %s: directory ***\n\n", argv[i]);
            continue;
        }
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            fflush(stdout);
            warn("cannot open %s", argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1 || !stay_at_end)
            printf("::::::::::::::\n%s\n::::::::::::::\n", argv[i]);
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, n, stdout);
        if (f != stdin)
            fclose(f);
    }
    if (first >= argc) {
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
            fwrite(buf, 1, n, stdout);
    }
    return fflush(stdout) != 0 || status;
}

int main(int argc, char **argv)
{
    const char *self = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    int first = 1;
    stay_at_end = strcmp(self, "less") == 0;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "-p") == 0 || strcmp(argv[first], "-e") == 0 ||
            strcmp(argv[first], "-R") == 0 || strcmp(argv[first], "-S") == 0 ||
            strcmp(argv[first], "-X") == 0 || strcmp(argv[first], "-F") == 0)
            stay_at_end = argv[first][1] == 'p' ? 1 : stay_at_end;
        else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else
            errx(1, "unknown option -- '%s'", argv[first] + 1);
    }
    if (!isatty(1))
        return copy(argc, argv, first);
    int status = 0;
    if (first >= argc) {
        if (isatty(0))
            errx(1, "bad usage: no file, and standard input is a terminal");
        load(stdin);
    }
    for (int i = first; i < argc; i++) {
        if (is_directory(argv[i])) {
            char msg[512];
            snprintf(msg, sizeof msg, "*** %s: directory ***", argv[i]);
            add_line("", 0);
            add_line(msg, strlen(msg));
            add_line("", 0);
            continue;
        }
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            warn("cannot open %s", argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1) {
            add_line("::::::::::::::", 14);
            add_line(argv[i], strlen(argv[i]));
            add_line("::::::::::::::", 14);
        }
        load(f);
        if (f != stdin)
            fclose(f);
    }
    tty = open("/dev/tty", O_RDONLY);
    if (tty < 0)
        tty = 0;
    term_size(1, &rows, &cols);
    if (rows < 2)
        rows = 2;
    /* all of it fits: print it and go (as more does) */
    long total = 0;
    for (long i = 0; i < nlines; i++)
        total += height(i);
    if (total < rows && !stay_at_end) {
        for (long i = 0; i < nlines; i++)
            puts(lines[i]);
    } else if (term_raw(tty) == 0) {
        page();
        term_restore();
        putchar('\n');
    } else {
        for (long i = 0; i < nlines; i++)
            puts(lines[i]);
    }
    for (long i = 0; i < nlines; i++)
        free(lines[i]);
    free(lines);
    return fflush(stdout) != 0 || status;
}
