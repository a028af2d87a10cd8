/* The record the eBPF programs put into the BPF ringbuf and the loader turns into an SBE KernelEvent.
 * Shared by sluice.bpf.c (kernel side) and the loader (user side): keep both in step.
 *
 *   [struct sl_record][struct sl_arg + value, padded to 8] x nargs [__u64 user stack address] x stack_depth
 *
 * The user stack (loader option --user-stack, output option stack-addresses) is last: bpf_get_stack's return
 * addresses, innermost first, at most SL_MAX_STACK.
 *
 * Value types are SBE's ValueType numbers, plus three raw forms the loader converts (the kernel side stays small):
 *   SL_RAW_STR_LIST  NUL-separated strings as the kernel keeps argv/env    -> STR_ARRAY ([u32 len][bytes]...)
 *   SL_RAW_BOOT_NS   a CLOCK_BOOTTIME timestamp in intValue                 -> UINT64, epoch nanoseconds
 *   SL_RAW_SOCKADDR  a struct sockaddr as the process passed it            -> SOCKADDR blob (see sluice-sbe.xml)
 */
#ifndef SLUICE_RECORD_H
#define SLUICE_RECORD_H

#define SL_MAX_ARGS 18
#define SL_HALF 16384          /* a record never exceeds this; the scratch buffer is twice as large */
#define SL_MAX_STR 4096        /* one string (a path) */
#define SL_MAX_ARG_STR 1024    /* one element of argv/env from a syscall's pointer array */
#define SL_MAX_ARRAY 64        /* elements read from a syscall's pointer array */
#define SL_MAX_LIST 8192       /* bytes of argv/env read from the new process's memory */
#define SL_MAX_SOCKADDR 112    /* sizeof(struct sockaddr_un) rounded up to 8 */
#define SL_MAX_STACK 20        /* user stack frames: Tracee's MAX_STACK_DEPTH (pkg/ebpf/c/types.h) */

/* SBE ValueType */
#define SL_NONE 0
#define SL_INT32 1
#define SL_INT64 2
#define SL_UINT32 3
#define SL_UINT64 4
#define SL_STR 5
#define SL_BYTES 6
#define SL_BOOL 7
#define SL_STR_ARRAY 8
#define SL_INT32_ARRAY 9
#define SL_SOCKADDR 11
/* raw forms, converted by the loader */
#define SL_RAW_STR_LIST 200
#define SL_RAW_BOOT_NS 201
#define SL_RAW_SOCKADDR 202
#define SL_RAW_CGROUP_PATH 203 /* a cgroup's path: the loader makes it the container's runtime and id (two arguments) */

/* event ids of the scheduler events (schemas/events.yaml) */
#define SL_EVENT_FORK 1014
#define SL_EVENT_EXEC 1015
#define SL_EVENT_EXIT 1016

/* how the loader asks for one syscall argument (KernelSpec's type letters) */
#define SL_ARG_NONE 0
#define SL_ARG_INT32 1
#define SL_ARG_INT64 2
#define SL_ARG_UINT32 3
#define SL_ARG_UINT64 4
#define SL_ARG_STR 5
#define SL_ARG_STR_ARRAY 8
#define SL_ARG_SOCKADDR 11
#define SL_ARG_BOOL 7
#define SL_ARG_INT32_PAIR 9    /* int[2] the syscall fills (pipe, pipe2, socketpair): read at exit -> INT32_ARRAY */

#define SL_SYSCALL_MAX 512

/* event ids of the derived events (schemas/events.yaml): Tracee's LSM and container events, built from syscalls and
 * tracepoints (docs/sensor.md) */
