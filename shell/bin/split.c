/*
 * split - split a file into pieces.
 *
 *   split [-l LINES | -b SIZE | -n CHUNKS] [-a LEN] [-d] [FILE [PREFIX]]
 *
 * POSIX split: pieces of 1000 lines (-l), or of SIZE bytes (-b, with
 * k m g ... suffixes), named PREFIX (x) followed by aa, ab, ... (-a: LEN
 * letters; -d: digits, GNU). GNU's -n CHUNKS makes that many pieces of
 * a regular file: each SIZE/CHUNKS bytes long (at least 1), the last
 * taking what remains, so that pieces past the end are empty. "-" or no
 * FILE is stdin. Options may follow the operands, as GNU allows. Running
 * out of suffixes is an error ("split: output file suffixes exhausted"),
 * the pieces written so far staying.
 */
#include <err.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static const char *prefix = "x";
static int suffix_len = 2, digits;
static long piece;
static FILE *out;

static void next_piece(void)
{
    if (out && fclose(out) != 0)
        err(1, "write error");
    char *name = xmalloc(strlen(prefix) + (size_t)suffix_len + 1);
    strcpy(name, prefix);
    long v = piece++, base = digits ? 10 : 26;
    char *s = name + strlen(prefix);
    for (int i = suffix_len - 1; i >= 0; i--) {
        s[i] = (char)(digits ? '0' + v % base : 'a' + v % base);
        v /= base;
    }
    s[suffix_len] = '\0';
    if (v > 0)
        errx(1, "output file suffixes exhausted");
    out = fopen(name, "w");
    if (!out)
        err(1, "%s", name);
    free(name);
}

int main(int argc, char **argv)
{
    long long lines = 1000, bytes = 0, chunks = 0;
    int c;
    static const struct option longopts[] = {
        { "suffix-length", required_argument, NULL, 'a' },
        { "bytes", required_argument, NULL, 'b' },
        { "lines", required_argument, NULL, 'l' },
        { "number", required_argument, NULL, 'n' },
        { "numeric-suffixes", no_argument, NULL, 'd' }, { NULL, 0, NULL, 0 },
    };
    while ((c = getopt_long(argc, argv, "a:b:dl:n:", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': suffix_len = atoi(optarg); if (suffix_len < 1) errx(1, "invalid suffix length: '%s'", optarg); break;
        case 'b': if (parse_size(optarg, &bytes) < 0 || bytes <= 0) errx(1, "invalid number of bytes: '%s'", optarg); lines = 0; break;
        case 'l': lines = atoll(optarg); if (lines <= 0) errx(1, "invalid number of lines: '%s'", optarg); bytes = 0; break;
        case 'n': chunks = atoll(optarg); if (chunks <= 0) errx(1, "invalid number of chunks: '%s'", optarg); break;
        case 'd': digits = 1; break;
        default:
            fprintf(stderr, "Usage: split [-l LINES | -b SIZE | -n CHUNKS] [-a LEN] [-d] [FILE [PREFIX]]\n");
            return 1;
        }
    }
    if (argc - optind > 2)
        errx(1, "extra operand '%s'", argv[optind + 2]);
    const char *name = optind < argc ? argv[optind] : "-";
    if (argc - optind == 2)
        prefix = argv[optind + 1];
    FILE *in = open_operand(name);
    if (!in)
        err(1, "cannot open '%s' for reading", name);
    if (chunks) {
        struct stat st;
        if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode))
            errx(1, "%s: cannot determine file size", name);
        long long size = st.st_size, each = size / chunks ? size / chunks : 1;
        for (long long k = 0; k < chunks; k++) {
            long long start = k * each < size ? k * each : size;
            long long end = k == chunks - 1 || (k + 1) * each > size ? size : (k + 1) * each;
            next_piece();
            for (long long i = start; i < end; i++) {
                int ch = getc(in);
                if (ch == EOF)
                    break;
                putc(ch, out);
            }
        }
    } else {
        long long count = 0;
        int ch;
        while ((ch = getc(in)) != EOF) {
            if (!out || (bytes && count == bytes)) {
                next_piece();
                count = 0;
            }
            putc(ch, out);
            if (bytes)
                count++;
            else if (ch == '\n' && ++count == lines) {
                count = 0;
                if (fclose(out) != 0)
                    err(1, "write error");
                out = NULL;
            }
            if (!bytes && !out)
                ;              /* the next byte opens the next piece */
        }
    }
    if (out && fclose(out) != 0)
        err(1, "write error");
    if (in != stdin)
        fclose(in);
    return 0;
}
