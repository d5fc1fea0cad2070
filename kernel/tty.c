/*
 * tty.c - the console: its line discipline.
 *
 * Duplex has one terminal, the console. The platform pushes typed bytes in
 * (kernel_console_input -> tty_input) and takes what is to be shown
 * (kernel_console_output -> tty_output_take).
 * In between sits the line discipline:
 *
 *  input     '\r' becomes '\n' (ICRNL; also INLCR, IGNCR, ISTRIP). With ISIG,
 *            ^C, ^\ and ^Z send SIGINT, SIGQUIT, SIGTSTP to the foreground
 *            process group and flush pending input (unless NOFLSH).
 *  canonical (ICANON) typed bytes build an edit line only the typist sees:
 *            DEL or ^H erases a character, ^U the line, ^W a word (IEXTEN).
 *            '\n' or VEOL hands the line to readers; ^D hands it over with
 *            no newline, or on an empty line makes read return 0 (end of
 *            file). A read returns at most one line.
 *  raw       (ICANON off) every byte is readable at once; see read_raw for
 *            VMIN and VTIME.
 *  echo      (ECHO) control characters as ^X (ECHOCTL), erasures as "\b \b"
 *            (ECHOE), through output processing: "\n" -> "\r\n" (ONLCR).
 *
 * Output flow control. What processes write (and the echo of what is
 * typed) goes through output processing into a bounded output queue, which
 * the platform empties at the terminal's own pace (kernel_console_output):
 * a page's terminal as fast as it can draw, a UART as fast as it sends. A
 * writer that finds the queue full blocks until the platform takes bytes,
 * so `yes` runs exactly as fast as the screen shows it, and never builds a
 * backlog in the platform. The echo never blocks (input arrives outside any
 * process): writers may fill the queue only up to ECHO_ROOM below its end,
 * and echo beyond a full queue is dropped. A signal character discards the
 * queued output (unless NOFLSH), as tcflush(TCOFLUSH) would, so that the
 * prompt after ^C comes at once instead of after the flood.
 *
 * Job control - sessions, the foreground process group, who may read -
 * lives in ctty.c: this file asks it whether a process may read now
 * (ctty_check_read) and has it signal the foreground group.
 *
 * Not implemented: IXON, VLNEXT, VREPRINT, parity, break, hangup of open
 * files (they go on working).
 *
 * The input queue is a ring of TTY_QSIZE slots addressed by free-running
 * counters rpos <= cpos <= wpos: [rpos, cpos) is what readers may take,
 * [cpos, wpos) the edit line (empty in raw mode). A slot's mark tells the
 * byte that ends a line (M_EOL) and a ^D, which ends a line but is no data
 * (M_EOF). Input beyond the queue is dropped, as on Linux; in canonical mode
 * the last slot is kept for the line's end, so a line can always finish.
 */
#include "kernel.h"

#define TTY_QSIZE 4096                  /* bytes of input the tty holds */
#define TTY_OQSIZE 8192                 /* bytes of output it holds */
#define ECHO_ROOM  512                  /* of those, kept for the echo */
#define TENTH_NS  100000000ull          /* VTIME's unit */

#define M_EOL 1                         /* this byte ends a line */
#define M_EOF 2                         /* a ^D: ends a line, not data */

static struct tty {
    struct k_termios tio;
    struct k_winsize ws;

    uint8_t  ch[TTY_QSIZE];             /* the input queue (see above) */
    uint8_t  mark[TTY_QSIZE];
    uint32_t rpos, cpos, wpos;
    uint64_t last_input;                /* when a byte last arrived */

    int col;                            /* the screen's cursor column */
    int line_col;                       /* the column the edit line starts at */

    struct waitq wq;                    /* readers waiting for input */

    uint8_t  out[TTY_OQSIZE];           /* the output queue: [ohead, otail) */
    uint32_t ohead, otail;              /* free-running, like rpos and wpos */
    struct waitq owq;                   /* writers waiting for room, drainers
                                           waiting for it to empty */
} tty;

