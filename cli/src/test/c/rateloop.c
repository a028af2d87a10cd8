/* openat of PATH, COUNT times, at RATE calls per second (kept by sleeping to an absolute deadline every 100 calls),
 * for SustainedRateKernelTest. PATH need not exist: every call is an openat event all the same.
 *
 *   rateloop PATH COUNT RATE
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 4)
    {
        return 2;
    }
    const char *path = argv[1];
    long count = atol(argv[2]);
    long rate = atol(argv[3]);
    if (count <= 0 || rate <= 0)
    {
        return 2;
    }
    const long batch = 100;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (long i = 0; i < count; i++)
    {
        int fd = openat(AT_FDCWD, path, O_RDONLY);
        if (fd >= 0)
        {
            close(fd);
        }
        if ((i + 1) % batch == 0)
        {
            long long at = (long long)next.tv_nsec + batch * 1000000000LL / rate;
            next.tv_sec += at / 1000000000LL;
            next.tv_nsec = at % 1000000000LL;
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        }
    }
    return 0;
}