#define SL_EVENT_MEM_PROT_ALERT 1024
#define SL_EVENT_MAGIC_WRITE 1027
#define SL_EVENT_BPRM_CHECK 1031
#define SL_EVENT_FILE_OPEN 1032
#define SL_EVENT_INODE_UNLINK 1033
#define SL_EVENT_SOCKET_CONNECT 1036
#define SL_EVENT_SOCKET_ACCEPT 1037
#define SL_EVENT_SOCKET_BIND 1038
#define SL_EVENT_SB_MOUNT 1040
#define SL_EVENT_FILE_MPROTECT 1048
#define SL_EVENT_INODE_RENAME 1068
#define SL_EVENT_CONTAINER_CREATE 2017
#define SL_EVENT_CONTAINER_REMOVE 2018
/* more of Tracee's kernel events, from syscalls (at exit) and tracepoints */
#define SL_EVENT_SCHED_SWITCH 1017
#define SL_EVENT_VFS_WRITE 1020
#define SL_EVENT_VFS_WRITEV 1021
#define SL_EVENT_VFS_READ 1022
#define SL_EVENT_VFS_READV 1023
#define SL_EVENT_SWITCH_TASK_NS 1026
#define SL_EVENT_CGROUP_ATTACH_TASK 1028
#define SL_EVENT_CGROUP_MKDIR 1029
#define SL_EVENT_CGROUP_RMDIR 1030
#define SL_EVENT_SOCKET_CREATE 1034
#define SL_EVENT_SOCKET_LISTEN 1035
#define SL_EVENT_SOCKET_SETSOCKOPT 1039
#define SL_EVENT_BPF 1041
#define SL_EVENT_BPF_MAP 1042
#define SL_EVENT_INODE_MKNOD 1044
#define SL_EVENT_INODE_SYMLINK 1046
#define SL_EVENT_MMAP_FILE 1047
#define SL_EVENT_SOCKET_DUP 1049
#define SL_EVENT_SOCKET_ACCEPT_FD 1063
#define SL_EVENT_TASK_RENAME 1067
#define SL_EVENT_DO_SIGACTION 1069
#define SL_EVENT_DO_MMAP 1072
#define SL_EVENT_DO_TRUNCATE 1075
#define SL_EVENT_BPF_PROG 1078
#define SL_EVENT_SET_FS_PWD 1081
#define SL_EVENT_TASK_SETRLIMIT 1089
#define SL_EVENT_CHMOD_COMMON 1091
#define SL_EVENT_SB_UMOUNT 1092
#define SL_EVENT_VFS_UTIMES 1074
#define SL_EVENT_EXECUTE_FAILED 1079
#define SL_EVENT_SO_LOADED 1061
#define SL_EVENT_PATH_NOTIFY 1080
#define SL_EVENT_SYS_ENTER 1012
#define SL_EVENT_SYS_EXIT 1013
#define SL_EVENT_DO_EXIT 1018
#define SL_EVENT_CAP_CAPABLE 1019

/* what a syscall derives (struct sl_syscall.derived): at exit, from the saved arguments and the return value, except
 * the mprotect kinds, built at entry (before the protection changes, as Tracee's LSM hook sees it) */