static char scratch[TTY_QSIZE];         /* a read's bytes, before copyout */

static bool lflag(uint32_t f) { return (tty.tio.c_lflag & f) != 0; }
static size_t slot(uint32_t pos) { return pos % TTY_QSIZE; }
static uint32_t queued(void) { return tty.wpos - tty.rpos; }

/* Is c the control character cc[i]? A 0 there disables it. */
static bool is_cc(uint8_t c, int i)
{
    return tty.tio.c_cc[i] != 0 && c == tty.tio.c_cc[i];
}

static bool is_ctl(uint8_t c) { return c < 0x20 || c == 0x7f; }
static bool is_utf8_cont(uint8_t c) { return (c & 0xc0) == 0x80; }

static const struct k_termios default_termios = {
    .c_iflag = ICRNL,
    .c_oflag = OPOST | ONLCR,
    .c_cflag = CS8 | CREAD,
    .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | IEXTEN,
    .c_cc = { [VINTR] = 0x03, [VQUIT] = 0x1c, [VERASE] = 0x7f, [VKILL] = 0x15,
              [VEOF] = 0x04, [VMIN] = 1, [VTIME] = 0, [VSUSP] = 0x1a,
              [VWERASE] = 0x17 },
};

void tty_init(void)
{
    ctty_init();
    memset(&tty, 0, sizeof tty);
    tty.tio = default_termios;
    tty.ws.ws_row = 24;
    tty.ws.ws_col = 80;
}

/* ---- output ------------------------------------------------------------- */

static uint32_t out_queued(void) { return tty.otail - tty.ohead; }

/* Follow the cursor, so that erasing a tab knows how far to go back. */
static void advance_column(uint8_t c)
{
    if (c == '\r')
        tty.col = 0;
    else if (c == '\b')
        tty.col -= tty.col > 0;
    else if (c == '\t')
        tty.col = (tty.col | 7) + 1;
    else if (!is_ctl(c) && !is_utf8_cont(c))
        tty.col++;
}

/* Queue one byte for the screen. The platform hears of output only when
 * the queue stops being empty: until it has taken all, it comes back for
 * more by itself. */
static void queue_byte(uint8_t c)
{
    if (tty.otail == tty.ohead)
        plat_console_kick();
    tty.out[tty.otail++ % TTY_OQSIZE] = c;
    advance_column(c);
}

/* Put bytes through output processing ("\n" -> "\r\n" with OPOST|ONLCR)
 * into the queue while it has room below `limit`. Returns how many of the
 * n bytes went in: a "\r\n" goes in whole or not at all. */
static size_t output_upto(const char *s, size_t n, uint32_t limit)
{
    bool crlf = (tty.tio.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR);
    size_t i = 0;
    for (; i < n; i++) {
        bool nl = s[i] == '\n' && crlf;
        if (out_queued() + 1 + nl > limit)
            break;
        if (nl)
            queue_byte('\r');
        queue_byte((uint8_t)s[i]);
    }
    return i;
}

/* The tty's own output (echo, erasures): it may use the whole queue, and
 * what does not fit is lost. */
static void output(const char *s, size_t n)
{
    output_upto(s, n, TTY_OQSIZE);
}

void tty_print(const char *s, size_t n) { output(s, n); }

/* Writers leave ECHO_ROOM free, so that typing is echoed even while a
 * program floods the screen. */
static uint32_t write_room(void)
{
    uint32_t q = out_queued();
    return q < TTY_OQSIZE - ECHO_ROOM ? TTY_OQSIZE - ECHO_ROOM - q : 0;
}

/* A write returns what it queued; it waits only when nothing at all fits,
 * and the C library's write() loops on a short count (docs/design.md, "The
 * kernel never sleeps"). Nothing is queued before the copy succeeds. */
