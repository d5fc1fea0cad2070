/*
 * cp - copy files and directory trees.
 *
 *   cp [-finprRTv] SOURCE DEST
 *   cp [-finprRv] SOURCE... DIRECTORY
 *   cp [-finprRv] -t DIRECTORY SOURCE...
 *
 * With two operands and DEST not an existing directory (or with -T),
 * SOURCE is copied to DEST; otherwise each SOURCE is copied into
 * DIRECTORY under its own base name. -r (or -R) copies directories with
 * their contents, and FIFOs as new FIFOs (instead of reading from them);
 * -f removes a destination file that cannot be opened and tries again;
 * -i asks before replacing a file, -n never replaces one; -p keeps the
 * permission bits exactly (the umask left out); -v prints "'a' -> 'b'"
 * for each file copied.
 *
 * A new file or directory gets its source's permission bits less the
 * umask, as in GNU cp without -p. A directory's entries are copied in
 * name order, so that -v and error output are the same on every system.
 *
 * Not supported: keeping times and owners (-p keeps the mode only: Duplex
 * cannot set a file's times or owner), links and symbolic links.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "cp"
#define CHUNK (64 * 1024)

static int force, recursive, verbose, preserve, clobber = 'f';
static mode_t cur_umask;
static char buf[CHUNK];

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-frRv] SOURCE DEST\n"
               "   or: " PROG " [-frRv] SOURCE... DIRECTORY\n"
               "Copy SOURCE to DEST, or the SOURCE(s) into DIRECTORY.\n");
    exit(status);
}

/*
 * Would dst lie inside the directory src? dst may not exist yet, so start
 * from its parent and climb with "/.." until a directory is its own
 * parent (the root), comparing each with src.
 */
static int inside(const struct stat *src, const char *dst)
{
    size_t n = strlen(dst);
    while (n > 1 && dst[n - 1] == '/')
        n--;
    while (n > 0 && dst[n - 1] != '/')
        n--;
    size_t cap = n + 4096;
    char *p = xmalloc(cap);
    if (n == 0) {
        strcpy(p, ".");                     /* dst is in the current directory */
    } else {
        memcpy(p, dst, n);
        p[n] = '\0';
    }
    int found = 0;
    struct stat st, up;
    while (stat(p, &st) == 0 && !(found = same_file(&st, src))) {
        if (strlen(p) + 4 >= cap)
            break;                          /* too deep to tell: assume not */
        strcat(p, "/..");
        if (stat(p, &up) != 0 || same_file(&up, &st))
            break;
    }
    free(p);
    return found;
}

static int copy(const char *src, const char *dst);

static int copy_dir(const char *src, const char *dst, const struct stat *sst, int dexists)
{
    if (inside(sst, dst)) {
        fprintf(stderr, PROG ": cannot copy a directory, '%s', into itself, '%s'\n", src, dst);
        return 1;
    }
    if (!dexists) {
        /* Owner rwx while filling it; the final mode comes after. */
        if (mkdir(dst, (sst->st_mode & 0777) | S_IRWXU) != 0) {
            fprintf(stderr, PROG ": cannot create directory '%s': %s\n", dst, strerror(errno));
            return 1;
        }
        if (verbose)
            printf("'%s' -> '%s'\n", src, dst);
    }
    size_t n;
    char **names = dir_names(src, &n);
    if (!names) {
        fprintf(stderr, PROG ": cannot access '%s': %s\n", src, strerror(errno));
        return 1;
    }
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        char *s = path_join(src, names[i]), *d = path_join(dst, names[i]);
        status |= copy(s, d);
        free(s);
        free(d);
    }
    free_names(names);
    if (!dexists && chmod(dst, sst->st_mode & 0777 & ~cur_umask) != 0) {
        fprintf(stderr, PROG ": cannot set permissions of '%s': %s\n", dst, strerror(errno));
        status = 1;
    }
    return status;
}

/* Open dst for writing; -f: if that fails, remove it and try once more. */
static int open_dest(const char *dst, mode_t mode)
{
    int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 && force && errno != ENOENT && unlink(dst) == 0)
        fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
    return fd;
}

