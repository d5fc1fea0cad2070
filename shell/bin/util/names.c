/*
 * names.c - the names of users and groups, from /etc/passwd and
 * /etc/group (Duplex's hold Debian's system users and groups: root,
 * daemon, bin, sys, adm, ..., nobody and nogroup); root is uid and gid 0
 * even without them.
 *
 * The last name found is kept: ls -l asks for the same owner again and
 * again, and the files are read once per new id only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

/* The name of id in field 3 of a line of file (NAME:x:ID:...), or NULL. */
static const char *lookup(const char *file, unsigned id, char *buf, size_t size)
{
    FILE *f = fopen(file, "r");
    char line[512];
    const char *found = NULL;
    while (f && !found && fgets(line, sizeof line, f)) {
        char *colon1 = strchr(line, ':'), *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
        if (!colon2 || strtoul(colon2 + 1, NULL, 10) != id || colon2[1] == ':')
            continue;
        snprintf(buf, size, "%.*s", (int)(colon1 - line), line);
        found = buf;
    }
    if (f)
        fclose(f);
    if (!found && id == 0)
        found = "root";
    return found;
}

/* The name of id in file, remembered in *last for the next call. */
struct last_name {
    int valid;
    unsigned id;
    const char *name;
    char buf[64];
};

static const char *cached(const char *file, unsigned id, struct last_name *last)
{
    if (!last->valid || last->id != id) {
        last->name = lookup(file, id, last->buf, sizeof last->buf);
        last->id = id;
        last->valid = 1;
    }
    return last->name;
}

const char *user_name(unsigned uid)
{
    static struct last_name last;
    return cached("/etc/passwd", uid, &last);
}

const char *group_name(unsigned gid)
{
    static struct last_name last;
    return cached("/etc/group", gid, &last);
}

/* The id of name (or a number) in file (NAME:x:ID:...); -1 if unknown. */
static long lookup_id(const char *file, const char *name)
{
    char *end;
    long n = strtol(name, &end, 10);
    if (*name && !*end)
        return n;
    if (strcmp(name, "root") == 0)
        return 0;
    FILE *f = fopen(file, "r");
    char line[512];
    long id = -1;
    size_t len = strlen(name);
    while (f && id < 0 && fgets(line, sizeof line, f)) {
        char *colon1 = strchr(line, ':'), *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
        if (colon2 && (size_t)(colon1 - line) == len && strncmp(line, name, len) == 0)
            id = strtol(colon2 + 1, NULL, 10);
    }
    if (f)
        fclose(f);
    return id;
}

long user_id(const char *name)
{
    return lookup_id("/etc/passwd", name);
}

long group_id(const char *name)
{
    return lookup_id("/etc/group", name);
}

/* The login group (field 4 of /etc/passwd) of a user NAME; -1 if there
 * is no such name (a number is none: as for getpwnam). root's is 0 even
 * without the file. */
long user_group(const char *name)
{
    if (strspn(name, "0123456789") == strlen(name))
        return -1;
    long uid = user_id(name);
    if (uid < 0)
        return -1;
    FILE *f = fopen("/etc/passwd", "r");
    char line[512];
    long gid = -1;
    while (f && gid < 0 && fgets(line, sizeof line, f)) {
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        char *c3 = c2 ? strchr(c2 + 1, ':') : NULL;
        if (c3 && c2[1] != ':' && strtol(c2 + 1, NULL, 10) == uid)
            gid = strtol(c3 + 1, NULL, 10);
    }
    if (f)
        fclose(f);
    return gid < 0 && uid == 0 ? 0 : gid;
}