long tty_write(struct proc *p, struct file *f, uptr buf, size_t n)
{
    long r = ctty_check_write(p, lflag(TOSTOP));
    if (r != 0)
        return r;
    char chunk[256];
    size_t done = 0;
    while (done < n && write_room() > 0) {
        size_t len = MIN(MIN(n - done, sizeof chunk), write_room());
        if (copyin(p, chunk, buf + done, len) < 0)
            return done ? (long)done : -EFAULT;
        size_t put = output_upto(chunk, len, TTY_OQSIZE - ECHO_ROOM);
        done += put;
        if (put < len)
            break;
    }
    if (done > 0 || n == 0)
        return (long)done;
    if (f && (f->flags & O_NONBLOCK))
        return -EAGAIN;
    return sleep_on(p, &tty.owq, "tty write");
}

/* The platform takes up to max bytes of output for the screen. Writers and
 * drainers waiting for room look again. */
size_t tty_output_take(char *buf, size_t max)
{
    size_t n = MIN((size_t)out_queued(), max);
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tty.out[tty.ohead++ % TTY_OQSIZE];
    if (n > 0)
        wakeup(&tty.owq);
    return n;
}

/* Discard the output not yet shown (tcflush(TCOFLUSH), a signal key). */
static void flush_output(void)
{
    tty.ohead = tty.otail;
    wakeup(&tty.owq);
}

/* tcdrain: wait until the platform has taken every queued byte. */
static long drain_output(struct proc *p)
{
    if (out_queued() == 0)
        return 0;
    return sleep_on(p, &tty.owq, "tty drain");
}

/* ---- echo --------------------------------------------------------------- */

/* Show a typed character: a control character as ^X with ECHOCTL. */
static void echo_char(uint8_t c)
{
    if (lflag(ECHOCTL) && is_ctl(c) && c != '\t' && c != '\n') {
        char s[2] = { '^', c == 0x7f ? '?' : (char)(c + '@') };
        output(s, 2);
    } else {
        output((const char *)&c, 1);
    }
}

/* The column after echoing c at column col. */
static int echo_column(int col, uint8_t c)
{
    if (c == '\t')
        return (col | 7) + 1;
    if (is_ctl(c))
        return lflag(ECHOCTL) ? col + 2 : col;
    return is_utf8_cont(c) ? col : col + 1;
}

/* The column the cursor is at once the edit line up to end is echoed. */
static int line_column(uint32_t end)
{
    int col = tty.line_col;
    for (uint32_t i = tty.cpos; i != end; i++)
        col = echo_column(col, tty.ch[slot(i)]);
    return col;
}

/* ---- line editing ------------------------------------------------------- */

static bool line_empty(void) { return tty.wpos == tty.cpos; }

static uint8_t last_char(void) { return tty.ch[slot(tty.wpos - 1)]; }

/* Take the last character (all bytes of a UTF-8 one) off the edit line, and
 * off the screen with ECHOE: "\b \b" per column, or just "\b" for a tab,
 * which covered blanks. */
static void rub_out(void)
{
    uint32_t end = tty.wpos;
    do
        end--;
    while (end != tty.cpos && is_utf8_cont(tty.ch[slot(end)]));
    bool tab = tty.ch[slot(end)] == '\t';
    int cols = line_column(tty.wpos) - line_column(end);
    tty.wpos = end;
    if (!lflag(ECHO) || !lflag(ECHOE))
        return;
    while (cols-- > 0)
        output(tab ? "\b" : "\b \b", tab ? 1 : 3);
}

/* Without ECHOE, an erasure is shown by echoing the erasing character. */
static void echo_erasure(uint8_t c)
{
    if (lflag(ECHO) && !lflag(ECHOE))
        echo_char(c);
}

static void erase_char(uint8_t c)
{
    if (line_empty())
        return;
    rub_out();
    echo_erasure(c);
}

