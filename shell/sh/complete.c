/*
 * complete.c - what Tab offers: for the first word of a command, the
 * builtins and the programs in $PATH; for any other word, or a word with a
 * '/', the files that start with it (directories end in '/'). The editor
 * (edit.c) inserts a single choice or the prefix common to several.
 *
 * Choices come back as they should be typed: special characters escaped
 * with a backslash.
 */
#include "sh.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char separators[] = " \t\n;|&<>()";

static char *escape_name(const char *s, bool keep_tilde)
{
    struct strbuf b = {0};
    for (const char *p = s; *p; p++) {
        if (strchr(" \t\n\\'\"$`;|&<>()*?[]#!{}", *p) || (*p == '~' && !(keep_tilde && p == s)))
            sb_addc(&b, '\\');
        sb_addc(&b, *p);
    }
    return sb_take(&b);
}

static char *unescape_word(const char *s, size_t n)
{
    struct strbuf b = {0};
    sb_adds(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n)
            i++;
        sb_addc(&b, s[i]);
    }
    return sb_take(&b);
}

/* Is the word starting at `start` the name of a command? */
static bool command_position(const char *line, size_t start)
{
    static const char *const openers[] = {
        "if", "then", "else", "elif", "do", "while", "until", "!", "{", NULL
    };
    size_t p = start;
    while (p > 0 && (line[p - 1] == ' ' || line[p - 1] == '\t'))
        p--;
    if (p == 0 || strchr(";|&(", line[p - 1]))
        return true;
    size_t w = p;
    while (w > 0 && !strchr(separators, line[w - 1]))
        w--;
    for (int i = 0; openers[i]; i++)
        if (strlen(openers[i]) == p - w && strncmp(line + w, openers[i], p - w) == 0)
            return command_position(line, w);
    return false;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_program(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

static void complete_commands(const char *prefix, struct wordlist *out)
{
    size_t n = strlen(prefix);
    for (int i = 0; builtin_name(i); i++)
        if (strncmp(builtin_name(i), prefix, n) == 0 && builtin_name(i)[0] != '_')
            wl_add(out, escape_name(builtin_name(i), false));   /* not the hidden __state */
    const char *dirs = var_get("PATH");
    char *copy = xstrdup(dirs ? dirs : "/bin"), *save = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strncmp(e->d_name, prefix, n) != 0 || e->d_name[0] == '.')
                continue;
            struct strbuf path = {0};
            sb_adds(&path, dir);
            sb_addc(&path, '/');
            sb_adds(&path, e->d_name);
            if (is_program(path.s))
                wl_add(out, escape_name(e->d_name, false));
            sb_free(&path);
        }
        if (d)
            closedir(d);
    }
    free(copy);
}

/* Files whose path starts with word; programs and directories only for
 * the command name. */
static void complete_paths(const char *word, bool programs, struct wordlist *out)
{
    const char *slash = strrchr(word, '/');
    size_t dlen = slash ? (size_t)(slash - word) + 1 : 0;
    char *dirpart = xstrndup(word, dlen);
    const char *base = word + dlen, *home = var_get("HOME");
    struct strbuf dir = {0};
    if (dirpart[0] == '~' && dirpart[1] == '/' && home) {
        sb_adds(&dir, home);
        sb_adds(&dir, dirpart + 1);
    } else {
        sb_adds(&dir, dlen ? dirpart : "./");
    }
    DIR *d = opendir(dir.s);
    struct dirent *e;
    size_t n = strlen(base);
    while (d && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (strncmp(name, base, n) != 0 || strcmp(name, ".") == 0 ||
            strcmp(name, "..") == 0 || (name[0] == '.' && base[0] != '.'))
            continue;
        struct strbuf full = {0};
        sb_adds(&full, dir.s);
        sb_adds(&full, name);
        bool isdir = is_directory(full.s);
        if (isdir || !programs || is_program(full.s)) {
            struct strbuf choice = {0};
            sb_adds(&choice, dirpart);
            sb_adds(&choice, name);
            char *escaped = escape_name(choice.s, true);
            sb_free(&choice);
            if (isdir) {
                escaped = xrealloc(escaped, strlen(escaped) + 2);
                strcat(escaped, "/");
            }
            wl_add(out, escaped);
        }
        sb_free(&full);
    }
    if (d)
        closedir(d);
    sb_free(&dir);
    free(dirpart);
}

static void sort_unique(struct wordlist *w)
{
    wl_sort(w, 0);
    int k = 0;
    for (int i = 0; i < w->n; i++) {
        if (k && strcmp(w->v[k - 1], w->v[i]) == 0)
            free(w->v[i]);
        else
            w->v[k++] = w->v[i];
    }
    w->n = k;
    if (w->v)
        w->v[k] = NULL;
}

void complete_word(const char *line, size_t end, size_t *word_start, struct wordlist *out)
{
    size_t s = end;
    for (;;) {
        while (s > 0 && !strchr(separators, line[s - 1]))
            s--;
        if (s < 2 || line[s - 2] != '\\')
            break;
        s -= 2;                                 /* an escaped separator */
    }
    *word_start = s;
    char *word = unescape_word(line + s, end - s);
    bool command = command_position(line, s);
    if (command && !strchr(word, '/'))
        complete_commands(word, out);
    else
        complete_paths(word, command, out);
    free(word);
    sort_unique(out);
}
