/*
 * replay.c - the fuzzer's interpreter without libFuzzer, built with the
 * same sanitizers: run inputs from files, or print what they do.
 *
 *   build/fuzz/replay FILE|DIR...      run every input; a finding aborts
 *   build/fuzz/replay -t FILE...       the same, printing each call and event
 *   build/fuzz/replay -m FILE          the offset of each call in the input and
 *                                      its line of calls[]: how to write the same
 *                                      program again after calls.c changes
 *
 * `make fuzz-replay` (part of `make test`) runs the corpus in
 * tests/fuzz/corpus this way; -t is the decoder a finding is read with.
 *
 * This file uses the host's directory calls, so it does not include the
 * kernel's headers (their stat macros would clash); it needs three names
 * of run.c.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern bool fuzz_trace, fuzz_opmap;
void fuzz_boot(void);
void fuzz_one(const uint8_t *data, size_t size);

#define MAX_INPUT (1 << 20)

static int ran;

static void run_file(const char *path)
{
    static uint8_t buf[MAX_INPUT];
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (fuzz_trace)
        fprintf(stderr, "== %s (%zu bytes)\n", path, n);
    fuzz_one(buf, n);
    ran++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        perror(path);
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        run_file(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    int i = 1;
    if (i < argc && strcmp(argv[i], "-t") == 0) {
        fuzz_trace = true;
        i++;
    } else if (i < argc && strcmp(argv[i], "-m") == 0) {
        fuzz_opmap = true;
        i++;
    }
    if (i == argc) {
        fprintf(stderr, "usage: replay [-t | -m] FILE|DIR...\n");
        return 2;
    }
    fuzz_boot();
    for (; i < argc; i++)
        run_path(argv[i]);
    if (!fuzz_opmap)
        printf("replay: %d inputs, no finding\n", ran);
    return 0;
}
