/*
 * util.h - the helpers that the utilities of shell/bin share, so that
 * each is written once: memory that is never NULL, paths, the sorted
 * names of a directory, "ls -l"'s mode string, a yes/no prompt, sizes
 * with suffixes, the time for benchmarks.
 *
 * The sources are the .c files beside this one. For Duplex they travel in libc.a
 * (shell/lib/lib.mk builds them into it), so a program links only what
 * it uses; for the host build shell/bin/bin.mk compiles them into each
 * program. They use only POSIX and <err.h>, which both C libraries have.
 * Messages name the program as err() does (the base name of argv[0]).
 */
#ifndef DUPLEX_UTIL_H
#define DUPLEX_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/stat.h>

/* Allocation that ends the program ("NAME: out of memory", status 1
 * unless util_fail_status says otherwise: grep and diff use 2). */
extern int util_fail_status;
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* dir "/" name, without doubling a slash dir ends with (malloc'd). */
char *path_join(const char *dir, const char *name);

/* The last component of path, trailing slashes left out (malloc'd). */
char *path_base(const char *path);

/* The sorted names in a directory, "." and ".." left out, NULL-
 * terminated; *np (if not NULL) gets the count. NULL with errno set if
 * it cannot be read. free_names() frees them. */
char **dir_names(const char *path, size_t *np);
void free_names(char **names);

/* "drwxr-xr-x": the type, then rwx for owner, group and others, with
 * set-user-ID, set-group-ID and sticky over the x's as s/S, t/T. */
void mode_string(mode_t m, char out[11]);

/* What GNU's tools call a file's type ("regular empty file", "directory",
 * "fifo", ...: stat's %F, rm -i's question, diff's messages). */
const char *file_type(const struct stat *st);

/* st_dev and st_ino: the same file. */
int same_file(const struct stat *a, const struct stat *b);

/* Print the question (printf-style) on stderr and read an answer from
 * stdin: 1 if it begins with 'y' or 'Y', else 0 (also at end of input). */
int ask(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A count with an optional suffix: b (512), k/K (1024), m/M, g/G ...,
 * and kB, MB ... (powers of 1000), KiB, MiB ... Returns 0, or -1 if s
 * is not such a number (or overflows). */
int parse_size(const char *s, long long *out);

/* Every process (procs.c): a malloc'd array, *n of them; NULL on error
 * (errno set). The record is Duplex's (kernel/uapi/proc.h). */
#include "../../../kernel/uapi/proc.h"
struct k_procinfo *proc_list(int *n);
void proc_name(const struct k_procinfo *p, char out[16]);
/* Memory: on Duplex the kernel's heap, which holds every process's
 * memory; on the host /proc/meminfo. 0, or -1. */
int mem_info(long long *total, long long *used);

/* Digests (hash.c): which is 0 MD5, 1 SHA-1, 2 SHA-256. hash_hex()
 * finishes, frees the state and writes lowercase hex (up to 65 bytes). */
void *hash_new(int which);
void hash_add(int which, void *state, const void *data, size_t n);
void hash_hex(int which, void *state, char *out);

/* md5sum, sha1sum and sha256sum (sums.c). */
int sum_main(int argc, char **argv, int which);

/* User and group names (names.c): NULL when unknown. */
const char *user_name(unsigned uid);
const char *group_name(unsigned gid);
long user_id(const char *name);          /* a name or a number; -1: unknown */
long group_id(const char *name);
long user_group(const char *name);       /* a user NAME's login group; -1: none */

/* path made absolute (canonical.c): "." and ".." resolved, symbolic links
 * followed (not with nolinks), slashes doubled or trailing removed. mode:
 * 'e' (every component must exist), 'f' (all but the last) or 'm' (none).
 * malloc'd; NULL and errno on failure. */
char *canonical_path(const char *path, int mode, int nolinks);
/* The canonical path as a path from the canonical directory dir
 * ("../three/four", "." for dir itself); malloc'd. */
char *relative_path(const char *path, const char *dir);

/* The terminal (term.c): size (from the tty, else $LINES and $COLUMNS,
 * else 24x80); raw mode (no echo, no line editing, no signals from keys)
 * and back; one key, arrows and the like as the KEY_ codes. */
enum { KEY_UP = 0x100, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_PGUP,
       KEY_PGDN, KEY_DEL };
void term_size(int fd, int *rows, int *cols);
int  term_raw(int fd);
void term_restore(void);
int  term_key(int fd);         /* -1 at the end of input */

/* cp and mv's operands (targets.c): act(src, dst) for each SOURCE, DEST
 * being a DIRECTORY/base name when it is one (target_dir: -t; never with
 * no_target_dir: -T). Returns the OR of act's results, 1 for a target
 * that does not fit, -1 for a usage error (after the message). */
int each_target(const char *prog, int n, char **ops, const char *target_dir,
                int no_target_dir, int (*act)(const char *src, const char *dst));

/* Operands (operands.c). missing_operand: "PROG: missing operand", or
 * "... after 'AFTER'" if AFTER is not NULL, on stderr (the caller then
 * adds its usage line and exits with its status). two_operands: unless
 * argv holds exactly two after optind, "missing operand [after 'FILE1']"
 * or "extra operand 'X'", then usage (if not NULL) on stderr, and
 * exit(status). open_operand: a file to read, "-" being stdin; NULL with
 * errno set if it cannot be opened. */
void missing_operand(const char *after);
void two_operands(int argc, char **argv, int status, const char *usage);
FILE *open_operand(const char *name);

/* Dates (dates.c), in local time (TZ). parse_date: date -d's and touch
 * -d's free form as GNU reads it: "YYYY-MM-DD[ HH:MM[:SS[.NNN]]][ ZONE]"
 * (a T may join them; ZONE: Z, UTC, TZ's names, +HHMM, -HH:MM),
 * "Jan 31 2024", "@SECONDS", "now", "yesterday", "2 days ago",
 * "next monday", a leading TZ="ZONE". parse_stamp: touch -t's
 * [[CC]YY]MMDDhhmm[.ss]. 0, or -1 if s is no such date. */
struct timespec;
int parse_date(const char *s, struct timespec *out);
int parse_stamp(const char *s, struct timespec *out);
/* Seconds on the monotonic clock, for benchmarks. */
double now_s(void);

/* perror(what), then exit(1): the benchmarks' one way to fail. */
void die(const char *what) __attribute__((noreturn));

#endif