/* A word is what lies between blanks; the blanks after it go with it. */
static void erase_word(uint8_t c)
{
    if (line_empty())
        return;
    while (!line_empty() && (last_char() == ' ' || last_char() == '\t'))
        rub_out();
    while (!line_empty() && last_char() != ' ' && last_char() != '\t')
        rub_out();
    echo_erasure(c);
}

/* With ECHOE the line vanishes from the screen; otherwise the kill
 * character is echoed, then a newline with ECHOK. */
static void kill_line(uint8_t c)
{
    if (line_empty())
        return;
    if (lflag(ECHOE)) {
        while (!line_empty())
            rub_out();
        return;
    }
    tty.wpos = tty.cpos;
    if (lflag(ECHO)) {
        echo_char(c);
        if (lflag(ECHOK))
            output("\n", 1);
    }
}

/* ---- input -------------------------------------------------------------- */

static void put(uint8_t c, uint8_t mark)
{
    tty.ch[slot(tty.wpos)] = c;
    tty.mark[slot(tty.wpos)] = mark;
    tty.wpos++;
}

static void flush_input(void) { tty.rpos = tty.cpos = tty.wpos; }

/* The edit line becomes readable: wake the readers. */
static void end_line(uint8_t c, uint8_t mark)
{
    if (queued() >= TTY_QSIZE)
        return;
    put(c, mark);
    tty.cpos = tty.wpos;
    wakeup(&tty.wq);
}

static void canonical_char(uint8_t c)
{
    if (is_cc(c, VERASE) || c == '\b') {
        erase_char(c);
    } else if (is_cc(c, VKILL)) {
        kill_line(c);
    } else if (lflag(IEXTEN) && is_cc(c, VWERASE)) {
        erase_word(c);
    } else if (is_cc(c, VEOF)) {
        end_line(0, M_EOF);                 /* not echoed, as on Linux */
    } else if (c == '\n') {
        end_line('\n', M_EOL);
        if (lflag(ECHO) || lflag(ECHONL))
            output("\n", 1);
    } else if (is_cc(c, VEOL)) {
        end_line(c, M_EOL);
        if (lflag(ECHO))
            echo_char(c);
    } else if (queued() < TTY_QSIZE - 1) {  /* keep a slot for the line's end */
        if (line_empty())
            tty.line_col = tty.col;
        put(c, 0);
        if (lflag(ECHO))
            echo_char(c);
    }
}

static void raw_char(uint8_t c)
{
    if (queued() >= TTY_QSIZE)
        return;
    put(c, 0);
    tty.cpos = tty.wpos;
    if (lflag(ECHO))
        echo_char(c);
    wakeup(&tty.wq);
}

/* A signal character: the signal goes to the foreground group, and what
 * was typed ahead and what was still to be shown are discarded. */
static void signal_char(uint8_t c, int sig)
{
    if (!lflag(NOFLSH)) {
        flush_input();
        flush_output();
    }
    if (lflag(ECHO))
        echo_char(c);
    ctty_signal_foreground(sig);
}

static void input_char(uint8_t c)
{
    uint32_t iflag = tty.tio.c_iflag;
    if (iflag & ISTRIP)
        c &= 0x7f;
    if (c == '\r') {
        if (iflag & IGNCR)
            return;
        if (iflag & ICRNL)
            c = '\n';
    } else if (c == '\n' && (iflag & INLCR)) {
        c = '\r';
    }
    if (lflag(ISIG)) {
        int sig = is_cc(c, VINTR) ? SIGINT : is_cc(c, VQUIT) ? SIGQUIT :
                  is_cc(c, VSUSP) ? SIGTSTP : 0;
        if (sig) {
            signal_char(c, sig);
            return;
        }
    }
    if (lflag(ICANON))
        canonical_char(c);
    else
        raw_char(c);
}

