/*
 * cp - copy files and directory trees.
 *
 *   cp [-aadfHiLnpPrRTuv] [--preserve[=LIST]] [--parents] SOURCE DEST
 *   cp [OPTION]... SOURCE... DIRECTORY
 *   cp [OPTION]... -t DIRECTORY SOURCE...
 *
 * With two operands and DEST not an existing directory (or with -T),
 * SOURCE is copied to DEST; otherwise each SOURCE is copied into
 * DIRECTORY under its own base name (--parents: under its whole name,
 * the missing directories of that name made). -r (or -R) copies
 * directories with their contents, and FIFOs as new FIFOs (instead of
 * reading from them); -f removes a destination file that cannot be
 * opened and tries again; -i asks before replacing a file, -n never
 * replaces one, -u only with a newer SOURCE; -v prints "'a' -> 'b'" for
 * each file copied.
 *
 * Symbolic links, as GNU's: followed (-L) unless -r, which copies them
 * as links (-P); -H follows those named as operands. -p (--preserve=mode,
 * ownership,timestamps) keeps the permission bits exactly, the owner and
 * group, and the times; without it a new file gets its source's bits
 * less the umask. -a is -dR --preserve=all (-d is -P). A directory's
 * entries are copied in name order, so that -v and error output are the
 * same on every system. Hard links are not kept (each copy is a file).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

#define PROG "cp"
#define CHUNK (64 * 1024)

static int force, recursive, verbose, clobber = 'f', update, parents;
static int keep_mode, keep_owner, keep_times;   /* -p, --preserve=... */
static int deref;              /* 'L' follow links, 'P' copy them, 'H' operands' */
static int depth;              /* 0: an operand; more: inside a directory */
static mode_t cur_umask;
static char buf[CHUNK];

