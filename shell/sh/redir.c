/*
 * redir.c - redirections: expanding their words, and applying them.
 *
 * A program gets its redirections as posix_spawn file actions (spawn.c);
 * nothing in the shell changes. A builtin or compound command runs inside
 * the shell, so there the descriptors are changed for real and saved first
 * (on copies at 10 and above, close-on-exec so children never see them),
 * then put back afterwards.
 *
 * A here-document's text goes to a temporary file, opened as the command's
 * input and unlinked: unlike a pipe, a file cannot fill up while the shell
 * that writes it is also the builtin that reads it.
 */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int redir_open_flags(enum redir_op op)
{
    switch (op) {
    case R_IN:      return O_RDONLY;
    case R_OUT:     return O_WRONLY | O_CREAT | O_TRUNC | (sh.noclobber ? O_EXCL : 0);
    case R_CLOBBER: return O_WRONLY | O_CREAT | O_TRUNC;
    case R_APPEND:
    case R_APPENDERR: return O_WRONLY | O_CREAT | O_APPEND;
    case R_OUTERR:  return O_WRONLY | O_CREAT | O_TRUNC | (sh.noclobber ? O_EXCL : 0);
    case R_RDWR:    return O_RDWR | O_CREAT;
    default:        return O_RDONLY;     /* here-documents */
    }
}

/* ---- expansion ------------------------------------------------------------------ */