void tty_input(const char *buf, size_t n)
{
    if (!(tty.tio.c_cflag & CREAD))
        return;
    tty.last_input = now_ns();
    for (size_t i = 0; i < n; i++)
        input_char((uint8_t)buf[i]);
}

/* ---- reading ------------------------------------------------------------ */

/* Data bytes in the queue from rpos to end (^D marks are no data). */
static size_t data_bytes(uint32_t end)
{
    size_t n = 0;
    for (uint32_t i = tty.rpos; i != end; i++)
        n += !(tty.mark[slot(i)] & M_EOF);
    return n;
}

/* Give the reader up to n bytes from [rpos, end): in canonical mode up to
 * the end of the first line. A ^D mark right after the bytes taken goes
 * with them. Nothing leaves the queue unless the copy succeeds. */
static long take(struct proc *p, uptr buf, size_t n, uint32_t end, bool line)
{
    uint32_t pos = tty.rpos;
    size_t k = 0;
    while (pos != end) {
        uint8_t m = tty.mark[slot(pos)];
        if (!(m & M_EOF)) {
            if (k == n)
                break;
            scratch[k++] = (char)tty.ch[slot(pos)];
        }
        pos++;
        if (line && m)
            break;
    }
    if (k > 0 && copyout(p, buf, scratch, k) < 0)
        return -EFAULT;
    tty.rpos = pos;
    return (long)k;
}

void tty_wake_readers(void) { wakeup(&tty.wq); }

static bool nonblocking(struct file *f) { return f && (f->flags & O_NONBLOCK); }

static long read_canonical(struct proc *p, struct file *f, uptr buf, size_t n)
{
    if (tty.rpos != tty.cpos)
        return take(p, buf, n, tty.cpos, true);
    if (nonblocking(f))
        return -EAGAIN;
    return sleep_on(p, &tty.wq, "tty read");
}

/* Raw mode: when a read returns depends on VMIN and VTIME.
 *   VMIN>0, VTIME=0  once min(VMIN, n) bytes are there;
 *   VMIN=0, VTIME=0  at once, with what is there, maybe nothing;
 *   VMIN=0, VTIME>0  once a byte is there, or VTIME tenths of a second after
 *                    the read began (then with 0);
 *   VMIN>0, VTIME>0  once min(VMIN, n) bytes are there, or VTIME tenths
 *                    after the last byte typed - but never before one. */
static long read_raw(struct proc *p, struct file *f, uptr buf, size_t n)
{
    unsigned vmin = tty.tio.c_cc[VMIN], vtime = tty.tio.c_cc[VTIME];
    size_t avail = data_bytes(tty.wpos);
    if (avail > 0 && avail >= MIN((size_t)vmin, n))
        return take(p, buf, n, tty.wpos, false);
    if (vmin == 0 && vtime == 0)
        return 0;
    if (nonblocking(f))
        return avail ? take(p, buf, n, tty.wpos, false) : -EAGAIN;
    if (vtime > 0) {
        uint64_t deadline = 0;
        if (vmin == 0) {                    /* timed from the read's start */
            if (!p->restarted)
                p->call.deadline = now_ns() + vtime * TENTH_NS;
            deadline = p->call.deadline;
        } else if (avail > 0) {             /* timed from the last byte */
            deadline = tty.last_input + vtime * TENTH_NS;
        }
        if (deadline && now_ns() >= deadline)
            return take(p, buf, n, tty.wpos, false);
        if (deadline)
            sleep_until(p, deadline);
    }
    return sleep_on(p, &tty.wq, "tty read");
}

long tty_read(struct proc *p, struct file *f, uptr buf, size_t n)
{
    long r = ctty_check_read(p);
    if (r != 0)
        return r;
    if (n == 0)
        return 0;
    if (lflag(ICANON))
        return read_canonical(p, f, buf, n);
    return read_raw(p, f, buf, n);
}

