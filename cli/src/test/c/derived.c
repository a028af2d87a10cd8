/* Does once what each derived event of the sensor is about, for DerivedEventsKernelTest: opens a known file,
 * renames and unlinks it, mounts a tmpfs, execs /bin/true, writes an ELF header at offset 0 (and more bytes after
 * it), binds, connects and accepts on loopback, maps memory writable and executable and mprotects writable memory
 * executable, and makes and removes a cgroup named as a docker container's. Values known only at run time are
 * printed as "key=value" lines.
 *
 *   derived DIR CGROUP_DIR      (DIR: an empty directory to work in; CGROUP_DIR: a directory of the cgroup hierarchy
 *                                containers are found in, where a cgroup may be made)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define CONTAINER_ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void check(long result, const char *what)
{
    if (result < 0) {
        perror(what);
        exit(2);
    }
}

/* dev as the kernel keeps it (MKDEV: major << 20 | minor), which is what the events carry */
static unsigned long kernel_dev(dev_t dev)
{
    return ((unsigned long)major(dev) << 20) | minor(dev);
}

int main(int argc, char **argv)
{
    if (argc != 3 || chdir(argv[1]) != 0)
        return 2;

    /* security_file_open, security_inode_rename, security_inode_unlink */
    int fd = open("known.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    check(fd, "create");
    close(fd);
    fd = openat(AT_FDCWD, "known.txt", O_RDONLY);
    check(fd, "openat");
    struct stat st;
    check(fstat(fd, &st), "fstat");
    printf("inode=%lu\ndev=%lu\n", (unsigned long)st.st_ino, kernel_dev(st.st_dev));
    close(fd);
    check(rename("known.txt", "renamed.txt"), "rename");
    check(unlinkat(AT_FDCWD, "renamed.txt", 0), "unlinkat");

    /* security_sb_mount */
    check(mkdir("mnt", 0700), "mkdir");
    check(mount("sluice-tmpfs", "mnt", "tmpfs", MS_NOSUID, "size=64k"), "mount");
    check(umount("mnt"), "umount");

    /* security_bprm_check */
    pid_t child = fork();
    check(child, "fork");
    if (child == 0) {
        char *args[] = {"true", "bprm-argument", NULL};
        char *env[] = {"SLUICE_BPRM=1", NULL};
        execve("/bin/true", args, env);
        _exit(127);
    }
    int status = 0;
    check(waitpid(child, &status, 0), "waitpid");
    printf("child=%d\n", child);

    /* magic_write: an ELF header at offset 0, then bytes at offset 64 (no event) */
    unsigned char header[64] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
    fd = open("dropped.bin", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    check(fd, "open dropped.bin");
    check(write(fd, header, sizeof(header)), "write header");
    check(write(fd, "not-at-zero", 11), "write more");
    close(fd);
    check(stat("dropped.bin", &st), "stat");
    printf("elf_inode=%lu\n", (unsigned long)st.st_ino);

    /* security_socket_bind, _connect, _accept on loopback */
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    check(listener, "socket");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check(bind(listener, (struct sockaddr *)&addr, sizeof(addr)), "bind");
    check(listen(listener, 1), "listen");
    socklen_t len = sizeof(addr);
    check(getsockname(listener, (struct sockaddr *)&addr, &len), "getsockname");
    int client = socket(AF_INET, SOCK_STREAM, 0);
    check(client, "socket");
    check(connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect");
    int accepted = accept(listener, NULL, NULL);
    check(accepted, "accept");
    printf("listener=%d\nclient=%d\nport=%d\n", listener, client, ntohs(addr.sin_port));
    close(accepted);
    close(client);
    close(listener);

    /* security_file_mprotect and mem_prot_alert: writable memory made executable, and a W+X mapping */
    void *map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(map == MAP_FAILED ? -1 : 0, "mmap");
    check(mprotect(map, 4096, PROT_READ | PROT_WRITE | PROT_EXEC), "mprotect");
    void *wx = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(wx == MAP_FAILED ? -1 : 0, "mmap wx");
    printf("map=%lu\nwx=%lu\n", (unsigned long)map, (unsigned long)wx);

    /* container_create, container_remove: a cgroup named as docker's systemd driver names a container's */
    char parent[512], scope[600];
    snprintf(parent, sizeof(parent), "%s/sluice-derived-%d", argv[2], getpid());
    snprintf(scope, sizeof(scope), "%s/docker-%s.scope", parent, CONTAINER_ID);
    check(mkdir(parent, 0755), "mkdir cgroup");
    check(mkdir(scope, 0755), "mkdir container cgroup");
    check(rmdir(scope), "rmdir container cgroup");
    check(rmdir(parent), "rmdir cgroup");
    printf("container=%s\n", CONTAINER_ID);
    fflush(stdout);
    return 0;
}
