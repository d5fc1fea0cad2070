/*
 * true - do nothing, successfully.
 *
 * POSIX has true ignore its arguments, so there is no option parsing at all.
 */
int main(void)
{
    return 0;
}
