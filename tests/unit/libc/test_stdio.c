/*
 * test_stdio.c - streams and the write() under them: buffering by kind of
 * descriptor, flushing before input and at exit, write() looping over
 * partial writes, reading by character, line and block, files, seeking.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "harness.h"

/* ---- write(): the loop over partial writes --------------------------------- */

TEST(write_loops_over_partial_writes)
{
    char buf[100];
    for (int i = 0; i < 100; i++)
        buf[i] = (char)('a' + i % 26);
    fk_write_chunk(7);
    CHECK_EQ(write(1, buf, 100), 100);
    CHECK_EQ(fk_writes(1), 15);                /* 14 * 7 + 2 */
    CHECK_EQ(fk_out_len(1), 100);
    CHECK_EQ(memcmp(fk_out(1), buf, 100), 0);
}

TEST(write_returns_progress_when_a_later_piece_fails)
{
    char buf[100] = { 0 };
    fk_write_chunk(10);
    fk_write_fail(2, EPIPE);
    CHECK_EQ(write(1, buf, 100), 20);
    errno = 0;
    CHECK_EQ(write(1, buf, 100), -1);          /* nothing written: the error */
    CHECK_EQ(errno, EPIPE);
}

TEST(write_keeps_eintr)
{
    fk_write_fail(0, EINTR);
    errno = 0;
    CHECK_EQ(write(1, "x", 1), -1);
    CHECK_EQ(errno, EINTR);
}

TEST(write_nonblocking_returns_short)
{
    char buf[100] = { 0 };
    fk_write_chunk(10);
    fk_nonblock(1, true);
    CHECK_EQ(write(1, buf, 100), 10);
    CHECK_EQ(fk_writes(1), 1);
    CHECK_EQ(write(1, buf, 5), 5);
}

TEST(write_zero_bytes)
{
    CHECK_EQ(write(1, "", 0), 0);
    errno = 0;
    CHECK_EQ(write(9, "x", 1), -1);
    CHECK_EQ(errno, EBADF);
}

/* ---- buffering ----------------------------------------------------------------------- */

TEST(stdout_fully_buffered_off_a_terminal)
{
    printf("abc\n");
    puts("def");
    CHECK_EQ(fk_writes(1), 0);
    fflush(stdout);
    CHECK_EQ(fk_writes(1), 1);
    CHECK_STR(fk_out(1), "abc\ndef\n");

    static char big[BUFSIZ * 3];
    memset(big, 'z', sizeof big);
    CHECK_EQ(fwrite(big, 1, sizeof big, stdout), sizeof big);   /* goes through */
    CHECK_EQ(fk_out_len(1), 8 + sizeof big);
}

TEST(stdout_line_buffered_on_a_terminal)
{
    fk_tty(1, true);
    printf("no newline");
    CHECK_EQ(fk_writes(1), 0);
    printf(" ... now\nrest");
    CHECK_EQ(fk_writes(1), 1);
    CHECK_STR(fk_out(1), "no newline ... now\nrest");   /* flushed whole */
    putchar('!');
    putchar('\n');
    CHECK_STR(fk_out(1), "no newline ... now\nrest!\n");
}

TEST(stderr_unbuffered)
{
    fputs("e1", stderr);
    CHECK_STR(fk_out(2), "e1");
    fputc('2', stderr);
    CHECK_STR(fk_out(2), "e12");
    CHECK_EQ(fk_writes(2), 2);
}

TEST(setvbuf_modes)
{
    CHECK_EQ(setvbuf(stdout, NULL, _IONBF, 0), 0);
    putchar('a');
    putchar('b');
    CHECK_EQ(fk_writes(1), 2);

    static char mybuf[16];
    CHECK_EQ(setvbuf(stdout, mybuf, _IOFBF, sizeof mybuf), 0);
    fputs("0123456789", stdout);
    CHECK_EQ(fk_writes(1), 2);
    fputs("0123456789", stdout);              /* fills the 16 bytes */
    CHECK_EQ(fk_writes(1), 3);
    fflush(stdout);
    CHECK_STR(fk_out(1), "ab01234567890123456789");
    CHECK_EQ(setvbuf(stdout, NULL, 99, 0), EOF);
}

