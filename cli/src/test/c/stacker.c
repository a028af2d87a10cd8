/* Opens a file three calls deep, for the user stack test: prints where its own code is mapped ("START END", hex, one
 * line per executable mapping of its binary), then opens FILE from deepest() <- middle() <- outer() <- main().
 * Frame pointers are kept and the openat is a syscall instruction in deepest() itself (x86_64), so the kernel's
 * frame-pointer walk finds: the syscall in deepest, then the returns into middle, outer and main.
 * Usage: stacker FILE. */
#pragma GCC optimize("no-omit-frame-pointer")
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void print_code_mappings(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return;
    exe[n] = 0;
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[8192];
    while (maps && fgets(line, sizeof(line), maps))
    {
        unsigned long start, end;
        char perms[5] = "";
        char path[4096] = "";
        if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %4095s", &start, &end, perms, path) == 4 && perms[2] == 'x' &&
            strcmp(path, exe) == 0)
            printf("%lx %lx\n", start, end);
    }
    if (maps)
        fclose(maps);
    fflush(stdout);
}

__attribute__((noinline)) static long deepest(const char *path)
{
#if defined(__x86_64__)
    long fd;
    register long flags __asm__("r10") = 0;
    __asm__ volatile("syscall"
                     : "=a"(fd)
                     : "0"((long)SYS_openat), "D"((long)AT_FDCWD), "S"(path), "d"((long)O_RDONLY), "r"(flags)
                     : "rcx", "r11", "memory");
#else
    long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
#endif
    if (fd >= 0)
        close((int)fd);
    return fd;
}

__attribute__((noinline)) static long middle(const char *path)
{
    return deepest(path) + 1; /* not a tail call: the return into middle stays on the stack */
}

__attribute__((noinline)) static long outer(const char *path)
{
    return middle(path) + 1;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    print_code_mappings();
    return outer(argv[1]) >= 2 ? 0 : 1;
}