static void usage(int status)
{
    if (status)
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
    else
        printf("Usage: " PROG " [-adfHiLnpPrRTuv] [--preserve[=LIST]] [--parents] SOURCE DEST\n"
               "   or: " PROG " [OPTION]... SOURCE... DIRECTORY\n"
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

/* -p: dst gets src's owner and times (the mode is set where it is made).
 * Failing to keep the owner is no error, as in GNU cp (only root may). */
static int keep_attributes(const char *src, const char *dst, const struct stat *sst)
{
    int flags = S_ISLNK(sst->st_mode) ? AT_SYMLINK_NOFOLLOW : 0;
    if (keep_owner)
        (void)fchownat(AT_FDCWD, dst, sst->st_uid, sst->st_gid, flags);
    struct timespec t[2] = { sst->st_atim, sst->st_mtim };
    if (keep_times && utimensat(AT_FDCWD, dst, t, flags) != 0) {
        fprintf(stderr, PROG ": preserving times for '%s': %s\n", dst, strerror(errno));
        return 1;
    }
    (void)src;
    return 0;
}

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
    depth++;
    for (size_t i = 0; i < n; i++) {
        char *s = path_join(src, names[i]), *d = path_join(dst, names[i]);
        status |= copy(s, d);
        free(s);
        free(d);
    }
    depth--;
    free_names(names);
    if ((!dexists || keep_mode) &&
        chmod(dst, sst->st_mode & (keep_mode ? 07777 : 0777 & ~cur_umask)) != 0) {
        fprintf(stderr, PROG ": cannot set permissions of '%s': %s\n", dst, strerror(errno));
        status = 1;
    }
    if (!status && (keep_owner || keep_times))
        status = keep_attributes(src, dst, sst);
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
    if (!status && keep_mode && chmod(dst, sst->st_mode & 07777) != 0) {
        fprintf(stderr, PROG ": preserving permissions for '%s': %s\n", dst, strerror(errno));
        status = 1;
    }
    if (!status && (keep_owner || keep_times))
        status = keep_attributes(src, dst, sst);
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

/* -P: a symbolic link copied as a new link to the same target. */
static int copy_link(const char *src, const char *dst, const struct stat *sst, int dexists)
{
    char target[PATH_MAX];
    ssize_t n = readlink(src, target, sizeof target - 1);
    if (n < 0) {
        fprintf(stderr, PROG ": cannot read symbolic link '%s': %s\n", src, strerror(errno));
        return 1;
    }
    target[n] = '\0';
    if (dexists && unlink(dst) != 0) {
        fprintf(stderr, PROG ": cannot remove '%s': %s\n", dst, strerror(errno));
        return 1;
    }
    if (symlink(target, dst) != 0) {
        fprintf(stderr, PROG ": cannot create symbolic link '%s': %s\n", dst, strerror(errno));
        return 1;
    }
    if ((keep_owner || keep_times) && keep_attributes(src, dst, sst))
        return 1;
    if (verbose)
        printf("'%s' -> '%s'\n", src, dst);
    return 0;
}

/* -u: whether dst is at least as new as src (then it is left alone). */
static int not_older(const struct stat *sst, const struct stat *dst_st)
{
    return dst_st->st_mtim.tv_sec > sst->st_mtim.tv_sec ||
           (dst_st->st_mtim.tv_sec == sst->st_mtim.tv_sec &&
            dst_st->st_mtim.tv_nsec >= sst->st_mtim.tv_nsec);
}

enum { GO, SKIP, FAIL };

/*
 * Whether the existing dst may be replaced by a copy of the non-directory
 * src: FAIL (said why) over a directory; SKIP under -n, under -u when dst
 * is not older, and under -i when the answer is no; else GO.
 */
static int may_replace(const char *dst, const struct stat *sst, const struct stat *dst_st)
{
    if (S_ISDIR(dst_st->st_mode)) {
        fprintf(stderr, PROG ": cannot overwrite directory '%s' with non-directory\n", dst);
        return FAIL;
    }
    if (clobber == 'n' || (update && not_older(sst, dst_st)))
        return SKIP;
    if (clobber == 'i' && !ask(PROG ": overwrite '%s'? ", dst))
        return SKIP;
    return GO;
}

static int copy(const char *src, const char *dst)
{
    struct stat sst, dst_st;
    int r;
    int follow = deref == 'L' || (deref == 'H' && depth == 0);
    if ((follow ? stat(src, &sst) : lstat(src, &sst)) != 0) {
        fprintf(stderr, PROG ": cannot stat '%s': %s\n", src, strerror(errno));
        return 1;
    }
    int dexists = stat(dst, &dst_st) == 0;
    if (S_ISLNK(sst.st_mode)) {
        struct stat lst;
        if (!dexists && lstat(dst, &lst) == 0)
            dexists = 1, dst_st = lst;       /* a dangling link is there too */
        if (dexists && (r = may_replace(dst, &sst, &dst_st)) != GO)
            return r == FAIL;
        return copy_link(src, dst, &sst, dexists);
    }
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
    if (dexists && (r = may_replace(dst, &sst, &dst_st)) != GO)
        return r == FAIL;
    if (recursive && S_ISFIFO(sst.st_mode))
        return copy_fifo(src, dst, &sst, dexists);
    return copy_file(src, dst, &sst);
}

/* --preserve=LIST: mode, ownership, timestamps, links (not kept), all. */
static int preserve_list(const char *list)
{
    char *copy = xstrdup(list), *save = NULL;
    for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        if (!strcmp(w, "mode"))
            keep_mode = 1;
        else if (!strcmp(w, "ownership"))
            keep_owner = 1;
        else if (!strcmp(w, "timestamps"))
            keep_times = 1;
        else if (!strcmp(w, "all"))
            keep_mode = keep_owner = keep_times = 1;
        else if (strcmp(w, "links") != 0 && strcmp(w, "context") != 0 &&
                 strcmp(w, "xattr") != 0) {
            fprintf(stderr, PROG ": invalid argument '%s' for '--preserve'\n"
                    "Valid arguments are:\n  - 'mode'\n  - 'timestamps'\n  - 'ownership'\n"
                    "  - 'links'\n  - 'context'\n  - 'xattr'\n  - 'all'\n", w);
            free(copy);
            return -1;
        }
    }
    free(copy);
    return 0;
}

/* --parents: SOURCE copied to DIRECTORY/SOURCE, making the directories
 * of SOURCE's name that are missing there (with their source's mode). */
static int copy_parents(int n, char **srcs, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, PROG ": with --parents, the destination must be a directory\n");
        fprintf(stderr, "Try '" PROG " --help' for more information.\n");
        return 1;
    }
    int status = 0;
    for (int i = 0; i < n; i++) {
        const char *rel = srcs[i];
        while (*rel == '/')
            rel++;
        char *dst = path_join(dir, rel);
        char *name = dst + strlen(dst) - strlen(rel);     /* SOURCE's name in dst */
        int bad = 0;
        /* each directory of the name: DIR/a, DIR/a/b, ... */
        for (char *p = strchr(name, '/'); !bad && p; p = strchr(p + 1, '/')) {
            *p = '\0';
            char *src_dir = xstrdup(srcs[i]);
            src_dir[(size_t)(rel - srcs[i]) + (size_t)(p - name)] = '\0';
            struct stat sd;
            if (stat(dst, &st) != 0) {
                mode_t mode = stat(src_dir, &sd) == 0 ? sd.st_mode & 07777 : 0777;
                if (mkdir(dst, keep_mode ? mode : mode & ~cur_umask) != 0) {
                    fprintf(stderr, PROG ": cannot make directory '%s': %s\n", dst,
                            strerror(errno));
                    bad = 1;
                } else if (verbose) {
                    printf("%s -> %s\n", src_dir, dst);
                }
            } else if (!S_ISDIR(st.st_mode)) {
                fprintf(stderr, PROG ": '%s' exists but is not a directory\n", dst);
                bad = 1;
            }
            free(src_dir);
            *p = '/';
        }
        status |= bad ? 1 : copy(srcs[i], dst);
        free(dst);
    }
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "archive", no_argument, NULL, 'a' }, { "force", no_argument, NULL, 'f' },
        { "interactive", no_argument, NULL, 'i' }, { "no-clobber", no_argument, NULL, 'n' },
        { "recursive", no_argument, NULL, 'R' }, { "update", no_argument, NULL, 'u' },
        { "verbose", no_argument, NULL, 'v' }, { "dereference", no_argument, NULL, 'L' },
        { "no-dereference", no_argument, NULL, 'P' },
        { "preserve", optional_argument, NULL, 'K' }, { "parents", no_argument, NULL, 'A' },
        { "target-directory", required_argument, NULL, 't' },
        { "no-target-directory", no_argument, NULL, 'T' }, { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    const char *target_dir = NULL;
    int no_target_dir = 0;

    while ((c = getopt_long(argc, argv, "adfHiLnpPrRTt:uv", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': force = 1; clobber = 'f'; break;
        case 'i': case 'n': clobber = c; break;
        case 'p': keep_mode = keep_owner = keep_times = 1; break;
        case 'K':
            if (!optarg)
                keep_mode = keep_owner = keep_times = 1;
            else if (preserve_list(optarg) < 0)
                usage(1);
            break;
        case 'a': recursive = 1; deref = 'P'; keep_mode = keep_owner = keep_times = 1; break;
        case 'd': case 'P': deref = 'P'; break;
        case 'H': case 'L': deref = c; break;
        case 'r':
        case 'R': recursive = 1; break;
        case 'u': update = 1; break;
        case 'A': parents = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        case 'v':
            verbose = 1;
            setvbuf(stdout, NULL, _IOLBF, 0);   /* keep messages in order */
            break;
        case 'h': usage(0); break;
        default: usage(1);
        }
    }
    if (!deref)
        deref = recursive ? 'P' : 'L';     /* GNU: -r copies links as links */
    cur_umask = umask(0);
    umask(cur_umask);
    if (keep_mode)
        cur_umask = 0;
    int n = argc - optind, status;
    if (parents) {
        if (n == 0 || (n == 1 && !target_dir)) {
            fprintf(stderr, PROG ": missing %s operand\n", n ? "destination file" : "file");
            usage(1);
        }
        status = copy_parents(target_dir ? n : n - 1, argv + optind,
                              target_dir ? target_dir : argv[argc - 1]);
    } else {
        status = each_target(PROG, n, argv + optind, target_dir, no_target_dir, copy);
    }
    if (status < 0)
        return 1;
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
