/*
 * fake_files.c - the fake kernel's descriptors: fd 0 reads a scripted
 * input, fds 1 and 2 are captured (in memory shared across fork), and a
 * few regular files and directories live in memory. Reads and writes can
 * be limited to a few bytes per call, and writes made to fail, to test how
 * the library copes. See fake_kernel.h.
 */
#include "fake_state.h"

/* ---- control ------------------------------------------------------------- */

void fk_clear_out(void)
{
    memset(fk_sh->outlen, 0, sizeof fk_sh->outlen);
    memset(fk_sh->writes, 0, sizeof fk_sh->writes);
    fk_sh->out[1][0] = fk_sh->out[2][0] = '\0';
    fk_sh->loglen = 0;
    fk_sh->log[0] = '\0';
}

const char *fk_out(int fd)        { return fk_sh->out[fd]; }
size_t      fk_out_len(int fd)    { return fk_sh->outlen[fd]; }
int         fk_writes(int fd)     { return fk_sh->writes[fd]; }
const char *fk_log(void)          { return fk_sh->log; }
void fk_write_chunk(size_t max)   { fk.write_chunk = max; }
void fk_read_chunk(size_t max)    { fk.read_chunk = max; }
void fk_getdents_chunk(size_t max) { fk.dents_chunk = max; }
void fk_tty(int fd, bool tty)     { fk.fds[fd].tty = tty; }
unsigned long fk_last_ioctl(void) { return fk.last_ioctl; }
const struct k_termios *fk_last_termios(void) { return &fk.termios; }
int fk_last_tcpgrp(void)          { return fk.tcpgrp; }

void fk_write_fail(int after, int err)
{
    fk.write_ok_left = after;
    fk.write_err = err;
}

void fk_input(const char *data)
{
    fk.input = data;
    fk.input_len = strlen(data);
    fk.input_pos = 0;
}

void fk_nonblock(int fd, bool nb)
{
    if (nb)
        fk.fds[fd].flags |= O_NONBLOCK;
    else
        fk.fds[fd].flags &= ~O_NONBLOCK;
}

struct file *fk_find_file(const char *path)
{
    for (int i = 0; i < NFILES; i++)
        if (fk.files[i].used && strcmp(fk.files[i].path, path) == 0)
            return &fk.files[i];
    return NULL;
}

static struct file *new_file(const char *path, bool dir)
{
    for (int i = 0; i < NFILES; i++) {
        struct file *f = &fk.files[i];
        if (!f->used) {
            memset(f, 0, sizeof *f);
            f->used = true;
            f->is_dir = dir;
            strlcpy(f->path, path, sizeof f->path);
            return f;
        }
    }
    return NULL;
}

void fk_file(const char *path, const char *content)
{
    struct file *f = fk_find_file(path);
    if (f == NULL)
        f = new_file(path, false);
    f->len = strlen(content);
    memcpy(f->data, content, f->len);
}

const char *fk_file_data(const char *path)
{
    struct file *f = fk_find_file(path);
    if (f == NULL)
        return NULL;
    f->data[f->len] = '\0';
    return f->data;
}

void fk_dir(const char *path)
{
    if (fk_find_file(path) == NULL)
        new_file(path, true);
}

void fk_dir_add(const char *dir, const char *name, int type)
{
    struct file *d = fk_find_file(dir);
    if (d != NULL && d->nents < NENTS) {
        strlcpy(d->ents[d->nents].name, name, sizeof d->ents[0].name);
        d->ents[d->nents++].type = type;
    }
}

/* ---- the log of I/O calls ----------------------------------------------- */

