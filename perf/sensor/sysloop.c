/* A tight loop of one syscall, N times, for perf/sensor/catalog-cost.sh. Prints nanoseconds per iteration.
 *   sysloop openat N      openat("/dev/null") + close: an event of the hand-kept catalog (close not selected)
 *   sysloop faccessat N   faccessat("/dev/null", F_OK): an event of the generated catalog
 *   sysloop getppid N     getppid(): left unselected, to price an unselected syscall */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    const char *which = argv[1];
    long count = atol(argv[2]);
    int kind = strcmp(which, "openat") == 0 ? 0 : strcmp(which, "faccessat") == 0 ? 1 : strcmp(which, "getppid") == 0 ? 2 : -1;
    if (kind < 0)
        return 2;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < count; i++) {
        if (kind == 0) {
            int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
            if (fd >= 0)
                syscall(SYS_close, fd);
        } else if (kind == 1) {
            syscall(SYS_faccessat, AT_FDCWD, "/dev/null", F_OK);
        } else {
            syscall(SYS_getppid);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ns = (end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec);
    printf("%.1f\n", ns / count);
    return 0;
}
