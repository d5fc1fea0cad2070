/*
 * df - the space of the file system, used and free.
 *
 *   df [-hHkPT] [FILE]...
 *
 * Duplex has one file system that holds data, the ramfs at "/": its
 * files live in the kernel's heap, beside everything else the kernel
 * allocates (processes' memory, pipes, buffers). So its size is the
 * heap's size and what is used is the heap in use - the figures free(1)
 * shows, which the kernel counts (kstat's heap_total and heap_used, read
 * through mem_info in the utility helpers). Without operands, df prints
 * the one line of "/"; with FILEs, a line for each, as GNU df (the same
 * line: every file is on "/"), or an error if a FILE does not exist.
 *
 * The columns are GNU df's: Filesystem, 1K-blocks, Used, Available, Use%
 * (used over used + available, rounded up), Mounted on; widths at least
 * GNU's (14 for the name, 5 for a number), wider for wider values. -h
 * shows sizes in powers of 1024 (-H of 1000) with a unit, rounded up as
 * GNU does (one decimal below 10); -k is the default; -P is POSIX's
 * format (1024-blocks, Capacity); -T adds a Type column.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/util.h"

#define PROG "df"

static int human;              /* 0, or the base: 1024 (-h), 1000 (-H) */
static int posix_format, show_type;

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-hHkPT] [FILE]...\n"
               "Show the size of the file system, what is used and what is free.\n");
    exit(status);
}

/* A size as -h shows it: "0", "512", "1.5K", "24G", rounded up. */
static void human_size(long long bytes, char *out, size_t size)
{
    static const char units[] = "KMGTPE";
    if (bytes < human) {
        snprintf(out, size, "%lld", bytes);
        return;
    }
    double v = (double)bytes;
    int u = -1;
    while (v >= human && units[u + 1]) {
        v /= human;
        u++;
    }
    if (v < 10) {
        double tenths = (double)(long long)(v * 10);
        if (tenths < v * 10)
            tenths++;                            /* rounded up */
        if (tenths < 100) {
            snprintf(out, size, "%.1f%c", tenths / 10, units[u]);
            return;
        }
        v = 10;
    }
    long long whole = (long long)v;
    if ((double)whole < v)
        whole++;
    if (whole >= human && units[u + 1])          /* 1024K is 1.0M */
        snprintf(out, size, "1.0%c", units[u + 1]);
    else
        snprintf(out, size, "%lld%c", whole, units[u]);
}

/* A count of bytes in the column's unit. */
static void column(long long bytes, char *out, size_t size)
{
    if (human)
        human_size(bytes, out, size);
    else
        snprintf(out, size, "%lld", (bytes + 1023) / 1024);
}

static int width(const char *a, const char *b, int min)
{
    int w = (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
    return w > min ? w : min;
}

static void show(int lines)
{
    long long total, used;
    if (mem_info(&total, &used) != 0) {
        fprintf(stderr, PROG ": cannot read the memory counts: %s\n", strerror(errno));
        exit(1);
    }
    char size_s[32], used_s[32], avail_s[32], pct_s[8];
    long long avail = total - used;
    /* The blocks are rounded up one by one, and the free ones are what
     * is left of them, so that Used + Available = the size; Use% is
     * worked out from the blocks, as GNU df does. */
    long long used_k = (used + 1023) / 1024, total_k = (total + 1023) / 1024;
    column(total, size_s, sizeof size_s);
    column(used, used_s, sizeof used_s);
    if (human)
        column(avail, avail_s, sizeof avail_s);
    else
        snprintf(avail_s, sizeof avail_s, "%lld", total_k - used_k);
    long long pct = total_k ? (used_k * 100 + total_k - 1) / total_k : 0;
    snprintf(pct_s, sizeof pct_s, "%lld%%", pct);

    const char *size_h = human ? "Size" : posix_format ? "1024-blocks" : "1K-blocks";
    const char *avail_h = human ? "Avail" : "Available";
    const char *pct_h = posix_format ? "Capacity" : "Use%";
    int ws = width(size_h, size_s, 5), wu = width("Used", used_s, 5);
    int wa = width(avail_h, avail_s, 5), wp = width(pct_h, pct_s, 4);
    printf("%-14s ", "Filesystem");
    if (show_type)
        printf("%-5s ", "Type");
    printf("%*s %*s %*s %*s %s\n", ws, size_h, wu, "Used", wa, avail_h, wp, pct_h, "Mounted on");
    while (lines-- > 0) {
        printf("%-14s ", "ramfs");
        if (show_type)
            printf("%-5s ", "ramfs");
        printf("%*s %*s %*s %*s %s\n", ws, size_s, wu, used_s, wa, avail_s, wp, pct_s, "/");
    }
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "human-readable", no_argument, NULL, 'h' },
        { "si", no_argument, NULL, 'H' },
        { "portability", no_argument, NULL, 'P' },
        { "print-type", no_argument, NULL, 'T' },
        { "help", no_argument, NULL, 'E' },
        { NULL, 0, NULL, 0 },
    };
    int c, status = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "hHkPT", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': human = 1024; break;
        case 'H': human = 1000; break;
        case 'k': human = 0; break;
        case 'P': posix_format = 1; break;
        case 'T': show_type = 1; break;
        case 'E': usage(0); break;
        default:
            if (optopt)
                fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            else
                fprintf(stderr, PROG ": unrecognized option '%s'\n", argv[optind - 1]);
            usage(1);
        }
    }
    int lines = optind == argc;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, PROG ": %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        lines++;
    }
    if (lines)
        show(lines);
    if (fflush(stdout) != 0) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
        return 1;
    }
    return status;
}
