/*
 * test_tty.c - the console's line discipline (kernel/tty.c): echo and line
 * editing, canonical and raw reads, signal characters and job control, the
 * ioctls and their errors.
 *
 * Input is typed with kernel_console_input, the screen is read back with
 * tconsole(), and processes read the console on fd 0, which init has from
 * boot and children inherit (ttytest.h). Who may use the console is
 * test_ctty.c's.
 */
#include "ttytest.h"

#define DEFAULT_LFLAG (ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | IEXTEN)

/* ---- settings at boot --------------------------------------------------- */

TEST(tty_defaults)
{
    struct k_termios t = getattr(init);
    CHECK_EQ(t.c_iflag, ICRNL);
    CHECK_EQ(t.c_oflag, OPOST | ONLCR);
    CHECK_EQ(t.c_cflag, CS8 | CREAD);
    CHECK_EQ(t.c_lflag, DEFAULT_LFLAG);
    static const int cc[][2] = {
        { VINTR, 3 }, { VQUIT, 0x1c }, { VERASE, 0x7f }, { VKILL, 0x15 },
        { VEOF, 4 }, { VMIN, 1 }, { VTIME, 0 }, { VSUSP, 0x1a },
        { VWERASE, 0x17 },
    };
    for (size_t i = 0; i < ARRAY_SIZE(cc); i++)
        CHECK_EQ(t.c_cc[cc[i][0]], cc[i][1]);

    uptr a = ubuf(init, sizeof(struct k_winsize));
    struct k_winsize *ws = uhost(init, a);
    CHECK_EQ(ioc(init, TIOCGWINSZ, a), 0);
    CHECK_EQ(ws->ws_row, 24);
    CHECK_EQ(ws->ws_col, 80);
    CHECK_EQ(ioc_int(init, TIOCGSID), 1);  /* init's session has it */
    CHECK_EQ(ioc_int(init, TIOCGPGRP), 1);
}

/* ---- output ------------------------------------------------------------- */

TEST(tty_write_output)
{
    static char big[1001];
    CHECK_EQ(SYS3(init, SYS_write, 1, ustr(init, "a\nb\n"), 4), 4);
    CHECK_STR(tconsole(), "a\r\nb\r\n");
    memset(big, 'x', 1000);
    big[999] = '\n';
    uptr a = ustr(init, big);
    CHECK_EQ(SYS3(init, SYS_write, 1, a, 1000), 1000);
    const char *out = tconsole();
    CHECK_EQ(strlen(out), 1001);
    CHECK_STR(out + 998, "x\r\n");
    CHECK_EQ(SYS3(init, SYS_write, 1, BAD, 10), -EFAULT);
    tfault_range(init, a + 300, a + 400);  /* past the first chunk */
    CHECK_EQ(SYS3(init, SYS_write, 1, a, 1000), 256);
    CHECK_EQ(strlen(tconsole()), 256);
    CHECK_EQ(SYS3(init, SYS_write, 1, a, 0), 0);
    struct k_termios t = getattr(init);
    t.c_oflag &= ~(uint32_t)OPOST;
    setattr(TCSETSW, t);
    CHECK_EQ(SYS3(init, SYS_write, 1, ustr(init, "a\nb"), 3), 3);
    CHECK_STR(tconsole(), "a\nb");
}

/* ---- canonical input ---------------------------------------------------- */

TEST(tty_erase_and_kill)
{
    type("abc\x7f");
    CHECK_STR(tconsole(), "abc\b \b");
    type("d\bx\n");                       /* ^H erases too */
    CHECK_STR(tconsole(), "d\b \bx\r\n");
    CHECK_READ(init, 64, "abx\n");
    type("\x7f\x15\x17");                 /* nothing to erase: nothing shown */
    CHECK_STR(tconsole(), "");
    type("abc\x15xy\n");
    CHECK_STR(tconsole(), "abc\b \b\b \b\b \bxy\r\n");
    CHECK_READ(init, 64, "xy\n");
}

TEST(tty_word_erase)
{
    type("foo bar  \x17");
    CHECK_STR(tconsole(), "foo bar  \b \b\b \b\b \b\b \b\b \b");
    type("baz\n");
    CHECK_READ(init, 64, "foo baz\n");
    set_lflag(0, IEXTEN);                 /* ^W is then an ordinary character */
    tconsole();
    type("a\x17\n");
    CHECK_STR(tconsole(), "a^W\r\n");
    CHECK_READ(init, 64, "a\x17\n");
}

