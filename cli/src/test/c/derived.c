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
#include <linux/bpf.h>
#include <sched.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
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

/* copies a cpuset's cpus and mems from the hierarchy's root (a cgroup v1 cpuset takes no task without them) */
static void copy_setting(const char *parent, const char *root, const char *name)
{
    char from[600], to[600], value[256];
    snprintf(from, sizeof(from), "%s/%s", root, name);
    snprintf(to, sizeof(to), "%s/%s", parent, name);
    FILE *in = fopen(from, "r");
    if (!in)
        return;
    size_t n = fread(value, 1, sizeof(value) - 1, in);
    fclose(in);
    value[n] = 0;
    FILE *out = fopen(to, "w");
    check(out ? 0 : -1, to);
    fputs(value, out);
    fclose(out);
}

/* cgroup_attach_task: a child moved into the cgroup, then gone */
static void attach(const char *parent, const char *root)
{
    copy_setting(parent, root, "cpuset.cpus");
    copy_setting(parent, root, "cpuset.mems");
    int ready[2];
    check(pipe(ready), "pipe");
    pid_t moved = fork();
    check(moved, "fork");
    if (moved == 0) {
        char byte;
        close(ready[1]);
        (void)!read(ready[0], &byte, 1);
        _exit(3);
    }
    char procs[600];
    snprintf(procs, sizeof(procs), "%s/cgroup.procs", parent);
    FILE *out = fopen(procs, "w");
    check(out ? 0 : -1, procs);
    fprintf(out, "%d\n", moved);
    check(fclose(out) == 0 ? 0 : -1, "attach");
    close(ready[1]);
    int status = 0;
    check(waitpid(moved, &status, 0), "waitpid moved");
    printf("moved=%d\n", moved);
}

