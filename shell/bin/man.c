/*
 * man - show a manual page.
 *
 *   man [SECTION] NAME      the page of NAME (sections 1, 2, 3, 7 in turn)
 *   man -k WORD             the pages whose name or summary holds WORD
 *   man -w [SECTION] NAME   where the page is
 *
 * Pages live in /share/man as NAME.SECTION (the repository's man/), in a
 * simple source form: the page as it is shown, with headings (NAME,
 * SYNOPSIS, ...) at the start of a line and everything else indented, and
 * \fB...\fR for bold, \fI...\fR for underlined words, as troff writes them;
 * a file holding only ".so OTHER.S" shows that page (one page for a family
 * of calls).
 * On a terminal man shows them bold and underlined (ANSI escapes) through
 * a pager: $PAGER if set (run by sh), else /bin/more if there is one;
 * elsewhere it writes plain text.
 *
 * As man-db does, the first section in the order 1, 2, 3, 7 that has NAME
 * wins: `man pipe` shows pipe(2), the system call; `man 7 pipe` the
 * overview of pipes.
 *
 * Exit status: 0; 16 if there is no such page (man-db's); 2 for a usage error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#define MANDIR "/share/man"

extern char **environ;

static const char *const order[] = { "1", "2", "3", "7" };

static void usage(void)
{
    fprintf(stderr, "usage: man [SECTION] NAME\n       man -k WORD\n       man -w [SECTION] NAME\n");
    exit(2);
}

static int is_section(const char *s)
{
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (strcmp(s, order[i]) == 0)
            return 1;
    return 0;
}

/* The page of name in section (NULL: the first in order) into path. */
static int find(const char *name, const char *section, char *path, size_t len)
{
    /* Names a file could not well have: [ is test(1); . and : are builtins. */
    if (strcmp(name, "[") == 0)
        name = "test";
    else if (strcmp(name, ".") == 0)
        name = "dot";
    else if (strcmp(name, ":") == 0)
        name = "colon";
    if (strchr(name, '/'))
        return 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (section && strcmp(section, order[i]) != 0)
            continue;
        snprintf(path, len, "%s/%s.%s", MANDIR, name, order[i]);
        if (access(path, R_OK) == 0)
            return 1;
    }
    return 0;
}

/* One line of a page: headings bold, \fB \fI \fR as escapes or nothing. */
static void render_line(FILE *out, const char *line, int tty)
{
    int heading = line[0] != ' ' && line[0] != '\n' && line[0] != '\0';
    if (heading && tty)
        fputs("\033[1m", out);
    for (const char *p = line; *p; p++) {
        if (p[0] == '\\' && p[1] == 'f' && p[2]) {
            if (tty) {
                const char *sgr = p[2] == 'B' ? "\033[1m" : p[2] == 'I' ? "\033[4m" : "\033[0m";
                fputs(sgr, out);
            }
            p += 2;
            continue;
        }
        if (*p == '\n' && heading && tty)
            fputs("\033[0m", out);
        fputc(*p, out);
    }
}

/* A page that documents several names is one file; the others hold only
 * ".so NAME.S", as in troff: open the one it names. */
static FILE *open_page(const char *path)
{
    FILE *in = fopen(path, "r");
    char line[256], other[512];
    for (int hops = 0; in && hops < 4; hops++) {
        if (!fgets(line, sizeof line, in) || strncmp(line, ".so ", 4) != 0) {
            rewind(in);
            return in;
        }
        fclose(in);
        line[strcspn(line, "\n")] = '\0';
        snprintf(other, sizeof other, "%s/%s", MANDIR, line + 4);
        in = fopen(other, "r");
    }
    return in;
}

static int render(const char *path, const char *name, const char *section, FILE *out, int tty)
{
    FILE *in = open_page(path);
    if (!in) {
        fprintf(stderr, "man: %s: %s\n", path, strerror(errno));
        return 1;
    }
    char title[64];
    snprintf(title, sizeof title, "%s(%s)", name, section);
    for (char *t = title; *t && *t != '('; t++)
        if (*t >= 'a' && *t <= 'z')
            *t = (char)(*t - 'a' + 'A');
    fprintf(out, "%-24s%s%24s\n\n", title, "Duplex Manual", title);
    char line[1024];
    while (fgets(line, sizeof line, in))
        render_line(out, line, tty);
    fclose(in);
    return 0;
}

