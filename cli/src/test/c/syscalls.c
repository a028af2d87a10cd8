/* Makes one call of each of ~45 syscalls of different argument shapes with known arguments, for
 * SyscallArgumentsKernelTest. Values only known at run time (descriptors, addresses, ports) are printed as
 * "key=value" lines; everything else is fixed here and in the test's table.
 *
 *   syscalls DIR      (DIR: an empty directory to work in)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void check(long result, const char *what)
{
    if (result < 0) {
        perror(what);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2 || chdir(argv[1]) != 0)
        return 2;
    char buf[256];

    /* files: creat, write, lseek, read, pread64, ftruncate, truncate, fchmod/chmod, fchownat, fcntl, flock */
    int fd = (int)syscall(SYS_creat, "created.txt", 0640);
    check(fd, "creat");
    check(syscall(SYS_dup2, fd, 40), "dup2");
    check(write(40, "hello", 5), "write");
    check(close(40), "close");
    fd = open("created.txt", O_RDWR);
    check(fd, "open");
    check(dup3(fd, 41, O_CLOEXEC), "dup3");
    check(lseek(41, 1, SEEK_SET), "lseek");
    check(read(41, buf, 7), "read");
    check(pread64(41, buf, 4, 1), "pread64");
    check(ftruncate(41, 4), "ftruncate");
    check(truncate("created.txt", 3), "truncate");
    check(syscall(SYS_chmod, "created.txt", 0604), "chmod");
    check(fchmod(41, 0600), "fchmod");
    check(fchownat(AT_FDCWD, "created.txt", 0, 0, AT_SYMLINK_NOFOLLOW), "fchownat");
    check(fcntl(41, F_SETFD, FD_CLOEXEC), "fcntl");
    check(flock(41, LOCK_SH), "flock");
    check(syscall(SYS_access, "created.txt", R_OK), "access");
    check(syscall(SYS_faccessat, AT_FDCWD, "created.txt", W_OK), "faccessat");
    close(41);
    close(fd);

    /* names: mkdir, rename, link, symlink, readlink, unlink, rmdir, chdir, fchdir, getcwd */
    check(syscall(SYS_mkdir, "made", 0750), "mkdir");
    check(syscall(SYS_rename, "created.txt", "renamed.txt"), "rename");
    check(syscall(SYS_link, "renamed.txt", "hard.txt"), "link");
    check(syscall(SYS_symlink, "renamed.txt", "soft.txt"), "symlink");
    memset(buf, 0, sizeof(buf));
    check(syscall(SYS_readlink, "soft.txt", buf, 100), "readlink");
    check(syscall(SYS_unlink, "hard.txt"), "unlink");
    check(syscall(SYS_rmdir, "made"), "rmdir");
    check(chdir("."), "chdir");
    int dir = open(".", O_RDONLY | O_DIRECTORY);
    check(fchdir(dir), "fchdir");
    close(dir);
    check(syscall(SYS_getcwd, buf, 200), "getcwd");

    /* descriptors filled by the kernel: pipe2, socketpair */
    int pipefd[2];
    check(pipe2(pipefd, O_NONBLOCK), "pipe2");
    printf("pipe0=%d\npipe1=%d\n", pipefd[0], pipefd[1]);
    int sv[2];
    check(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), "socketpair");
    printf("sv0=%d\nsv1=%d\n", sv[0], sv[1]);

    /* network: socket, bind, getsockname, sendto, recvfrom, shutdown */
    int receiver = socket(AF_INET, SOCK_DGRAM, 0);
    check(receiver, "socket");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check(bind(receiver, (struct sockaddr *)&addr, sizeof(addr)), "bind");
    socklen_t len = sizeof(addr);
    check(getsockname(receiver, (struct sockaddr *)&addr, &len), "getsockname");
    printf("receiver=%d\nport=%d\n", receiver, ntohs(addr.sin_port));
    int sender = socket(AF_INET, SOCK_DGRAM, 0);
    check(sender, "socket");
    struct sockaddr_in from_addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
                                    .sin_port = 0};
    check(bind(sender, (struct sockaddr *)&from_addr, sizeof(from_addr)), "bind");
    len = sizeof(from_addr);
    check(getsockname(sender, (struct sockaddr *)&from_addr, &len), "getsockname");
    printf("sender=%d\nsender_port=%d\n", sender, ntohs(from_addr.sin_port));
    check(sendto(sender, "ping", 4, MSG_DONTWAIT, (struct sockaddr *)&addr, sizeof(addr)), "sendto");
    struct sockaddr_in src = {0};
    len = sizeof(src);
    check(recvfrom(receiver, buf, 64, 0, (struct sockaddr *)&src, &len), "recvfrom");
    check(shutdown(sv[0], SHUT_WR), "shutdown");

    /* memory: mmap, mprotect, munmap */
    void *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return 2;
    printf("map=%llu\n", (unsigned long long)(uintptr_t)map);
    check(mprotect(map, 4096, PROT_READ), "mprotect");
    check(munmap(map, 8192), "munmap");

    /* processes: clone3, wait4, kill, getpid, setpgid, umask, prctl, sched_yield, nanosleep */
    struct clone_args args = {.exit_signal = SIGCHLD};
    printf("clone_args=%llu\nclone_size=%zu\n", (unsigned long long)(uintptr_t)&args, sizeof(args));
    long child = syscall(SYS_clone3, &args, sizeof(args));
    check(child, "clone3");
    if (child == 0)
        _exit(0);
    printf("child=%ld\n", child);
    int status = 0;
    check(wait4((pid_t)child, &status, 0, NULL), "wait4");
    check(kill(getpid(), 0), "kill");
    check(setpgid(0, 0), "setpgid");
    umask(027);
    check(prctl(PR_SET_NAME, "sluice-renamed", 0, 0, 0), "prctl");
    sched_yield();
    struct timespec pause = {0, 1000};
    check(syscall(SYS_nanosleep, &pause, NULL), "nanosleep");
    printf("pause=%llu\n", (unsigned long long)(uintptr_t)&pause);

    /* namespaces: unshare, sethostname (in the new UTS namespace), setns back into it */
    check(unshare(CLONE_NEWUTS), "unshare");
    check(sethostname("sluice-uts", 10), "sethostname");
    int ns = open("/proc/self/ns/uts", O_RDONLY);
    check(ns, "open ns");
    printf("ns=%d\n", ns);
    check(setns(ns, CLONE_NEWUTS), "setns");

    fflush(stdout);
    /* never returns: sent at entry */
    syscall(SYS_exit_group, 3);
    return 2;
}