int main(int argc, char **argv)
{
    if (argc != 3 || chdir(argv[1]) != 0)
        return 2;
    umask(022);

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
    /* a directory removed: security_inode_rmdir's, not an unlink */
    check(mkdir("gone", 0700), "mkdir gone");
    check(unlinkat(AT_FDCWD, "gone", AT_REMOVEDIR), "unlinkat AT_REMOVEDIR");

    /* security_sb_mount */
    check(mkdir("mnt", 0700), "mkdir");
    check(mount("sluice-tmpfs", "mnt", "tmpfs", MS_NOSUID, "size=64k"), "mount");
    check(umount("mnt"), "umount");

    /* security_bprm_check */
    pid_t child = fork();
    check(child, "fork");
    if (child == 0) {
        /* switch_task_ns: a new UTS namespace, then the exec */
        check(unshare(CLONE_NEWUTS), "unshare");
        struct stat ns;
        check(stat("/proc/self/ns/uts", &ns), "stat uts");
        printf("uts=%lu\n", (unsigned long)ns.st_ino);
        fflush(stdout);
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
    socklen_t len = sizeof(addr);
    check(getsockname(listener, (struct sockaddr *)&addr, &len), "getsockname");
    int one = 1;
    check(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), "setsockopt");
    check(listen(listener, 1), "listen");
    int client = socket(AF_INET, SOCK_STREAM, 0);
    check(client, "socket");
    check(connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect");
    int accepted = accept(listener, NULL, NULL);
    check(accepted, "accept");
    struct sockaddr_in client_addr;
    len = sizeof(client_addr);
    check(getsockname(client, (struct sockaddr *)&client_addr, &len), "getsockname client");
    int duplicate = dup(client);
    check(duplicate, "dup");
    printf("listener=%d\nclient=%d\nport=%d\nclient_port=%d\nduplicate=%d\n", listener, client, ntohs(addr.sin_port),
           ntohs(client_addr.sin_port), duplicate);
    close(duplicate);
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

    /* vfs_writev, vfs_read, vfs_readv, do_truncate, chmod_common, security_mmap_file, do_mmap */
    fd = open("io.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    check(fd, "open io.txt");
    struct iovec out[2] = {{.iov_base = "ab", .iov_len = 2}, {.iov_base = "cd", .iov_len = 2}};
    check(writev(fd, out, 2), "writev");
    check(lseek(fd, 0, SEEK_SET), "lseek");
    char in[4];
    check(read(fd, in, 2), "read");
    struct iovec back[2] = {{.iov_base = in, .iov_len = 1}, {.iov_base = in + 1, .iov_len = 1}};
    check(readv(fd, back, 2), "readv");
    void *file_map = mmap(NULL, 4, PROT_READ, MAP_SHARED, fd, 0);
    check(file_map == MAP_FAILED ? -1 : 0, "mmap io.txt");
    check(fstat(fd, &st), "fstat io.txt");
    printf("io_inode=%lu\nfile_map=%lu\n", (unsigned long)st.st_ino, (unsigned long)file_map);
    check(truncate("io.txt", 3), "truncate");
    check(ftruncate(fd, 1), "ftruncate");
    /* vfs_utimes: the descriptor's file (futimens), then a path */
    struct timespec times[2] = {{.tv_sec = 1, .tv_nsec = 2}, {.tv_sec = 3, .tv_nsec = 4}};
    check(futimens(fd, times), "futimens");
    times[0].tv_sec = 5;
    check(utimensat(AT_FDCWD, "io.txt", times, 0), "utimensat");
    check(chmod("io.txt", 0600), "chmod");
    check(fchmod(fd, 0640), "fchmod");
    close(fd);

    /* security_inode_mknod, security_inode_symlink, set_fs_pwd */
    check(mknod("fifo", S_IFIFO | 0644, 0), "mknod");
    check(symlink("known-target", "link"), "symlink");
    check(chdir("."), "chdir");
    int watcher = inotify_init1(0);
    check(watcher, "inotify_init1");
    check(inotify_add_watch(watcher, "io.txt", IN_MODIFY | IN_CLOSE_WRITE), "inotify_add_watch");
    close(watcher);

    /* security_bpf, security_bpf_map, security_bpf_prog */
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.map_type = BPF_MAP_TYPE_ARRAY;
    attr.key_size = 4;
    attr.value_size = 8;
    attr.max_entries = 1;
    strcpy(attr.map_name, "sluice_map");
    int map_fd = (int)syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
    check(map_fd, "BPF_MAP_CREATE");
    struct bpf_map_info map_info;
    memset(&map_info, 0, sizeof(map_info));
    memset(&attr, 0, sizeof(attr));
    attr.info.bpf_fd = map_fd;
    attr.info.info_len = sizeof(map_info);
    attr.info.info = (unsigned long)&map_info;
    check(syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof(attr)), "BPF_OBJ_GET_INFO_BY_FD");
    struct bpf_insn insns[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    memset(&attr, 0, sizeof(attr));
    attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    attr.insns = (unsigned long)insns;
    attr.insn_cnt = 2;
    attr.license = (unsigned long)"GPL";
    strcpy(attr.prog_name, "sluice_prog");
    int prog_fd = (int)syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
    check(prog_fd, "BPF_PROG_LOAD");
    printf("map_id=%u\n", map_info.id);
    close(prog_fd);
    close(map_fd);

    /* security_task_setrlimit (glibc's setrlimit is prlimit64), do_sigaction (the raw call: glibc adds a restorer) */
    struct rlimit limit;
    check(getrlimit(RLIMIT_NOFILE, &limit), "getrlimit");
    check(setrlimit(RLIMIT_NOFILE, &limit), "setrlimit");
    printf("rlim_cur=%lu\nrlim_max=%lu\n", (unsigned long)limit.rlim_cur, (unsigned long)limit.rlim_max);
    unsigned long act[4] = {(unsigned long)SIG_IGN, 0, 0, 0}, old[4];
    check(syscall(SYS_rt_sigaction, SIGUSR1, act, old, 8), "rt_sigaction");

    /* process_execute_failed: an exec of a file that does not exist */
    char *missing_args[] = {"missing", "exec-argument", NULL};
    char *missing_env[] = {"SLUICE_MISSING=1", NULL};
    if (execve("/nonexistent/sluice-missing", missing_args, missing_env) == 0)
        return 2;

    /* sys_enter, sys_exit: a syscall by its number; shared_object_loaded: an executable file mapped for execute */
    syscall(SYS_getppid);
    printf("getppid_nr=%d\n", (int)SYS_getppid);
    int exe = open("/bin/true", O_RDONLY);
    check(exe, "open /bin/true");
    void *code = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, exe, 0);
    check(code == MAP_FAILED ? -1 : 0, "mmap /bin/true");
    close(exe);

    /* sched_switch: the CPU leaves this process while it sleeps */
    usleep(2000);

    /* container_create, container_remove: a cgroup named as docker's systemd driver names a container's */
    char parent[512], scope[600];
    snprintf(parent, sizeof(parent), "%s/sluice-derived-%d", argv[2], getpid());
    snprintf(scope, sizeof(scope), "%s/docker-%s.scope", parent, CONTAINER_ID);
    check(mkdir(parent, 0755), "mkdir cgroup");
    check(mkdir(scope, 0755), "mkdir container cgroup");
    struct stat cg;
    check(stat(parent, &cg), "stat cgroup");
    printf("cgroup=%s\ncgroup_id=%lu\n", parent + strlen(argv[2]), (unsigned long)cg.st_ino);
    attach(parent, argv[2]);
    check(rmdir(scope), "rmdir container cgroup");
    check(rmdir(parent), "rmdir cgroup");
    printf("container=%s\n", CONTAINER_ID);

    /* task_rename, last: the events above carry the program's own name */
    check(prctl(PR_SET_NAME, "sluice-renamed"), "prctl");
    fflush(stdout);
    return 0;
}
