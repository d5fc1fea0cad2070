/*
 * which - show where each command would be found on $PATH.
 *
 *   which [-a] COMMAND...
 *
 * For each COMMAND, the first executable file of that name in the
 * directories of $PATH (-a: every one); a COMMAND with a '/' is checked
 * as it is. Status 1 if some COMMAND was not found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/util.h"

static int executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int main(int argc, char **argv)
{
    int all = 0, status = 0, i = 1;
    if (i < argc && strcmp(argv[i], "-a") == 0) {
        all = 1;
        i++;
    }
    if (i >= argc)
        return 1;
    const char *path = getenv("PATH");
    if (!path)
        path = "/bin";
    for (; i < argc; i++) {
        const char *cmd = argv[i];
        int found = 0;
        if (strchr(cmd, '/')) {
            if ((found = executable(cmd)))
                puts(cmd);
        } else {
            for (const char *p = path; !found || all;) {
                const char *colon = strchr(p, ':');
                size_t n = colon ? (size_t)(colon - p) : strlen(p);
                char *dir = n ? xstrndup(p, n) : xstrdup(".");
                char *full = path_join(dir, cmd);
                if (executable(full)) {
                    puts(full);
                    found = 1;
                }
                free(full);
                free(dir);
                if (!colon)
                    break;
                p = colon + 1;
            }
        }
        if (!found)
            status = 1;
    }
    return fflush(stdout) != 0 || status;
}
