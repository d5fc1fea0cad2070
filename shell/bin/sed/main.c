/*
 * sed - the stream editor: edit each line of the input with a script.
 *
 *   sed [-nEs] [-i[SUFFIX]] [-l N] SCRIPT [FILE...]
 *   sed [-nEs] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE]... [FILE...]
 *
 * POSIX sed: addresses N, $, /RE/, \cREc, ADDR1,ADDR2 and !; the commands
 * { } a i c (both "a\" with text on the next lines and GNU's "a text"),
 * b t (labels, :LABEL), d D, g G h H x, l, n N, p P, q, r w, s, y, = and
 * #n on the first line. s takes the flags g p N w FILE and GNU's i (I)
 * and m (M); the replacement & \1..\9, \n, and GNU's \L \U \l \u \E.
 * GNU's extras: addresses FIRST~STEP, ADDR,+N, ADDR,~N, 0,/RE/, /RE/I;
 * the commands Q, T, z, F, and q/Q with an exit status; -E/-r, -i, -s,
 * -z (NUL-separated lines), -u (accepted), and the long option names.
 * \n and \t in a regular expression are a newline and a tab.
 *
 * Not supported: e, R, W, v and s///e (running commands), --posix, and
 * multibyte characters (the C locale). Errors in the script are reported
 * as GNU does: "sed: -e expression #1, char 3: unterminated `s' command"
 * (the number of the -e, the characters of it read), or "sed: file F line
 * 2: ..." for a -f file, status 1; an input file that cannot be read makes
 * the status 2.
 *
 * The program's files: see sed.h.
 */
#include <err.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sed.h"

int opt_quiet, opt_extended, opt_separate, opt_inplace, opt_null;
const char *inplace_suffix;
long line_width = 70;

char *script;           /* all -e and -f text, joined by newlines */
struct source *sources;
int nsources;

/* Another -e text (file NULL) or -f file's text, after those before. */
static void add_script(const char *text, const char *file)
{
    size_t old = script ? strlen(script) : 0, n = strlen(text);
    sources = xrealloc(sources, (size_t)(nsources + 1) * sizeof *sources);
    sources[nsources++] = (struct source){ old, file };
    script = xrealloc(script, old + n + 2);
    if (old)
        script[old - 1] = '\n';
    memcpy(script + old, text, n);
    strcpy(script + old + n, "\n");
}

static char *read_file(const char *name)
{
    FILE *f = open_operand(name);
    if (!f)
        err(1, "couldn't open file %s", name);
    struct buf b = { 0 };
    char chunk[4096];
    size_t n;
    buf_add(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    if (f != stdin)
        fclose(f);
    if (b.len && b.s[b.len - 1] == '\n')
        b.s[--b.len] = '\0';
    return b.s;
}

static const struct option longopts[] = {
    { "quiet", no_argument, NULL, 'n' }, { "silent", no_argument, NULL, 'n' },
    { "expression", required_argument, NULL, 'e' }, { "file", required_argument, NULL, 'f' },
    { "in-place", optional_argument, NULL, 'i' }, { "line-length", required_argument, NULL, 'l' },
    { "regexp-extended", no_argument, NULL, 'E' }, { "separate", no_argument, NULL, 's' },
    { "null-data", no_argument, NULL, 'z' }, { "unbuffered", no_argument, NULL, 'u' },
    { NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
    int c, nscripts = 0;
    out = stdout;
    while ((c = getopt_long(argc, argv, "nrEe:f:i::l:suz", longopts, NULL)) != -1) {
        switch (c) {
        case 'n': opt_quiet = 1; break;
        case 'r': case 'E': opt_extended = 1; break;
        case 'e': add_script(optarg, NULL); nscripts++; break;
        case 'f': { char *t = read_file(optarg); add_script(t, optarg); free(t); nscripts++; break; }
        case 'i': opt_inplace = 1; opt_separate = 1; inplace_suffix = optarg; break;
        case 'l': line_width = atol(optarg); break;
        case 's': opt_separate = 1; break;
        case 'u': break;
        case 'z': opt_null = 1; break;
        default:
            fprintf(stderr, "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
    }
    if (nscripts == 0) {
        if (optind >= argc) {
            fprintf(stderr, "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
        add_script(argv[optind++], NULL);
    }
    parse_script();
    static char *dash[] = { "-" };
    files = optind < argc ? argv + optind : dash;
    nfiles = optind < argc ? argc - optind : 1;
    if (opt_inplace && optind >= argc)
        errx(1, "no input files");
    int q = process();
    if (fflush(stdout) != 0)
        err(4, "couldn't flush stdout");
    return q >= 0 ? q : status;
}
