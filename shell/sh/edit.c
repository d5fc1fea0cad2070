/*
 * edit.c - the line editor of the interactive shell, and its history.
 *
 * The terminal is put in raw mode (no echo, no line discipline, no
 * signals from ^C) while a line is edited, and put back before the line is
 * returned, so commands run with the terminal as they expect it. Each
 * change redraws the whole line - prompt, text, clear to the end of the
 * screen, cursor put back - which also copes with lines longer than the
 * terminal is wide.
 *
 * When the window's size changes (SIGWINCH, which the shell catches
 * without SA_RESTART, so the editor's read returns), the line is redrawn
 * once for the new width. Terminals reflow what they show when resized
 * (xterm.js, as most do): the line is rewrapped at the new width with the
 * cursor in it, so the editor finds the cursor's row from the new width
 * and redraws from the line's first row. With the old width it would
 * count rows that are no longer there and draw the line again below
 * itself at every key.
 *
 * Keys: arrows, Home/End (ESC [ H/F, ESC O H/F, ESC [1~/[4~), Backspace,
 * Delete (ESC [3~), ^A ^E ^B ^F ^K ^U ^W, Alt-b Alt-f (a word back and
 * forward), ^D (at an empty line: end of input), ^C (cancel the line), ^L
 * (clear the screen), Up/Down ^P/^N (history), ^R (search the history
 * backwards, as bash's reverse-i-search), Tab (completion, complete.c;
 * twice: list the choices). The history itself is history.c's.
 */
#include "sh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define OUT 2           /* prompts and echo go where bash sends them */

enum key {
    K_NONE = 1000, K_LEFT, K_RIGHT, K_UP, K_DOWN, K_HOME, K_END, K_DELETE,
    K_WORD_LEFT, K_WORD_RIGHT,  /* Alt-b, Alt-f */
    K_RESIZE                /* no key: the window changed */
};

struct editor {
    int    fd;
    const char *prompt;
    struct strbuf buf;
    size_t cur;             /* the cursor, a byte offset in buf */
    int    cols;
    int    cursor_row;      /* screen rows between the prompt's start and the cursor */
    int    hist;            /* the history entry shown; history_n: the new line */
    char  *new_line;        /* the new line, kept while browsing history */
    bool   tabbed;          /* the last key was a Tab */
};

/* ---- the screen ---------------------------------------------------------------- */

static void out(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(OUT, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void outs(const char *s)
{
    out(s, strlen(s));
}

/* Screen columns of text: UTF-8 continuation bytes and ESC [ ... m take none. */
static int width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\x1b' && i + 1 < n && s[i + 1] == '[') {
            i += 2;
            while (i < n && !(s[i] >= 0x40 && s[i] <= 0x7e))
                i++;
        } else if (((unsigned char)s[i] & 0xc0) != 0x80) {
            w++;
        }
    }
    return w;
}

