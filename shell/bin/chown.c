/*
 * chown, chgrp - change the owner and group of files.
 *
 *   chown [-Rhvcf] [--reference=RFILE] OWNER[:[GROUP]] | :GROUP FILE...
 *   chgrp [-Rhvcf] [--reference=RFILE] GROUP FILE...
 *
 * OWNER and GROUP are names (/etc/passwd, /etc/group) or numbers.
 * "OWNER:" also sets the group to OWNER's login group (its gid in
 * /etc/passwd); "invalid spec" for a number with no user, as GNU says.
 * Only root may give a file away; an owner may set the group to its own
 * (the kernel decides: EPERM). -R descends into directories (-P, the
 * default: no link is followed and links themselves change; -H: links
 * named as operands are followed; -L: every link), -h changes a symbolic
 * link itself, -v names every file, -c those changed, -f keeps quiet
 * about failures.
 * This one program is both: chgrp is a script running "chown --chgrp".
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static const char *prog = "chown";
static int recursive, no_deref = -1, verbose, changes, silent;
static int walk = 'P';              /* -R's links: -P none, -H operands', -L all */
static long new_uid = -1, new_gid = -1;
static char *uid_text, *gid_text;   /* as given: -v shows them so (GNU) */

static const char *id_text(long id, int group, char *buf, size_t size)
{
    if (buf[0] == '=')         /* the new value: as it was given, if it was */
        return group ? (gid_text ? gid_text : id_text(id, 1, buf + 1, size - 1))
                     : (uid_text ? uid_text : id_text(id, 0, buf + 1, size - 1));
    const char *name = group ? group_name((unsigned)id) : user_name((unsigned)id);
    if (name)
        return name;
    snprintf(buf, size, "%ld", id);
    return buf;
}

/*
 * As GNU's: a symbolic link met is followed, its target changed, unless
 * -h, or -R with -P (the default), which change the link itself. -R
 * descends into a link to a directory only with -L, or -H for an operand.
 */
static int change(const char *path, int top)
{
    struct stat st;
    int follow = !no_deref;
    int descend_links = walk == 'L' || (walk == 'H' && top);
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
        if (!silent)
            fprintf(stderr, "%s: cannot access '%s': %s\n", prog, path, strerror(errno));
        return 1;
    }
    long uid = new_uid < 0 ? (long)st.st_uid : new_uid;
    long gid = new_gid < 0 ? (long)st.st_gid : new_gid;
    int status = 0;
    int r = fchownat(AT_FDCWD, path, (uid_t)uid, (gid_t)gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int changed = uid != (long)st.st_uid || gid != (long)st.st_gid;
    char a[32] = "", b[32] = "", c[32] = "=", d[32] = "=";
    if (r != 0) {
        if (!silent)
            fprintf(stderr, "%s: changing %s of '%s': %s\n", prog,
                    strcmp(prog, "chgrp") == 0 ? "group" : "ownership", path, strerror(errno));
        status = 1;
    } else if (verbose || (changes && changed)) {
        if (strcmp(prog, "chgrp") == 0)
            printf(changed ? "changed group of '%s' from %s to %s\n"
                           : "group of '%s' retained as %s\n", path,
                   id_text(st.st_gid, 1, a, sizeof a), id_text(gid, 1, d, sizeof d));
        else if (new_gid < 0)  /* only the owner was asked for: GNU names only it */
            printf(changed ? "changed ownership of '%s' from %s to %s\n"
                           : "ownership of '%s' retained as %s\n", path,
                   changed ? id_text(st.st_uid, 0, a, sizeof a) : id_text(uid, 0, c, sizeof c),
                   id_text(uid, 0, c, sizeof c));
        else if (changed)
            printf("changed ownership of '%s' from %s:%s to %s:%s\n", path,
                   id_text(st.st_uid, 0, a, sizeof a), id_text(st.st_gid, 1, b, sizeof b),
                   id_text(uid, 0, c, sizeof c), id_text(gid, 1, d, sizeof d));
        else
            printf("ownership of '%s' retained as %s:%s\n", path,
                   id_text(uid, 0, c, sizeof c), id_text(gid, 1, d, sizeof d));
    }
    struct stat dir;
    if (recursive && (descend_links ? stat(path, &dir) : lstat(path, &dir)) == 0 &&
        S_ISDIR(dir.st_mode)) {
        char **names = dir_names(path, NULL);
        if (!names) {
            if (!silent)
                fprintf(stderr, "%s: cannot read directory '%s': %s\n", prog, path,
                        strerror(errno));
            return 1;
        }
        for (char **n = names; *n; n++) {
            char *sub = path_join(path, *n);
            status |= change(sub, 0);
            free(sub);
        }
        free_names(names);
    }
    return status;
}