static void log_io(char op, long fd, long r)
{
    char buf[32];
    int n = 0;
    char digits[24];
    int nd = 0;
    unsigned long v = r < 0 ? (unsigned long)-r : (unsigned long)r;

    buf[n++] = op;
    buf[n++] = (char)('0' + fd % 10);
    buf[n++] = ':';
    if (r < 0)
        buf[n++] = '-';
    do {
        digits[nd++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (nd > 0)
        buf[n++] = digits[--nd];
    buf[n++] = ' ';
    if (fk_sh->loglen + (size_t)n < sizeof fk_sh->log) {
        memcpy(fk_sh->log + fk_sh->loglen, buf, (size_t)n);
        fk_sh->loglen += (size_t)n;
        fk_sh->log[fk_sh->loglen] = '\0';
    }
}

/* ---- the calls ------------------------------------------------------------ */

static struct fd *fd_get(long fd)
{
    if (fd < 0 || fd >= NFD || fk.fds[fd].kind == FD_NONE)
        return NULL;
    return &fk.fds[fd];
}

long sys_open(const char *path, long flags)
{
    struct file *f = fk_find_file(path);
    if (f == NULL) {
        if (!(flags & O_CREAT))
            return -ENOENT;
        f = new_file(path, false);
        if (f == NULL)
            return -ENOSPC;
    } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
        return -EEXIST;
    }
    if ((flags & O_DIRECTORY) && !f->is_dir)
        return -ENOTDIR;
    if ((flags & O_TRUNC) && !f->is_dir)
        f->len = 0;
    for (int fd = 0; fd < NFD; fd++) {
        if (fk.fds[fd].kind == FD_NONE) {
            fk.fds[fd] = (struct fd){ f->is_dir ? FD_DIR : FD_FILE,
                                     (int)(flags & (O_ACCMODE | O_APPEND | O_NONBLOCK)),
                                     false, (int)(f - fk.files), 0 };
            return fd;
        }
    }
    return -EMFILE;
}

long sys_close(long fd)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    d->kind = FD_NONE;
    return 0;
}

long sys_read(long fd, char *buf, size_t n)
{
    struct fd *d = fd_get(fd);
    long r;

    if (d == NULL)
        return -EBADF;
    if (fk.read_chunk != 0 && n > fk.read_chunk)
        n = fk.read_chunk;
    if (d->kind == FD_INPUT) {
        size_t left = fk.input_len - fk.input_pos;
        r = (long)(n < left ? n : left);
        memcpy(buf, fk.input + fk.input_pos, (size_t)r);
        fk.input_pos += (size_t)r;
    } else if (d->kind == FD_FILE) {
        struct file *f = &fk.files[d->file];
        size_t left = d->off < (long long)f->len ? f->len - (size_t)d->off : 0;
        r = (long)(n < left ? n : left);
        memcpy(buf, f->data + d->off, (size_t)r);
        d->off += r;
    } else {
        r = d->kind == FD_DIR ? -EISDIR : -EBADF;
    }
    log_io('r', fd, r);
    return r;
}

long sys_write(long fd, const char *buf, size_t n)
{
    struct fd *d = fd_get(fd);
    long r;

    if (d == NULL)
        return -EBADF;
    if (fk.write_ok_left == 0) {
        r = -fk.write_err;
    } else {
        if (fk.write_ok_left > 0)
            fk.write_ok_left--;
        if (fk.write_chunk != 0 && n > fk.write_chunk)
            n = fk.write_chunk;
        if (d->kind == FD_OUT && fd <= 2) {
            size_t room = FK_OUT_MAX - fk_sh->outlen[fd];
            size_t m = n < room ? n : room;
            memcpy(fk_sh->out[fd] + fk_sh->outlen[fd], buf, m);
            fk_sh->outlen[fd] += m;
            fk_sh->out[fd][fk_sh->outlen[fd]] = '\0';
            fk_sh->writes[fd]++;
            r = (long)n;
        } else if (d->kind == FD_FILE) {
            struct file *f = &fk.files[d->file];
            if (d->flags & O_APPEND)
                d->off = (long long)f->len;
            if ((size_t)d->off + n > FILE_MAX)
                return -EFBIG;
            memcpy(f->data + d->off, buf, n);
            d->off += (long long)n;
            if ((size_t)d->off > f->len)
                f->len = (size_t)d->off;
            r = (long)n;
        } else {
            r = -EBADF;
        }
    }
    log_io('w', fd, r);
    return r;
}

