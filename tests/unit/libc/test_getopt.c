/*
 * test_getopt.c - getopt: grouped options, arguments attached or apart,
 * "--" and "-", errors with glibc's messages, the ':' and '+' prefixes,
 * starting a new scan.
 */
#include <stdio.h>
#include <unistd.h>
#include "harness.h"

#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

TEST(getopt_basic)
{
    char *argv[] = { "prog", "-a", "-b", "val", "-cbX", "-bY", "file", "-a", NULL };
    int argc = ARGC(argv);
    optind = 1;
    CHECK_EQ(getopt(argc, argv, "ab:c"), 'a');
    CHECK_EQ(getopt(argc, argv, "ab:c"), 'b');
    CHECK_STR(optarg, "val");
    CHECK_EQ(getopt(argc, argv, "ab:c"), 'c');
    CHECK_EQ(getopt(argc, argv, "ab:c"), 'b');
    CHECK_STR(optarg, "X");
    CHECK_EQ(getopt(argc, argv, "ab:c"), 'b');
    CHECK_STR(optarg, "Y");
    CHECK_EQ(getopt(argc, argv, "ab:c"), -1);      /* "file": not reordered */
    CHECK_EQ(optind, 6);
}

TEST(getopt_double_dash_and_single_dash)
{
    char *a1[] = { "prog", "-a", "--", "-b", NULL };
    optind = 1;
    CHECK_EQ(getopt(ARGC(a1), a1, "ab"), 'a');
    CHECK_EQ(getopt(ARGC(a1), a1, "ab"), -1);
    CHECK_EQ(optind, 3);                           /* past "--" */

    char *a2[] = { "prog", "-", "-a", NULL };
    optind = 1;
    CHECK_EQ(getopt(ARGC(a2), a2, "a"), -1);       /* "-" is an operand */
    CHECK_EQ(optind, 1);

    char *a3[] = { "prog", NULL };
    optind = 1;
    CHECK_EQ(getopt(ARGC(a3), a3, "a"), -1);
    CHECK_EQ(optind, 1);
}

TEST(getopt_errors)
{
    char *argv[] = { "prog", "-z", "-ab", NULL };
    optind = 1;
    opterr = 1;
    CHECK_EQ(getopt(ARGC(argv), argv, "ab:"), '?');
    CHECK_EQ(optopt, 'z');
    CHECK_STR(fk_out(2), "prog: invalid option -- 'z'\n");
    CHECK_EQ(getopt(ARGC(argv), argv, "ab:"), 'a');
    CHECK_EQ(getopt(ARGC(argv), argv, "ab:"), '?');   /* -b wants an argument */
    CHECK_EQ(optopt, 'b');
    CHECK_STR(fk_out(2), "prog: invalid option -- 'z'\n"
                         "prog: option requires an argument -- 'b'\n");
    CHECK_EQ(getopt(ARGC(argv), argv, "ab:"), -1);
}

TEST(getopt_quiet_modes)
{
    char *argv[] = { "prog", "-z", "-b", NULL };
    optind = 1;
    opterr = 1;
    CHECK_EQ(getopt(ARGC(argv), argv, ":ab:"), '?');
    CHECK_EQ(optopt, 'z');
    CHECK_EQ(getopt(ARGC(argv), argv, ":ab:"), ':');  /* missing argument */
    CHECK_EQ(optopt, 'b');
    CHECK_EQ(fk_out_len(2), 0);                        /* ':' silences */

    optind = 1;
    opterr = 0;
    CHECK_EQ(getopt(ARGC(argv), argv, "ab:"), '?');
    CHECK_EQ(fk_out_len(2), 0);
    opterr = 1;

    char *a2[] = { "prog", "-a", "x", "-b", NULL };
    optind = 1;
    CHECK_EQ(getopt(ARGC(a2), a2, "+ab"), 'a');        /* '+' accepted */
    CHECK_EQ(getopt(ARGC(a2), a2, "+ab"), -1);
    CHECK_EQ(optind, 2);
}

TEST(getopt_restart)
{
    char *argv[] = { "prog", "-xy", NULL };
    optind = 1;
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), 'x');
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), 'y');
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), -1);
    optind = 1;                                        /* a second scan */
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), 'x');
    optind = 0;                                        /* glibc's reset, mid-word */
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), 'x');
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), 'y');
    CHECK_EQ(getopt(ARGC(argv), argv, "xy"), -1);
}
