#include <stdio.h>
#include "sqlite3.h"
static int row(void *u, int n, char **v, char **c) { (void)u; for (int i = 0; i < n; i++) printf("%s%s", i ? "|" : "", v[i] ? v[i] : "NULL"); (void)c; printf("\n"); return 0; }
int main(int argc, char **argv) {
  sqlite3 *db; char line[4096]; char *err = 0;
  if (sqlite3_open(argc > 1 ? argv[1] : ":memory:", &db) != SQLITE_OK) { fprintf(stderr, "open failed\n"); return 1; }
  while (fgets(line, sizeof line, stdin)) { if (sqlite3_exec(db, line, row, 0, &err) != SQLITE_OK) { fprintf(stderr, "error: %s\n", err); sqlite3_free(err); } }
  sqlite3_close(db); return 0; }