#define SL_DERIVE_NONE 0
#define SL_DERIVE_OPEN_PATH0 1     /* security_file_open: open, creat (syscall_pathname is argument 0) */
#define SL_DERIVE_OPEN_PATH1 2     /* security_file_open: openat, openat2 (argument 1) */
#define SL_DERIVE_UNLINK_PATH0 3   /* security_inode_unlink: unlink, rmdir */
#define SL_DERIVE_UNLINK_PATH1 4   /* security_inode_unlink: unlinkat (dirfd, pathname) */
#define SL_DERIVE_RENAME_01 5      /* security_inode_rename: rename (oldpath, newpath) */
#define SL_DERIVE_RENAME_13 6      /* security_inode_rename: renameat, renameat2 (olddirfd, oldpath, newdirfd, newpath) */
#define SL_DERIVE_MOUNT 7          /* security_sb_mount: mount */
#define SL_DERIVE_CONNECT 8        /* security_socket_connect */
#define SL_DERIVE_BIND 9           /* security_socket_bind */
#define SL_DERIVE_ACCEPT 10        /* security_socket_accept: accept, accept4 */
#define SL_DERIVE_WRITE 11         /* magic_write: write that started at offset 0 */
#define SL_DERIVE_PWRITE 12        /* magic_write: pwrite64 at offset 0 */
#define SL_DERIVE_MPROTECT 13      /* security_file_mprotect: mprotect, pkey_mprotect (at entry) */
#define SL_DERIVE_MPROT_ALERT 14   /* mem_prot_alert: mprotect, pkey_mprotect (at entry) */
#define SL_DERIVE_MMAP_ALERT 15    /* mem_prot_alert: mmap asking for write and execute */
/* from here on, built by put_derived_more (fs and process events) and put_derived_io (sockets, bpf, reads, writes) */
#define SL_DERIVE_MKNOD_PATH0 16   /* security_inode_mknod: mknod (pathname, mode, dev) */
#define SL_DERIVE_MKNOD_PATH1 17   /* security_inode_mknod: mknodat (dirfd, pathname, mode, dev) */
#define SL_DERIVE_SYMLINK 18       /* security_inode_symlink: symlink (target, linkpath) */
#define SL_DERIVE_SYMLINKAT 19     /* security_inode_symlink: symlinkat (target, newdirfd, linkpath) */
#define SL_DERIVE_TRUNCATE 20      /* do_truncate: truncate (path, length) */
#define SL_DERIVE_FTRUNCATE 21     /* do_truncate: ftruncate (fd, length) */
#define SL_DERIVE_CHMOD 22         /* chmod_common: chmod (path, mode) */
#define SL_DERIVE_FCHMOD 23        /* chmod_common: fchmod (fd, mode) */
#define SL_DERIVE_FCHMODAT 24      /* chmod_common: fchmodat, fchmodat2 (dirfd, path, mode) */
#define SL_DERIVE_CHDIR 25         /* set_fs_pwd: chdir */
#define SL_DERIVE_FCHDIR 26        /* set_fs_pwd: fchdir */
#define SL_DERIVE_SWITCH_NS 27     /* switch_task_ns: setns, unshare */
#define SL_DERIVE_UMOUNT 28        /* security_sb_umount: umount2 */
#define SL_DERIVE_SETRLIMIT 29     /* security_task_setrlimit: setrlimit (resource, rlim) */
#define SL_DERIVE_PRLIMIT 30       /* security_task_setrlimit: prlimit64 (pid, resource, new, old) */
#define SL_DERIVE_SIGACTION 31     /* do_sigaction: rt_sigaction */
#define SL_DERIVE_DO_MMAP 32       /* do_mmap: mmap */
#define SL_DERIVE_MMAP_FILE 33     /* security_mmap_file: mmap of a file */
#define SL_DERIVE_UTIMENSAT 34     /* vfs_utimes: utimensat (dirfd, pathname, times, flags) */
#define SL_DERIVE_EXEC_FAILED 35   /* process_execute_failed: execve (pathname, argv, envp) returning an error */
#define SL_DERIVE_EXECAT_FAILED 36 /* process_execute_failed: execveat (dirfd, pathname, argv, envp, flags) */
#define SL_DERIVE_SO_LOADED 37     /* shared_object_loaded: mmap of a file asking for execute */
#define SL_DERIVE_PATH_NOTIFY 38   /* security_path_notify: inotify_add_watch (fd, pathname, mask) */
#define SL_DERIVE_LAST_MORE SL_DERIVE_PATH_NOTIFY
#define SL_DERIVE_SOCKET_CREATE 40 /* security_socket_create: socket */
#define SL_DERIVE_LISTEN 41        /* security_socket_listen */
#define SL_DERIVE_SETSOCKOPT 42    /* security_socket_setsockopt */
#define SL_DERIVE_SOCKET_DUP 43    /* socket_dup: dup, dup2, dup3 of a socket */
#define SL_DERIVE_SOCKET_ACCEPT 44 /* socket_accept: accept, accept4 (the new socket's addresses) */
#define SL_DERIVE_BPF 45           /* security_bpf */
#define SL_DERIVE_BPF_MAP 46       /* security_bpf_map: bpf(BPF_MAP_CREATE) */
#define SL_DERIVE_BPF_PROG 47      /* security_bpf_prog: bpf(BPF_PROG_LOAD) */
#define SL_DERIVE_VFS_WRITE 48     /* vfs_write: write */
#define SL_DERIVE_VFS_PWRITE 49    /* vfs_write: pwrite64 */
#define SL_DERIVE_VFS_WRITEV 50    /* vfs_writev: writev */
#define SL_DERIVE_VFS_PWRITEV 51   /* vfs_writev: pwritev, pwritev2 */
#define SL_DERIVE_VFS_READ 52      /* vfs_read: read */
#define SL_DERIVE_VFS_PREAD 53     /* vfs_read: pread64 */
#define SL_DERIVE_VFS_READV 54     /* vfs_readv: readv */
#define SL_DERIVE_VFS_PREADV 55    /* vfs_readv: preadv, preadv2 */
#define SL_DERIVE_FIRST_AT_ENTRY SL_DERIVE_MPROTECT
#define SL_DERIVE_LAST_AT_ENTRY SL_DERIVE_MPROT_ALERT
#define SL_MAX_DERIVED 4           /* derived kinds per syscall */
#define SL_MAGIC_BYTES 32          /* magic_write: Tracee's FILE_MAGIC_HDR_SIZE */