TEST(tty_erase_tab_control_utf8)
{
    CHECK_EQ(SYS3(init, SYS_write, 1, ustr(init, "$ "), 2), 2);
    type("a\t\x7f");                      /* the tab went from column 3 to 8 */
    CHECK_STR(tconsole(), "$ a\t\b\b\b\b\b");
    type("\x01\x7f");                     /* ^A took two columns */
    CHECK_STR(tconsole(), "^A\b \b\b \b");
    type("\xc3\xa9\x7f");                 /* two bytes, one column */
    CHECK_STR(tconsole(), "\xc3\xa9\b \b");
    type("\x1b\n");
    CHECK_STR(tconsole(), "^[\r\n");
    CHECK_READ(init, 64, "a\x1b\n");
}

TEST(tty_echo_flags)
{
    set_lflag(0, ECHOE);                  /* the erasing character is shown */
    type("ab\x7f");
    CHECK_STR(tconsole(), "ab^?");
    type("c\x15");
    CHECK_STR(tconsole(), "c^U\r\n");
    type("d\x17");
    CHECK_STR(tconsole(), "d^W");
    set_lflag(0, ECHOK);
    type("e\x15" "f\n");
    CHECK_STR(tconsole(), "e^Uf\r\n");
    CHECK_READ(init, 64, "f\n");
    set_lflag(0, ECHO);
    type("secret\x7f\x15pw\n");
    CHECK_STR(tconsole(), "");
    CHECK_READ(init, 64, "pw\n");
    set_lflag(ECHONL, 0);
    type("x\n");
    CHECK_STR(tconsole(), "\r\n");
    CHECK_READ(init, 64, "x\n");
}

TEST(tty_eof)
{
    type("\x04");                         /* at the start of a line */
    CHECK_STR(tconsole(), "");
    CHECK_EQ(rd(init, 64), 0);
    type("abc\x04");                      /* mid-line: no newline */
    CHECK_READ(init, 64, "abc");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);   /* the ^D went with "abc" */
    type("\n");
    CHECK_READ(init, 64, "\n");
    type("xyz\x04");                      /* a read ending at the ^D */
    CHECK_READ(init, 3, "xyz");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    type("\n");
    CHECK_READ(init, 64, "\n");
    type("l\n\x04");                      /* a line, then end of file */
    CHECK_READ(init, 64, "l\n");
    CHECK_EQ(rd(init, 64), 0);
}

TEST(tty_echo_and_read_line)
{
    type("hello\r");
    CHECK_STR(tconsole(), "hello\r\n");
    CHECK_EQ(rd(init, 0), 0);
    CHECK_READ(init, 64, "hello\n");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    CHECK_EQ(init->state, P_BLOCKED);
    CHECK_STR(init->wait_what, "tty read");
    type("par");
    CHECK_EQ(init->state, P_BLOCKED);     /* no line yet */
    type("tial\r");
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_READ(init, 64, "partial\n");    /* the re-issued read */
}

TEST(tty_lines_one_at_a_time)
{
    type("one\ntwo\nthr");
    CHECK_READ(init, 64, "one\n");
    CHECK_READ(init, 2, "tw");
    CHECK_READ(init, 64, "o\n");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    type("ee\n");
    CHECK_READ(init, 64, "three\n");
    type("abc\n");
    CHECK_EQ(SYS3(init, SYS_read, 0, BAD, 10), -EFAULT);
    CHECK_READ(init, 64, "abc\n");
}

TEST(tty_input_flags)
{
    struct k_termios t = getattr(init);
    t.c_iflag = ISTRIP;                   /* no ICRNL: '\r' is a character */
    setattr(TCSETS, t);
    type("a\r\xe2\n");
    CHECK_STR(tconsole(), "a^Mb\r\n");
    CHECK_READ(init, 64, "a\rb\n");
    t.c_iflag = IGNCR;
    setattr(TCSETS, t);
    type("c\r\n");
    CHECK_READ(init, 64, "c\n");
    t.c_iflag = INLCR;                    /* '\n' becomes '\r': no line end */
    t.c_cc[VEOL] = ';';
    setattr(TCSETS, t);
    tconsole();
    type("d\n;");
    CHECK_STR(tconsole(), "d^M;");
    CHECK_READ(init, 64, "d\r;");
    t.c_cflag &= ~(uint32_t)CREAD;        /* the receiver is off */
    setattr(TCSETS, t);
    type("ignored\n");
    CHECK_STR(tconsole(), "");
    CHECK_EQ(ioc_int(init, FIONREAD), 0);
}

TEST(tty_queue_is_bounded)
{
    static char big[5000];
    memset(big, 'a', sizeof big);
    set_lflag(0, ECHO);
    kernel_console_input(big, 5000);      /* the line keeps room for its end */
    type("\n");
    CHECK_EQ(ioc_int(init, FIONREAD), 4096);
    type("more\n");                       /* the queue is full: dropped */
    CHECK_EQ(rd(init, 8192), 4096);
    CHECK_EQ(((char *)uhost(init, RBUF))[4094], 'a');
    CHECK_EQ(((char *)uhost(init, RBUF))[4095], '\n');
    set_raw(1, 0);
    kernel_console_input(big, 5000);
    CHECK_EQ(rd(init, 8192), 4096);
}

