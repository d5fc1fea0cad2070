/*
 * pgrep, pkill - find or signal processes by name and other attributes.
 *
 *   pgrep [-flvxnoc] [-d DELIM] [-u UID] [-P PPID] [-g PGRP] [-s SID] [PATTERN]
 *   pkill [-SIGNAL | --signal SIG] [-fvxno] [-u UID] [-P PPID] [-g PGRP] [-s SID] [PATTERN]
 *
 * As procps': PATTERN is an extended regular expression matched against
 * each process's name (-f: its whole command line; -x: exactly); the
 * other options narrow the set; -v inverts it; -n and -o keep only the
 * newest or oldest (highest or lowest pid); -g 0 and -s 0 are pgrep's own
 * group and session. pgrep prints the pids (-l
 * with the name, -a with the command line; -d between them; -c only
 * their count); pkill signals them (SIGTERM by default). Neither counts
 * itself. Status 0 if some process matched, 1 if none, 2 on a usage
 * error. This one program is both: pkill is a script that runs
 * "pgrep --kill" (and a pgrep called pkill is one too).
 */
#include <err.h>
#include <getopt.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"

/* The signal named or numbered by s; -1 if none. */
static int find_signal(const char *s)
{
    static const struct { const char *name; int sig; } names[] = {
        { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "KILL", SIGKILL },
        { "TERM", SIGTERM }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "ALRM", SIGALRM },
        { "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "PIPE", SIGPIPE },
        { "CHLD", SIGCHLD }, { "ABRT", SIGABRT },
    };
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end)
        return (int)n;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].sig;
    return -1;
}

static int signal_number(const char *s)
{
    int sig = find_signal(s);
    if (sig < 0)
        errx(2, "Unknown signal \"%s\".", s);
    return sig;
}

static long id_arg(const char *s, int user)
{
    long v = user ? user_id(s) : strtol(s, NULL, 10);
    if (v < 0)
        errx(2, "invalid user name: %s", s);
    return v;
}

