/*
 * env - run a program in a modified environment, or print the environment.
 *
 *   env [-i0] [-u NAME]... [-C DIR] [-] [NAME=VALUE]... [COMMAND [ARG]...]
 *
 * -i (or "-") starts from an empty environment, -u NAME removes NAME,
 * NAME=VALUE sets NAME, -C DIR runs COMMAND in DIR (and needs one). With
 * no COMMAND the result is printed, one NAME=VALUE a line (-0: each
 * ended by a NUL instead). With a COMMAND, env replaces itself with it
 * (execve; nothing is left to wait for); a COMMAND that is no binary is a script, run by /bin/sh, as execvp does.
 *
 * env builds the new environment as its own array and hands it to execve,
 * searching COMMAND in that environment's PATH as execvp would: it never
 * has to reassign `environ` or rely on setenv's memory management.
 *
 * Exit status, as GNU's: 125 if env itself fails, 126 if COMMAND was found
 * but could not run, 127 if it was not found; otherwise COMMAND's own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROG "env"
#define DEFAULT_PATH "/bin:/usr/bin"

extern char **environ;

static char **envv;            /* the new environment, NULL-terminated */
static const char **unset;     /* the -u names, in order */
static size_t envc, envcap;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-i0] [-u NAME]... [-C DIR] [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
               "Set each NAME to VALUE in the environment and run COMMAND,\n"
               "or print the resulting environment.\n");
    exit(status);
}

static void out_of_memory(void)
{
    fprintf(stderr, PROG ": out of memory\n");
    exit(125);
}

/* Does entry "NAME=VALUE" define the name `name` of length len? */
static int defines(const char *entry, const char *name, size_t len)
{
    return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

static void env_unset(const char *name, size_t len)
{
    size_t j = 0;
    for (size_t i = 0; i < envc; i++)
        if (!defines(envv[i], name, len))
            envv[j++] = envv[i];
    envc = j;
    envv[envc] = NULL;
}

/* Add "NAME=VALUE" (not copied: argv and environ outlive env's use). */
static void env_add(char *entry)
{
    env_unset(entry, strcspn(entry, "="));
    if (envc + 2 > envcap) {
        size_t cap = envcap ? envcap * 2 : 32;
        char **v = realloc(envv, cap * sizeof *v);
        if (!v)
            out_of_memory();
        envv = v;
        envcap = cap;
    }
    envv[envc++] = entry;
    envv[envc] = NULL;
}

static const char *env_get(const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < envc; i++)
        if (defines(envv[i], name, len))
            return envv[i] + len + 1;
    return NULL;
}

/* execve path; a file the system will not run (ENOEXEC: no binary) is a
 * shell script, run by /bin/sh as execvp runs it (POSIX), so that env runs
 * the scripts the shell would. Returns only on failure, errno set. */
static void exec_one(const char *path, char **argv)
{
    execve(path, argv, envv);
    if (errno != ENOEXEC)
        return;
    size_t n = 0;
    while (argv[n])
        n++;
    char **sh = malloc((n + 2) * sizeof *sh);
    if (!sh)
        out_of_memory();
    sh[0] = "sh";
    sh[1] = (char *)path;
    memcpy(sh + 2, argv + 1, n * sizeof *sh);      /* the arguments and the NULL */
    execve("/bin/sh", sh, envv);
    free(sh);
    errno = ENOEXEC;
}

/* exec_one each PATH candidate in turn; returns the most telling errno. */
static int exec_search(char **argv)
{
    const char *cmd = argv[0];
    if (cmd[0] == '\0')
        return ENOENT;                       /* no file has an empty name */
    if (strchr(cmd, '/')) {
        exec_one(cmd, argv);
        return errno;
    }
    const char *path = env_get("PATH");
    if (!path)
        path = DEFAULT_PATH;
    int err = ENOENT;
    size_t size = strlen(path) + strlen(cmd) + 2;
    char *buf = malloc(size);
    if (!buf)
        out_of_memory();
    for (const char *p = path;; p++) {
        size_t n = strcspn(p, ":");
        if (n == 0)
            snprintf(buf, size, "%s", cmd);      /* an empty entry is "." */
        else
            snprintf(buf, size, "%.*s/%s", (int)n, p, cmd);
        exec_one(buf, argv);
        if (errno != ENOENT && errno != ENOTDIR)
            err = errno;           /* found, but it would not run: keep that */
        p += n;
        if (*p == '\0')
            break;
    }
    free(buf);
    return err;
}

int main(int argc, char **argv)
{
    int ignore = 0, term = '\n', c;
    const char *dir = NULL;
    size_t nunset = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    /* The -u names are only noted here: -i, wherever it is, decides
     * what they apply to. */
    unset = calloc((size_t)argc, sizeof *unset);
    if (!unset)
        out_of_memory();
    opterr = 0;
    while ((c = getopt(argc, argv, "+i0u:C:")) != -1) {
        switch (c) {
        case 'C': dir = optarg; break;
        case 'i': ignore = 1; break;
        case '0': term = '\0'; break;
        case 'u': unset[nunset++] = optarg; break;
        default:
            if (optopt == 'u' || optopt == 'C')
                fprintf(stderr, PROG ": option requires an argument -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(125);
        }
    }
    if (optind < argc && strcmp(argv[optind], "-") == 0) {
        ignore = 1;
        optind++;
    }
    envv = calloc(1, sizeof *envv);
    if (!envv)
        out_of_memory();
    for (char **e = environ; !ignore && *e; e++)
        env_add(*e);
    for (size_t i = 0; i < nunset; i++) {
        if (unset[i][0] == '\0' || strchr(unset[i], '=')) {
            fprintf(stderr, PROG ": cannot unset '%s': Invalid argument\n", unset[i]);
            return 125;
        }
        env_unset(unset[i], strlen(unset[i]));
    }
    free(unset);
    /* "=VALUE" (an empty name) is passed on as it is, as GNU env does:
     * the environment is only strings. */
    for (; optind < argc && strchr(argv[optind], '='); optind++)
        env_add(argv[optind]);

    if (optind == argc && dir) {
        fprintf(stderr, PROG ": must specify command with --chdir (-C)\n");
        usage(125);
    }
    if (optind == argc) {
        for (size_t i = 0; i < envc; i++)
            printf("%s%c", envv[i], term);
        free(envv);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
            return 125;
        }
        return 0;
    }
    if (term == '\0') {
        fprintf(stderr, PROG ": cannot specify --null (-0) with command\n");
        usage(125);
    }
    if (dir && chdir(dir) != 0) {
        fprintf(stderr, PROG ": cannot change directory to '%s': %s\n", dir, strerror(errno));
        return 125;
    }
    int err = exec_search(argv + optind);
    fprintf(stderr, PROG ": '%s': %s\n", argv[optind], strerror(err));
    free(envv);
    return err == ENOENT ? 127 : 126;
}