static int copy_data(int in, int out, const char *src, const char *dst)
{
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n == 0)
            return 0;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, PROG ": error reading '%s': %s\n", src, strerror(errno));
            return 1;
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                fprintf(stderr, PROG ": error writing '%s': %s\n", dst, strerror(errno));
                return 1;
            }
            done += w;
        }
    }
}

static int copy_file(const char *src, const char *dst, const struct stat *sst)
{
    int in = open(src, O_RDONLY);
    if (in < 0) {
        fprintf(stderr, PROG ": cannot open '%s' for reading: %s\n", src, strerror(errno));
        return 1;
    }
    int out = open_dest(dst, sst->st_mode & 0777);
    if (out < 0) {
        fprintf(stderr, PROG ": cannot create regular file '%s': %s\n", dst, strerror(errno));
        close(in);
        return 1;
    }
    int status = copy_data(in, out, src, dst);
    close(in);
    if (close(out) != 0 && !status) {
        fprintf(stderr, PROG ": failed to close '%s': %s\n", dst, strerror(errno));
        status = 1;
    }
    if (!status && preserve && chmod(dst, sst->st_mode & 07777) != 0) {
        fprintf(stderr, PROG ": preserving permissions for '%s': %s\n", dst, strerror(errno));
        status = 1;
    }
    if (!status && verbose)
        printf("'%s' -> '%s'\n", src, dst);
    return status;
}

/* cp -r copies a FIFO as a new FIFO: reading it would wait for a writer. */
static int copy_fifo(const char *src, const char *dst, const struct stat *sst, int dexists)
{
    if (dexists && unlink(dst) != 0) {
        fprintf(stderr, PROG ": cannot remove '%s': %s\n", dst, strerror(errno));
        return 1;
    }
    if (mkfifo(dst, sst->st_mode & 0777) != 0) {
        fprintf(stderr, PROG ": cannot create fifo '%s': %s\n", dst, strerror(errno));
        return 1;
    }
    if (verbose)
        printf("'%s' -> '%s'\n", src, dst);
    return 0;
}

static int copy(const char *src, const char *dst)
{
    struct stat sst, dst_st;
    if (stat(src, &sst) != 0) {
        fprintf(stderr, PROG ": cannot stat '%s': %s\n", src, strerror(errno));
        return 1;
    }
    int dexists = stat(dst, &dst_st) == 0;
    if (dexists && same_file(&sst, &dst_st)) {
        fprintf(stderr, PROG ": '%s' and '%s' are the same file\n", src, dst);
        return 1;
    }
    if (S_ISDIR(sst.st_mode)) {
        if (!recursive) {
            fprintf(stderr, PROG ": -r not specified; omitting directory '%s'\n", src);
            return 1;
        }
        if (dexists && !S_ISDIR(dst_st.st_mode)) {
            fprintf(stderr, PROG ": cannot overwrite non-directory '%s' with directory '%s'\n",
                    dst, src);
            return 1;
        }
        return copy_dir(src, dst, &sst, dexists);
    }
    if (dexists && S_ISDIR(dst_st.st_mode)) {
        fprintf(stderr, PROG ": cannot overwrite directory '%s' with non-directory\n", dst);
        return 1;
    }
    if (dexists && clobber == 'n')
        return 0;
    if (dexists && clobber == 'i' && !ask(PROG ": overwrite '%s'? ", dst))
        return 0;
    if (recursive && S_ISFIFO(sst.st_mode))
        return copy_fifo(src, dst, &sst, dexists);
    return copy_file(src, dst, &sst);
}

int main(int argc, char **argv)
{
    int c;
    const char *target_dir = NULL;
    int no_target_dir = 0;

    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        usage(0);
    opterr = 0;
    while ((c = getopt(argc, argv, "+finprRTt:v")) != -1) {
        switch (c) {
        case 'f': force = 1; clobber = 'f'; break;
        case 'i': case 'n': clobber = c; break;
        case 'p': preserve = 1; break;
        case 'r':
        case 'R': recursive = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        default:
            fprintf(stderr, PROG ": invalid option -- '%c'\n", optopt);
            usage(1);
        }
    }
    cur_umask = umask(0);
    umask(cur_umask);
    if (preserve)
        cur_umask = 0;
    int status = each_target(PROG, argc - optind, argv + optind, target_dir, no_target_dir,
                             copy);
    if (status < 0)
        return 1;
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