/* Where the page goes: a pager on a terminal, else standard output. */
static FILE *open_pager(pid_t *pid)
{
    *pid = -1;
    if (!isatty(1))
        return stdout;
    const char *pager = getenv("PAGER");
    char *sh_argv[] = { "sh", "-c", NULL, NULL };
    char *more_argv[] = { "more", NULL };
    char **argv;
    if (pager && *pager) {
        sh_argv[2] = (char *)pager;
        argv = sh_argv;
    } else if (access("/bin/more", X_OK) == 0) {
        argv = more_argv;
    } else {
        return stdout;
    }
    int fds[2];
    if (pipe(fds) < 0)
        return stdout;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    int err = posix_spawnp(pid, argv == sh_argv ? "/bin/sh" : "/bin/more", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[0]);
    if (err) {
        close(fds[1]);
        *pid = -1;
        return stdout;
    }
    FILE *f = fdopen(fds[1], "w");
    return f ? f : stdout;
}

static void close_pager(FILE *out, pid_t pid)
{
    if (out == stdout)
        return;
    fclose(out);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
}

/* The NAME line of a page: "cat - concatenate files". */
static int summary(const char *path, char *buf, size_t len)
{
    FILE *in = open_page(path);
    if (!in)
        return 0;
    int found = 0, next = 0;
    while (!found && fgets(buf, (int)len, in)) {
        if (next) {
            found = 1;
        } else if (strcmp(buf, "NAME\n") == 0) {
            next = 1;
        }
    }
    fclose(in);
    if (!found)
        return 0;
    char *s = buf;
    while (*s == ' ')
        s++;
    memmove(buf, s, strlen(s) + 1);
    buf[strcspn(buf, "\n")] = '\0';
    return 1;
}

/* Does s hold word, in any case? */
static int holds(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++)
        if (strncasecmp(s, word, n) == 0)
            return 1;
    return n == 0;
}

static int apropos(const char *word)
{
    DIR *d = opendir(MANDIR);
    if (!d) {
        fprintf(stderr, "man: %s: %s\n", MANDIR, strerror(errno));
        return 1;
    }
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char *dot = strrchr(e->d_name, '.');
        if (!dot || e->d_name[0] == '.')
            continue;
        char path[512], line[512];
        snprintf(path, sizeof path, "%s/%s", MANDIR, e->d_name);
        if (!summary(path, line, sizeof line))
            continue;
        if (!holds(line, word))
            continue;
        char *dash = strstr(line, " - ");
        printf("%.*s (%s)%s\n", (int)(dot - e->d_name), e->d_name, dot + 1,
               dash ? dash : "");
        found = 1;
    }
    closedir(d);
    if (!found) {
        printf("%s: nothing appropriate.\n", word);
        return 16;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int c, where = 0;
    const char *word = NULL;
    while ((c = getopt(argc, argv, "k:w")) != -1) {
        switch (c) {
        case 'k': word = optarg; break;
        case 'w': where = 1; break;
        default: usage();
        }
    }
    if (word)
        return optind == argc ? apropos(word) : (usage(), 2);
    const char *section = NULL;
    if (argc - optind == 2 && is_section(argv[optind]))
        section = argv[optind++];
    if (argc - optind != 1)
        usage();
    const char *name = argv[optind];
    char path[512];
    if (!find(name, section, path, sizeof path)) {
        if (section)
            fprintf(stderr, "No manual entry for %s in section %s\n", name, section);
        else
            fprintf(stderr, "No manual entry for %s\n", name);
        return 16;
    }
    if (where) {
        puts(path);
        return 0;
    }
    const char *sec = strrchr(path, '.') + 1;
    pid_t pid;
    FILE *out = open_pager(&pid);
    int r = render(path, name, sec, out, out != stdout || isatty(1));   /* "[(1)", not TEST(1) */
    close_pager(out, pid);
    return r;
}
