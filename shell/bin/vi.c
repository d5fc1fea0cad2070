/*
 * vi - a small screen editor, enough to edit a file in the terminal.
 *
 *   vi [FILE]
 *
 * Normal mode:
 *   h j k l, the arrows  move             0 $  start, end of the line
 *   w b  next, previous word              gg G  first, last line (NG: line N)
 *   i a I A o O  insert (before, after, at the line's start or end,
 *                a new line below or above)
 *   x  delete a character    dd  delete a line    D  to the end of the line
 *   yy  copy a line          p P  put it below or above
 *   J  join two lines        u  undo the last change
 *   /RE  search forward (extended RE), n the next match
 *   ZZ  write and quit       ^L  redraw
 * A count before most commands repeats them (3dd, 5j).
 * Insert mode: characters, Backspace, Enter; Esc goes back to normal mode.
 * Commands: :w [FILE]  :q  :q!  :wq  :x  :N (go to line N).
 *
 * The whole file is held as an array of lines. The screen is redrawn
 * after each key with ANSI escape sequences; a line longer than the
 * screen is shown cut. Not supported: counts with inserts, named
 * registers, visual mode, :s, macros, multibyte characters.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

struct buffer {
    char **line;
    long n, cap;
};

static struct buffer text, undo_text, yank;
static long cy, cx, top;       /* cursor line and column, first line shown */
static long undo_cy;
static int rows = 24, cols = 80;
static int dirty, insert_mode, quit;
static char *file_name;
static char message[256];
static regex_t last_re;
static int have_re;

/* ---- the buffer ------------------------------------------------------------ */

static void insert_line(struct buffer *b, long at, const char *s)
{
    if (b->n == b->cap)
        b->line = xrealloc(b->line, (size_t)(b->cap = b->cap * 2 + 64) * sizeof *b->line);
    memmove(b->line + at + 1, b->line + at, (size_t)(b->n - at) * sizeof *b->line);
    b->line[at] = xstrdup(s);
    b->n++;
}

static void delete_line(struct buffer *b, long at)
{
    free(b->line[at]);
    memmove(b->line + at, b->line + at + 1, (size_t)(b->n - at - 1) * sizeof *b->line);
    b->n--;
}

static void clear(struct buffer *b)
{
    while (b->n > 0)
        delete_line(b, b->n - 1);
}

static void copy_buffer(struct buffer *to, const struct buffer *from)
{
    clear(to);
    for (long i = 0; i < from->n; i++)
        insert_line(to, i, from->line[i]);
}

/* Before each change: what u goes back to. */
static void save_undo(void)
{
    copy_buffer(&undo_text, &text);
    undo_cy = cy;
    dirty = 1;
}

static void load(const char *name)
{
    FILE *f = fopen(name, "r");
    if (!f) {
        snprintf(message, sizeof message, "\"%s\" [New File]", name);
        insert_line(&text, 0, "");
        return;
    }
    char *l = NULL;
    size_t cap = 0;
    ssize_t len;
    long bytes = 0;
    while ((len = getline(&l, &cap, f)) > 0) {
        bytes += len;
        if (l[len - 1] == '\n')
            l[len - 1] = '\0';
        insert_line(&text, text.n, l);
    }
    free(l);
    fclose(f);
    if (text.n == 0)
        insert_line(&text, 0, "");
    snprintf(message, sizeof message, "\"%s\" %ldL, %ldB", name, text.n, bytes);
}

static int save(const char *name)
{
    if (!name || !*name) {
        snprintf(message, sizeof message, "No file name");
        return -1;
    }
    FILE *f = fopen(name, "w");
    if (!f) {
        snprintf(message, sizeof message, "\"%s\" %s", name, strerror(errno));
        return -1;
    }
    long bytes = 0;
    for (long i = 0; i < text.n; i++) {
        fprintf(f, "%s\n", text.line[i]);
        bytes += (long)strlen(text.line[i]) + 1;
    }
    if (fclose(f) != 0) {
        snprintf(message, sizeof message, "\"%s\" %s", name, strerror(errno));
        return -1;
    }
    snprintf(message, sizeof message, "\"%s\" %ldL, %ldB written", name, text.n, bytes);
    dirty = 0;
    return 0;
}

/* ---- the screen -------------------------------------------------------------- */

