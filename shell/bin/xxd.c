/*
 * xxd - make a hex dump, or turn one back into bytes.
 *
 *   xxd [-c COLS] [-g BYTES] [-l LEN] [-s SEEK] [-o OFF] [-u] [-e] [-p | -i] [FILE]
 *   xxd -r [-p] [FILE]
 *
 * As vim's xxd: lines of "OFFSET: hex groups  text", COLS bytes (16) in
 * groups of BYTES (2; -e little-endian groups of 4); -p a plain hex
 * stream (30 bytes a line), -i a C array body; -l stops after LEN bytes,
 * -s starts at SEEK, -o adds OFF to the offsets shown, -u upper case.
 * -r reads a dump back (the hex after each offset, or with -p all hex
 * digits), writing bytes at the offsets given.
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

static long long number(const char *s)
{
    char *end;
    long long n = strtoll(s, &end, 0);
    if (*end || end == s)
        errx(1, "invalid number: %s", s);
    return n;
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* -r, as vim's xxd reads a dump back, one byte of input at a time. A line
 * starts with its offset: hex digits, blanks before them skipped, ended by
 * any other byte (a colon, or the blanks of a dump without colons). Then
 * the data: each two hex digits in a row are a byte, written at the
 * offset (a gap before it filled with zeros: stdout may be a pipe); three
 * bytes in a row that are no hex digits, or cols bytes written, end what
 * the line gives. With -p there are no offsets nor columns, and blanks are
 * skipped everywhere. */
static void reverse(FILE *f, int plain, long cols)
{
    long long want = 0, have = 0;
    int n1 = -1, n2 = -1, n3 = -1, c;
    int in_offset = !plain, at_start = 1;   /* at_start: blanks are skipped */
    long p = 0;                             /* bytes of this line so far */
    while ((c = getc(f)) != EOF) {
        if (c == '\r' || (plain && (c == ' ' || c == '\n' || c == '\t')))
            continue;
        n3 = n2;
        n2 = n1;
        n1 = hexval(c);
        if (n1 < 0 && at_start && c != '\n')
            continue;
        at_start = 0;
        if (in_offset) {
            if (n1 >= 0) {
                want = want << 4 | n1;
                continue;
            }
            in_offset = 0;
            p = 0;
        }
        int full = 0;                       /* the line's bytes are all there */
        if (!in_offset && n2 >= 0 && n1 >= 0) {
            for (; have < want; have++)
                putchar(0);
            putchar(n2 << 4 | n1);
            have++;
            want++;
            n1 = -1;
            full = !plain && ++p >= cols;
        }
        if (c != '\n' && (full || (n1 < 0 && n2 < 0 && n3 < 0)))
            while ((c = getc(f)) != EOF && c != '\n')
                ;                           /* the rest of the line is no data */
        if (c == '\n' && !plain) {
            want = 0;
            in_offset = at_start = 1;
        }
    }
}

int main(int argc, char **argv)
{
    long cols = -1, group = -1;
    long long len = -1, seek = 0, offset = 0;
    int plain = 0, include = 0, rev = 0, upper = 0, little = 0, c;
    while ((c = getopt(argc, argv, "c:eg:il:o:prs:u")) != -1) {
        switch (c) {
        case 'c': cols = (long)number(optarg); break;
        case 'g': group = (long)number(optarg); break;
        case 'l': len = number(optarg); break;
        case 's': seek = number(optarg); break;
        case 'o': offset = number(optarg); break;
        case 'p': plain = 1; break;
        case 'i': include = 1; break;
        case 'r': rev = 1; break;
        case 'u': upper = 1; break;
        case 'e': little = 1; break;
        default:
            fprintf(stderr, "Usage: xxd [-c cols] [-g bytes] [-l len] [-s seek] [-o off] "
                            "[-u] [-e] [-p | -i] [-r] [file]\n");
            return 1;
        }
    }
    const char *name = optind < argc ? argv[optind] : "-";
    FILE *f = open_operand(name);
    if (!f)
        err(2, "%s", name);
    if (rev) {
        reverse(f, plain, cols < 0 ? 16 : cols);
        return fflush(stdout) != 0;
    }
    if (cols < 0)
        cols = plain ? 30 : include ? 12 : 16;
    if (group < 0)
        group = little ? 4 : 2;
    for (long long i = 0; i < seek && getc(f) != EOF; i++)
        ;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned char *buf = xmalloc((size_t)(cols > 0 ? cols : 1));
    long long pos = seek;
    /* -i of a named file: a whole C declaration, named after the file */
    char *var = NULL;
    if (include && strcmp(name, "-") != 0) {
        var = xstrdup(name);
        for (char *p = var; *p; p++)
            if (!isalnum((unsigned char)*p))
                *p = '_';
        printf("unsigned char %s[] = {\n", var);
    }
    for (;;) {
        long want = cols > 0 ? cols : 1;
        if (len >= 0 && pos - seek + want > len)
            want = (long)(len - (pos - seek));
        size_t n = want > 0 ? fread(buf, 1, (size_t)want, f) : 0;
        if (n == 0)
            break;
        if (plain) {
            for (size_t i = 0; i < n; i++)
                printf("%c%c", digits[buf[i] >> 4], digits[buf[i] & 15]);
            if (cols > 0)
                putchar('\n');
        } else if (include) {
            for (size_t i = 0; i < n; i++)
                printf("%s0x%c%c", i ? ", " : "  ", digits[buf[i] >> 4], digits[buf[i] & 15]);
            pos += (long long)n;
            int more = (len < 0 || pos - seek < len) && (c = getc(f)) != EOF;
            if (more)
                ungetc(c, f);
            printf("%s\n", more ? "," : "");
            continue;
        } else {
            printf("%08llx:", (unsigned long long)(pos + offset));
            for (long i = 0; i < cols; i++) {
                if (group > 0 && i % group == 0)
                    putchar(' ');
                /* -e: each group's bytes in reverse order */
                long k = little && group > 0 ? (i / group) * group + (group - 1 - i % group) : i;
                if (k < (long)n)
                    printf("%c%c", digits[buf[k] >> 4], digits[buf[k] & 15]);
                else
                    fputs("  ", stdout);
            }
            printf("  ");
            for (size_t i = 0; i < n; i++)
                putchar(buf[i] >= 32 && buf[i] < 127 ? buf[i] : '.');
            putchar('\n');
        }
        pos += (long long)n;
    }
    if (plain && cols <= 0)
        putchar('\n');
    if (var) {
        printf("};\nunsigned int %s_len = %lld;\n", var, pos - seek);
        free(var);
    }
    free(buf);
    if (f != stdin)
        fclose(f);
    return fflush(stdout) != 0;
}
