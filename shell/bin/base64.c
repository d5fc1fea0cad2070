/*
 * base64 - encode or decode data in base64 (RFC 4648).
 *
 *   base64 [-d] [-i] [-w COLS] [FILE]
 *
 * As GNU's: encoding wraps lines at COLS (76; 0 never); -d decodes,
 * where newlines are skipped and -i skips every other character outside
 * the alphabet too; any other is "base64: invalid input" (status 1).
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void encode(FILE *f, long cols)
{
    unsigned char in[3];
    long col = 0;
    size_t n;
    while ((n = fread(in, 1, 3, f)) > 0) {
        char out[4];
        unsigned v = (unsigned)in[0] << 16 | (n > 1 ? (unsigned)in[1] << 8 : 0) | (n > 2 ? in[2] : 0);
        out[0] = alphabet[v >> 18 & 63];
        out[1] = alphabet[v >> 12 & 63];
        out[2] = n > 1 ? alphabet[v >> 6 & 63] : '=';
        out[3] = n > 2 ? alphabet[v & 63] : '=';
        for (int i = 0; i < 4; i++) {
            putchar(out[i]);
            if (cols > 0 && ++col == cols) {
                putchar('\n');
                col = 0;
            }
        }
        if (n < 3)
            break;
    }
    if (col > 0)
        putchar('\n');
}

static int decode(FILE *f, int ignore_garbage)
{
    unsigned v = 0;
    int bits = 0, c, pad = 0;
    while ((c = getc(f)) != EOF) {
        if (c == '\n')
            continue;
        if (c == '=') {
            pad = 1;
            continue;
        }
        const char *p = c ? strchr(alphabet, c) : NULL;
        if (!p || pad) {
            if (ignore_garbage && !pad)
                continue;
            fflush(stdout);
            warnx("invalid input");
            return 1;
        }
        v = v << 6 | (unsigned)(p - alphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            putchar((int)(v >> bits & 0xff));
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "decode", no_argument, NULL, 'd' }, { "ignore-garbage", no_argument, NULL, 'i' },
        { "wrap", required_argument, NULL, 'w' }, { NULL, 0, NULL, 0 },
    };
    int dec = 0, garbage = 0, c;
    long cols = 76;
    while ((c = getopt_long(argc, argv, "diw:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': dec = 1; break;
        case 'i': garbage = 1; break;
        case 'w': {
            char *end;
            cols = strtol(optarg, &end, 10);
            if (*end || cols < 0)
                errx(1, "invalid wrap size: '%s'", optarg);
            break;
        }
        default:
            fprintf(stderr, "Usage: base64 [-d] [-i] [-w COLS] [FILE]\n");
            return 1;
        }
    }
    if (argc - optind > 1)
        errx(1, "extra operand '%s'", argv[optind + 1]);
    const char *name = optind < argc ? argv[optind] : "-";
    FILE *f = open_operand(name);
    if (!f)
        err(1, "%s", name);
    int status = dec ? decode(f, garbage) : (encode(f, cols), 0);
    if (f != stdin)
        fclose(f);
    if (fflush(stdout) != 0)
        err(1, "write error");
    return status;
}