static void draw(void)
{
    if (cy < top)
        top = cy;
    if (cy >= top + rows - 1)
        top = cy - rows + 2;
    fputs("\033[H", stdout);
    for (int r = 0; r < rows - 1; r++) {
        long i = top + r;
        if (i < text.n)
            printf("%.*s", cols, text.line[i]);
        else
            putchar('~');
        fputs("\033[K\r\n", stdout);
    }
    if (insert_mode)
        printf("-- INSERT --");
    else
        printf("%.*s", cols - 20, message);
    printf("\033[K\033[%d;%dH", rows, cols - 15);
    printf("%ld,%ld", cy + 1, cx + 1);
    long col = cx < cols ? cx : cols - 1;
    printf("\033[%ld;%ldH", cy - top + 1, col + 1);
    fflush(stdout);
}

/* Keep the cursor on the text: in normal mode, on a character. */
static void clamp(void)
{
    if (cy >= text.n)
        cy = text.n - 1;
    if (cy < 0)
        cy = 0;
    long len = (long)strlen(text.line[cy]);
    long max = insert_mode ? len : (len > 0 ? len - 1 : 0);
    if (cx > max)
        cx = max;
    if (cx < 0)
        cx = 0;
}

/* A line typed on the bottom row after prompt (":" or "/"); NULL if Esc. */
static char *read_line(const char *prompt)
{
    static char buf[256];
    size_t n = 0;
    printf("\033[%d;1H\033[K%s", rows, prompt);
    fflush(stdout);
    for (;;) {
        int k = term_key(0);
        if (k == -1 || k == 27)
            return NULL;
        if (k == '\r' || k == '\n')
            break;
        if (k == 127 || k == 8) {
            if (n == 0)
                return NULL;
            n--;
            fputs("\b \b", stdout);
        } else if (k >= 32 && k < 127 && n + 1 < sizeof buf) {
            buf[n++] = (char)k;
            putchar(k);
        }
        fflush(stdout);
    }
    buf[n] = '\0';
    return buf;
}

/* ---- editing ------------------------------------------------------------------- */

static void set_line(long i, char *s)
{
    free(text.line[i]);
    text.line[i] = s;
}

static void insert_char(int c)
{
    char *l = text.line[cy];
    size_t len = strlen(l);
    char *s = xmalloc(len + 2);
    memcpy(s, l, (size_t)cx);
    s[cx] = (char)c;
    memcpy(s + cx + 1, l + cx, len - (size_t)cx + 1);
    set_line(cy, s);
    cx++;
}

static void split_line(void)
{
    char *l = text.line[cy];
    insert_line(&text, cy + 1, l + cx);
    l[cx] = '\0';
    cy++;
    cx = 0;
}

static void backspace(void)
{
    if (cx > 0) {
        char *l = text.line[cy];
        memmove(l + cx - 1, l + cx, strlen(l + cx) + 1);
        cx--;
    } else if (cy > 0) {
        long len = (long)strlen(text.line[cy - 1]);
        char *s = xmalloc((size_t)len + strlen(text.line[cy]) + 1);
        strcpy(s, text.line[cy - 1]);
        strcat(s, text.line[cy]);
        set_line(cy - 1, s);
        delete_line(&text, cy);
        cy--;
        cx = len;
    }
}

static void join_lines(void)
{
    if (cy + 1 >= text.n)
        return;
    char *a = text.line[cy], *b = text.line[cy + 1];
    while (*b == ' ' || *b == '\t')
        b++;
    char *s = xmalloc(strlen(a) + strlen(b) + 2);
    sprintf(s, "%s%s%s", a, *a && *b ? " " : "", b);
    cx = (long)strlen(a);
    set_line(cy, s);
    delete_line(&text, cy + 1);
}