TEST(tty_fionread_and_flush)
{
    type("abc");
    CHECK_EQ(ioc_int(init, FIONREAD), 0);  /* an edit line is not readable */
    type("\n\x04");
    CHECK_EQ(ioc_int(init, FIONREAD), 4);
    tconsole();                            /* TCSETSF waits for the echo to show */
    setattr(TCSETSF, getattr(init));
    CHECK_EQ(ioc_int(init, FIONREAD), 0);
    set_raw(1, 0);
    type("xy");
    CHECK_EQ(ioc_int(init, FIONREAD), 2);
}

/* ---- raw mode ----------------------------------------------------------- */

TEST(tty_raw_byte_at_a_time)
{
    set_raw(1, 0);
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    type("a");
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_READ(init, 64, "a");
    type("\x7f\x15\x04\r");               /* no editing; ICRNL still applies */
    CHECK_STR(tconsole(), "");
    CHECK_READ(init, 2, "\x7f\x15");
    CHECK_READ(init, 64, "\x04\n");
    set_lflag(ECHO, 0);
    type("q\x01\n");
    CHECK_STR(tconsole(), "q^A\r\n");
    CHECK_READ(init, 64, "q\x01\n");
}

TEST(tty_raw_vmin)
{
    set_raw(0, 0);
    CHECK_EQ(rd(init, 64), 0);
    type("z");
    CHECK_READ(init, 64, "z");
    set_raw(3, 0);
    type("ab");
    CHECK_READ(init, 2, "ab");            /* n < VMIN: n bytes are enough */
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    type("c");
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(rd(init, 64), KERN_BLOCK);   /* 1 < VMIN: wait again */
    type("de");
    CHECK_READ(init, 64, "cde");
}

TEST(tty_raw_vtime)
{
    set_raw(0, 5);
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    CHECK_EQ(ttimer(), now_ns() + 500000000ull);
    tclock_advance(300000000ull);
    CHECK_EQ(init->state, P_BLOCKED);
    type("k");                            /* a byte before the timeout */
    CHECK_READ(init, 64, "k");
    CHECK_EQ(ttimer(), 0);
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    tclock_advance(400000000ull);
    CHECK_EQ(init->state, P_BLOCKED);
    tclock_advance(100000000ull);         /* the timeout: read returns 0 */
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_EQ(rd(init, 64), 0);
}

TEST(tty_raw_vmin_vtime)
{
    set_raw(3, 1);
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    CHECK_EQ(ttimer(), 0);                /* no timer before a first byte */
    type("a");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    CHECK_EQ(ttimer(), now_ns() + 100000000ull);
    tclock_advance(100000000ull);
    CHECK_READ(init, 64, "a");            /* a pause after the byte */
    type("bcd");
    CHECK_READ(init, 64, "bcd");
}

TEST(tty_mode_switch_hands_over_input)
{
    type("ab");                           /* an edit line ... */
    set_raw(1, 0);                        /* ... is readable in raw mode */
    CHECK_READ(init, 64, "ab");
    type("x\x04y");                       /* raw bytes ... */
    set_lflag(ICANON, 0);                 /* ... are a line in canonical mode */
    CHECK_READ(init, 64, "x\x04y");
    type("p\x04");                        /* a ^D is no data in raw mode */
    set_raw(1, 0);
    CHECK_READ(init, 64, "p");

    /* a reader waiting for a line is woken when the mode changes */
    set_lflag(ICANON, 0);
    struct proc *c = child(init, SAME);
    type("cd");
    CHECK_EQ(rd(init, 64), KERN_BLOCK);
    struct k_termios t = getattr(c);
    t.c_lflag &= ~(uint32_t)ICANON;
    CHECK_EQ(ioc(c, TCSETS, ubytes(c, &t, sizeof t)), 0);
    CHECK_EQ(init->state, P_RUNNABLE);
    CHECK_READ(init, 64, "cd");
    texit_reap(c, 0);
    trm("/bin/child");
}

TEST(tty_nonblocking)
{
    CHECK_EQ(SYS3(init, SYS_fcntl, 0, F_SETFL, O_NONBLOCK), 0);
    CHECK_EQ(rd(init, 64), -EAGAIN);
    type("ab");
    CHECK_EQ(rd(init, 64), -EAGAIN);      /* no line yet */
    set_raw(1, 0);
    CHECK_READ(init, 64, "ab");
    CHECK_EQ(rd(init, 64), -EAGAIN);
    set_raw(4, 0);
    type("c");                            /* fewer than VMIN: what is there */
    CHECK_READ(init, 64, "c");
    CHECK_EQ(SYS3(init, SYS_fcntl, 0, F_SETFL, 0), 0);
}