static int terminal_columns(int fd)
{
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

static void refresh(struct editor *ed)
{
    struct strbuf s = {0};
    char tmp[32];
    const char *text = ed->buf.s ? ed->buf.s : "";
    if (ed->cursor_row > 0) {
        snprintf(tmp, sizeof tmp, "\x1b[%dA", ed->cursor_row);
        sb_adds(&s, tmp);
    }
    sb_adds(&s, "\r");
    sb_adds(&s, ed->prompt);
    sb_addn(&s, text, ed->buf.len);
    sb_adds(&s, "\x1b[J");
    int plen = width(ed->prompt, strlen(ed->prompt));
    int total = plen + width(text, ed->buf.len);
    int at = plen + width(text, ed->cur);
    if (total > 0 && total % ed->cols == 0)
        sb_adds(&s, "\r\n");        /* leave the pending-wrap column */
    int end_row = total / ed->cols, row = at / ed->cols, col = at % ed->cols;
    if (end_row > row) {
        snprintf(tmp, sizeof tmp, "\x1b[%dA", end_row - row);
        sb_adds(&s, tmp);
    }
    sb_adds(&s, "\r");
    if (col > 0) {
        snprintf(tmp, sizeof tmp, "\x1b[%dC", col);
        sb_adds(&s, tmp);
    }
    ed->cursor_row = row;
    out(s.s, s.len);
    sb_free(&s);
}

/* The window changed: the terminal has rewrapped the line at the new width,
 * the cursor with it (see the top of the file). */
static void new_width(struct editor *ed)
{
    const char *text = ed->buf.s ? ed->buf.s : "";
    ed->cols = terminal_columns(ed->fd);
    ed->cursor_row = (width(ed->prompt, strlen(ed->prompt)) + width(text, ed->cur)) / ed->cols;
}

/* Leave the cursor after the line, for what comes next. */
static void finish_line(struct editor *ed, const char *after)
{
    ed->cur = ed->buf.len;
    refresh(ed);
    outs(after);
}

/* ---- keys ------------------------------------------------------------------------ */

static int read_byte(int fd)
{
    unsigned char c;
    ssize_t n;
    do
        n = read(fd, &c, 1);
    while (n < 0 && errno == EINTR);
    return n == 1 ? c : -1;
}

static int letter_key(int c)
{
    switch (c) {
    case 'A': return K_UP;
    case 'B': return K_DOWN;
    case 'C': return K_RIGHT;
    case 'D': return K_LEFT;
    case 'H': return K_HOME;
    case 'F': return K_END;
    default:  return K_NONE;
    }
}

/* ESC [ 3 ~ and friends; ESC [ 1 ; 5 C (with modifiers) is read as C. */
static int escape_key(int fd)
{
    int c = read_byte(fd);
    if (c == 'b')
        return K_WORD_LEFT;
    if (c == 'f')
        return K_WORD_RIGHT;
    if (c == 'O')
        return letter_key(read_byte(fd));
    if (c != '[')
        return K_NONE;
    c = read_byte(fd);
    if (c < '0' || c > '9')
        return letter_key(c);
    int num = 0;
    for (; c >= '0' && c <= '9'; c = read_byte(fd))
        num = num * 10 + (c - '0');
    while (c >= 0 && !(c >= 0x40 && c <= 0x7e))
        c = read_byte(fd);
    if (c != '~')
        return letter_key(c);
    switch (num) {
    case 1: case 7: return K_HOME;
    case 4: case 8: return K_END;
    case 3:         return K_DELETE;
    default:        return K_NONE;
    }
}

/* A key, or K_RESIZE if the window changed while the editor waited. */
static int read_key(int fd)
{
    unsigned char c;
    ssize_t n;
    if (window_changed())
        return K_RESIZE;
    while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
        if (window_changed())
            return K_RESIZE;
    if (n != 1)
        return -1;
    return c == 0x1b ? escape_key(fd) : c;
}

/* ---- editing ------------------------------------------------------------------------ */

static size_t char_before(const struct editor *ed, size_t i)
{
    while (i > 0 && ((unsigned char)ed->buf.s[--i] & 0xc0) == 0x80)
        ;
    return i;
}

static size_t char_after(const struct editor *ed, size_t i)
{
    while (i < ed->buf.len && ((unsigned char)ed->buf.s[++i] & 0xc0) == 0x80)
        ;
    return i < ed->buf.len ? i : ed->buf.len;
}

/* Replace buf[from, to) by s[0, n), the cursor after it. */
static void replace(struct editor *ed, size_t from, size_t to, const char *s, size_t n)
{
    struct strbuf b = {0};
    sb_addn(&b, ed->buf.s ? ed->buf.s : "", from);
    sb_addn(&b, s, n);
    if (ed->buf.len > to)
        sb_addn(&b, ed->buf.s + to, ed->buf.len - to);
    sb_free(&ed->buf);
    ed->buf = b;
    ed->cur = from + n;
}

static void erase(struct editor *ed, size_t from, size_t to)
{
    size_t cur = ed->cur;
    replace(ed, from, to, "", 0);
    ed->cur = cur <= from ? cur : cur >= to ? cur - (to - from) : from;
}

static void erase_word_before(struct editor *ed)
{
    size_t i = ed->cur;
    while (i > 0 && ed->buf.s[i - 1] == ' ')
        i--;
    while (i > 0 && ed->buf.s[i - 1] != ' ')
        i--;
    erase(ed, i, ed->cur);
}

/* Alt-b and Alt-f: to the start of this or the previous word, to the
 * end of this or the next one. */
static size_t word_left(const struct editor *ed)
{
    size_t i = ed->cur;
    while (i > 0 && ed->buf.s[i - 1] == ' ')
        i--;
    while (i > 0 && ed->buf.s[i - 1] != ' ')
        i--;
    return i;
}

static size_t word_right(const struct editor *ed)
{
    size_t i = ed->cur;
    while (i < ed->buf.len && ed->buf.s[i] == ' ')
        i++;
    while (i < ed->buf.len && ed->buf.s[i] != ' ')
        i++;
    return i;
}

static void show_history(struct editor *ed, int to)
{
    int history_n = history_count();
    if (to < 0 || to > history_n || to == ed->hist)
        return;
    if (ed->hist == history_n) {
        free(ed->new_line);
        ed->new_line = xstrndup(ed->buf.s ? ed->buf.s : "", ed->buf.len);
    }
    ed->hist = to;
    const char *text = to == history_n ? ed->new_line : history_at(to);
    replace(ed, 0, ed->buf.len, text, strlen(text));
}

/* ---- completion --------------------------------------------------------------------- */

static size_t common_prefix(const struct wordlist *w)
{
    size_t n = strlen(w->v[0]);
    for (int i = 1; i < w->n; i++) {
        size_t k = 0;
        while (k < n && w->v[i][k] == w->v[0][k])
            k++;
        n = k;
    }
    return n;
}

/* A choice as listed: its last component ("gt/" for "/tmp/gt/"). */
static const char *shown_name(const char *choice)
{
    size_t n = strlen(choice);
    if (n > 1 && choice[n - 1] == '/')
        n--;
    while (n > 0 && choice[n - 1] != '/')
        n--;
    return choice + n;
}

/* The choices in columns, below the line; then the line again. */
static void list_choices(struct editor *ed, const struct wordlist *w)
{
    int widest = 0;
    for (int i = 0; i < w->n; i++) {
        const char *name = shown_name(w->v[i]);
        int n = width(name, strlen(name));
        widest = n > widest ? n : widest;
    }
    int per_row = ed->cols / (widest + 2);
    if (per_row < 1)
        per_row = 1;
    finish_line(ed, "\r\n");
    struct strbuf s = {0};
    for (int i = 0; i < w->n; i++) {
        const char *name = shown_name(w->v[i]);
        sb_adds(&s, name);
        bool row_end = (i + 1) % per_row == 0 || i + 1 == w->n;
        for (int pad = width(name, strlen(name)); !row_end && pad < widest + 2; pad++)
            sb_addc(&s, ' ');
        if (row_end)
            sb_adds(&s, "\r\n");
    }
    out(s.s, s.len);
    sb_free(&s);
    ed->cursor_row = 0;
}

static void complete(struct editor *ed)
{
    size_t start;
    struct wordlist w = {0};
    bool again = ed->tabbed;
    ed->tabbed = false;
    complete_word(ed->buf.s ? ed->buf.s : "", ed->cur, &start, &w);
    if (w.n == 1) {
        size_t n = strlen(w.v[0]);
        replace(ed, start, ed->cur, w.v[0], n);
        if (n && w.v[0][n - 1] != '/')
            replace(ed, ed->cur, ed->cur, " ", 1);
    } else if (w.n > 1) {
        size_t n = common_prefix(&w);
        if (n > ed->cur - start)
            replace(ed, start, ed->cur, w.v[0], n);
        else if (again)
            list_choices(ed, &w);
        else
            ed->tabbed = true;
    }
    if (w.n == 0 || (w.n > 1 && ed->tabbed))
        outs("\a");
    wl_free(&w);
}

/* ---- ^R --------------------------------------------------------------------------- */

static bool edit_key(struct editor *ed, int k, enum edit_result *result);

/* (reverse-i-search)`text': the newest line of the history that holds
 * text, older ones at each ^R; Enter runs it, ^G and ^C give up, any
 * other key takes it into the line and then does what it does. */
static bool reverse_search(struct editor *ed, enum edit_result *result)
{
    const char *saved_prompt = ed->prompt;
    char *original = xstrndup(ed->buf.s ? ed->buf.s : "", ed->buf.len);
    struct strbuf query = {0}, prompt = {0};
    int at = history_count();           /* the entry shown; count: none yet */
    bool failed = false, go_on = true;
    for (;;) {
        sb_free(&prompt);
        sb_adds(&prompt, failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`");
        sb_adds(&prompt, query.s ? query.s : "");
        sb_adds(&prompt, "': ");
        ed->prompt = prompt.s;
        refresh(ed);
        int k = read_key(ed->fd);
        if (k == 18 || (k >= 32 && k < 127) || k == 8 || k == 127) {
            if (k == 8 || k == 127) {
                if (query.len)
                    query.s[--query.len] = '\0';
                at = history_count();
            } else if (k != 18) {
                sb_addc(&query, (char)k);
            }
            int from = k == 18 ? at - 1 : k == 8 || k == 127 ? at - 1 : at;
            int hit = history_search(query.s ? query.s : "", from);
            failed = hit < 0;
            if (hit >= 0) {
                at = hit;
                const char *line = history_at(hit);
                sb_free(&ed->buf);
                sb_adds(&ed->buf, line);
                ed->cur = (size_t)(strstr(line, query.s) - line);
            }
            continue;
        }
        ed->prompt = saved_prompt;
        if (k == 7 || k == 3) {                 /* ^G, ^C: the line as it was */
            sb_free(&ed->buf);
            sb_adds(&ed->buf, original);
            ed->cur = ed->buf.len;
            refresh(ed);
            break;
        }
        refresh(ed);
        if (k != K_RESIZE)
            go_on = edit_key(ed, k, result);
        break;
    }
    ed->prompt = saved_prompt;
    free(original);
    sb_free(&query);
    sb_free(&prompt);
    return go_on;
}

/* ---- the loop ----------------------------------------------------------------------- */

/* One key: false when the line is finished (*result says how). */
static bool edit_key(struct editor *ed, int k, enum edit_result *result)
{
    bool tab = k == '\t';
    switch (k) {
    case -1:
        if (ed->buf.len) {
            finish_line(ed, "\r\n");
            *result = EDIT_LINE;
        } else {
            *result = EDIT_EOF;
        }
        return false;
    case '\r': case '\n':
        finish_line(ed, "\r\n");
        *result = EDIT_LINE;
        return false;
    case 3:                                     /* ^C */
        finish_line(ed, "^C\r\n");
        *result = EDIT_INTERRUPT;
        return false;
    case 4:                                     /* ^D */
        if (!ed->buf.len) {
            *result = EDIT_EOF;
            return false;
        }
        /* fall through: delete */
    case K_DELETE:
        if (ed->cur < ed->buf.len)
            erase(ed, ed->cur, char_after(ed, ed->cur));
        break;
    case 8: case 127:
        if (ed->cur > 0)
            erase(ed, char_before(ed, ed->cur), ed->cur);
        break;
    case 1: case K_HOME:  ed->cur = 0; break;
    case 5: case K_END:   ed->cur = ed->buf.len; break;
    case 2: case K_LEFT:  ed->cur = char_before(ed, ed->cur); break;
    case 6: case K_RIGHT: ed->cur = char_after(ed, ed->cur); break;
    case 11: erase(ed, ed->cur, ed->buf.len); break;       /* ^K */
    case 21: erase(ed, 0, ed->cur); break;                 /* ^U */
    case 23: erase_word_before(ed); break;                 /* ^W */
    case 12:                                               /* ^L */
        outs("\x1b[H\x1b[2J");
        ed->cursor_row = 0;
        break;
    case 16: case K_UP:   show_history(ed, ed->hist - 1); break;
    case 14: case K_DOWN: show_history(ed, ed->hist + 1); break;
    case K_WORD_LEFT:     ed->cur = word_left(ed); break;
    case K_WORD_RIGHT:    ed->cur = word_right(ed); break;
    case 18:                                               /* ^R */
        return reverse_search(ed, result);
    case '\t': complete(ed); break;
    case K_RESIZE:
        window_size_check();
        new_width(ed);
        break;
    default:
        if (k >= 32 && k < 256) {
            char c = (char)k;
            replace(ed, ed->cur, ed->cur, &c, 1);
        }
        break;
    }
    if (!tab)
        ed->tabbed = false;
    return true;
}

/* A line without the editor, when the terminal has no modes to set. */
static enum edit_result plain_line(int fd, const char *prompt, char **line)
{
    struct strbuf b = {0};
    int c;
    outs(prompt);
    while ((c = read_byte(fd)) >= 0 && c != '\n')
        sb_addc(&b, (char)c);
    if (c < 0 && !b.len)
        return EDIT_EOF;
    *line = sb_take(&b);
    return EDIT_LINE;
}

enum edit_result edit_line(int fd, const char *prompt, char **line)
{
    struct termios saved, raw;
    *line = NULL;
    if (tcgetattr(fd, &saved) < 0)
        return plain_line(fd, prompt, line);
    raw = saved;
    /* ICRNL stays: what is typed ahead, before the command that reads it
     * switches back to cooked mode, must already have its newlines */
    raw.c_iflag &= ~(tcflag_t)(INLCR | IGNCR | IXON | ISTRIP | BRKINT);
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSADRAIN, &raw);
    window_changed();                   /* the width is read afresh here */
    struct editor ed = {
        .fd = fd, .prompt = prompt, .cols = terminal_columns(fd), .hist = history_count(),
    };
    enum edit_result result = EDIT_EOF;
    refresh(&ed);
    while (edit_key(&ed, read_key(fd), &result))
        refresh(&ed);
    tcsetattr(fd, TCSADRAIN, &saved);
    free(ed.new_line);
    if (result == EDIT_LINE)
        *line = sb_take(&ed.buf);
    sb_free(&ed.buf);
    return result;
}
