/*
 * free - the amount of free and used memory.
 *
 *   free [-b | -k | -m | -g | -h]
 *
 * As procps' free: a "Mem:" line with total, used, free, shared,
 * buff/cache and available, and a "Swap:" line, in KiB (-b bytes, -m
 * MiB, -g GiB, -h with units). On Duplex the memory is the kernel's
 * heap, which holds every process's memory and the files; there is no
 * swap, no cache and nothing shared.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include "util/util.h"

static long long unit = 1024;
static int human;

static int width = 12;          /* of the next field: the first fills to column 20 */

static void field(long long bytes)
{
    int w = width;
    width = 12;
    if (!human) {
        printf("%*lld", w, bytes / unit);
        return;
    }
    const char *units = "BKMGT";
    double v = (double)bytes;
    int k = 0;
    while (v >= 1024 && k < 4) {
        v /= 1024;
        k++;
    }
    char buf[16];
    snprintf(buf, sizeof buf, k ? "%.1f%ci" : "%.0f%c", v, units[k]);
    printf("%*s", w, buf);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-b")) unit = 1;
        else if (!strcmp(argv[i], "-k")) unit = 1024;
        else if (!strcmp(argv[i], "-m")) unit = 1024 * 1024;
        else if (!strcmp(argv[i], "-g")) unit = 1024 * 1024 * 1024;
        else if (!strcmp(argv[i], "-h")) human = 1;
        else errx(1, "invalid option -- '%s'", argv[i] + (argv[i][0] == '-'));
    }
    long long total, used;
    if (mem_info(&total, &used) != 0)
        err(1, "cannot read the memory counts");
    printf("               total        used        free      shared  buff/cache   available\n");
    printf("Mem:");
    width = 16;
    field(total);
    field(used);
    field(total - used);
    field(0);
    field(0);
    field(total - used);
    printf("\nSwap:");
    width = 15;
    field(0);
    field(0);
    field(0);
    putchar('\n');
    return fflush(stdout) != 0;
}
