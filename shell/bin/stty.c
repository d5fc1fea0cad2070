/*
 * stty - show or change the modes of the terminal on standard input.
 *
 *   stty              the same as stty -a
 *   stty -a           every mode the tty has, in GNU stty's words:
 *                       rows 24; columns 80;
 *                       intr = ^C; quit = ^\; erase = ^?; ... min = 1; time = 0;
 *                       cs8 cread
 *                       -brkint -inpck -istrip -inlcr -igncr icrnl -ixon
 *                       opost onlcr
 *                       isig icanon iexten echo echoe echok -echonl ...
 *   stty size         "ROWS COLUMNS"
 *   stty SETTING...   FLAG turns a flag on, -FLAG off (the flags -a shows);
 *                     raw: no line editing, no signals, no output
 *                     processing (cfmakeraw); -raw or cooked: back to
 *                     canonical input with signals and output processing
 *
 * Only the modes Duplex's tty has (kernel/uapi/termios.h): no speeds, no
 * parity. To make a terminal usable again, there is reset(1).
 *
 * Errors as GNU stty's: "stty: invalid argument 'x'" (exit 1);
 * "stty: 'standard input': Inappropriate ioctl for device" when standard
 * input is no terminal.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

enum field { IFLAG, OFLAG, CFLAG, LFLAG };

static const struct flag {
    const char *name;
    enum field  field;
    tcflag_t    bit;
} flags[] = {
    { "cread",   CFLAG, CREAD },
    { "brkint",  IFLAG, BRKINT }, { "inpck",  IFLAG, INPCK },  { "istrip", IFLAG, ISTRIP },
    { "inlcr",   IFLAG, INLCR },  { "igncr",  IFLAG, IGNCR },  { "icrnl",  IFLAG, ICRNL },
    { "ixon",    IFLAG, IXON },
    { "opost",   OFLAG, OPOST },  { "onlcr",  OFLAG, ONLCR },
    { "isig",    LFLAG, ISIG },   { "icanon", LFLAG, ICANON }, { "iexten", LFLAG, IEXTEN },
    { "echo",    LFLAG, ECHO },   { "echoe",  LFLAG, ECHOE },  { "echok",  LFLAG, ECHOK },
    { "echonl",  LFLAG, ECHONL }, { "noflsh", LFLAG, NOFLSH }, { "tostop", LFLAG, TOSTOP },
    { "echoctl", LFLAG, ECHOCTL },
};
#define NFLAGS (sizeof flags / sizeof flags[0])

static const struct { const char *name; int index; } keys[] = {
    { "intr", VINTR }, { "quit", VQUIT }, { "erase", VERASE }, { "kill", VKILL },
    { "eof", VEOF }, { "eol", VEOL }, { "susp", VSUSP }, { "werase", VWERASE },
};

static tcflag_t *field_of(struct termios *t, enum field f)
{
    return f == IFLAG ? &t->c_iflag : f == OFLAG ? &t->c_oflag
         : f == CFLAG ? &t->c_cflag : &t->c_lflag;
}

/* A special character as stty shows it: ^C, ^?, <undef>, or itself. */
static const char *key_name(cc_t c)
{
    static char buf[8];
    if (c == 0)
        return "<undef>";
    if (c == 0x7f)
        return "^?";
    if (c < 0x20)
        snprintf(buf, sizeof buf, "^%c", c + '@');
    else
        snprintf(buf, sizeof buf, "%c", c);
    return buf;
}

static void show_field(struct termios *t, enum field f, const char *before)
{
    printf("%s", before);
    const char *sep = *before ? " " : "";
    for (size_t i = 0; i < NFLAGS; i++) {
        if (flags[i].field != f)
            continue;
        printf("%s%s%s", sep, *field_of(t, f) & flags[i].bit ? "" : "-", flags[i].name);
        sep = " ";
    }
    printf("\n");
}

static void show_all(struct termios *t)
{
    struct winsize ws;
    if (ioctl(0, TIOCGWINSZ, &ws) == 0)
        printf("rows %d; columns %d;\n", ws.ws_row, ws.ws_col);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        printf("%s = %s; ", keys[i].name, key_name(t->c_cc[keys[i].index]));
    printf("min = %d; time = %d;\n", t->c_cc[VMIN], t->c_cc[VTIME]);
    tcflag_t size = t->c_cflag & CSIZE;
    char cs[8];
    snprintf(cs, sizeof cs, "cs%d", 5 + (int)(size / (CSIZE & -CSIZE)));
    show_field(t, CFLAG, cs);
    show_field(t, IFLAG, "");
    show_field(t, OFLAG, "");
    show_field(t, LFLAG, "");
}

/* One SETTING; false if there is no such setting. */
static int apply(struct termios *t, const char *arg)
{
    if (strcmp(arg, "raw") == 0) {
        cfmakeraw(t);
        return 1;
    }
    if (strcmp(arg, "-raw") == 0 || strcmp(arg, "cooked") == 0) {
        t->c_iflag |= ICRNL;
        t->c_oflag |= OPOST;
        t->c_lflag |= ISIG | ICANON | IEXTEN;
        return 1;
    }
    int off = arg[0] == '-';
    for (size_t i = 0; i < NFLAGS; i++) {
        if (strcmp(arg + off, flags[i].name) == 0) {
            tcflag_t *f = field_of(t, flags[i].field);
            *f = off ? *f & ~flags[i].bit : *f | flags[i].bit;
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct termios t;
    if (tcgetattr(0, &t) != 0) {
        fprintf(stderr, "stty: 'standard input': %s\n", strerror(errno));
        return 1;
    }
    if (argc == 1 || (argc == 2 && strcmp(argv[1], "-a") == 0)) {
        show_all(&t);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "size") == 0) {
        struct winsize ws;
        if (ioctl(0, TIOCGWINSZ, &ws) != 0) {
            fprintf(stderr, "stty: 'standard input': %s\n", strerror(errno));
            return 1;
        }
        printf("%d %d\n", ws.ws_row, ws.ws_col);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        if (!apply(&t, argv[i])) {
            fprintf(stderr, "stty: invalid argument '%s'\n", argv[i]);
            fprintf(stderr, "Try 'stty --help' for more information.\n");
            return 1;
        }
    }
    if (tcsetattr(0, TCSADRAIN, &t) != 0) {
        fprintf(stderr, "stty: 'standard input': %s\n", strerror(errno));
        return 1;
    }
    return 0;
}
