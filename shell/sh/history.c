/*
 * history.c - the lines typed at the interactive shell: what Up and Down
 * and ^R go through (edit.c), and the `history` builtin.
 *
 * Up to HISTORY_MAX lines are kept, oldest first; a line is not kept
 * twice in a row, nor one that is only blanks.
 */
#include "sh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_MAX 500

static char **history;
static int history_n;

int history_count(void)
{
    return history_n;
}

const char *history_at(int i)
{
    return i >= 0 && i < history_n ? history[i] : "";
}

/* The newest entry at or before from that holds text; -1 if none. */
int history_search(const char *text, int from)
{
    if (from >= history_n)
        from = history_n - 1;
    for (int i = from; i >= 0; i--)
        if (strstr(history[i], text))
            return i;
    return -1;
}

void history_add(const char *line)
{
    size_t n = strcspn(line, "\n");
    if (strspn(line, " \t") >= n)
        return;
    if (history_n && strncmp(history[history_n - 1], line, n) == 0 &&
        history[history_n - 1][n] == '\0')
        return;
    if (history_n == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof *history);
        history_n--;
    }
    history = xrealloc(history, (size_t)(history_n + 1) * sizeof *history);
    history[history_n++] = xstrndup(line, n);
}

/* history [-c] [N]: the lines typed, numbered; the last N of them. */
int bi_history(char **argv)
{
    int from = 0;
    if (argv[1] && strcmp(argv[1], "-c") == 0) {
        history_free();
        return 0;
    }
    if (argv[1]) {
        long n;
        if (!parse_int(argv[1], &n) || n < 0) {
            sh_error("history: %s: numeric argument required", argv[1]);
            return 2;
        }
        from = n < history_n ? history_n - (int)n : 0;
    }
    for (int i = from; i < history_n; i++)
        printf("%5d  %s\n", i + 1, history[i]);
    return 0;
}

void history_free(void)
{
    for (int i = 0; i < history_n; i++)
        free(history[i]);
    free(history);
    history = NULL;
    history_n = 0;
}

