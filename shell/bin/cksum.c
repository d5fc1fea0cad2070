/*
 * cksum - print the POSIX CRC checksum and byte count of files.
 *
 *   cksum [FILE...]
 *
 * For each file: "CRC SIZE FILE" (just "CRC SIZE" for standard input
 * when no file is named), exactly as POSIX defines the CRC and GNU cksum
 * prints it: the CRC-32 polynomial 0x04C11DB7 applied most significant
 * bit first to the data followed by its length (in as few bytes as it
 * needs, low byte first), and the result complemented.
 *
 * The data is read with read(2) in large chunks and the CRC computed
 * eight bytes at a time ("slicing by 8": eight tables, each giving the
 * effect of a byte followed by k zero bytes), several times faster than
 * the byte-at-a-time loop, which still does the tail and the length.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536
#define POLY 0x04C11DB7u

static uint32_t table[8][256];

static void make_tables(void)
{
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t crc = b << 24;
        for (int i = 0; i < 8; i++)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ POLY : crc << 1;
        table[0][b] = crc;
    }
    for (int k = 1; k < 8; k++)
        for (int b = 0; b < 256; b++)
            table[k][b] = (table[k - 1][b] << 8) ^ table[0][table[k - 1][b] >> 24];
}

static uint32_t crc_byte(uint32_t crc, unsigned char b)
{
    return (crc << 8) ^ table[0][(crc >> 24) ^ b];
}

static uint32_t load_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t crc_block(uint32_t crc, const unsigned char *p, size_t n)
{
    for (; n >= 8; p += 8, n -= 8) {
        uint32_t a = crc ^ load_be32(p);
        uint32_t b = load_be32(p + 4);
        crc = table[7][a >> 24] ^ table[6][(a >> 16) & 0xff] ^
              table[5][(a >> 8) & 0xff] ^ table[4][a & 0xff] ^
              table[3][b >> 24] ^ table[2][(b >> 16) & 0xff] ^
              table[1][(b >> 8) & 0xff] ^ table[0][b & 0xff];
    }
    while (n-- > 0)
        crc = crc_byte(crc, *p++);
    return crc;
}

/* Checksum one file; name NULL means standard input, printed unnamed. */
static int cksum_file(const char *name)
{
    static unsigned char buf[CHUNK];
    int fd = STDIN_FILENO;
    if (name && strcmp(name, "-") != 0 && (fd = open(name, O_RDONLY)) < 0) {
        fprintf(stderr, "cksum: %s: %s\n", name, strerror(errno));
        return 1;
    }
    uint32_t crc = 0;
    unsigned long long size = 0;
    int rc = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "cksum: %s: %s\n", name ? name : "-", strerror(errno));
            rc = 1;
        }
        if (r <= 0)
            break;
        crc = crc_block(crc, buf, (size_t)r);
        size += (unsigned long long)r;
    }
    if (fd != STDIN_FILENO)
        close(fd);
    if (rc)
        return rc;
    for (unsigned long long n = size; n != 0; n >>= 8)
        crc = crc_byte(crc, (unsigned char)(n & 0xff));
    printf("%llu %llu", (unsigned long long)(uint32_t)~crc, size);
    if (name)
        printf(" %s", name);
    putchar('\n');
    fflush(stdout);            /* keep the order with later error messages */
    return 0;
}

int main(int argc, char **argv)
{
    make_tables();
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0)
        first = 2;
    else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        fprintf(stderr, "cksum: invalid option -- '%s'\nusage: cksum [file...]\n",
                argv[1] + 1);
        return 1;
    }
    if (first >= argc)
        return cksum_file(NULL);
    int rc = 0;
    for (int i = first; i < argc; i++)
        rc |= cksum_file(argv[i]);
    return rc;
}