int main(int argc, char **argv)
{
    const char *self_name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    int kill_mode = strcmp(self_name, "pkill") == 0;
    int full = 0, list = 0, all_cmd = 0, invert = 0, exact = 0, newest = 0, oldest = 0;
    int count = 0, sig = SIGTERM, c, ignore_case = 0;
    long uid = -1, ppid = -1, pgrp = -1, sid = -1;
    const char *delim = "\n";
    /* -SIGNAL (pkill), wherever it stands among the options: taken out */
    int first = 1;
    for (int i = 1; i < argc && argv[i][0] == '-'; i++) {
        if (argv[i][1] && find_signal(argv[i] + 1) >= 0) {
            sig = find_signal(argv[i] + 1);
            kill_mode = 1;
            memmove(argv + i, argv + i + 1, (size_t)(argc - i) * sizeof *argv);
            argc--;
            break;
        }
    }
    static const struct option longopts[] = {
        { "kill", no_argument, NULL, 'K' }, { "signal", required_argument, NULL, 'S' },
        { "full", no_argument, NULL, 'f' }, { "list-name", no_argument, NULL, 'l' },
        { "list-full", no_argument, NULL, 'a' }, { "inverse", no_argument, NULL, 'v' },
        { "exact", no_argument, NULL, 'x' }, { "newest", no_argument, NULL, 'n' },
        { "oldest", no_argument, NULL, 'o' }, { "count", no_argument, NULL, 'c' },
        { "delimiter", required_argument, NULL, 'd' }, { "euid", required_argument, NULL, 'u' },
        { "uid", required_argument, NULL, 'U' }, { "parent", required_argument, NULL, 'P' },
        { "pgroup", required_argument, NULL, 'g' }, { "session", required_argument, NULL, 's' },
        { "ignore-case", no_argument, NULL, 'i' }, { NULL, 0, NULL, 0 },
    };
    optind = first;
    while ((c = getopt_long(argc, argv, "acd:fg:ilnoP:s:u:U:vx", longopts, NULL)) != -1) {
        switch (c) {
        case 'K': kill_mode = 1; break;
        case 'S': sig = signal_number(optarg); kill_mode = 1; break;
        case 'f': full = 1; break;
        case 'l': list = 1; break;
        case 'a': all_cmd = 1; break;
        case 'v': invert = 1; break;
        case 'x': exact = 1; break;
        case 'n': newest = 1; break;
        case 'o': oldest = 1; break;
        case 'c': count = 1; break;
        case 'i': ignore_case = 1; break;
        case 'd': delim = optarg; break;
        case 'u': case 'U': uid = id_arg(optarg, 1); break;
        case 'P': ppid = id_arg(optarg, 0); break;
        case 'g': pgrp = id_arg(optarg, 0); break;
        case 's': sid = id_arg(optarg, 0); break;
        default:
            fprintf(stderr, "Usage: %s [options] <pattern>\n", kill_mode ? "pkill" : "pgrep");
            return 2;
        }
    }
    /* as procps: group or session 0 is pgrep's own */
    if (pgrp == 0)
        pgrp = getpgrp();
    if (sid == 0)
        sid = getsid(0);
    if (optind >= argc && uid < 0 && ppid < 0 && pgrp < 0 && sid < 0) {
        warnx("no matching criteria specified");
        return 2;
    }
    if (argc - optind > 1) {
        warnx("only one pattern can be provided");
        return 2;
    }
    regex_t re;
    int have_re = optind < argc;
    if (have_re) {
        char *pat = exact ? xmalloc(strlen(argv[optind]) + 5) : xstrdup(argv[optind]);
        if (exact)
            sprintf(pat, "^(%s)$", argv[optind]);
        int r = regcomp(&re, pat, REG_EXTENDED | REG_NOSUB | (ignore_case ? REG_ICASE : 0));
        free(pat);
        if (r) {
            char msg[100];
            regerror(r, &re, msg, sizeof msg);
            errx(2, "%s", msg);
        }
    }
    int n;
    struct k_procinfo *v = proc_list(&n);
    if (!v)
        err(2, "cannot read the process table");
    pid_t self = getpid();
    int matched = 0, best = -1;
    int *chosen = xcalloc((size_t)n + 1, sizeof *chosen);
    for (int i = 0; i < n; i++) {
        struct k_procinfo *p = &v[i];
        p->cmdline[sizeof p->cmdline - 1] = '\0';
        if (p->pid == self || p->state == 'Z')
            continue;
        char name[16];
        proc_name(p, name);
        int ok = (!have_re || regexec(&re, full ? p->cmdline : name, 0, NULL, 0) == 0) &&
                 (uid < 0 || (long)p->uid == uid) && (ppid < 0 || p->ppid == ppid) &&
                 (pgrp < 0 || p->pgid == pgrp) && (sid < 0 || p->sid == sid);
        if (ok == invert)
            continue;
        if (newest || oldest) {
            if (best < 0 || (newest ? p->pid > v[best].pid : p->pid < v[best].pid))
                best = i;
            continue;
        }
        chosen[i] = 1;
        matched++;
    }
    if (best >= 0) {
        chosen[best] = 1;
        matched = 1;
    }
    int printed = 0, status = matched ? 0 : 1;
    for (int i = 0; i < n; i++) {
        if (!chosen[i])
            continue;
        if (kill_mode) {
            if (kill(v[i].pid, sig) != 0) {
                warn("killing pid %d failed", v[i].pid);
                status = 1;
            }
            continue;
        }
        if (count)
            continue;
        char name[16];
        proc_name(&v[i], name);
        if (printed++)
            fputs(delim, stdout);
        printf("%d", v[i].pid);
        if (all_cmd)
            printf(" %s", v[i].cmdline);
        else if (list)
            printf(" %s", name);
    }
    if (count && !kill_mode)
        printf("%d\n", matched);
    else if (printed)
        putchar('\n');
    free(chosen);
    free(v);
    if (have_re)
        regfree(&re);
    return fflush(stdout) != 0 ? 2 : status;
}
