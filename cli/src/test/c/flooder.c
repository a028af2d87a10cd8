/* Floods openat: waits for a line on stdin (so the tracer's pid filter is in place), then opens /dev/null N times. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
    {
        return 2;
    }
    long count = atol(argv[1]);
    char line[16];
    if (read(0, line, sizeof(line)) <= 0)
    {
        return 1;
    }
    for (long i = 0; i < count; i++)
    {
        int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
        if (fd >= 0)
        {
            close(fd);
        }
    }
    return 0;
}
