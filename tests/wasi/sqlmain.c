/*
 * sqlmain.c - a small main around SQLite (its amalgamation, sqlite3.c, as
 * the npm package better-sqlite3 ships it, built unchanged by stock
 * wasi-libc: tests/wasi/wasi.mk): one SQL statement a line from standard
 * input, run on the database named by the argument (default: in memory),
 * each result row printed with | between its columns.
 */
#include <stdio.h>
#include "sqlite3.h"

static int row(void *unused, int n, char **values, char **names)
{
    (void)unused;
    (void)names;
    for (int i = 0; i < n; i++)
        printf("%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
    printf("\n");
    return 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    char line[4096];
    int status = 0;
    if (sqlite3_open(argc > 1 ? argv[1] : ":memory:", &db) != SQLITE_OK) {
        fprintf(stderr, "sqlite: cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
        return 1;
    }
    while (fgets(line, sizeof line, stdin)) {
        char *err = NULL;
        if (sqlite3_exec(db, line, row, NULL, &err) != SQLITE_OK) {
            fprintf(stderr, "sqlite: %s\n", err);
            sqlite3_free(err);
            status = 1;
        }
        fflush(stdout);
    }
    sqlite3_close(db);
    return status;
}