TEST(input_flushes_line_buffered_output)
{
    fk_tty(1, true);
    fk_input("yes\n");
    printf("prompt> ");
    CHECK_EQ(fk_writes(1), 0);
    CHECK_EQ(getchar(), 'y');
    CHECK_STR(fk_log(), "w1:8 r0:4 ");        /* the prompt went out first */
}

static void first_handler(void)  { printf(" first"); }
static void second_handler(void) { printf(" second"); }

static void exit_runs_handlers_then_flushes(void)
{
    atexit(first_handler);
    atexit(second_handler);
    printf("out:");
    exit(7);
}

TEST(exit_flushes_stdio)
{
    CHECK_EQ(t_in_child(exit_runs_handlers_then_flushes), 7);
    CHECK_STR(fk_out(1), "out: second first");     /* last registered runs first */
}

static void underscore_exit(void)
{
    printf("lost");
    _exit(3);
}

TEST(_exit_does_not_flush)
{
    CHECK_EQ(t_in_child(underscore_exit), 3);
    CHECK_EQ(fk_out_len(1), 0);
}

/* ---- reading --------------------------------------------------------------------------- */

TEST(reading_lines_and_chars)
{
    char line[64];
    fk_input("line1\nline2\nlast");
    fk_read_chunk(3);                              /* reads come in pieces */
    CHECK_STR(fgets(line, sizeof line, stdin), "line1\n");
    CHECK_EQ(fgetc(stdin), 'l');
    CHECK_EQ(ungetc('L', stdin), 'L');
    CHECK_STR(fgets(line, sizeof line, stdin), "Line2\n");
    CHECK_STR(fgets(line, 3, stdin), "la");        /* cut at the size */
    CHECK(!feof(stdin));
    CHECK_STR(fgets(line, sizeof line, stdin), "st");
    CHECK(feof(stdin));                            /* it looked for more */
    CHECK(fgets(line, sizeof line, stdin) == NULL);
    CHECK(feof(stdin));
    CHECK_EQ(getchar(), EOF);                      /* EOF is sticky */
    clearerr(stdin);
    CHECK(!feof(stdin));
}

TEST(getline_and_getdelim)
{
    char *line = NULL;
    size_t cap = 0;
    static char longline[1000];
    memset(longline, 'q', 998);
    longline[998] = '\n';
    fk_input(longline);
    CHECK_EQ(getline(&line, &cap, stdin), 999);
    CHECK(cap >= 1000);
    CHECK_EQ(line[997], 'q');
    CHECK_EQ(getline(&line, &cap, stdin), -1);
    free(line);

    line = NULL;
    clearerr(stdin);
    fk_input("a,b,,c");
    CHECK_EQ(getdelim(&line, &cap, ',', stdin), 2);
    CHECK_STR(line, "a,");
    CHECK_EQ(getdelim(&line, &cap, ',', stdin), 2);
    CHECK_EQ(getdelim(&line, &cap, ',', stdin), 1);
    CHECK_EQ(getdelim(&line, &cap, ',', stdin), 1);
    CHECK_STR(line, "c");
    CHECK_EQ(getdelim(&line, &cap, ',', stdin), -1);
    free(line);
}

TEST(fread_in_pieces)
{
    static char data[10000], got[10000];
    for (int i = 0; i < 9999; i++)
        data[i] = (char)('A' + i % 50);
    fk_input(data);
    fk_read_chunk(1000);
    CHECK_EQ(fread(got, 1, 10, stdin), 10);
    CHECK_EQ(fread(got + 10, 100, 50, stdin), 50);   /* through the buffer */
    CHECK_EQ(fread(got + 5010, 1, 9000, stdin), 4989);
    CHECK(feof(stdin));
    CHECK_EQ(memcmp(got, data, 9999), 0);
}

TEST(reading_a_write_only_stream_fails)
{
    CHECK_EQ(fgetc(stdout), EOF);
    CHECK(ferror(stdout));
    CHECK_EQ(fputc('x', stdin), EOF);
    CHECK(ferror(stdin));
}

/* ---- files --------------------------------------------------------------------------------- */

