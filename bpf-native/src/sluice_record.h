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
