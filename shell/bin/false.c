/*
 * false - do nothing, unsuccessfully: exit with status 1.
 *
 * POSIX has false ignore its arguments, so there is no option parsing at all.
 */
int main(void)
{
    return 1;
}