/* OWNER[:[GROUP]] or :GROUP (chown), GROUP (chgrp). */
static int parse_spec(const char *spec, int group_only)
{
    const char *colon = group_only ? NULL : strchr(spec, ':');
    if (!colon && !group_only && (colon = strchr(spec, '.')) && user_id(spec) >= 0)
        colon = NULL;          /* an old-style "user.group", unless a user */
    const char *group = group_only ? spec : colon ? colon + 1 : NULL;
    if (!group_only && (!colon || colon > spec)) {
        static char user[256];
        snprintf(user, sizeof user, "%.*s", (int)(colon ? colon - spec : (long)strlen(spec)),
                 spec);
        new_uid = user_id(user);
        if (new_uid < 0) {
            fprintf(stderr, "%s: invalid user: '%s'\n", prog, spec);
            return -1;
        }
        uid_text = user;
        if (colon && !*group) {
            /* "OWNER:": the login group of the user */
            new_gid = user_group(user);
            if (new_gid < 0) {
                fprintf(stderr, "%s: invalid spec: '%s'\n", prog, spec);
                return -1;
            }
            gid_text = NULL;
        }
    }
    if (group && *group) {
        new_gid = group_id(group);
        gid_text = (char *)group;
        if (new_gid < 0) {
            fprintf(stderr, "%s: invalid group: '%s'\n", prog, spec);
            return -1;
        }
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "Try '%s --help' for more information.\n", prog);
    exit(1);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "recursive", no_argument, NULL, 'R' }, { "no-dereference", no_argument, NULL, 'h' },
        { "dereference", no_argument, NULL, 'D' }, { "verbose", no_argument, NULL, 'v' },
        { "changes", no_argument, NULL, 'c' }, { "silent", no_argument, NULL, 'f' },
        { "quiet", no_argument, NULL, 'f' }, { "reference", required_argument, NULL, 'r' },
        { "chgrp", no_argument, NULL, 'G' }, { "help", no_argument, NULL, 'u' },
        { NULL, 0, NULL, 0 },
    };
    int c, group_only = 0;
    const char *reference = NULL;
    while ((c = getopt_long(argc, argv, "RhvcfHLP", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': recursive = 1; break;
        case 'h': no_deref = 1; break;
        case 'D': no_deref = 0; break;
        case 'v': verbose = 1; break;
        case 'c': changes = 1; break;
        case 'f': silent = 1; break;
        case 'r': reference = optarg; break;
        case 'G': group_only = 1; prog = "chgrp"; break;
        case 'H': case 'L': case 'P': walk = c; break;
        case 'u':
            printf(group_only ? "usage: chgrp [-Rhvcf] GROUP FILE...\n"
                                "       chgrp [-Rhvcf] --reference=RFILE FILE...\n"
                              : "usage: chown [-Rhvcf] [OWNER][:[GROUP]] FILE...\n"
                                "       chown [-Rhvcf] --reference=RFILE FILE...\n");
            return 0;
        default: usage();
        }
    }
    if (no_deref < 0)
        no_deref = recursive && walk == 'P';    /* -R -P: links themselves */
    if (reference) {
        struct stat st;
        if (stat(reference, &st) != 0) {
            fprintf(stderr, "%s: failed to get attributes of '%s': %s\n", prog, reference,
                    strerror(errno));
            return 1;
        }
        new_gid = st.st_gid;
        if (!group_only)
            new_uid = st.st_uid;
    } else if (optind < argc) {
        if (parse_spec(argv[optind++], group_only) < 0)
            return 1;
    }
    if (optind >= argc) {
        if (argc > 1 && optind == argc && !reference && optind > 1 && argv[optind - 1][0] != '-')
            missing_operand(argv[optind - 1]);
        else
            missing_operand(NULL);
        usage();
    }
    int status = 0;
    for (int i = optind; i < argc; i++)
        status |= change(argv[i], 1);
    return (fflush(stdout) != 0) | status;
}
