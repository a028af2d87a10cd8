/* openat of PREFIX-SEQ-PAD, COUNT times, at RATE calls per second, after a line on stdin (so the tracer's pid filter is
 * in place), for KernelRingWrapTest. PAD is (SEQ * 37) % 257 letters, 'a' + (SEQ + i) % 26, so consecutive records
 * differ in length and the records that cross the end of a small kernel ring cross it at ever other offsets. The
 * paths need not exist: every call is an openat event all the same.
 *
 *   wraploop PREFIX COUNT RATE
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 4)
    {
        return 2;
    }
    const char *prefix = argv[1];
    long count = atol(argv[2]);
    long rate = atol(argv[3]);
    char line[16];
    if (count <= 0 || rate <= 0 || strlen(prefix) > 3000 || read(0, line, sizeof(line)) <= 0)
    {
        return 2;
    }
    char path[4096];
    const long batch = 10;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (long seq = 0; seq < count; seq++)
    {
        int n = snprintf(path, sizeof(path), "%s-%ld-", prefix, seq);
        long pad = (seq * 37) % 257;
        for (long i = 0; i < pad; i++)
        {
            path[n + i] = (char)('a' + (seq + i) % 26);
        }
        path[n + pad] = 0;
        int fd = openat(AT_FDCWD, path, O_RDONLY);
        if (fd >= 0)
        {
            close(fd);
        }
        if ((seq + 1) % batch == 0)
        {
            long long at = (long long)next.tv_nsec + batch * 1000000000LL / rate;
            next.tv_sec += at / 1000000000LL;
            next.tv_nsec = at % 1000000000LL;
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        }
    }
    return 0;
}