/* poll: input to read (a whole line in canonical mode, any byte in raw
 * mode), room to write. Input wakes tty.wq, output taken wakes tty.owq. */
unsigned tty_poll(struct file *f, unsigned events, struct proc *waiter)
{
    (void)f;
    unsigned got = 0;
    if (lflag(ICANON) ? tty.rpos != tty.cpos : data_bytes(tty.wpos) > 0)
        got |= POLLIN | POLLRDNORM;
    if (write_room() > 0)
        got |= POLLOUT | POLLWRNORM;
    if (waiter && (events & (POLLIN | POLLRDNORM)))
        wait_also(waiter, &tty.wq);
    if (waiter && (events & (POLLOUT | POLLWRNORM)))
        wait_also(waiter, &tty.owq);
    return got;
}

/* ---- settings ----------------------------------------------------------- */

static long set_termios(struct proc *p, unsigned long req, uptr arg)
{
    struct k_termios t;
    if (copyin(p, &t, arg, sizeof t) < 0)
        return -EFAULT;
    if (req == TCSETSW || req == TCSETSF) {     /* after the output is shown */
        long r = drain_output(p);
        if (r != 0)
            return r;
    }
    if (req == TCSETSF)
        flush_input();
    /* Switching mode hands the edit line to readers; raw bytes form the
     * first line of canonical mode. Either way readers must look again. */
    tty.tio = t;
    tty.cpos = tty.wpos;
    wakeup(&tty.wq);
    return 0;
}

static void set_winsize(const struct k_winsize *ws)
{
    if (memcmp(ws, &tty.ws, sizeof *ws) == 0)
        return;
    tty.ws = *ws;
    ctty_signal_foreground(SIGWINCH);
}

void tty_resize(int rows, int cols)
{
    struct k_winsize ws = { (uint16_t)rows, (uint16_t)cols, 0, 0 };
    set_winsize(&ws);
}

long put_int(struct proc *p, uptr arg, int32_t v)
{
    return copyout(p, arg, &v, sizeof v) < 0 ? -EFAULT : 0;
}

/* TCFLSH: discard input not yet read, output not yet shown, or both. */
static long flush_queues(uptr how)
{
    if (how > TCIOFLUSH)
        return -EINVAL;
    if (how != TCOFLUSH)
        flush_input();
    if (how != TCIFLUSH)
        flush_output();
    return 0;
}

long tty_ioctl(struct proc *p, struct file *f, unsigned long req, uptr arg)
{
    struct k_winsize ws;
    size_t n;
    long r;
    switch (req) {
    case TCGETS:
        return copyout(p, arg, &tty.tio, sizeof tty.tio) < 0 ? -EFAULT : 0;
    case TCSETS: case TCSETSW: case TCSETSF:
        r = ctty_check_change(p);
        return r != 0 ? r : set_termios(p, req, arg);
    case TIOCGWINSZ:
        return copyout(p, arg, &tty.ws, sizeof tty.ws) < 0 ? -EFAULT : 0;
    case TIOCSWINSZ:
        if ((r = ctty_check_change(p)) != 0)
            return r;
        if (copyin(p, &ws, arg, sizeof ws) < 0)
            return -EFAULT;
        set_winsize(&ws);
        return 0;
    case FIONREAD:
        n = data_bytes(lflag(ICANON) ? tty.cpos : tty.wpos);  /* lines only */
        return put_int(p, arg, (int32_t)n);
    case TIOCOUTQ:
        return put_int(p, arg, (int32_t)out_queued());
    case TCSBRK:            /* 1: tcdrain(); 0: a break too, which a console has not */
        r = ctty_check_write(p, true);      /* from the background: SIGTTOU */
        return r != 0 ? r : drain_output(p);
    case TCFLSH:
        r = ctty_check_change(p);
        return r != 0 ? r : flush_queues(arg);
    default:
        return ctty_ioctl(p, f, req, arg);
    }
}