long sys_lseek(long fd, long off, long whence)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    if (d->kind != FD_FILE && d->kind != FD_DIR)
        return -ESPIPE;
    long long base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? d->off
                   : (long long)fk.files[d->file].len;
    if (whence > SEEK_END || base + off < 0)
        return -EINVAL;
    d->off = base + off;
    return (long)d->off;
}

long sys_fcntl(long fd, long cmd, long arg)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    if (cmd == F_GETFL)
        return d->flags;
    if (cmd == F_SETFL) {
        d->flags = (d->flags & O_ACCMODE) | (int)(arg & (O_APPEND | O_NONBLOCK));
        return 0;
    }
    return 0;
}

static void fill_stat(struct k_stat *st, const struct file *f)
{
    memset(st, 0, sizeof *st);
    st->st_ino = (uint32_t)(f - fk.files) + 10;
    st->st_mode = f->is_dir ? S_IFDIR | 0755 : S_IFREG | 0644;
    st->st_nlink = 1;
    st->st_size = (int64_t)f->len;
    st->st_mtim.tv_sec = 1600000000;
    st->st_mtim.tv_nsec = 5;
}

long sys_fstat(long fd, struct k_stat *st)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    if (d->kind == FD_FILE || d->kind == FD_DIR) {
        fill_stat(st, &fk.files[d->file]);
    } else {
        memset(st, 0, sizeof *st);
        st->st_mode = S_IFCHR | 0620;
    }
    return 0;
}

/* Linux's record layout: header, name, NUL, padded to 8 bytes. */
long sys_stat(const char *path, struct k_stat *st)
{
    struct file *f = fk_find_file(path);
    if (f == NULL)
        return -ENOENT;
    fill_stat(st, f);
    return 0;
}

/* Linux's record layout: header, name, NUL, padded to 8 bytes. */
long sys_getdents(long fd, char *buf, size_t n)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    if (d->kind != FD_DIR)
        return -ENOTDIR;
    if (fk.dents_chunk != 0 && n > fk.dents_chunk)
        n = fk.dents_chunk;
    struct file *dir = &fk.files[d->file];
    size_t used = 0;
    while (d->off < dir->nents) {
        const char *name = dir->ents[d->off].name;
        size_t len = offsetof(struct k_dirent, d_name) + strlen(name) + 1;
        len = (len + 7) & ~(size_t)7;
        if (used + len > n)
            break;
        struct k_dirent *e = (struct k_dirent *)(buf + used);
        memset(e, 0, len);
        e->d_ino = 100 + (uint64_t)d->off;
        e->d_off = d->off + 1;
        e->d_reclen = (uint16_t)len;
        e->d_type = (uint8_t)dir->ents[d->off].type;
        strcpy(e->d_name, name);
        used += len;
        d->off++;
    }
    if (used == 0 && d->off < dir->nents)
        return -EINVAL;
    return (long)used;
}

long sys_ioctl(long fd, unsigned long req, void *arg)
{
    struct fd *d = fd_get(fd);
    if (d == NULL)
        return -EBADF;
    fk.last_ioctl = req;
    if (!d->tty)
        return -ENOTTY;
    switch (req) {
    case TCGETS: {
        struct k_termios t;
        memset(&t, 0, sizeof t);
        t.c_iflag = ICRNL | IXON | BRKINT;
        t.c_oflag = OPOST | ONLCR;
        t.c_cflag = CS8 | CREAD;
        t.c_lflag = ICANON | ECHO | ECHOE | ISIG | IEXTEN;
        t.c_cc[VMIN] = 1;
        t.c_cc[VINTR] = 3;
        memcpy(arg, &t, sizeof t);
        return 0;
    }
    case TCSETS: case TCSETSW: case TCSETSF:
        memcpy(&fk.termios, arg, sizeof fk.termios);
        return 0;
    case TIOCGPGRP: *(int *)arg = 7; return 0;
    case TIOCSPGRP: fk.tcpgrp = *(int *)arg; return 0;
    case TIOCGSID:  *(int *)arg = 3; return 0;
    }
    return -EINVAL;
}
