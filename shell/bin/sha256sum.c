/*
 * sha256sum - print or check SHA-256 digests of files.
 *
 *   sha256sum [-bt] [FILE...]
 *   sha256sum -c [--quiet] [--status] [-w] [FILE...]
 *
 * As GNU's sha256sum; the work is util/sums.c's, shared with the other
 * digests (see there for the details).
 */
#include "util/util.h"

int main(int argc, char **argv)
{
    return sum_main(argc, argv, 2);
}