/* ---- signal characters -------------------------------------------------- */

TEST(tty_ctrl_c_kills_foreground_child)
{
    act_as_shell();
    struct proc *c = child(init, OWN_GROUP);
    int pid = c->pid;
    CHECK_EQ(set_pgrp(init, pid), 0);
    CHECK_EQ(ioc_int(init, TIOCGPGRP), pid);
    CHECK_EQ(rd(c, 64), KERN_BLOCK);
    type("abc");
    CHECK_STR(tconsole(), "abc");          /* shown before the ^C */
    type("\x03");
    CHECK_STR(tconsole(), "^C");
    CHECK_EQ(c->state, P_ZOMBIE);
    CHECK_EQ(init->sig_pending, 0);       /* init is untouched */
    CHECK_EQ(init->state, P_RUNNABLE);
    int st = reap(pid, 0);
    CHECK(WIFSIGNALED(st));
    CHECK_EQ(WTERMSIG(st), SIGINT);
    CHECK_EQ(set_pgrp(init, 1), 0);
    type("x\n");                          /* "abc" was flushed */
    CHECK_READ(init, 64, "x\n");

    tconsole();
    c = child(init, OWN_GROUP);           /* ^\ quits */
    pid = c->pid;
    CHECK_EQ(set_pgrp(init, pid), 0);
    type("\x1c");
    CHECK_STR(tconsole(), "^\\");
    CHECK_EQ(WTERMSIG(reap(pid, 0)), SIGQUIT);
    trm("/bin/child");
}

TEST(tty_ctrl_z_stops_foreground_child)
{
    act_as_shell();
    struct proc *c = child(init, OWN_GROUP);
    CHECK_EQ(set_pgrp(init, c->pid), 0);
    type("\x1a");
    CHECK_STR(tconsole(), "^Z");
    CHECK_EQ(c->state, P_STOPPED);
    int st = reap(c->pid, WUNTRACED);
    CHECK(WIFSTOPPED(st));
    CHECK_EQ(WSTOPSIG(st), SIGTSTP);
    CHECK_EQ(set_pgrp(init, 1), 0);
    kill_reap(c);
    trm("/bin/child");
}

TEST(tty_noflsh_and_no_isig)
{
    set_handler(init, SIGINT, SIG_IGN, 0);
    set_lflag(NOFLSH, 0);
    type("ab\x03" "c\n");
    CHECK_READ(init, 64, "abc\n");
    set_lflag(0, ISIG);                   /* ^C is then an ordinary character */
    type("\x03\n");
    CHECK_READ(init, 64, "\x03\n");
}

/* ---- window size and errors --------------------------------------------- */

TEST(tty_window_size_and_sigwinch)
{
    set_handler(init, SIGWINCH, HANDLER, 0);
    struct k_winsize ws = { 50, 132, 0, 0 };
    CHECK_EQ(ioc(init, TIOCSWINSZ, ubytes(init, &ws, sizeof ws)), 0);
    CHECK_EQ(thandled(init)[0], SIGWINCH);
    CHECK_EQ(ioc(init, TIOCSWINSZ, ubytes(init, &ws, sizeof ws)), 0);
    CHECK_EQ(thandled(init)[1], 0);       /* no change, no signal */

    kernel_console_resize(30, 100);
    CHECK(init->sig_pending & SIGBIT(SIGWINCH));
    SYS3(init, SYS_getpid, 0, 0, 0);
    CHECK_EQ(thandled(init)[1], SIGWINCH);
    uptr a = ubuf(init, sizeof ws);
    CHECK_EQ(ioc(init, TIOCGWINSZ, a), 0);
    CHECK_EQ(((struct k_winsize *)uhost(init, a))->ws_row, 30);
    CHECK_EQ(((struct k_winsize *)uhost(init, a))->ws_col, 100);
    kernel_console_resize(30, 100);
    CHECK_EQ(init->sig_pending, 0);
}

TEST(tty_ioctl_errors)
{
    CHECK_EQ(ioc(init, 0x1234, 0), -ENOTTY);
    static const unsigned long reqs[] = {
        TCGETS, TCSETS, TCSETSW, TCSETSF, TIOCGWINSZ, TIOCSWINSZ, FIONREAD,
        TIOCGPGRP, TIOCSPGRP, TIOCGSID,
    };
    for (size_t i = 0; i < ARRAY_SIZE(reqs); i++)
        CHECK_EQ(ioc(init, reqs[i], BAD), -EFAULT);
    CHECK_EQ(getattr(init).c_lflag, DEFAULT_LFLAG);  /* nothing changed */
}