static char *heredoc_file(const char *text)
{
    static unsigned counter;
    char path[64];
    for (int tries = 0; tries < 100; tries++) {
        snprintf(path, sizeof path, "/tmp/.sh-heredoc-%d-%u", (int)sh.pid, counter++);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            break;
        size_t n = strlen(text), done = 0;
        while (done < n) {
            ssize_t w = write(fd, text + done, n - done);
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        close(fd);
        return xstrdup(path);
    }
    sh_error("cannot create a here-document: %s", strerror(errno));
    return NULL;
}

/* "$@" with several parameters where one word is wanted. */
static bool ambiguous(const char *raw)
{
    return sh.argc > 1 && (strstr(raw, "$@") || strstr(raw, "${@"));
}

static bool expand_one(const struct redir *r, struct xredir *x)
{
    x->fd = r->fd;
    x->op = r->op;
    if (r->op == R_HERESTRING) {
        char *word = expand_word(r->target);
        if (!word)
            return false;
        struct strbuf b = {0};
        sb_adds(&b, word);
        sb_addc(&b, '\n');
        free(word);
        x->op = R_HEREDOC;
        x->path = heredoc_file(b.s);
        x->unlink_after = x->path != NULL;
        sb_free(&b);
        return x->path != NULL;
    }
    if (r->op != R_HEREDOC && r->op != R_HEREDOC_TAB && ambiguous(r->target)) {
        sh_error("%s: ambiguous redirect", r->target);
        return false;
    }
    if (r->op == R_HEREDOC || r->op == R_HEREDOC_TAB) {
        char *text = r->quoted ? xstrdup(r->body ? r->body : "")
                               : expand_heredoc(r->body ? r->body : "");
        if (!text)
            return false;
        x->path = heredoc_file(text);
        x->unlink_after = x->path != NULL;
        free(text);
        return x->path != NULL;
    }
    char *word = expand_word(r->target);
    if (!word)
        return false;
    if (r->op != R_DUPIN && r->op != R_DUPOUT) {
        x->path = word;
        return true;
    }
    long fd;
    size_t wn = strlen(word);
    if (wn > 1 && word[wn - 1] == '-' && !sh.posix) {
        word[wn - 1] = '\0';                /* N>&M-: move (bash, ksh) */
        x->move = true;
    }
    if (strcmp(word, "-") == 0 || (x->move && !*word)) {
        x->src_fd = -1;
    } else if (parse_int(word, &fd) && fd >= 0 && fd < 1024) {
        x->src_fd = (int)fd;
    } else {
        sh_error("%s: ambiguous redirect", word);
        free(word);
        return false;
    }
    free(word);
    return true;
}

/* bash's {name}<file (and > >> <> >& <&, {name}>&- to close): the
 * shell opens it for good, on a descriptor of 10 or more that programs
 * inherit, and name holds its number; nothing is left to redirect. */
static bool named_fd(const struct redir *r)
{
    char *word = expand_word(r->target);
    if (!word)
        return false;
    long n = -1;
    const char *number = var_get(r->fd_var);
    int fd = -1;
    if ((r->op == R_DUPIN || r->op == R_DUPOUT) && strcmp(word, "-") == 0) {
        if (number && parse_int(number, &n) && n >= 0)
            close((int)n);
        free(word);
        return true;
    }
    if (r->op == R_DUPIN || r->op == R_DUPOUT) {
        if (parse_int(word, &n) && n >= 0)
            fd = fcntl((int)n, F_DUPFD, 10);
    } else {
        int low = open(word, redir_open_flags(r->op), 0666);
        fd = low < 0 ? -1 : fcntl(low, F_DUPFD, 10);
        if (low >= 0)
            close(low);
    }
    if (fd < 0) {
        sh_error("%s: %s", word, strerror(errno));
        free(word);
        return false;
    }
    free(word);
    char num[16];
    snprintf(num, sizeof num, "%d", fd);
    if (!var_set(r->fd_var, num, 0)) {
        close(fd);
        return false;
    }
    return true;
}

bool redirs_expand(struct redir *r, struct xredirs *out)
{
    out->v = NULL;
    out->n = 0;
    for (; r; r = r->next) {
        if (r->fd_var) {
            if (!named_fd(r)) {
                xredirs_free(out);
                return false;
            }
            continue;
        }
        out->v = xrealloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
        struct xredir *x = &out->v[out->n];
        memset(x, 0, sizeof *x);
        out->n++;
        if (!expand_one(r, x)) {
            xredirs_free(out);
            return false;
        }
        if (r->op == R_OUTERR || r->op == R_APPENDERR) {
            /* &>file is >file 2>&1 */
            out->v = xrealloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
            x = &out->v[out->n++];
            memset(x, 0, sizeof *x);
            x->fd = 2;
            x->op = R_DUPOUT;
            x->src_fd = 1;
        }
    }
    return true;
}

void xredirs_free(struct xredirs *x)
{
    for (int i = 0; i < x->n; i++) {
        if (x->v[i].unlink_after)
            unlink(x->v[i].path);
        free(x->v[i].path);
    }
    free(x->v);
    x->v = NULL;
    x->n = 0;
}

/* ---- in the shell ---------------------------------------------------------------- */

void fds_save(struct saved_fds *sv, int fd)
{
    for (int i = 0; i < sv->n; i++)
        if (sv->fd[i] == fd)
            return;
    if (sv->n == (int)(sizeof sv->fd / sizeof sv->fd[0]))
        return;
    sv->fd[sv->n] = fd;
    sv->copy[sv->n] = fcntl(fd, F_DUPFD_CLOEXEC, 10);   /* -1: it was closed */
    sv->n++;
}

void fds_restore(struct saved_fds *sv)
{
    fflush(stdout);
    fflush(stderr);
    for (int i = sv->n - 1; i >= 0; i--) {
        if (sv->copy[i] >= 0) {
            dup2(sv->copy[i], sv->fd[i]);
            close(sv->copy[i]);
        } else {
            close(sv->fd[i]);
        }
    }
    sv->n = 0;
}

/* With noclobber, > fails on an existing regular file only (a device
 * such as /dev/null may be written). */
static int open_target(const struct xredir *x)
{
    int flags = redir_open_flags(x->op);
    struct stat st;
    if ((flags & O_EXCL) && stat(x->path, &st) == 0 && !S_ISREG(st.st_mode))
        flags &= ~(O_EXCL | O_TRUNC);
    return open(x->path, flags, 0666);
}

static bool apply_one(struct xredir *x)
{
    if (x->op == R_DUPIN || x->op == R_DUPOUT) {
        if (x->src_fd < 0) {
            close(x->fd);
        } else if (x->src_fd != x->fd) {
            if (fcntl(x->src_fd, F_GETFD) < 0 || dup2(x->src_fd, x->fd) < 0) {
                sh_error("%d: %s", x->src_fd, strerror(errno));
                return false;
            }
            if (x->move)
                close(x->src_fd);
        }
        return true;
    }
    int fd = open_target(x);
    if (fd < 0) {
        sh_error("%s: %s", x->path, errno == EEXIST ? "cannot overwrite existing file"
                                                     : strerror(errno));
        return false;
    }
    if (x->unlink_after) {
        unlink(x->path);
        x->unlink_after = false;
    }
    if (fd != x->fd) {
        dup2(fd, x->fd);
        close(fd);
    }
    return true;
}

/* Apply in order; with sv, each descriptor is saved before it changes. */
bool redirs_apply(const struct xredirs *xs, struct saved_fds *sv)
{
    fflush(stdout);
    fflush(stderr);
    for (int i = 0; i < xs->n; i++) {
        if (sv)
            fds_save(sv, xs->v[i].fd);
        if (!apply_one(&xs->v[i]))
            return false;
    }
    return true;
}

/* ---- before a spawn ---------------------------------------------------------------- */

/* Would opening this file for writing fail? errno says why. */
static bool writable(const char *path, bool exclusive)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return false;
        }
        if (exclusive && S_ISREG(st.st_mode)) {
            errno = EEXIST;
            return false;
        }
        return access(path, W_OK) == 0;
    }
    if (errno != ENOENT)
        return false;
    const char *slash = strrchr(path, '/');
    if (!slash)
        return true;
    char *dir = xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
    bool ok = stat(dir, &st) == 0 && (S_ISDIR(st.st_mode) || (errno = ENOTDIR, false));
    free(dir);
    return ok;
}

/* A spawn fails as a whole, with one error number and no word of which
 * file action failed; so the shell checks first what it can, to report
 * `sh: nofile: No such file or directory` as a shell should (the caller
 * applies the redirections in the shell to say it where it belongs). */
bool redirs_check(const struct xredirs *xs)
{
    unsigned long long opened = 0;
    for (int i = 0; i < xs->n; i++) {
        const struct xredir *x = &xs->v[i];
        bool ok = true;
        if (x->op == R_DUPIN || x->op == R_DUPOUT)
            ok = x->src_fd < 0 || (x->src_fd < 64 && (opened >> x->src_fd & 1)) ||
                 fcntl(x->src_fd, F_GETFD) >= 0;
        else if (x->op == R_IN)
            ok = access(x->path, R_OK) == 0;
        else if (x->op != R_HEREDOC && x->op != R_HEREDOC_TAB)
            ok = *x->path && writable(x->path, (x->op == R_OUT || x->op == R_OUTERR) && sh.noclobber);
        if (!ok)
            return false;
        if (x->fd < 64)
            opened |= 1ull << x->fd;
    }
    return true;
}
