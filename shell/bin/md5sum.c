/*
 * md5sum - print or check MD5 digests of files.
 *
 *   md5sum [-bt] [FILE...]
 *   md5sum -c [--quiet] [--status] [-w] [FILE...]
 *
 * As GNU's md5sum; the work is util/sums.c's, shared with the other
 * digests (see there for the details).
 */
#include "util/util.h"

int main(int argc, char **argv)
{
    return sum_main(argc, argv, 0);
}
