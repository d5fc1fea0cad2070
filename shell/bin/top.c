/*
 * top - a refreshing view of the system and its processes.
 *
 *   top [-b] [-n COUNT] [-d SECONDS]
 *
 * Like procps' top, as far as Duplex can tell: a header (the time, how
 * long the system has been up, the count of tasks by state, the memory)
 * and a line per process with its pid, user, state, what it waits on and
 * its command, redrawn every SECONDS (3) until 'q' (or COUNT times). -b
 * prints screen after screen without clearing, for a pipe or a file.
 * Duplex keeps no CPU times or per-process memory, so there are no
 * %CPU, %MEM or TIME+ columns.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "util/util.h"

static int rows = 24;

static void screen(int batch)
{
    int n;
    struct k_procinfo *v = proc_list(&n);
    if (!v)
        err(1, "cannot read the process table");
    int count[4] = { 0 };      /* running, sleeping, stopped, zombie */
    for (int i = 0; i < n; i++)
        count[v[i].state == 'R' ? 0 : v[i].state == 'T' ? 2 : v[i].state == 'Z' ? 3 : 1]++;
    time_t t = time(NULL);
    struct tm *tm = localtime(&t);
    long up = (long)now_s();
    if (!batch)
        fputs("\033[H\033[2J", stdout);
    printf("top - %02d:%02d:%02d up %ld:%02ld,  1 user,  load average: 0.00, 0.00, 0.00\n",
           tm->tm_hour, tm->tm_min, tm->tm_sec, up / 3600, up / 60 % 60);
    printf("Tasks: %3d total, %3d running, %3d sleeping, %3d stopped, %3d zombie\n", n,
           count[0], count[1], count[2], count[3]);
    long long total = 0, used = 0;
    mem_info(&total, &used);
    printf("MiB Mem : %8.1f total, %8.1f free, %8.1f used\n\n", (double)total / 1048576,
           (double)(total - used) / 1048576, (double)used / 1048576);
    printf("%7s %-8s S %-16s %s\n", "PID", "USER", "WCHAN", "COMMAND");
    for (int i = 0; i < n && (batch || i < rows - 6); i++) {
        const char *user = user_name(v[i].uid);
        char uid[16];
        snprintf(uid, sizeof uid, "%u", (unsigned)v[i].uid);
        v[i].wait[sizeof v[i].wait - 1] = '\0';
        v[i].cmdline[sizeof v[i].cmdline - 1] = '\0';
        printf("%7d %-8.8s %c %-16.16s %.60s\n", v[i].pid, user ? user : uid, v[i].state,
               v[i].wait[0] ? v[i].wait : "-", v[i].cmdline);
    }
    if (batch)
        putchar('\n');
    fflush(stdout);
    free(v);
}

int main(int argc, char **argv)
{
    int batch = 0, c;
    long count = -1;
    double delay = 3;
    while ((c = getopt(argc, argv, "bd:n:")) != -1) {
        switch (c) {
        case 'b': batch = 1; break;
        case 'n': count = atol(optarg); break;
        case 'd': delay = atof(optarg); break;
        default:
            fprintf(stderr, "Usage: top [-b] [-n COUNT] [-d SECONDS]\n");
            return 1;
        }
    }
    if (getenv("LINES"))
        rows = atoi(getenv("LINES"));
    struct termios saved, raw;
    int tty = !batch && isatty(0) && tcgetattr(0, &saved) == 0;
    if (!batch && !isatty(1))
        batch = 1;
    if (tty) {
        /* no echo, no line editing: a read waits at most `delay` for a key */
        raw = saved;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        raw.c_cc[VMIN] = 0;
        raw.c_cc[VTIME] = (cc_t)(delay * 10 > 255 ? 255 : delay * 10 < 1 ? 1 : delay * 10);
        tcsetattr(0, TCSANOW, &raw);
    }
    for (long i = 0; count < 0 || i < count; i++) {
        screen(batch);
        if (count >= 0 && i + 1 >= count)
            break;
        if (tty) {
            char key;
            if (read(0, &key, 1) == 1 && (key == 'q' || key == 'Q'))
                break;
        } else {
            struct timespec ts = { (time_t)delay, (long)((delay - (long)delay) * 1e9) };
            nanosleep(&ts, NULL);
        }
    }
    if (tty)
        tcsetattr(0, TCSANOW, &saved);
    return 0;
}