TEST(fopen_write_read_append)
{
    FILE *f = fopen("/tmp/t", "w");
    CHECK(f != NULL);
    CHECK_EQ(fprintf(f, "hello %d\n", 42), 9);
    CHECK(fk_file_data("/tmp/t") != NULL);
    CHECK_STR(fk_file_data("/tmp/t"), "");           /* still buffered */
    CHECK_EQ(fclose(f), 0);
    CHECK_STR(fk_file_data("/tmp/t"), "hello 42\n");

    f = fopen("/tmp/t", "a");
    fputs("more\n", f);
    fclose(f);
    CHECK_STR(fk_file_data("/tmp/t"), "hello 42\nmore\n");

    char line[32];
    f = fopen("/tmp/t", "r");
    CHECK_STR(fgets(line, sizeof line, f), "hello 42\n");
    CHECK_EQ(ftell(f), 9);
    CHECK_EQ(fseek(f, -5, SEEK_END), 0);
    CHECK_STR(fgets(line, sizeof line, f), "more\n");
    rewind(f);
    CHECK_EQ(fgetc(f), 'h');
    CHECK_EQ(fputc('x', f), EOF);                    /* opened "r" */
    fclose(f);

    errno = 0;
    CHECK(fopen("/nonexistent", "r") == NULL);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK(fopen("/tmp/t", "q") == NULL);
    CHECK_EQ(errno, EINVAL);
}

TEST(fopen_update_mode_switches_direction)
{
    fk_file("/tmp/u", "0123456789");
    FILE *f = fopen("/tmp/u", "r+");
    CHECK_EQ(fgetc(f), '0');
    CHECK_EQ(fgetc(f), '1');
    CHECK_EQ(fseek(f, 0, SEEK_CUR), 0);              /* as C requires between */
    fputs("ab", f);
    CHECK_EQ(fflush(f), 0);
    CHECK_STR(fk_file_data("/tmp/u"), "01ab456789");
    CHECK_EQ(ftell(f), 4);
    CHECK_EQ(fgetc(f), '4');
    fclose(f);

    f = fopen("/tmp/new", "w+");
    fputs("xyz", f);
    rewind(f);
    char buf[8] = { 0 };
    CHECK_EQ(fread(buf, 1, 8, f), 3);
    CHECK_STR(buf, "xyz");
    fclose(f);

    CHECK(fopen("/tmp/new", "wx") == NULL);          /* O_EXCL */
}

TEST(fdopen_and_fileno)
{
    int fd = open("/tmp/fd", O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 3);
    FILE *f = fdopen(fd, "w");
    CHECK(f != NULL);
    CHECK_EQ(fileno(f), fd);
    fputs("via fdopen", f);
    fclose(f);
    CHECK_STR(fk_file_data("/tmp/fd"), "via fdopen");
    errno = 0;
    CHECK(fdopen(12, "r") == NULL);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(fileno(stdin), 0);
    CHECK_EQ(fileno(stderr), 2);
}

TEST(fflush_null_flushes_every_stream)
{
    FILE *f = fopen("/tmp/a", "w");
    fputs("A", f);
    printf("B");
    CHECK_EQ(fflush(NULL), 0);
    CHECK_STR(fk_file_data("/tmp/a"), "A");
    CHECK_STR(fk_out(1), "B");
    fclose(f);
}

TEST(stdio_write_errors_are_sticky)
{
    fk_write_fail(0, EIO);
    printf("x");
    CHECK_EQ(fflush(stdout), EOF);
    CHECK(ferror(stdout));
    clearerr(stdout);
    CHECK(!ferror(stdout));
}

TEST(perror_message)
{
    errno = ENOENT;
    perror("open");
    CHECK_STR(fk_out(2), "open: No such file or directory\n");
    CHECK_EQ(fk_writes(2), 1);
    errno = EACCES;
    perror(NULL);
    CHECK_STR(fk_out(2), "open: No such file or directory\nPermission denied\n");
}

TEST(remove_and_rename)
{
    CHECK_EQ(rename("/a", "/b"), 0);
    CHECK_EQ(remove("/c"), 0);
    CHECK_STR(fk_tried(), "/a;/c;");
}
