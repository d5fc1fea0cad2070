/*
 * names.c - the names of users and groups: from /etc/passwd and
 * /etc/group when the system has them (the development host); Duplex has
 * neither, and knows only root, uid and gid 0.
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

const char *user_name(unsigned uid)
{
    static char buf[64];
    return lookup("/etc/passwd", uid, buf, sizeof buf);
}

const char *group_name(unsigned gid)
{
    static char buf[64];
    return lookup("/etc/group", gid, buf, sizeof buf);
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