/* a fork/exec/exit the engine needs for its process tree although the user did not select it */
#define SL_FLAG_TREE_ONLY 1

/* when a syscall's record is built (struct sl_syscall.at_entry) */
#define SL_AT_EXIT 0           /* at exit, from the arguments saved at entry, with the return value */
#define SL_AT_ENTRY 1          /* execve/execveat: built at entry (the arguments die with the old image), sent at exit */
#define SL_AT_ENTRY_ONLY 2     /* exit/exit_group: sent at entry, for they never return (return value 0) */

/* event ids (schemas/events.yaml) of the syscalls built at entry */
#define SL_EVENT_EXECVE 60
#define SL_EVENT_EXECVEAT 323
#define SL_EVENT_EXIT_SYSCALL 61
#define SL_EVENT_EXIT_GROUP 232

struct sl_syscall {
    __u32 event_id;      /* 0: not selected */
    __u8 nargs;
    __u8 at_entry;       /* SL_AT_* : when the record is built */
    __u8 types[6];
    __u8 derived[SL_MAX_DERIVED]; /* SL_DERIVE_* kinds, 0-terminated: derived events selected on this syscall */
};

struct sl_record {
    __u32 len;           /* bytes of the whole record */
    __u32 event_id;
    __u64 ts_boot;       /* CLOCK_BOOTTIME ns */
    __u64 cgroup_id;
    __u64 thread_start_boot;
    __u64 process_start_boot;
    __u64 parent_start_boot;
    __s64 retval;
    __u32 host_pid;
    __u32 host_tid;
    __u32 host_ppid;
    __u32 pid;
    __u32 tid;
    __u32 ppid;
    __u32 uid;
    __u32 gid;
    __u32 euid;
    __u32 mnt_ns;
    __u32 pid_ns;
    __s32 syscall_nr;
    __u8 compat;
    __u8 nargs;
    __u16 flags;         /* SL_FLAG_* */
    __u16 stack_depth;   /* user stack addresses at the end of the record */
    __u16 pad1;
    char comm[16];
    __u64 cap_effective;     /* kernel_cap_t: one 64-bit mask (two 32-bit words before 6.3, same bytes) */
    __u64 cap_permitted;
    __u64 cap_inheritable;
    char uts_name[16];       /* UTS namespace node name, cut to 16 bytes like Tracee's context */
};

struct sl_arg {
    __u8 type;
    __u8 pad[3];
    __u32 len;           /* bytes of value that follow (then padding to 8) */
    __s64 ival;
};

#endif
