/*
 * sums.c - md5sum, sha1sum and sha256sum: one main for the three.
 *
 *   NAMEsum [-bt] [FILE...]            print "HASH  FILE" for each
 *   NAMEsum -c [--quiet] [--status] [-w] [FILE...]
 *                                      check the "HASH  FILE" lines
 *
 * As GNU's: "-" or no FILE is stdin; -b prints " *" before the name (the
 * two modes are the same here); -c reads lists of "HASH  NAME" (or
 * "HASH *NAME") lines, prints "NAME: OK" or "NAME: FAILED" (--quiet only
 * the failures, --status nothing) and warns about the count of
 * mismatches, unreadable files and (-w) malformed lines. Status 1 if
 * anything failed.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util.h"

static int which;
static const char *prog;

/* The digest of a file into hex; -1 (errno set) if it cannot be read. */
static int digest(const char *name, char *hex)
{
    FILE *f = open_operand(name);
    if (!f)
        return -1;
    void *s = hash_new(which);
    unsigned char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        hash_add(which, s, buf, n);
    int bad = ferror(f), e = errno;
    if (f != stdin)
        fclose(f);
    hash_hex(which, s, hex);
    if (bad) {
        errno = e;
        return -1;
    }
    return 0;
}

static int check(const char *list, int quiet, int status_only, int warn_lines)
{
    FILE *f = open_operand(list);
    if (!f) {
        warn("%s", list);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long bad_lines = 0, mismatches = 0, unreadable = 0, ok = 0, lineno = 0;
    size_t hexlen = which == 0 ? 32 : which == 1 ? 40 : 64;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        int well_formed = (size_t)len > hexlen + 2 && line[hexlen] == ' ' &&
                          (line[hexlen + 1] == ' ' || line[hexlen + 1] == '*');
        for (size_t i = 0; well_formed && i < hexlen; i++)
            if (!strchr("0123456789abcdefABCDEF", line[i]))
                well_formed = 0;
        if (!well_formed) {
            bad_lines++;
            if (warn_lines)
                warnx("%s: %ld: improperly formatted %s checksum line", list, lineno,
                      which == 0 ? "MD5" : which == 1 ? "SHA1" : "SHA256");
            continue;
        }
        const char *name = line + hexlen + 2;
        char hex[65];
        if (digest(name, hex) < 0) {
            fflush(stdout);
            warn("%s", name);
            if (!status_only)
                printf("%s: FAILED open or read\n", name);
            unreadable++;
            continue;
        }
        int same = strncasecmp(hex, line, hexlen) == 0;
        if (same)
            ok++;
        else
            mismatches++;
        if (!status_only && (!same || !quiet))
            printf("%s: %s\n", name, same ? "OK" : "FAILED");
    }
    free(line);
    if (f != stdin)
        fclose(f);
    fflush(stdout);
    if (ok + mismatches + unreadable == 0) {
        warnx("%s: no properly formatted %s checksum lines found", list,
              which == 0 ? "MD5" : which == 1 ? "SHA1" : "SHA256");
        return 1;
    }
    if (!status_only) {
        if (bad_lines)
            warnx("WARNING: %ld line%s improperly formatted", bad_lines,
                  bad_lines == 1 ? " is" : "s are");
        if (unreadable)
            warnx("WARNING: %ld listed file%s could not be read", unreadable,
                  unreadable == 1 ? "" : "s");
        if (mismatches)
            warnx("WARNING: %ld computed checksum%s did NOT match", mismatches,
                  mismatches == 1 ? "" : "s");
    }
    return mismatches || unreadable;
}

int sum_main(int argc, char **argv, int algorithm)
{
    static const struct option longopts[] = {
        { "check", no_argument, NULL, 'c' }, { "binary", no_argument, NULL, 'b' },
        { "text", no_argument, NULL, 't' }, { "quiet", no_argument, NULL, 'q' },
        { "status", no_argument, NULL, 's' }, { "warn", no_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    int checking = 0, binary = 0, quiet = 0, status_only = 0, warn_lines = 0, c, status = 0;
    which = algorithm;
    prog = argv[0];
    while ((c = getopt_long(argc, argv, "bctw", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': checking = 1; break;
        case 'b': binary = 1; break;
        case 't': binary = 0; break;
        case 'q': quiet = 1; break;
        case 's': status_only = 1; break;
        case 'w': warn_lines = 1; break;
        default:
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            return 1;
        }
    }
    static char *dash[] = { "-", NULL };
    char **files = optind < argc ? argv + optind : dash;
    for (; *files; files++) {
        if (checking) {
            status |= check(*files, quiet, status_only, warn_lines);
            continue;
        }
        char hex[65];
        if (digest(*files, hex) < 0) {
            fflush(stdout);
            warn("%s", *files);
            status = 1;
            continue;
        }
        printf("%s %s%s\n", hex, binary ? "*" : " ", *files);
    }
    if (fflush(stdout) != 0)
        err(1, "write error");
    return status;
}
