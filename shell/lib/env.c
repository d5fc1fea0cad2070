/*
 * env.c - the environment: getenv, setenv, unsetenv, putenv, clearenv.
 *
 * environ starts as the array the kernel placed in the process's memory
 * (start.c). The first change copies it into a malloc'd array, which then
 * grows as needed. "NAME=value" strings made by setenv are the library's
 * and are freed when replaced or removed; strings given to putenv are the
 * caller's and become part of the environment as they are.
 */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **owned_env;        /* environ, once it is our own array */
static size_t env_cap;          /* its capacity, counting the NULL */

static char **owned_strings;    /* strings made by setenv */
static size_t nowned, owned_cap;

/* The index of name in environ, or -1. name ends at '=' or NUL. */
static long find(const char *name, size_t len)
{
    if (environ == NULL)
        return -1;
    for (size_t i = 0; environ[i] != NULL; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
            return (long)i;
    return -1;
}

static size_t env_count(void)
{
    size_t n = 0;
    while (environ != NULL && environ[n] != NULL)
        n++;
    return n;
}

/* Make environ our own array with room for one more entry. */
static int reserve_one(void)
{
    size_t n = env_count();
    if (environ == owned_env && n + 2 <= env_cap)
        return 0;
    size_t cap = (n + 2) * 2;
    char **a = malloc(cap * sizeof *a);
    if (a == NULL)
        return -1;
    if (n > 0)
        memcpy(a, environ, n * sizeof *a);
    a[n] = NULL;
    if (environ == owned_env)
        free(owned_env);
    environ = owned_env = a;
    env_cap = cap;
    return 0;
}

/* Forget s; free it if setenv made it. */
static void drop_string(char *s)
{
    for (size_t i = 0; i < nowned; i++) {
        if (owned_strings[i] == s) {
            owned_strings[i] = owned_strings[--nowned];
            free(s);
            return;
        }
    }
}

static int remember_string(char *s)
{
    if (nowned == owned_cap) {
        size_t cap = owned_cap ? owned_cap * 2 : 16;
        char **a = realloc(owned_strings, cap * sizeof *a);
        if (a == NULL)
            return -1;
        owned_strings = a;
        owned_cap = cap;
    }
    owned_strings[nowned++] = s;
    return 0;
}

/* Put "NAME=value" string s in the environment, replacing NAME's entry. */
static int put(char *s, size_t namelen)
{
    long i = find(s, namelen);
    if (i >= 0) {
        char *old = environ[i];
        environ[i] = s;
        if (old != s)
            drop_string(old);
        return 0;
    }
    if (reserve_one() < 0)
        return -1;
    size_t n = env_count();
    environ[n] = s;
    environ[n + 1] = NULL;
    return 0;
}

static bool valid_name(const char *name)
{
    return name != NULL && *name != '\0' && strchr(name, '=') == NULL;
}

char *getenv(const char *name)
{
    long i = find(name, strlen(name));
    return i >= 0 ? environ[i] + strlen(name) + 1 : NULL;
}

int setenv(const char *name, const char *value, int overwrite)
{
    if (!valid_name(name)) {
        errno = EINVAL;
        return -1;
    }
    size_t nlen = strlen(name), vlen = strlen(value);
    if (!overwrite && find(name, nlen) >= 0)
        return 0;
    char *s = malloc(nlen + 1 + vlen + 1);
    if (s == NULL)
        return -1;
    memcpy(s, name, nlen);
    s[nlen] = '=';
    memcpy(s + nlen + 1, value, vlen + 1);
    if (remember_string(s) < 0 || put(s, nlen) < 0) {
        drop_string(s);
        return -1;
    }
    return 0;
}

int putenv(char *string)
{
    char *eq = strchr(string, '=');
    if (eq == NULL || eq == string) {
        errno = EINVAL;
        return -1;
    }
    return put(string, (size_t)(eq - string));
}

int unsetenv(const char *name)
{
    if (!valid_name(name)) {
        errno = EINVAL;
        return -1;
    }
    long i;
    while ((i = find(name, strlen(name))) >= 0) {
        if (environ != owned_env && reserve_one() < 0)
            return -1;
        char *old = environ[i];
        size_t n = env_count();
        memmove(&environ[i], &environ[i + 1], (n - (size_t)i) * sizeof *environ);
        drop_string(old);
    }
    return 0;
}

int clearenv(void)
{
    while (nowned > 0)
        drop_string(owned_strings[nowned - 1]);
    free(owned_env);
    owned_env = NULL;
    env_cap = 0;
    environ = NULL;
    return 0;
}
