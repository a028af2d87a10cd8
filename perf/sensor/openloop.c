/* A loop of a traced syscall: openat("/dev/null") then close, N times, flat out or at RATE openat calls per second.
 *   openloop N [RATE]      RATE 0 or absent: as fast as it goes
 * Prints one line: "<wall ns per iteration> <CPU ns per iteration> <achieved calls/s>". The CPU time (user + system
 * of this process, getrusage) includes the tracer's BPF programs, which run in the traced thread's context; at a
 * fixed rate it is the figure to compare, since the wall time is the rate's. The rate is kept by sleeping to an
 * absolute deadline every 100 iterations. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double cpu_ns(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e9 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e3;
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 1000000;
    long rate = argc > 2 ? atol(argv[2]) : 0;
    const long batch = 100;
    struct timespec start, end, next;
    double cpu_start = cpu_ns();
    clock_gettime(CLOCK_MONOTONIC, &start);
    next = start;
    for (long i = 0; i < count; i++) {
        int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
        if (fd >= 0)
            close(fd);
        if (rate > 0 && (i + 1) % batch == 0) {
            long long at = (long long)next.tv_nsec + batch * 1000000000LL / rate;
            next.tv_sec += at / 1000000000LL;
            next.tv_nsec = at % 1000000000LL;
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ns = (end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec);
    printf("%.1f %.1f %.0f\n", ns / count, (cpu_ns() - cpu_start) / count, count / (ns / 1e9));
    return 0;
}
