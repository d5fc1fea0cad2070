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

/* ---- getopt_long --------------------------------------------------------- */

#include <getopt.h>

static const struct option longs[] = {
    { "all", no_argument, NULL, 'a' },
    { "block-size", required_argument, NULL, 'b' },
    { "color", optional_argument, NULL, 'C' },
    { "colour", optional_argument, NULL, 'C' },
    { "verbose", no_argument, NULL, 'v' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
};

TEST(getopt_long_names)
{
    char *argv[] = { "prog", "--all", "--block-size=4", "--block-size", "8", "--col",
                     "--color=never", "--ver", "-a", NULL };
    int argc = ARGC(argv), index = -1;
    optind = 0;
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, &index), 'a');
    CHECK_EQ(index, 0);
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'b');
    CHECK_STR(optarg, "4");
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'b');
    CHECK_STR(optarg, "8");
    /* "--col": color and colour are the same option, so not ambiguous */
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'C');
    CHECK(optarg == NULL);
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'C');
    CHECK_STR(optarg, "never");
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), '?');   /* verbose or version */
    CHECK_STR(fk_out(2), "prog: option '--ver' is ambiguous; possibilities: '--verbose' "
                         "'--version'\n");
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'a');
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), -1);
    CHECK_EQ(optind, argc);
}

TEST(getopt_long_errors)
{
    char *argv[] = { "prog", "--nope", "--all=1", "--block-size", NULL };
    int argc = ARGC(argv);
    optind = 0;
    opterr = 1;
    CHECK_EQ(getopt_long(argc, argv, "a", longs, NULL), '?');
    CHECK_EQ(getopt_long(argc, argv, "a", longs, NULL), '?');
    CHECK_EQ(optopt, 'a');
    CHECK_EQ(getopt_long(argc, argv, "a", longs, NULL), '?');
    CHECK_EQ(optopt, 'b');
    CHECK_STR(fk_out(2), "prog: unrecognized option '--nope'\n"
                         "prog: option '--all' doesn't allow an argument\n"
                         "prog: option '--block-size' requires an argument\n");
    CHECK_EQ(getopt_long(argc, argv, "a", longs, NULL), -1);
}

/* A ':' leading optstring silences the long options' messages too, as
 * glibc's: the program prints its own. */
TEST(getopt_long_quiet)
{
    char *argv[] = { "prog", "--nope", "--all=1", "--block-size", NULL };
    int argc = ARGC(argv);
    optind = 0;
    opterr = 1;
    CHECK_EQ(getopt_long(argc, argv, ":a", longs, NULL), '?');
    CHECK_EQ(optopt, 0);
    CHECK_EQ(getopt_long(argc, argv, ":a", longs, NULL), '?');
    CHECK_EQ(optopt, 'a');
    CHECK_EQ(getopt_long(argc, argv, ":a", longs, NULL), ':');
    CHECK_EQ(optopt, 'b');
    CHECK_EQ(fk_out_len(2), 0);
    CHECK_EQ(getopt_long(argc, argv, ":a", longs, NULL), -1);
}

/* Operands before options, as GNU allows: argv is reordered so that the
 * operands end up at argv[optind..], in their order; "--" ends options. */
TEST(getopt_long_permutes)
{
    char *argv[] = { "prog", "f1", "-a", "f2", "-b", "x", "f3", "--all", "--", "-a", NULL };
    int argc = ARGC(argv);
    optind = 0;
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'a');
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'b');
    CHECK_STR(optarg, "x");
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), 'a');
    CHECK_EQ(getopt_long(argc, argv, "ab:", longs, NULL), -1);
    CHECK_EQ(optind, 6);
    CHECK_STR(argv[optind], "f1");
    CHECK_STR(argv[optind + 1], "f2");
    CHECK_STR(argv[optind + 2], "f3");
    CHECK_STR(argv[optind + 3], "-a");
    CHECK_EQ(argc - optind, 4);

    /* '+': POSIX order, the scan stops at the first operand */
    char *b[] = { "prog", "-a", "f1", "-a", NULL };
    optind = 0;
    CHECK_EQ(getopt_long(ARGC(b), b, "+a", longs, NULL), 'a');
    CHECK_EQ(getopt_long(ARGC(b), b, "+a", longs, NULL), -1);
    CHECK_EQ(optind, 2);

    /* only operands */
    char *c[] = { "prog", "x", "y", NULL };
    optind = 0;
    CHECK_EQ(getopt_long(ARGC(c), c, "a", longs, NULL), -1);
    CHECK_EQ(optind, 1);

    /* "x::": an optional argument, attached only */
    char *d[] = { "prog", "-xval", "-x", "op", NULL };
    optind = 0;
    CHECK_EQ(getopt_long(ARGC(d), d, "x::", longs, NULL), 'x');
    CHECK_STR(optarg, "val");
    CHECK_EQ(getopt_long(ARGC(d), d, "x::", longs, NULL), 'x');
    CHECK(optarg == NULL);
    CHECK_EQ(getopt_long(ARGC(d), d, "x::", longs, NULL), -1);
    CHECK_STR(d[optind], "op");
}
