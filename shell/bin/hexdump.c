/*
 * hexdump - display file contents in hexadecimal, octal, decimal or ASCII.
 *
 *   hexdump [-bcCdox] [-n LENGTH] [-s SKIP] [-v] [FILE...]
 *
 * The BSD/util-linux hexdump's fixed formats (the -e format language is
 * not supported): by default (and -x) eight 16-bit words in hex a line
 * after a 7-digit hex offset; -C the canonical "offset, 16 bytes in hex,
 * |text|" form; -b octal bytes, -c characters, -d and -o 16-bit words in
 * decimal and octal. The files are dumped as one stream; -s skips SKIP
 * bytes, -n stops after LENGTH. A line equal to the one before is shown
 * as "*" unless -v.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static char **files;
static int nfiles, file_i;
static FILE *in;
static int status;

static int next_byte(void)
{
    for (;;) {
        if (!in) {
            if (file_i >= nfiles)
                return EOF;
            const char *name = files[file_i++];
            in = open_operand(name);
            if (!in) {
                fflush(stdout);
                warn("%s", name);
                status = 1;
                continue;
            }
        }
        int c = getc(in);
        if (c != EOF)
            return c;
        if (in != stdin)
            fclose(in);
        in = NULL;
    }
}

static void line(char fmt, const unsigned char *b, size_t n, long long off)
{
    if (fmt == 'C') {
        printf("%08llx ", off);
        for (size_t i = 0; i < 16; i++) {
            if (i == 8)
                putchar(' ');
            if (i < n)
                printf(" %02x", b[i]);
            else
                fputs("   ", stdout);
        }
        fputs("  |", stdout);
        for (size_t i = 0; i < n; i++)
            putchar(b[i] >= 32 && b[i] < 127 ? b[i] : '.');
        puts("|");
        return;
    }
    printf("%07llx", off);
    if (fmt == 'b' || fmt == 'c') {
        for (size_t i = 0; i < n; i++) {
            if (fmt == 'b') {
                printf(" %03o", b[i]);
                continue;
            }
            static const char from[] = "\0\a\b\f\n\r\t\v", *to[] = {
                "\\0", "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v" };
            const char *e = memchr(from, b[i], 8);
            if (e)
                printf(" %3s", to[e - from]);
            else if (b[i] >= 32 && b[i] < 127)
                printf(" %3c", b[i]);
            else
                printf(" %03o", b[i]);
        }
        printf("%*s", (int)(16 - n) * 4, "");  /* as wide as a full line */
    } else {
        for (size_t i = 0; i < n; i += 2) {
            unsigned v = b[i] | (i + 1 < n ? (unsigned)b[i + 1] << 8 : 0);
            if (fmt == 'x')
                printf(" %04x", v);
            else if (fmt == 'd')
                printf("   %05u", v);
            else
                printf("  %06o", v);
        }
        printf("%*s", (int)(16 - n) / 2 * (fmt == 'x' ? 5 : 8), "");
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    char fmt = 'x';
    int verbose = 0, c;
    long long length = -1, skip = 0;
    while ((c = getopt(argc, argv, "bcCdon:s:vx")) != -1) {
        switch (c) {
        case 'b': case 'c': case 'C': case 'd': case 'o': case 'x': fmt = (char)c; break;
        case 'v': verbose = 1; break;
        case 'n': case 's': {
            long long v;
            if (parse_size(optarg, &v) < 0)
                errx(1, "invalid %s: %s", c == 'n' ? "length" : "skip", optarg);
            if (c == 'n')
                length = v;
            else
                skip = v;
            break;
        }
        default:
            fprintf(stderr, "Usage: hexdump [-bcCdovx] [-n length] [-s skip] [file...]\n");
            return 1;
        }
    }
    static char *dash[] = { "-", NULL };
    files = optind < argc ? argv + optind : dash;
    nfiles = optind < argc ? argc - optind : 1;
    for (long long i = 0; i < skip && next_byte() != EOF; i++)
        ;
    unsigned char b[16], prev[16];
    size_t n;
    long long off = skip;
    int have_prev = 0, starred = 0;
    for (;;) {
        for (n = 0; n < 16 && (length < 0 || off - skip + (long long)n < length); n++) {
            int ch = next_byte();
            if (ch == EOF)
                break;
            b[n] = (unsigned char)ch;
        }
        if (n == 0)
            break;
        if (!verbose && have_prev && n == 16 && memcmp(b, prev, 16) == 0) {
            if (!starred)
                puts("*");
            starred = 1;
        } else {
            line(fmt, b, n, off);
            starred = 0;
        }
        memcpy(prev, b, n);
        have_prev = n == 16;
        off += (long long)n;
        if (n < 16)
            break;
    }
    if (off > skip)
        printf(fmt == 'C' ? "%08llx\n" : "%07llx\n", off);
    return fflush(stdout) != 0 || status;
}