static int is_word(int c)
{
    return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static void word_forward(void)
{
    const char *l = text.line[cy];
    long len = (long)strlen(l);
    if (cx < len) {
        int w = is_word((unsigned char)l[cx]);
        while (cx < len && l[cx] != ' ' && is_word((unsigned char)l[cx]) == w)
            cx++;
        while (cx < len && l[cx] == ' ')
            cx++;
    }
    if (cx >= len && cy + 1 < text.n) {
        cy++;
        cx = 0;
    }
}

static void word_back(void)
{
    const char *l = text.line[cy];
    if (cx == 0 && cy > 0) {
        cy--;
        cx = (long)strlen(text.line[cy]);
        l = text.line[cy];
    }
    while (cx > 0 && l[cx - 1] == ' ')
        cx--;
    if (cx > 0) {
        int w = is_word((unsigned char)l[cx - 1]);
        while (cx > 0 && l[cx - 1] != ' ' && is_word((unsigned char)l[cx - 1]) == w)
            cx--;
    }
}

static void search_next(long from_line, long from_col)
{
    for (long k = 0; k <= text.n; k++) {
        long i = (from_line + k) % text.n;
        regmatch_t m;
        const char *l = text.line[i];
        long start = k == 0 ? from_col : 0;
        if (start > (long)strlen(l))
            continue;
        m.rm_so = start;
        m.rm_eo = (regoff_t)strlen(l);
        if (regexec(&last_re, l, 1, &m, REG_STARTEND) == 0) {
            if (i < cy || (i == cy && k > 0))
                snprintf(message, sizeof message, "search hit BOTTOM, continuing at TOP");
            cy = i;
            cx = m.rm_so;
            return;
        }
    }
    snprintf(message, sizeof message, "Pattern not found");
}

static void ex_command(const char *cmd)
{
    while (*cmd == ' ' || *cmd == ':')
        cmd++;
    char name[16] = "";
    size_t n = 0;
    while (*cmd && *cmd != ' ' && *cmd != '!' && n + 1 < sizeof name)
        name[n++] = *cmd++;
    name[n] = '\0';
    int force = *cmd == '!';
    if (force)
        cmd++;
    while (*cmd == ' ')
        cmd++;
    if (name[0] >= '0' && name[0] <= '9') {
        cy = atol(name) - 1;
        cx = 0;
    } else if (!strcmp(name, "w")) {
        if (*cmd && !file_name)
            file_name = xstrdup(cmd);
        save(*cmd ? cmd : file_name);
    } else if (!strcmp(name, "wq") || !strcmp(name, "x")) {
        if (*cmd && !file_name)
            file_name = xstrdup(cmd);
        if ((!dirty && !strcmp(name, "x")) || save(*cmd ? cmd : file_name) == 0)
            quit = 1;
    } else if (!strcmp(name, "q")) {
        if (dirty && !force)
            snprintf(message, sizeof message, "No write since last change (add ! to override)");
        else
            quit = 1;
    } else if (!strcmp(name, "$")) {
        cy = text.n - 1;
    } else if (name[0]) {
        snprintf(message, sizeof message, "Not an editor command: %s", name);
    }
}

/* One command in normal mode. */
static void normal(int k)
{
    static long count;
    static int pending;        /* the first key of dd yy gg ZZ */
    if (k >= '1' && k <= '9' && !pending) {
        count = count * 10 + (k - '0');
        return;
    }
    if (k == '0' && count > 0 && !pending) {
        count *= 10;
        return;
    }
    long times = count ? count : 1;
    if (pending) {
        int first = pending;
        pending = 0;
        if (first == 'd' && k == 'd') {
            save_undo();
            clear(&yank);
            for (long i = 0; i < times && text.n > 0 && cy < text.n; i++) {
                insert_line(&yank, yank.n, text.line[cy]);
                delete_line(&text, cy);
            }
            if (text.n == 0)
                insert_line(&text, 0, "");
        } else if (first == 'y' && k == 'y') {
            clear(&yank);
            for (long i = 0; i < times && cy + i < text.n; i++)
                insert_line(&yank, yank.n, text.line[cy + i]);
            snprintf(message, sizeof message, "%ld line%s yanked", yank.n, yank.n == 1 ? "" : "s");
        } else if (first == 'g' && k == 'g') {
            cy = count ? count - 1 : 0;
        } else if (first == 'Z' && k == 'Z') {
            if (!dirty || save(file_name) == 0)
                quit = 1;
        }
        count = 0;
        return;
    }
    switch (k) {
    case 'h': case KEY_LEFT: case 127: cx -= times; break;
    case 'l': case KEY_RIGHT: case ' ': cx += times; break;
    case 'j': case KEY_DOWN: case '+': cy += times; break;
    case 'k': case KEY_UP: case '-': cy -= times; break;
    case '0': case KEY_HOME: cx = 0; break;
    case '$': case KEY_END: cx = 1L << 30; break;
    case 'w': for (long i = 0; i < times; i++) word_forward(); break;
    case 'b': for (long i = 0; i < times; i++) word_back(); break;
    case 'G': cy = count ? count - 1 : text.n - 1; break;
    case KEY_PGDN: case 6: cy += rows - 2; top += rows - 2; break;
    case KEY_PGUP: case 2: cy -= rows - 2; top -= rows - 2; if (top < 0) top = 0; break;
    case 'd': case 'y': case 'g': case 'Z': pending = k; return;
    case 'i': insert_mode = 1; save_undo(); break;
    case 'a': insert_mode = 1; save_undo(); if (*text.line[cy]) cx++; break;
    case 'I': insert_mode = 1; save_undo(); cx = 0; break;
    case 'A': insert_mode = 1; save_undo(); cx = (long)strlen(text.line[cy]); break;
    case 'o': case 'O':
        save_undo();
        insert_line(&text, k == 'o' ? cy + 1 : cy, "");
        cy += k == 'o';
        cx = 0;
        insert_mode = 1;
        break;
    case 'x': case KEY_DEL: {
        save_undo();
        char *l = text.line[cy];
        long len = (long)strlen(l), n = times < len - cx ? times : len - cx;
        if (n > 0)
            memmove(l + cx, l + cx + n, (size_t)(len - cx - n) + 1);
        break;
    }
    case 'D': save_undo(); text.line[cy][cx] = '\0'; break;
    case 'J': save_undo(); for (long i = 0; i < times; i++) join_lines(); break;
    case 'p': case 'P':
        if (yank.n == 0)
            break;
        save_undo();
        for (long t = 0; t < times; t++)
            for (long i = 0; i < yank.n; i++)
                insert_line(&text, (k == 'p' ? cy + 1 : cy) + t * yank.n + i, yank.line[i]);
        cy += k == 'p';
        cx = 0;
        break;
    case 'u': {
        struct buffer t = text;
        text = undo_text;
        undo_text = t;
        long c = cy;
        cy = undo_cy;
        undo_cy = c;
        dirty = 1;
        if (text.n == 0)
            insert_line(&text, 0, "");
        break;
    }
    case '/': {
        char *pat = read_line("/");
        if (!pat)
            break;
        if (*pat) {
            if (have_re)
                regfree(&last_re);
            have_re = regcomp(&last_re, pat, REG_EXTENDED) == 0;
            if (!have_re) {
                snprintf(message, sizeof message, "Invalid pattern");
                break;
            }
        }
        if (have_re)
            search_next(cy, cx + 1);
        break;
    }
    case 'n':
        if (have_re)
            search_next(cy, cx + 1);
        break;
    case ':': {
        char *cmd = read_line(":");
        if (cmd)
            ex_command(cmd);
        break;
    }
    case 12: printf("\033[2J"); break;
    default: break;
    }
    count = 0;
}

static void insert_key(int k)
{
    switch (k) {
    case 27: insert_mode = 0; cx--; break;
    case '\r': case '\n': split_line(); break;
    case 127: case 8: backspace(); break;
    case KEY_LEFT: cx--; break;
    case KEY_RIGHT: cx++; break;
    case KEY_UP: cy--; break;
    case KEY_DOWN: cy++; break;
    case '\t': insert_char('\t'); break;
    default:
        if (k >= 32 && k < 127)
            insert_char(k);
    }
}

int main(int argc, char **argv)
{
    if (argc > 2) {
        fprintf(stderr, "Usage: vi [FILE]\n");
        return 1;
    }
    if (argc == 2) {
        file_name = xstrdup(argv[1]);
        load(file_name);
    } else {
        insert_line(&text, 0, "");
    }
    if (!isatty(0) || term_raw(0) != 0) {
        fprintf(stderr, "vi: standard input is not a terminal\n");
        return 1;
    }
    term_size(1, &rows, &cols);
    if (rows < 3)
        rows = 3;
    fputs("\033[2J", stdout);
    while (!quit) {
        clamp();
        draw();
        int k = term_key(0);
        if (k == -1)
            break;
        if (!insert_mode)
            message[0] = '\0';
        if (insert_mode)
            insert_key(k);
        else
            normal(k);
    }
    printf("\033[%d;1H\033[K", rows);
    fflush(stdout);
    term_restore();
    clear(&text);
    clear(&undo_text);
    clear(&yank);
    free(text.line);
    free(undo_text.line);
    free(yank.line);
    free(file_name);
    if (have_re)
        regfree(&last_re);
    return 0;
}
