/*
 * sha1sum - print or check SHA-1 digests of files.
 *
 *   sha1sum [-bt] [FILE...]
 *   sha1sum -c [--quiet] [--status] [-w] [FILE...]
 *
 * As GNU's sha1sum; the work is util/sums.c's, shared with the other
 * digests (see there for the details).
 */
#include "util/util.h"

int main(int argc, char **argv)
{
    return sum_main(argc, argv, 1);
}
