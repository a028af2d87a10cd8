// SPDX-License-Identifier: GPL-2.0
/* Sluice's kernel sensor: CO-RE programs on BTF tracepoints only (tp_btf), no kprobes, fentry or LSM.
 *
 *   sched_process_exec / fork / exit   -> one record each
 *   sys_enter + sys_exit               -> one record per selected syscall, at exit, with the return value
 *   sched_prepare_exec                 -> remembers the name before exec (prev_comm)
 *   derived events                     -> Tracee's LSM, memory, file, socket and container events: at sys_exit
 *                                         (sys_enter for mprotect's) of the syscalls they come from,
 *                                         sched_process_exec (security_bprm_check), sched_process_exit (do_exit),
 *                                         cgroup_mkdir/rmdir (container_create/remove, cgroup_mkdir/rmdir)
 *   cgroup_attach_task, task_rename, sched_switch, cap_capable -> Tracee's events of the same names
 *
 * What is traced is decided here, so unselected work ends in the kernel: the selected syscalls are a map the
 * loader fills, scopes (pid, comm, uid) are maps too, and the loader only attaches the programs its selection needs.
 * Records go to a BPF ringbuf with adaptive wake-up; a failed output is counted per CPU as a kernel-side loss.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "sluice_record.h"

char LICENSE[] SEC("license") = "GPL";

#define PF_KTHREAD 0x00200000
#define S_IFMT 00170000
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define MASK (SL_HALF - 1)
#define MAX_PATH_COMPONENTS 48
#define NAME_MASK 255

/* A syscall's arguments from sys_enter's pt_regs, read directly (tp_btf gives a BTF pointer: no helper calls). */
#if defined(__TARGET_ARCH_x86)
static __always_inline void syscall_args(struct pt_regs *regs, __u64 *a)
{
    a[0] = regs->di;
    a[1] = regs->si;
    a[2] = regs->dx;
    a[3] = regs->r10;
    a[4] = regs->r8;
    a[5] = regs->r9;
}
#elif defined(__TARGET_ARCH_arm64)
static __always_inline void syscall_args(struct pt_regs *regs, __u64 *a)
{
    a[0] = regs->orig_x0;
    a[1] = regs->regs[1];
    a[2] = regs->regs[2];
    a[3] = regs->regs[3];
    a[4] = regs->regs[4];
    a[5] = regs->regs[5];
}
#else
#error "sluice.bpf.c: syscall arguments are read for x86 and arm64 only"
#endif

/* A 32-bit syscall (ia32 emulation) numbers its syscalls differently: the syscall map is the native table, so such
 * calls are not traced rather than misnamed. */
#define TS_COMPAT 0x0002
static __always_inline int is_compat(struct task_struct *task)
{
#if defined(__TARGET_ARCH_x86)
    return (task->thread_info.status & TS_COMPAT) != 0;
#else
    return 0;
#endif
}

/* set by the loader before load */
const volatile __u32 scope_pid_on = 0;
const volatile __u32 scope_comm_on = 0;
const volatile __u32 scope_uid_on = 0;
const volatile __u32 exclude_tgid_a = 0;
const volatile __u32 exclude_tgid_b = 0;
const volatile __u32 trace_exec = 0;
const volatile __u32 trace_fork = 0;
const volatile __u32 trace_exit = 0;
const volatile __u32 exec_env = 0;
const volatile __u32 track_processes = 0;   /* fork/exec/exit of every process, for the engine's process tree */
const volatile __u32 tree_argv = 0;         /* tree-only exec records carry argv too (export filters on arguments) */
const volatile __u32 user_stack = 0;        /* events end with the user stack (output option stack-addresses) */
const volatile __u64 wakeup_bytes = 65536;
const volatile __u32 trace_bprm = 0;        /* security_bprm_check, at sched_process_exec */
const volatile __u32 cgroup_hierarchy = 0;  /* the cgroup hierarchy containers are found in (0: cgroup v2) */
const volatile __u32 cgroup_dirs = 0;
const volatile __u32 trace_raw_syscalls = 0; /* RAW_SYS_*: Tracee's sys_enter / sys_exit events (every syscall) */
const volatile __u32 trace_do_exit = 0;     /* do_exit, at sched_process_exit */       /* CGROUP_* below: what the cgroup_mkdir/rmdir programs are for */

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 * 1024 * 1024);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, SL_SYSCALL_MAX);
    __type(key, __u32);
    __type(value, struct sl_syscall);
} syscalls SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u8);
} scope_pids SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 256);
    __type(key, char[16]);
    __type(value, __u8);
} scope_comms SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 256);
    __type(key, __u32);
    __type(value, __u8);
} scope_uids SEC(".maps");

/* kernel-side losses, per CPU: [0] events that found no room in the ringbuf; [1] fork/exec/exit records sent for
 * the process tree alone (not events: the loader does not report them as lost events) */
#define LOST_EVENTS 0
#define LOST_TREE_ONLY 1
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, __u64);
} lost SEC(".maps");

struct scratch {
    __u8 buf[2 * SL_HALF];
};

/* one scratch buffer per CPU (an array indexed by CPU: per-CPU values are limited to 32 KiB) */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);           /* the loader sets the number of CPUs */
    __type(key, __u32);
    __type(value, struct scratch);
} scratch SEC(".maps");

struct sl_args {
    __u64 a[6];
};

struct pending {
    __s32 nr;           /* -1: no syscall in flight */
    __u32 exec_key;     /* execve/execveat: the pending_exec key, else 0 */
    struct sl_args args;
};

/* the syscall in flight, per task, saved at entry and read at exit; freed with the task */
struct {
    __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct pending);
} pending SEC(".maps");

struct exec_record {
    __u8 buf[2 * SL_HALF];    /* as large as the scratch buffer, so one bound serves both */
};

/* execve/execveat records built at entry (their arguments are gone at exit), completed at exit */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 128);
    __type(key, __u32);
    __type(value, struct exec_record);
} pending_exec SEC(".maps");

/* the task's name before exec, by thread id before exec (sched_process_exec's old_pid) */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, char[16]);
} prev_comms SEC(".maps");

/* an offset the verifier can see is below SL_HALF: the empty asm stops clang from dropping the mask after a
 * range check it already knows about (the check and the access end up in different registers) */
static __always_inline __u32 masked(__u32 value)
{
    asm volatile("" : "+r"(value));
    return value & MASK;
}

/* a position in the path-building area [SL_HALF, SL_HALF + SL_MAX_STR) */
static __always_inline __u32 path_index(__u32 pos)
{
    __u32 value = pos - SL_HALF;
    asm volatile("" : "+r"(value));
    return SL_HALF + (value & (SL_MAX_STR - 1));
}

static __always_inline void count_loss_at(__u32 index)
{
    __u64 *counter = bpf_map_lookup_elem(&lost, &index);
    if (counter)
        *counter += 1;
}

static __always_inline void count_loss(void)
{
    count_loss_at(LOST_EVENTS);
}

static __always_inline struct scratch *scratch_buffer(void)
{
    __u32 cpu = bpf_get_smp_processor_id();
    struct scratch *s = bpf_map_lookup_elem(&scratch, &cpu);
    return s;
}

static __always_inline int in_scope(struct task_struct *task)
{
    __u32 tgid = task->tgid;
    if (tgid == exclude_tgid_a || tgid == exclude_tgid_b)
        return 0;
    if (scope_pid_on && !bpf_map_lookup_elem(&scope_pids, &tgid))
        return 0;
    if (scope_uid_on) {
        __u32 uid = task->real_cred->uid.val;
        if (!bpf_map_lookup_elem(&scope_uids, &uid))
            return 0;
    }
    if (scope_comm_on) {
        char comm[16] = {};
        bpf_probe_read_kernel_str(comm, sizeof(comm), &task->comm);
        if (!bpf_map_lookup_elem(&scope_comms, comm))
            return 0;
    }
    return 1;
}

/* A task's number in its own pid namespace. Most tasks live in the initial namespace (level 0), where it is the
 * host number and nothing more is read. Fields are read directly (BTF pointers, no helper calls), except the
 * variable-index upid, which needs a probe read. */
static __always_inline __u32 ns_nr(struct pid *pid, __u32 host_nr, __u32 *ns_inum)
{
    unsigned int level = pid->level;
    if (level == 0) {
        if (ns_inum)
            *ns_inum = pid->numbers[0].ns->ns.inum;
        return host_nr;
    }
    struct upid upid = {};
    bpf_core_read(&upid, sizeof(upid), &pid->numbers[level & 31]);
    if (ns_inum)
        *ns_inum = BPF_CORE_READ(upid.ns, ns.inum);
    return upid.nr;
}

static __always_inline __u32 task_ns_tid(struct task_struct *task)
{
    return ns_nr(task->thread_pid, task->pid, 0);
}

static __always_inline __u32 task_ns_pid(struct task_struct *task)
{
    struct task_struct *leader = task->group_leader;
    return ns_nr(leader->thread_pid, leader->pid, 0);
}

static __always_inline void fill_context(struct sl_record *r, struct task_struct *task, __u32 event_id, __s32 nr)
{
    struct task_struct *leader = task->group_leader;
    struct task_struct *parent = task->real_parent;
    const struct cred *real_cred = task->real_cred;
    __u32 pid_ns = 0;

    r->event_id = event_id;
    r->ts_boot = bpf_ktime_get_boot_ns();
    r->cgroup_id = bpf_get_current_cgroup_id();
    r->thread_start_boot = task->start_boottime;
    r->process_start_boot = leader->start_boottime;
    r->parent_start_boot = parent->group_leader->start_boottime;
    r->retval = 0;
    r->host_tid = task->pid;
    r->host_pid = task->tgid;
    r->host_ppid = parent->tgid;
    r->tid = ns_nr(task->thread_pid, task->pid, &pid_ns);
    r->pid = ns_nr(leader->thread_pid, leader->pid, 0);
    r->ppid = task_ns_pid(parent);
    r->uid = real_cred->uid.val;
    r->gid = real_cred->gid.val;
    r->euid = task->cred->euid.val;
    r->mnt_ns = task->nsproxy->mnt_ns->ns.inum;
    r->pid_ns = pid_ns;
    r->syscall_nr = nr;
    r->compat = 0;
    r->nargs = 0;
    r->flags = 0;
    r->stack_depth = 0;
    r->pad1 = 0;
    /* the kernel keeps comm NUL-padded (strscpy_pad) */
    bpf_probe_read_kernel(r->comm, sizeof(r->comm), task->comm);
    const struct cred *cred = task->cred;
    bpf_probe_read_kernel(&r->cap_effective, sizeof(r->cap_effective), &cred->cap_effective);
    bpf_probe_read_kernel(&r->cap_permitted, sizeof(r->cap_permitted), &cred->cap_permitted);
    bpf_probe_read_kernel(&r->cap_inheritable, sizeof(r->cap_inheritable), &cred->cap_inheritable);
    __builtin_memset(r->uts_name, 0, sizeof(r->uts_name));
    bpf_probe_read_kernel_str(r->uts_name, sizeof(r->uts_name), task->nsproxy->uts_ns->name.nodename);
}

/* --- arguments: each one an sl_arg header and a value, at an offset kept below SL_HALF --- */

static __always_inline __u32 put_int(__u8 *buf, __u32 off, __u8 type, __s64 value)
{
    if (off > SL_HALF - sizeof(struct sl_arg))
        return off;
    struct sl_arg *arg = (struct sl_arg *)&buf[masked(off)];
    arg->type = type;
    arg->pad[0] = arg->pad[1] = arg->pad[2] = 0;
    arg->len = 0;
    arg->ival = value;
    ((struct sl_record *)buf)->nargs++;
    return off + sizeof(struct sl_arg);
}

static __always_inline __u32 finish_value(__u8 *buf, __u32 off, __u8 type, __u32 len)
{
    struct sl_arg *arg = (struct sl_arg *)&buf[masked(off)];
    arg->type = type;
    arg->pad[0] = arg->pad[1] = arg->pad[2] = 0;
    arg->len = len;
    arg->ival = 0;
    ((struct sl_record *)buf)->nargs++;
    return off + sizeof(struct sl_arg) + ((len + 7) & ~7U);
}

/* a string from user (user=1) or kernel memory; a string that cannot be read is empty */
__noinline __u32 put_str(struct scratch *s, __u32 off, __u64 src_addr, int user)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_STR)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    const char *src = (const char *)src_addr;
    long n = user ? bpf_probe_read_user_str(&buf[masked(at)], SL_MAX_STR, src)
                  : bpf_probe_read_kernel_str(&buf[masked(at)], SL_MAX_STR, src);
    __u32 len = n > 0 ? (__u32)n - 1 : 0;
    return finish_value(buf, off, SL_STR, len & (SL_MAX_STR - 1));
}

/* a task name kept in a map (16 bytes, NUL-padded) */
static __always_inline __u32 put_comm(__u8 *buf, __u32 off, const char *comm)
{
    if (off > SL_HALF - sizeof(struct sl_arg) - 16)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    __u32 len = 0;
    int i;
    bpf_probe_read_kernel(&buf[masked(at)], 16, comm);
    for (i = 0; i < 16; i++) {
        if (comm[i] == 0)
            break;
        len++;
    }
    return finish_value(buf, off, SL_STR, len);
}

/* one step of a path walk (bpf_loop callback: verified once, however many components) */
struct path_walk {
    __u8 *buf;
    struct dentry *dentry;
    struct vfsmount *vfsmnt;
    struct mount *mnt;
    struct mount *mnt_parent;
    __u32 pos;
};

static long path_step(__u32 index, struct path_walk *walk)
{
    struct dentry *dentry = walk->dentry;
    struct vfsmount *vfsmnt = walk->vfsmnt;
    struct mount *mnt = walk->mnt;
    struct mount *mnt_parent = walk->mnt_parent;
    struct dentry *mnt_root = BPF_CORE_READ(vfsmnt, mnt_root);
    struct dentry *d_parent = BPF_CORE_READ(dentry, d_parent);
    if (dentry == mnt_root || dentry == d_parent) {
        if (dentry != mnt_root)
            return 1;
        if (mnt != mnt_parent) {
            walk->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
            walk->mnt = mnt_parent;
            walk->mnt_parent = BPF_CORE_READ(mnt_parent, mnt_parent);
            walk->vfsmnt = &mnt_parent->mnt;
            return 0;
        }
        return 1;
    }
    struct qstr name = BPF_CORE_READ(dentry, d_name);
    __u32 len = name.len & NAME_MASK;
    __u32 pos = walk->pos;
    if (len == 0 || pos < SL_HALF + len + 1)
        return 1;
    __u8 *buf = walk->buf;
    if (!buf)
        return 1;
    pos -= len;
    bpf_probe_read_kernel(&buf[path_index(pos)], len & NAME_MASK, name.name);
    pos -= 1;
    buf[path_index(pos)] = '/';
    walk->pos = pos;
    walk->dentry = d_parent;
    return 0;
}

/* a path walked from its dentry up through the mounts, built backwards in the upper half [SL_HALF, SL_HALF +
 * SL_MAX_STR); returns where it starts (its end is SL_HALF + SL_MAX_STR; an empty walk is "/") */
static __always_inline __u32 walk_path(__u8 *buf, const struct path *path)
{
    struct path_walk walk = {};
    __u32 end = SL_HALF + SL_MAX_STR;
    walk.buf = buf;
    walk.dentry = BPF_CORE_READ(path, dentry);
    walk.vfsmnt = BPF_CORE_READ(path, mnt);
    struct mount *mnt = container_of(walk.vfsmnt, struct mount, mnt);
    walk.mnt = mnt;
    walk.mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
    walk.pos = end;
    bpf_loop(MAX_PATH_COMPONENTS, path_step, &walk, 0);
    __u32 pos = walk.pos;
    __u32 len = end - pos;
    if (len == 0 || len >= SL_MAX_STR) {
        pos = end - 1;
        buf[SL_HALF + SL_MAX_STR - 1] = '/';
    }
    return pos;
}

/* a path, walked from its dentry up through the mounts, built backwards in the upper half, then moved down */
__noinline __u32 put_path(struct scratch *s, __u32 off, __u64 path_addr)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_STR)
        return put_int(buf, off, SL_NONE, 0);
    __u32 pos = walk_path(buf, (const struct path *)path_addr);
    __u32 len = SL_HALF + SL_MAX_STR - pos;
    __u32 at = off + sizeof(struct sl_arg);
    len &= (SL_MAX_STR - 1);
    bpf_probe_read_kernel(&buf[masked(at)], len, &buf[path_index(pos)]);
    return finish_value(buf, off, SL_STR, len);
}

/* A path a process named (user memory), made absolute: as given when it starts with '/', else joined to the walked
 * base (the dirfd's path, or the working directory). Each part is cut to half of SL_MAX_STR; '.' and '..' stay. */
__noinline __u32 put_path_at(struct scratch *s, __u32 off, __u64 base_path_addr, __u64 user_addr)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_STR)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    char first = 0;
    if (!user_addr || bpf_probe_read_user(&first, 1, (const void *)user_addr) != 0)
        return put_int(buf, off, SL_NONE, 0);
    __u32 dlen = 0;
    if (first != '/' && base_path_addr) {
        __u32 pos = walk_path(buf, (const struct path *)base_path_addr);
        dlen = SL_HALF + SL_MAX_STR - pos;
        if (dlen > SL_MAX_STR / 2 - 1)
            dlen = SL_MAX_STR / 2 - 1;
        dlen &= (SL_MAX_STR / 2 - 1);
        bpf_probe_read_kernel(&buf[masked(at)], dlen, &buf[path_index(pos)]);
        if (dlen > 1) {
            buf[masked(at + dlen)] = '/';
            dlen++;
        }
    }
    dlen &= (SL_MAX_STR / 2 - 1) | (SL_MAX_STR / 2);
    long n = bpf_probe_read_user_str(&buf[masked(at + dlen)], SL_MAX_STR / 2, (const char *)user_addr);
    __u32 len = dlen + (n > 0 ? (__u32)n - 1 : 0);
    return finish_value(buf, off, SL_STR, len & (SL_MAX_STR - 1));
}

/* argv/env as the process's memory holds it (NUL-separated), for the loader to split */
__noinline __u32 put_user_list(struct scratch *s, __u32 off, unsigned long start, unsigned long end)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_LIST)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    __u32 len = 0;
    if (end > start)
        len = end - start;
    if (len > SL_MAX_LIST)
        len = SL_MAX_LIST;
    len = masked(len);
    if (len && bpf_probe_read_user(&buf[masked(at)], len, (void *)start) != 0)
        len = 0;
    return finish_value(buf, off, SL_RAW_STR_LIST, len);
}

/* a syscall's NULL-terminated array of string pointers, written as the STR_ARRAY blob ([u32 len][bytes]...) */
__noinline __u32 put_user_array(struct scratch *s, __u32 off, __u64 array_addr)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg))
        return off;
    const char *const *array = (const char *const *)array_addr;
    __u32 start = off + sizeof(struct sl_arg);
    __u32 pos = start;
    int i;
    for (i = 0; i < SL_MAX_ARRAY; i++) {
        const char *element = 0;
        if (bpf_probe_read_user(&element, sizeof(element), &array[i]) != 0 || !element)
            break;
        if (pos > SL_HALF - 4 - SL_MAX_ARG_STR)
            break;
        long n = bpf_probe_read_user_str(&buf[masked(pos + 4)], SL_MAX_ARG_STR, element);
        __u32 len = n > 0 ? (__u32)n - 1 : 0;
        *(__u32 *)&buf[masked(pos)] = len;
        pos += 4 + (len & (SL_MAX_ARG_STR - 1));
    }
    return finish_value(buf, off, SL_STR_ARRAY, (pos - start) & MASK);
}

__noinline __u32 put_sockaddr(struct scratch *s, __u32 off, __u64 addr_addr)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_SOCKADDR)
        return put_int(buf, off, SL_NONE, 0);
    const void *addr = (const void *)addr_addr;
    __u32 at = off + sizeof(struct sl_arg);
    __u16 family = 0;
    __u32 len = 0;
    if (addr && bpf_probe_read_user(&family, sizeof(family), addr) == 0) {
        if (family == AF_INET)
            len = 16;
        else if (family == AF_INET6)
            len = 28;
        else if (family == AF_UNIX)
            len = 110;
        else
            len = 2;
        if (bpf_probe_read_user(&buf[masked(at)], len, addr) != 0) {
            /* a short AF_UNIX address at the end of a page: the path as a string */
            *(__u16 *)&buf[masked(at)] = family;
            len = 2;
            if (family == AF_UNIX) {
                long n = bpf_probe_read_user_str(&buf[masked(at + 2)], 108, (const char *)addr + 2);
                len = n > 0 ? 2 + (__u32)n : 2;
            }
        }
    }
    return finish_value(buf, off, SL_RAW_SOCKADDR, len & 127);
}

/* int[2] the kernel filled for the process (pipe2's pipefd, socketpair's sv), packed as INT32_ARRAY; unreadable: empty */
__noinline __u32 put_int_pair(struct scratch *s, __u32 off, __u64 addr)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - 8)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    __u32 len = 8;
    if (!addr || bpf_probe_read_user(&buf[masked(at)], 8, (const void *)addr) != 0)
        len = 0;
    return finish_value(buf, off, SL_INT32_ARRAY, len);
}

static __always_inline void emit(void *record, __u32 len)
{
    __u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) + len >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP
                                                                                       : BPF_RB_NO_WAKEUP;
    if (len > SL_HALF)
        return;
    asm volatile("" : "+r"(len));
    if (bpf_ringbuf_output(&events, record, len & (2 * SL_HALF - 1), flags) != 0)
        count_loss_at((((struct sl_record *)record)->flags & SL_FLAG_TREE_ONLY) ? LOST_TREE_ONLY : LOST_EVENTS);
}

/* The user stack of the current thread, last in the record: return addresses walked by the kernel's perf callchain
 * (frame pointers), innermost first. Only with --user-stack: when off, the verifier drops this as dead code. A
 * stack the kernel cannot walk (a task whose memory is gone, at exit) is none. */
static __always_inline __u32 put_stack(void *ctx, __u8 *buf, __u32 off)
{
    if (!user_stack || (((struct sl_record *)buf)->flags & SL_FLAG_TREE_ONLY))
        return off;
    if (off > SL_HALF - SL_MAX_STACK * sizeof(__u64))
        return off;
    long n = bpf_get_stack(ctx, &buf[masked(off)], SL_MAX_STACK * sizeof(__u64), BPF_F_USER_STACK);
    if (n <= 0)
        return off;
    __u32 depth = (__u32)n / sizeof(__u64);
    if (depth > SL_MAX_STACK)
        depth = SL_MAX_STACK;
    ((struct sl_record *)buf)->stack_depth = depth;
    return off + depth * sizeof(__u64);
}

static __always_inline void finish(void *ctx, __u8 *buf, __u32 off)
{
    off = put_stack(ctx, buf, off);
    ((struct sl_record *)buf)->len = off;
    if (off > SL_HALF)
        return;
    emit(buf, off);
}

/* ------------------------------------------------------------------ scheduler events */

__noinline __u32 put_bprm(struct scratch *s, __u64 file_addr);

SEC("tp_btf/sched_prepare_exec")
int BPF_PROG(sluice_prepare_exec, struct task_struct *task, struct linux_binprm *bprm)
{
    __u32 tid = BPF_CORE_READ(task, pid);
    char comm[16] = {};
    bpf_probe_read_kernel_str(comm, sizeof(comm), &task->comm);
    bpf_map_update_elem(&prev_comms, &tid, comm, BPF_ANY);
    return 0;
}

/* the inode's ctime layouts before 6.11 (CO-RE flavors: libbpf matches them to struct inode by name) */
struct inode___pre611 {
    struct timespec64 __i_ctime;      /* 6.6 to 6.10 */
} __attribute__((preserve_access_index));

struct inode___pre66 {
    struct timespec64 i_ctime;        /* before 6.6 */
} __attribute__((preserve_access_index));

/* nanoseconds since the epoch, on every layout the kernel has had (0 without an inode) */
static __always_inline __u64 inode_ctime(struct inode *inode)
{
    if (!inode)
        return 0;
    if (bpf_core_field_exists(inode->i_ctime_sec))
        /* the top bits of i_ctime_nsec are flags (multigrain timestamps, 6.13+) */
        return BPF_CORE_READ(inode, i_ctime_sec) * 1000000000ULL + (BPF_CORE_READ(inode, i_ctime_nsec) & 0x3fffffff);
    struct inode___pre611 *v611 = (void *)inode;
    if (bpf_core_field_exists(v611->__i_ctime))
        return BPF_CORE_READ(v611, __i_ctime.tv_sec) * 1000000000ULL + BPF_CORE_READ(v611, __i_ctime.tv_nsec);
    struct inode___pre66 *v66 = (void *)inode;
    if (bpf_core_field_exists(v66->i_ctime))
        return BPF_CORE_READ(v66, i_ctime.tv_sec) * 1000000000ULL + BPF_CORE_READ(v66, i_ctime.tv_nsec);
    return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sluice_exec, struct task_struct *task, pid_t old_pid, struct linux_binprm *bprm)
{
    if (trace_bprm && in_scope(task)) {
        /* security_bprm_check first, as the LSM hook runs before the exec completes */
        struct scratch *bs = scratch_buffer();
        __u32 len = put_bprm(bs, (__u64)BPF_CORE_READ(bprm, file));
        if (bs && len)
            finish(ctx, bs->buf, len);
    }
    int selected = trace_exec && in_scope(task);
    if (!selected && !track_processes)
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, SL_EVENT_EXEC, -1);
    __u32 off = sizeof(struct sl_record);
    if (!selected) {
        /* the tree needs only the new executable's path */
        struct file *exe = BPF_CORE_READ(bprm, file);
        ((struct sl_record *)buf)->flags = SL_FLAG_TREE_ONLY;
        off = put_int(buf, off, SL_NONE, 0);
        off = put_path(s, off, (__u64)&exe->f_path);
        if (tree_argv) {
            /* dev .. interpreter_ctime absent, then argv at its catalog index */
            for (int i = 0; i < 8; i++)
                off = put_int(buf, off, SL_NONE, 0);
            struct mm_struct *new_mm = BPF_CORE_READ(task, mm);
            off = put_user_list(s, off, BPF_CORE_READ(new_mm, arg_start), BPF_CORE_READ(new_mm, arg_end));
        }
        finish(ctx, buf, off);
        return 0;
    }

    struct file *file = BPF_CORE_READ(bprm, file);
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    const char *filename = BPF_CORE_READ(bprm, filename);
    const char *interp = BPF_CORE_READ(bprm, interp);
    struct mm_struct *mm = BPF_CORE_READ(task, mm);

    off = put_str(s, off, (__u64)filename, 0);                                     /* cmdpath */
    off = put_path(s, off, (__u64)&file->f_path);                                  /* pathname */
    off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));    /* dev */
    off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));          /* inode */
    off = put_int(buf, off, SL_UINT64, inode_ctime(inode));                  /* ctime */
    off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_mode));         /* inode_mode */
    off = put_int(buf, off, SL_NONE, 0);                                      /* interpreter_pathname: ELF interpreter needs a kprobe */
    off = put_int(buf, off, SL_NONE, 0);                                      /* interpreter_dev */
    off = put_int(buf, off, SL_NONE, 0);                                      /* interpreter_inode */
    off = put_int(buf, off, SL_NONE, 0);                                      /* interpreter_ctime */
    off = put_user_list(s, off, BPF_CORE_READ(mm, arg_start), BPF_CORE_READ(mm, arg_end)); /* argv */
    off = put_str(s, off, (__u64)interp, 0);                                       /* interp */

    struct file **fds = BPF_CORE_READ(task, files, fdt, fd);
    struct file *stdin_file = 0;
    bpf_core_read(&stdin_file, sizeof(stdin_file), &fds[0]);
    __u32 stdin_mode = stdin_file ? BPF_CORE_READ(stdin_file, f_inode, i_mode) & S_IFMT : 0;
    off = put_int(buf, off, SL_UINT32, stdin_mode);                           /* stdin_type */
    off = put_int(buf, off, SL_NONE, 0);                                      /* stdin_path */
    __u32 parent_flags = BPF_CORE_READ(task, real_parent, flags);
    off = put_int(buf, off, SL_BOOL, (parent_flags & PF_KTHREAD) ? 1 : 0);    /* invoked_from_kernel */

    __u32 old_tid = old_pid;
    char *prev = bpf_map_lookup_elem(&prev_comms, &old_tid);
    if (prev) {
        off = put_comm(buf, off, prev);                                             /* prev_comm */
        bpf_map_delete_elem(&prev_comms, &old_tid);
    } else {
        off = put_int(buf, off, SL_NONE, 0);
    }
    struct fs_struct *fs = BPF_CORE_READ(task, fs);
    off = put_path(s, off, (__u64)&fs->pwd);                                           /* pwd */
    if (exec_env)
        off = put_user_list(s, off, BPF_CORE_READ(mm, env_start), BPF_CORE_READ(mm, env_end)); /* env */
    else
        off = put_int(buf, off, SL_NONE, 0);
    finish(ctx, buf, off);
    return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sluice_fork, struct task_struct *parent, struct task_struct *child)
{
    int selected = trace_fork && in_scope(parent);
    if (!selected && !track_processes)
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    struct task_struct *current = bpf_get_current_task_btf();
    fill_context((struct sl_record *)buf, current, SL_EVENT_FORK, -1);
    ((struct sl_record *)buf)->flags = selected ? 0 : SL_FLAG_TREE_ONLY;
    __u32 off = sizeof(struct sl_record);
    off = put_int(buf, off, SL_INT32, BPF_CORE_READ(parent, pid));
    off = put_int(buf, off, SL_INT32, task_ns_tid(parent));
    off = put_int(buf, off, SL_INT32, BPF_CORE_READ(parent, tgid));
    off = put_int(buf, off, SL_INT32, task_ns_pid(parent));
    off = put_int(buf, off, SL_RAW_BOOT_NS, BPF_CORE_READ(parent, start_boottime));
    off = put_int(buf, off, SL_INT32, BPF_CORE_READ(child, pid));
    off = put_int(buf, off, SL_INT32, task_ns_tid(child));
    off = put_int(buf, off, SL_INT32, BPF_CORE_READ(child, tgid));
    off = put_int(buf, off, SL_INT32, task_ns_pid(child));
    off = put_int(buf, off, SL_RAW_BOOT_NS, BPF_CORE_READ(child, start_boottime));
    finish(ctx, buf, off);
    return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sluice_exit, struct task_struct *task)
{
    int selected = trace_exit && in_scope(task);
    if (!selected && !track_processes && !trace_do_exit)
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, SL_EVENT_EXIT, -1);
    ((struct sl_record *)buf)->flags = selected ? 0 : SL_FLAG_TREE_ONLY;
    __u32 off = sizeof(struct sl_record);
    int code = BPF_CORE_READ(task, exit_code);
    int live = BPF_CORE_READ(task, signal, live.counter);
    off = put_int(buf, off, SL_INT64, (code >> 8) & 0xff);
    off = put_int(buf, off, SL_INT32, code & 0x7f);
    off = put_int(buf, off, SL_BOOL, live == 0);
    finish(ctx, buf, off);
    if (trace_do_exit && in_scope(task)) {
        /* do_exit: the code the thread exits with (do_exit's argument, kept in exit_code) */
        fill_context((struct sl_record *)buf, task, SL_EVENT_DO_EXIT, -1);
        finish(ctx, buf, put_int(buf, sizeof(struct sl_record), SL_INT64, code));  /* returnValue */
    }
    return 0;
}

/* ------------------------------------------------------------------ derived events (Tracee's LSM and container events) */

#define S_IFREG 0100000
#define S_IFSOCK 0140000
#define AT_FDCWD -100
#define AT_REMOVEDIR 0x200
#define VM_WRITE 0x2
#define VM_EXEC 0x4
#define ALERT_MMAP_W_X 1           /* Tracee's mem_prot_alert kinds (pkg/ebpf/c/types.h) */
#define ALERT_MPROT_X_ADD 2
#define ALERT_MPROT_W_ADD 3
#define ALERT_MPROT_W_REM 4

/* The open file behind a descriptor of the current task (its fd table), or 0. Read through probes: the pointers
 * are scalars in the global functions below. */
static __always_inline struct file *fd_file(__s64 fd)
{
    struct task_struct *task = bpf_get_current_task_btf();
    struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
    unsigned int max = BPF_CORE_READ(fdt, max_fds);
    if (fd < 0 || fd >= max)
        return 0;
    struct file **fds = BPF_CORE_READ(fdt, fd);
    struct file *file = 0;
    bpf_core_read(&file, sizeof(file), &fds[fd & 0xfffff]);
    return file;
}


/* the base a relative path of a *at syscall is resolved from: the dirfd's path, or the working directory */
static __always_inline __u64 base_path(__s32 dirfd)
{
    if (dirfd == AT_FDCWD) {
        struct task_struct *task = bpf_get_current_task_btf();
        struct fs_struct *fs = BPF_CORE_READ(task, fs);
        return (__u64)&fs->pwd;
    }
    struct file *file = fd_file(dirfd);
    return file ? (__u64)&file->f_path : 0;
}

/* a socket's local (remote=0) or peer (remote=1) address as a struct sockaddr, from its struct sock */
__noinline __u32 put_sock_addr(struct scratch *s, __u32 off, __u64 sk_addr, int remote)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAX_SOCKADDR)
        return put_int(buf, off, SL_NONE, 0);
    struct sock *sk = (struct sock *)sk_addr;
    __u32 at = off + sizeof(struct sl_arg);
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    __u16 port = remote ? BPF_CORE_READ(sk, __sk_common.skc_dport)
                        : __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_num));
    __u8 *out = &buf[masked(at)];
    __builtin_memset(out, 0, 28);
    *(__u16 *)out = family;
    __u32 len = 2;
    if (family == AF_INET) {
        *(__u16 *)(out + 2) = port;
        *(__u32 *)(out + 4) = remote ? BPF_CORE_READ(sk, __sk_common.skc_daddr)
                                     : BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
        len = 16;
    } else if (family == AF_INET6) {
        *(__u16 *)(out + 2) = port;
        if (remote)
            BPF_CORE_READ_INTO(out + 8, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
        else
            BPF_CORE_READ_INTO(out + 8, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
        len = 28;
    }
    return finish_value(buf, off, SL_RAW_SOCKADDR, len);
}

/* a socket's own (local) address as a struct sockaddr, from its struct sock (accept's listening socket) */
__noinline __u32 put_sock_local(struct scratch *s, __u32 off, __u64 sk_addr)
{
    return put_sock_addr(s, off, sk_addr, 0);
}
/* the first bytes a process wrote (magic_write's header), at most SL_MAGIC_BYTES */
__noinline __u32 put_user_bytes(struct scratch *s, __u32 off, __u64 addr, __u32 count)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    if (off > SL_HALF - sizeof(struct sl_arg) - SL_MAGIC_BYTES)
        return put_int(buf, off, SL_NONE, 0);
    __u32 at = off + sizeof(struct sl_arg);
    __u32 len = count < SL_MAGIC_BYTES ? count : SL_MAGIC_BYTES;
    asm volatile("" : "+r"(len));
    len &= (2 * SL_MAGIC_BYTES - 1);
    if (len == 0 || bpf_probe_read_user(&buf[masked(at)], len, (const void *)addr) != 0)
        len = 0;
    return finish_value(buf, off, SL_BYTES, len);
}

/* a file's pathname, dev, inode and ctime: four arguments, absent when there is no file */
__noinline __u32 put_file_info(struct scratch *s, __u32 off, __u64 file_addr, int with_pathname)
{
    if (!s)
        return off;
    __u8 *buf = s->buf;
    struct file *file = (struct file *)file_addr;
    if (!file) {
        for (int i = with_pathname ? 0 : 1; i < 4; i++)
            off = put_int(buf, off, SL_NONE, 0);
        return off;
    }
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    if (with_pathname)
        off = put_path(s, off, (__u64)&file->f_path);
    off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));
    off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));
    return put_int(buf, off, SL_UINT64, inode_ctime(inode));
}

static __always_inline __u32 derived_more_id(__u32 kind)
{
    switch (kind) {
    case SL_DERIVE_MKNOD_PATH0:
    case SL_DERIVE_MKNOD_PATH1:
        return SL_EVENT_INODE_MKNOD;
    case SL_DERIVE_SYMLINK:
    case SL_DERIVE_SYMLINKAT:
        return SL_EVENT_INODE_SYMLINK;
    case SL_DERIVE_TRUNCATE:
    case SL_DERIVE_FTRUNCATE:
        return SL_EVENT_DO_TRUNCATE;
    case SL_DERIVE_CHMOD:
    case SL_DERIVE_FCHMOD:
    case SL_DERIVE_FCHMODAT:
        return SL_EVENT_CHMOD_COMMON;
    case SL_DERIVE_CHDIR:
    case SL_DERIVE_FCHDIR:
        return SL_EVENT_SET_FS_PWD;
    case SL_DERIVE_SWITCH_NS:
        return SL_EVENT_SWITCH_TASK_NS;
    case SL_DERIVE_UMOUNT:
        return SL_EVENT_SB_UMOUNT;
    case SL_DERIVE_SETRLIMIT:
    case SL_DERIVE_PRLIMIT:
        return SL_EVENT_TASK_SETRLIMIT;
    case SL_DERIVE_SIGACTION:
        return SL_EVENT_DO_SIGACTION;
    case SL_DERIVE_DO_MMAP:
        return SL_EVENT_DO_MMAP;
    case SL_DERIVE_MMAP_FILE:
        return SL_EVENT_MMAP_FILE;
    case SL_DERIVE_UTIMENSAT:
        return SL_EVENT_VFS_UTIMES;
    case SL_DERIVE_SO_LOADED:
        return SL_EVENT_SO_LOADED;
    case SL_DERIVE_PATH_NOTIFY:
        return SL_EVENT_PATH_NOTIFY;
    case SL_DERIVE_EXEC_FAILED:
    case SL_DERIVE_EXECAT_FAILED:
        return SL_EVENT_EXECUTE_FAILED;
    case SL_DERIVE_SOCKET_CREATE:
        return SL_EVENT_SOCKET_CREATE;
    case SL_DERIVE_LISTEN:
        return SL_EVENT_SOCKET_LISTEN;
    case SL_DERIVE_SETSOCKOPT:
        return SL_EVENT_SOCKET_SETSOCKOPT;
    case SL_DERIVE_SOCKET_DUP:
        return SL_EVENT_SOCKET_DUP;
    case SL_DERIVE_SOCKET_ACCEPT:
        return SL_EVENT_SOCKET_ACCEPT_FD;
    case SL_DERIVE_BPF:
        return SL_EVENT_BPF;
    case SL_DERIVE_BPF_MAP:
        return SL_EVENT_BPF_MAP;
    case SL_DERIVE_BPF_PROG:
        return SL_EVENT_BPF_PROG;
    case SL_DERIVE_VFS_WRITE:
    case SL_DERIVE_VFS_PWRITE:
        return SL_EVENT_VFS_WRITE;
    case SL_DERIVE_VFS_WRITEV:
    case SL_DERIVE_VFS_PWRITEV:
        return SL_EVENT_VFS_WRITEV;
    case SL_DERIVE_VFS_READ:
    case SL_DERIVE_VFS_PREAD:
        return SL_EVENT_VFS_READ;
    case SL_DERIVE_VFS_READV:
    case SL_DERIVE_VFS_PREADV:
        return SL_EVENT_VFS_READV;
    default:
        return 0;
    }
}

static __always_inline __u32 derived_event_id(__u32 kind)
{
    switch (kind) {
    case SL_DERIVE_OPEN_PATH0:
    case SL_DERIVE_OPEN_PATH1:
        return SL_EVENT_FILE_OPEN;
    case SL_DERIVE_UNLINK_PATH0:
    case SL_DERIVE_UNLINK_PATH1:
        return SL_EVENT_INODE_UNLINK;
    case SL_DERIVE_RENAME_01:
    case SL_DERIVE_RENAME_13:
        return SL_EVENT_INODE_RENAME;
    case SL_DERIVE_MOUNT:
        return SL_EVENT_SB_MOUNT;
    case SL_DERIVE_CONNECT:
        return SL_EVENT_SOCKET_CONNECT;
    case SL_DERIVE_BIND:
        return SL_EVENT_SOCKET_BIND;
    case SL_DERIVE_ACCEPT:
        return SL_EVENT_SOCKET_ACCEPT;
    case SL_DERIVE_WRITE:
    case SL_DERIVE_PWRITE:
        return SL_EVENT_MAGIC_WRITE;
    case SL_DERIVE_MPROTECT:
        return SL_EVENT_FILE_MPROTECT;
    case SL_DERIVE_MPROT_ALERT:
    case SL_DERIVE_MMAP_ALERT:
        return SL_EVENT_MEM_PROT_ALERT;
    default:
        return derived_more_id(kind);
    }
}

/* the socket behind a descriptor, or 0 when it is not one */
static __always_inline struct socket *fd_socket(__s64 fd)
{
    struct file *file = fd_file(fd);
    if (!file || (BPF_CORE_READ(file, f_inode, i_mode) & S_IFMT) != S_IFSOCK)
        return 0;
    return (struct socket *)BPF_CORE_READ(file, private_data);
}

/* A derived event at a syscall's exit, in the scratch buffer: returns the record's length, 0 when the call derives
 * nothing (it failed, or is not what the event is about). Verified once, whatever calls it. */
__noinline __u32 put_derived_exit(struct scratch *s, __u32 kind, struct sl_args *saved, __s64 ret, __s32 nr)
{
    if (!s || !saved)
        return 0;
    __u32 event_id = derived_event_id(kind);
    if (!event_id)
        return 0;
    __u64 a0 = saved->a[0], a1 = saved->a[1], a2 = saved->a[2], a3 = saved->a[3];
    struct file *file = 0;
    struct socket *sock = 0;
    switch (kind) {
    case SL_DERIVE_OPEN_PATH0:
    case SL_DERIVE_OPEN_PATH1:
        file = ret >= 0 ? fd_file(ret) : 0;
        if (!file)
            return 0;
        break;
    case SL_DERIVE_CONNECT:
    case SL_DERIVE_BIND:
    case SL_DERIVE_ACCEPT:
        sock = fd_socket((__s32)a0);
        if (!sock)
            return 0;
        break;
    case SL_DERIVE_WRITE:
    case SL_DERIVE_PWRITE:
        if (ret <= 0)
            return 0;
        file = fd_file((__s32)a0);
        if (!file || (BPF_CORE_READ(file, f_inode, i_mode) & S_IFMT) != S_IFREG)
            return 0;
        /* a write that started at offset 0 left the position at what it wrote (also with O_APPEND on an empty file) */
        if (kind == SL_DERIVE_WRITE ? BPF_CORE_READ(file, f_pos) != ret : a3 != 0)
            return 0;
        break;
    case SL_DERIVE_UNLINK_PATH1:
        /* unlinkat(AT_REMOVEDIR) removes a directory: the kernel calls security_inode_rmdir, not _unlink */
        if (ret != 0 || (a2 & AT_REMOVEDIR))
            return 0;
        break;
    case SL_DERIVE_MMAP_ALERT:
        if (ret < 0 && ret > -4096)
            return 0;
        if ((a2 & (VM_WRITE | VM_EXEC)) != (VM_WRITE | VM_EXEC))
            return 0;
        file = (__s32)saved->a[4] >= 0 ? fd_file((__s32)saved->a[4]) : 0;
        break;
    default:
        if (ret != 0)
            return 0;
        break;
    }
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, bpf_get_current_task_btf(), event_id, nr);
    __u32 off = sizeof(struct sl_record);
    switch (kind) {
    case SL_DERIVE_OPEN_PATH0:
    case SL_DERIVE_OPEN_PATH1: {
        off = put_path(s, off, (__u64)&file->f_path);                            /* pathname */
        off = put_int(buf, off, SL_INT32, BPF_CORE_READ(file, f_flags));          /* flags */
        off = put_file_info(s, off, (__u64)file, 0);                              /* dev, inode, ctime */
        off = put_str(s, off, kind == SL_DERIVE_OPEN_PATH0 ? a0 : a1, 1);         /* syscall_pathname */
        break;
    }
    case SL_DERIVE_UNLINK_PATH0:
    case SL_DERIVE_UNLINK_PATH1:
        if (kind == SL_DERIVE_UNLINK_PATH0)
            off = put_path_at(s, off, base_path(AT_FDCWD), a0);                  /* pathname */
        else
            off = put_path_at(s, off, base_path((__s32)a0), a1);
        for (int i = 0; i < 3; i++)
            off = put_int(buf, off, SL_NONE, 0);                                  /* inode, dev, ctime: gone at exit */
        break;
    case SL_DERIVE_RENAME_01:
        off = put_path_at(s, off, base_path(AT_FDCWD), a0);                      /* old_path */
        off = put_path_at(s, off, base_path(AT_FDCWD), a1);                      /* new_path */
        break;
    case SL_DERIVE_RENAME_13:
        off = put_path_at(s, off, base_path((__s32)a0), a1);
        off = put_path_at(s, off, base_path((__s32)a2), a3);
        break;
    case SL_DERIVE_MOUNT:
        off = put_str(s, off, a0, 1);                                             /* dev_name */
        off = put_path_at(s, off, base_path(AT_FDCWD), a1);                      /* path */
        off = put_str(s, off, a2, 1);                                             /* type */
        off = put_int(buf, off, SL_UINT64, a3);                                   /* flags */
        break;
    case SL_DERIVE_CONNECT:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_int(buf, off, SL_INT32, BPF_CORE_READ(sock, type));             /* type */
        off = put_sockaddr(s, off, a1);                                           /* remote_addr */
        break;
    case SL_DERIVE_BIND:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_sockaddr(s, off, a1);                                           /* local_addr */
        break;
    case SL_DERIVE_ACCEPT:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_sock_local(s, off, (__u64)BPF_CORE_READ(sock, sk));             /* local_addr */
        break;
    case SL_DERIVE_WRITE:
    case SL_DERIVE_PWRITE: {
        off = put_path(s, off, (__u64)&file->f_path);                            /* pathname */
        off = put_user_bytes(s, off, a1, (__u32)ret);                             /* bytes */
        struct inode *inode = BPF_CORE_READ(file, f_inode);
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));    /* dev */
        off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));          /* inode */
        off = put_int(buf, off, SL_INT64, ret);                                   /* returnValue */
        break;
    }
    case SL_DERIVE_MMAP_ALERT:
        off = put_int(buf, off, SL_UINT32, ALERT_MMAP_W_X);                       /* alert */
        off = put_int(buf, off, SL_UINT64, a0);                                   /* addr */
        off = put_int(buf, off, SL_UINT64, a1);                                   /* len */
        off = put_int(buf, off, SL_INT32, (__s32)a2);                             /* prot */
        off = put_int(buf, off, SL_INT32, 0);                                     /* prev_prot */
        off = put_file_info(s, off, (__u64)file, 1);                              /* pathname, dev, inode, ctime */
        break;
    default:
        return 0;
    }
    return off;
}

#define MAP_ANONYMOUS 0x20
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define SIG_HND 2                  /* Tracee's sa_handle_method for a handler function (SIG_DFL 0, SIG_IGN 1) */
#define IN_ALL_EVENTS 0x00000fff
#define FSNOTIFY_OBJ_TYPE_INODE 0
#define BPF_MAP_CREATE 0
#define BPF_PROG_LOAD 5

/* a user-space dev_t (new_encode_dev) as the kernel keeps it (MKDEV: major << 20 | minor) */
static __always_inline __u32 kernel_dev(__u32 dev)
{
    __u32 major = (dev & 0xfff00) >> 8;
    __u32 minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    return (major << 20) | minor;
}

/* Tracee's sigaction fields: flags, mask, handle method, handler (0 unless a function) */
static __always_inline __u32 put_sigaction(__u8 *buf, __u32 off, __u64 user_addr)
{
    __u64 act[4] = {};                          /* handler, flags, restorer, mask: struct sigaction as the kernel reads it */
    if (bpf_probe_read_user(act, sizeof(act), (const void *)user_addr) != 0) {
        for (int i = 0; i < 4; i++)
            off = put_int(buf, off, SL_NONE, 0);
        return off;
    }
    off = put_int(buf, off, SL_UINT64, act[1]);                                   /* sa_flags */
    off = put_int(buf, off, SL_UINT64, act[3]);                                   /* sa_mask */
    off = put_int(buf, off, SL_UINT32, act[0] >= SIG_HND ? SIG_HND : act[0] & 0xff); /* sa_handle_method */
    return put_int(buf, off, SL_UINT64, act[0] >= SIG_HND ? act[0] : 0);        /* sa_handler */
}

/* one of utimensat's two timespecs in nanoseconds; absent without times (now) and for UTIME_NOW / UTIME_OMIT */
static __always_inline __u32 put_utime(__u8 *buf, __u32 off, __u64 user_addr, int index)
{
    __s64 ts[2] = {};
    if (!user_addr || bpf_probe_read_user(ts, sizeof(ts), (const void *)(user_addr + index * 16)) != 0 ||
        ts[1] == ((1L << 30) - 1) || ts[1] == ((1L << 30) - 2))
        return put_int(buf, off, SL_NONE, 0);
    return put_int(buf, off, SL_UINT64, ts[0] * 1000000000ULL + ts[1]);
}

/* a struct rlimit (rlim_cur, rlim_max) the process passed */
static __always_inline __u32 put_rlimit(__u8 *buf, __u32 off, __u64 user_addr)
{
    __u64 lim[2] = {};
    if (bpf_probe_read_user(lim, sizeof(lim), (const void *)user_addr) != 0)
        return put_int(buf, put_int(buf, off, SL_NONE, 0), SL_NONE, 0);
    off = put_int(buf, off, SL_UINT64, lim[0]);                                   /* new_rlim_cur */
    return put_int(buf, off, SL_UINT64, lim[1]);                                  /* new_rlim_max */
}

/* The file and process events at a syscall's exit (put_derived_exit's sequel, verified on its own): returns the
 * record's length, 0 when the call derives nothing. */
__noinline __u32 put_derived_more(struct scratch *s, __u32 kind, struct sl_args *saved, __s64 ret, __s32 nr)
{
    if (!s || !saved)
        return 0;
    __u32 event_id = derived_event_id(kind);
    if (!event_id)
        return 0;
    __u64 a0 = saved->a[0], a1 = saved->a[1], a2 = saved->a[2], a3 = saved->a[3];
    struct task_struct *task = bpf_get_current_task_btf();
    struct file *file = 0;
    switch (kind) {
    case SL_DERIVE_FTRUNCATE:
    case SL_DERIVE_FCHMOD:
    case SL_DERIVE_FCHDIR:
        file = ret == 0 ? fd_file((__s32)a0) : 0;
        if (!file)
            return 0;
        break;
    case SL_DERIVE_MKNOD_PATH0:
    case SL_DERIVE_MKNOD_PATH1: {
        /* a regular file made by mknod goes through vfs_create, not security_inode_mknod */
        __u32 type = (kind == SL_DERIVE_MKNOD_PATH0 ? a1 : a2) & S_IFMT;
        if (ret != 0 || (type != S_IFIFO && type != S_IFCHR && type != S_IFBLK && type != S_IFSOCK))
            return 0;
        break;
    }
    case SL_DERIVE_DO_MMAP:
    case SL_DERIVE_MMAP_FILE:
    case SL_DERIVE_SO_LOADED:
        if (ret < 0 && ret > -4096)
            return 0;
        if (kind == SL_DERIVE_SO_LOADED && !(a2 & VM_EXEC))
            return 0;
        file = !(a3 & MAP_ANONYMOUS) && (__s32)saved->a[4] >= 0 ? fd_file((__s32)saved->a[4]) : 0;
        if (kind != SL_DERIVE_DO_MMAP && !file)
            return 0;
        break;
    case SL_DERIVE_SETRLIMIT:
        if (ret != 0 || !a1)
            return 0;
        break;
    case SL_DERIVE_UTIMENSAT:
        /* no path: the descriptor's file (futimens) */
        file = ret == 0 && !a1 ? fd_file((__s32)a0) : 0;
        if (ret != 0 || (!a1 && !file))
            return 0;
        break;
    case SL_DERIVE_EXEC_FAILED:
    case SL_DERIVE_EXECAT_FAILED:
        /* a failed exec keeps the old image: the arguments are still readable */
        if (ret >= 0)
            return 0;
        break;
    case SL_DERIVE_PATH_NOTIFY:
        if (ret < 0)
            return 0;
        break;
    case SL_DERIVE_PRLIMIT:
        if (ret != 0 || !a2)
            return 0;
        break;
    default:
        if (ret != 0)
            return 0;
        break;
    }
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, event_id, nr);
    __u32 off = sizeof(struct sl_record);
    switch (kind) {
    case SL_DERIVE_MKNOD_PATH0:
    case SL_DERIVE_MKNOD_PATH1: {
        __u32 umask = BPF_CORE_READ(task, fs, umask);
        if (kind == SL_DERIVE_MKNOD_PATH0)
            off = put_path_at(s, off, base_path(AT_FDCWD), a0);                  /* file_name */
        else
            off = put_path_at(s, off, base_path((__s32)a0), a1);
        __u32 mode = kind == SL_DERIVE_MKNOD_PATH0 ? a1 : a2;
        __u32 dev = kind == SL_DERIVE_MKNOD_PATH0 ? a2 : a3;
        off = put_int(buf, off, SL_UINT32, (mode & ~umask) & 0xffff);             /* mode, as vfs_mknod has it */
        off = put_int(buf, off, SL_UINT32, kernel_dev(dev));                      /* dev */
        break;
    }
    case SL_DERIVE_SYMLINK:
        off = put_path_at(s, off, base_path(AT_FDCWD), a1);                      /* linkpath */
        off = put_str(s, off, a0, 1);                                             /* target */
        break;
    case SL_DERIVE_SYMLINKAT:
        off = put_path_at(s, off, base_path((__s32)a1), a2);
        off = put_str(s, off, a0, 1);
        break;
    case SL_DERIVE_TRUNCATE:
        off = put_path_at(s, off, base_path(AT_FDCWD), a0);                      /* pathname */
        off = put_int(buf, off, SL_NONE, 0);                                      /* inode, dev: not resolved */
        off = put_int(buf, off, SL_NONE, 0);
        off = put_int(buf, off, SL_UINT64, a1);                                   /* length */
        break;
    case SL_DERIVE_FTRUNCATE: {
        struct inode *inode = BPF_CORE_READ(file, f_inode);
        off = put_path(s, off, (__u64)&file->f_path);
        off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));
        off = put_int(buf, off, SL_UINT64, a1);
        break;
    }
    case SL_DERIVE_CHMOD:
    case SL_DERIVE_FCHMOD:
    case SL_DERIVE_FCHMODAT:
        if (kind == SL_DERIVE_CHMOD)
            off = put_path_at(s, off, base_path(AT_FDCWD), a0);                  /* pathname */
        else if (kind == SL_DERIVE_FCHMOD)
            off = put_path(s, off, (__u64)&file->f_path);
        else
            off = put_path_at(s, off, base_path((__s32)a0), a1);
        off = put_int(buf, off, SL_UINT32, (kind == SL_DERIVE_FCHMODAT ? a2 : a1) & 0xffff); /* mode */
        off = put_int(buf, off, SL_INT64, ret);                                   /* returnValue */
        break;
    case SL_DERIVE_CHDIR:
    case SL_DERIVE_FCHDIR: {
        if (kind == SL_DERIVE_CHDIR)
            off = put_str(s, off, a0, 1);                                         /* unresolved_path */
        else
            off = put_int(buf, off, SL_NONE, 0);
        struct fs_struct *fs = BPF_CORE_READ(task, fs);
        off = put_path(s, off, (__u64)&fs->pwd);                                 /* resolved_path */
        break;
    }
    case SL_DERIVE_SWITCH_NS: {
        struct nsproxy *ns = BPF_CORE_READ(task, nsproxy);
        off = put_int(buf, off, SL_INT32, BPF_CORE_READ(task, pid));             /* pid */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, mnt_ns, ns.inum));   /* new_mnt */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, pid_ns_for_children, ns.inum)); /* new_pid */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, uts_ns, ns.inum));   /* new_uts */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, ipc_ns, ns.inum));   /* new_ipc */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, net_ns, ns.inum));   /* new_net */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(ns, cgroup_ns, ns.inum)); /* new_cgroup */
        break;
    }
    case SL_DERIVE_UMOUNT:
        off = put_path_at(s, off, base_path(AT_FDCWD), a0);                      /* mountpoint */
        off = put_int(buf, off, SL_NONE, 0);                                      /* type: gone with the mount */
        off = put_int(buf, off, SL_INT32, (__s32)a1);                             /* flags */
        break;
    case SL_DERIVE_SETRLIMIT:
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(task, tgid));           /* target_host_pid */
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* resource */
        off = put_rlimit(buf, off, a1);
        break;
    case SL_DERIVE_PRLIMIT: {
        /* a pid other than 0 is the caller's namespace's number: the host's only in the initial namespace */
        int initial = BPF_CORE_READ(task, thread_pid, level) == 0;
        if ((__s32)a0 == 0 || initial)
            off = put_int(buf, off, SL_UINT32, (__s32)a0 == 0 ? BPF_CORE_READ(task, tgid) : (__u32)a0);
        else
            off = put_int(buf, off, SL_NONE, 0);
        off = put_int(buf, off, SL_INT32, (__s32)a1);
        off = put_rlimit(buf, off, a2);
        break;
    }
    case SL_DERIVE_SIGACTION:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sig */
        off = put_int(buf, off, SL_BOOL, a1 != 0);                                /* is_sa_initialized */
        if (a1)
            off = put_sigaction(buf, off, a1);
        else
            for (int i = 0; i < 4; i++)
                off = put_int(buf, off, SL_NONE, 0);
        off = put_int(buf, off, SL_BOOL, a2 != 0);                                /* is_old_sa_initialized */
        if (a2)
            off = put_sigaction(buf, off, a2);                                    /* filled by the call */
        else
            for (int i = 0; i < 4; i++)
                off = put_int(buf, off, SL_NONE, 0);
        break;
    case SL_DERIVE_DO_MMAP:
        off = put_int(buf, off, SL_UINT64, ret);                                  /* addr */
        if (file) {
            off = put_path(s, off, (__u64)&file->f_path);                        /* pathname */
            off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(file, f_flags));     /* flags */
        } else {
            off = put_int(buf, off, SL_NONE, 0);
            off = put_int(buf, off, SL_NONE, 0);
        }
        off = put_file_info(s, off, (__u64)file, 0);                              /* dev, inode, ctime */
        off = put_int(buf, off, SL_UINT64, saved->a[5] >> 12);                    /* pgoff */
        off = put_int(buf, off, SL_UINT64, a1);                                   /* len */
        off = put_int(buf, off, SL_UINT64, a2);                                   /* prot */
        off = put_int(buf, off, SL_UINT64, a3);                                   /* mmap_flags */
        break;
    case SL_DERIVE_UTIMENSAT:
        if (file) {
            struct inode *inode = BPF_CORE_READ(file, f_inode);
            off = put_path(s, off, (__u64)&file->f_path);                        /* pathname */
            off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));/* dev */
            off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));      /* inode */
        } else {
            off = put_path_at(s, off, base_path((__s32)a0), a1);                 /* pathname, made absolute */
            off = put_int(buf, off, SL_NONE, 0);                                  /* dev, inode: not looked up */
            off = put_int(buf, off, SL_NONE, 0);
        }
        off = put_utime(buf, off, a2, 0);                                         /* atime */
        off = put_utime(buf, off, a2, 1);                                         /* mtime */
        break;
    case SL_DERIVE_PATH_NOTIFY:
        off = put_path_at(s, off, base_path(AT_FDCWD), a1);                      /* pathname, made absolute */
        off = put_int(buf, off, SL_NONE, 0);                                      /* inode, dev: not looked up */
        off = put_int(buf, off, SL_NONE, 0);
        off = put_int(buf, off, SL_UINT64, (__u32)a2 & IN_ALL_EVENTS);            /* mask, as the hook gets it */
        off = put_int(buf, off, SL_UINT32, FSNOTIFY_OBJ_TYPE_INODE);              /* obj_type */
        break;
    case SL_DERIVE_EXEC_FAILED:
    case SL_DERIVE_EXECAT_FAILED: {
        int at = kind == SL_DERIVE_EXECAT_FAILED;
        struct file **fds = BPF_CORE_READ(task, files, fdt, fd);
        struct file *stdin_file = 0;
        bpf_core_read(&stdin_file, sizeof(stdin_file), &fds[0]);
        off = put_int(buf, off, SL_INT32, at ? (__s32)a0 : AT_FDCWD);              /* dirfd */
        off = put_int(buf, off, SL_INT32, at ? (__s32)saved->a[4] : 0);           /* flags */
        off = put_str(s, off, at ? a1 : a0, 1);                                   /* pathname */
        for (int i = 0; i < 5; i++)
            off = put_int(buf, off, SL_NONE, 0);                                  /* binary.*: no file was executed */
        off = put_int(buf, off, SL_NONE, 0);                                      /* interpreter_path */
        off = put_int(buf, off, SL_UINT32, stdin_file ? BPF_CORE_READ(stdin_file, f_inode, i_mode) & S_IFMT : 0);
        off = put_int(buf, off, SL_NONE, 0);                                      /* stdin_path */
        off = put_int(buf, off, SL_INT32, (BPF_CORE_READ(task, real_parent, flags) & PF_KTHREAD) ? 1 : 0);
        off = put_user_array(s, off, at ? a2 : a1);                               /* argv */
        off = put_user_array(s, off, at ? a3 : a2);                               /* envp */
        break;
    }
    case SL_DERIVE_MMAP_FILE:
    case SL_DERIVE_SO_LOADED:
        off = put_path(s, off, (__u64)&file->f_path);                            /* pathname */
        off = put_int(buf, off, SL_INT32, BPF_CORE_READ(file, f_flags));          /* flags */
        off = put_file_info(s, off, (__u64)file, 0);                              /* dev, inode, ctime */
        if (kind == SL_DERIVE_SO_LOADED)
            break;
        off = put_int(buf, off, SL_UINT64, a2);                                   /* prot */
        off = put_int(buf, off, SL_UINT64, a3);                                   /* mmap_flags */
        break;
    default:
        return 0;
    }
    return off;
}

/* The socket, bpf, read and write events at a syscall's exit: returns the record's length, 0 when nothing is derived */
__noinline __u32 put_derived_io(struct scratch *s, __u32 kind, struct sl_args *saved, __s64 ret, __s32 nr)
{
    if (!s || !saved)
        return 0;
    __u32 event_id = derived_event_id(kind);
    if (!event_id)
        return 0;
    __u64 a0 = saved->a[0], a1 = saved->a[1], a2 = saved->a[2], a3 = saved->a[3];
    struct file *file = 0;
    struct socket *sock = 0;
    switch (kind) {
    case SL_DERIVE_SOCKET_CREATE:
    case SL_DERIVE_BPF:
        if (ret < 0)
            return 0;
        break;
    case SL_DERIVE_LISTEN:
    case SL_DERIVE_SETSOCKOPT:
        sock = ret == 0 ? fd_socket((__s32)a0) : 0;
        if (!sock)
            return 0;
        break;
    case SL_DERIVE_SOCKET_DUP:
    case SL_DERIVE_SOCKET_ACCEPT:
        sock = ret >= 0 ? fd_socket(kind == SL_DERIVE_SOCKET_DUP ? (__s32)a0 : ret) : 0;
        if (!sock)
            return 0;
        break;
    case SL_DERIVE_BPF_MAP:
    case SL_DERIVE_BPF_PROG:
        if (ret < 0 || a0 != (kind == SL_DERIVE_BPF_MAP ? BPF_MAP_CREATE : BPF_PROG_LOAD))
            return 0;
        file = fd_file(ret);
        if (!file)
            return 0;
        break;
    default:
        /* the read and write families: a call that reached the file */
        file = fd_file((__s32)a0);
        if (!file)
            return 0;
        break;
    }
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, bpf_get_current_task_btf(), event_id, nr);
    __u32 off = sizeof(struct sl_record);
    switch (kind) {
    case SL_DERIVE_SOCKET_CREATE:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* family */
        off = put_int(buf, off, SL_INT32, (__s32)a1 & 0xf);                       /* type, without SOCK_* flags */
        off = put_int(buf, off, SL_INT32, (__s32)a2);                             /* protocol */
        off = put_int(buf, off, SL_INT32, 0);                                     /* kern: a process's socket */
        break;
    case SL_DERIVE_LISTEN:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_sock_addr(s, off, (__u64)BPF_CORE_READ(sock, sk), 0);           /* local_addr */
        off = put_int(buf, off, SL_INT32, (__s32)a1);                             /* backlog */
        break;
    case SL_DERIVE_SETSOCKOPT:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_int(buf, off, SL_INT32, (__s32)a1);                             /* level */
        off = put_int(buf, off, SL_INT32, (__s32)a2);                             /* optname */
        off = put_sock_addr(s, off, (__u64)BPF_CORE_READ(sock, sk), 0);           /* local_addr */
        break;
    case SL_DERIVE_SOCKET_DUP:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* oldfd */
        off = put_int(buf, off, SL_INT32, (__s32)ret);                            /* newfd */
        off = put_sock_addr(s, off, (__u64)BPF_CORE_READ(sock, sk), 1);           /* remote_addr */
        break;
    case SL_DERIVE_SOCKET_ACCEPT: {
        __u64 sk = (__u64)BPF_CORE_READ(sock, sk);
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* sockfd */
        off = put_sock_addr(s, off, sk, 0);                                       /* local_addr */
        off = put_sock_addr(s, off, sk, 1);                                       /* remote_addr */
        break;
    }
    case SL_DERIVE_BPF:
        off = put_int(buf, off, SL_INT32, (__s32)a0);                             /* cmd */
        break;
    case SL_DERIVE_BPF_MAP: {
        struct bpf_map *map = (struct bpf_map *)BPF_CORE_READ(file, private_data);
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(map, id));               /* map_id */
        off = put_str(s, off, (__u64)&map->name, 0);                              /* map_name */
        break;
    }
    case SL_DERIVE_BPF_PROG: {
        struct bpf_prog *prog = (struct bpf_prog *)BPF_CORE_READ(file, private_data);
        struct bpf_prog_aux *aux = BPF_CORE_READ(prog, aux);
        off = put_int(buf, off, SL_INT32, BPF_CORE_READ(prog, type));             /* type */
        off = put_str(s, off, (__u64)&aux->name, 0);                              /* name */
        off = put_int(buf, off, SL_NONE, 0);                                      /* helpers: needs the verifier's view */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(aux, id));               /* id */
        off = put_int(buf, off, SL_BOOL, 1);                                      /* load */
        break;
    }
    default: {
        int positional = kind == SL_DERIVE_VFS_PWRITE || kind == SL_DERIVE_VFS_PWRITEV ||
                         kind == SL_DERIVE_VFS_PREAD || kind == SL_DERIVE_VFS_PREADV;
        struct inode *inode = BPF_CORE_READ(file, f_inode);
        off = put_path(s, off, (__u64)&file->f_path);                            /* pathname */
        off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));    /* dev */
        off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));          /* inode */
        off = put_int(buf, off, SL_UINT64, a2);                                   /* count / vlen */
        if (positional)
            off = put_int(buf, off, SL_INT64, (__s64)a3);                         /* pos */
        else if ((BPF_CORE_READ(inode, i_mode) & S_IFMT) == S_IFREG)
            off = put_int(buf, off, SL_INT64, BPF_CORE_READ(file, f_pos) - (ret > 0 ? ret : 0)); /* pos, before */
        else
            off = put_int(buf, off, SL_NONE, 0);                                  /* a stream has no position */
        off = put_int(buf, off, SL_INT64, ret);                                   /* returnValue */
        break;
    }
    }
    return off;
}

struct vma_info {
    __u64 flags;
    __u64 file;
};

static long vma_found(struct task_struct *task, struct vm_area_struct *vma, struct vma_info *info)
{
    info->flags = BPF_CORE_READ(vma, vm_flags);
    info->file = (__u64)BPF_CORE_READ(vma, vm_file);
    return 0;
}

/* security_file_mprotect or mem_prot_alert at the entry of mprotect/pkey_mprotect: the mapping at addr as it is
 * before the call (bpf_find_vma), the protection asked for. Returns the record's length, 0 when nothing is derived. */
__noinline __u32 put_derived_entry(struct scratch *s, __u32 kind, struct sl_args *saved, __s32 nr, __u32 pkey)
{
    if (!s || !saved)
        return 0;
    __u32 event_id = derived_event_id(kind);
    if (!event_id)
        return 0;
    __u64 addr = saved->a[0], len = saved->a[1];
    __s32 prot = (__s32)saved->a[2];
    struct task_struct *task = bpf_get_current_task_btf();
    struct vma_info info = {};
    if (bpf_find_vma(task, addr, vma_found, &info, 0) != 0)
        return 0;
    __s32 prev = (__s32)(info.flags & 0xffffffff);
    __u32 alert = 0;
    if (kind == SL_DERIVE_MPROT_ALERT) {
        if (!addr)
            return 0;
        if (!(prev & VM_EXEC) && (prot & VM_EXEC))
            alert = ALERT_MPROT_X_ADD;
        if ((prev & VM_EXEC) && !(prev & VM_WRITE) && (prot & (VM_WRITE | VM_EXEC)) == (VM_WRITE | VM_EXEC))
            alert = ALERT_MPROT_W_ADD;
        if ((prev & VM_WRITE) && (prot & VM_EXEC) && !(prot & VM_WRITE))
            alert = ALERT_MPROT_W_REM;
        if (!alert)
            return 0;
    }
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, event_id, nr);
    __u32 off = sizeof(struct sl_record);
    struct file *file = (struct file *)info.file;
    if (kind == SL_DERIVE_MPROTECT) {
        if (file)
            off = put_path(s, off, (__u64)&file->f_path);                        /* pathname */
        else
            off = put_int(buf, off, SL_NONE, 0);
        off = put_int(buf, off, SL_INT32, prot);                                  /* prot */
        off = put_int(buf, off, SL_UINT64, file ? inode_ctime(BPF_CORE_READ(file, f_inode)) : 0); /* ctime */
        off = put_int(buf, off, SL_INT32, prev);                                  /* prev_prot */
        off = put_int(buf, off, SL_UINT64, addr);                                 /* addr */
        off = put_int(buf, off, SL_UINT64, len);                                  /* len */
        off = put_int(buf, off, pkey ? SL_INT32 : SL_NONE, pkey ? (__s32)saved->a[3] : 0); /* pkey */
        return off;
    }
    off = put_int(buf, off, SL_UINT32, alert);                                    /* alert */
    off = put_int(buf, off, SL_UINT64, addr);                                     /* addr */
    off = put_int(buf, off, SL_UINT64, len ? len : 4096);                         /* len */
    off = put_int(buf, off, SL_INT32, prot);                                      /* prot */
    off = put_int(buf, off, SL_INT32, prev);                                      /* prev_prot */
    return put_file_info(s, off, (__u64)file, 1);                                 /* pathname, dev, inode, ctime */
}

/* security_bprm_check at sched_process_exec: the executed file (bprm->file) and the new image's argv and environment */
__noinline __u32 put_bprm(struct scratch *s, __u64 file_addr)
{
    if (!s)
        return 0;
    struct task_struct *task = bpf_get_current_task_btf();
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, SL_EVENT_BPRM_CHECK, -1);
    __u32 off = sizeof(struct sl_record);
    struct file *file = (struct file *)file_addr;
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    struct mm_struct *mm = BPF_CORE_READ(task, mm);
    off = put_path(s, off, (__u64)&file->f_path);                                 /* pathname */
    off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(inode, i_sb, s_dev));        /* dev */
    off = put_int(buf, off, SL_UINT64, BPF_CORE_READ(inode, i_ino));              /* inode */
    off = put_user_list(s, off, BPF_CORE_READ(mm, arg_start), BPF_CORE_READ(mm, arg_end)); /* argv */
    off = put_user_list(s, off, BPF_CORE_READ(mm, env_start), BPF_CORE_READ(mm, env_end)); /* envp */
    return off;
}

/* container_create / container_remove: a cgroup made or removed in the container hierarchy; the loader finds the
 * container's id and runtime in the path (Tracee's cgroup-path parsing) and drops cgroups that are not a container's */
static __always_inline int cgroup_event(void *ctx, struct cgroup *cgrp, const char *path, __u32 event_id)
{
    if (BPF_CORE_READ(cgrp, root, hierarchy_id) != cgroup_hierarchy)
        return 0;
    struct task_struct *task = bpf_get_current_task_btf();
    if (!in_scope(task))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, event_id, -1);
    __u32 off = put_str(s, sizeof(struct sl_record), (__u64)path, 0);
    if (off > sizeof(struct sl_record))
        ((struct sl_arg *)&buf[sizeof(struct sl_record)])->type = SL_RAW_CGROUP_PATH;
    if (event_id == SL_EVENT_CONTAINER_CREATE)
        off = put_int(buf, off, SL_RAW_BOOT_NS, bpf_ktime_get_boot_ns());        /* ctime: the cgroup's making */
    finish(ctx, buf, off);
    return 0;
}

#define CGROUP_CONTAINER_CREATE 1
#define CGROUP_CONTAINER_REMOVE 2
#define CGROUP_MKDIR 4
#define CGROUP_RMDIR 8

/* cgroup_mkdir / cgroup_rmdir as Tracee has them: any hierarchy, the cgroup's id, path and hierarchy */
static __always_inline void cgroup_dir_event(void *ctx, struct cgroup *cgrp, const char *path, __u32 event_id)
{
    struct task_struct *task = bpf_get_current_task_btf();
    if (!in_scope(task))
        return;
    struct scratch *s = scratch_buffer();
    if (!s)
        return;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, event_id, -1);
    __u32 off = put_int(buf, sizeof(struct sl_record), SL_UINT64, BPF_CORE_READ(cgrp, kn, id)); /* cgroup_id */
    off = put_str(s, off, (__u64)path, 0);                                        /* cgroup_path */
    off = put_int(buf, off, SL_UINT32, BPF_CORE_READ(cgrp, root, hierarchy_id));  /* hierarchy_id */
    finish(ctx, buf, off);
}

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(sluice_cgroup_mkdir, struct cgroup *cgrp, const char *path)
{
    if (cgroup_dirs & CGROUP_MKDIR)
        cgroup_dir_event(ctx, cgrp, path, SL_EVENT_CGROUP_MKDIR);
    if (!(cgroup_dirs & CGROUP_CONTAINER_CREATE))
        return 0;
    return cgroup_event(ctx, cgrp, path, SL_EVENT_CONTAINER_CREATE);
}

SEC("tp_btf/cgroup_rmdir")
int BPF_PROG(sluice_cgroup_rmdir, struct cgroup *cgrp, const char *path)
{
    if (cgroup_dirs & CGROUP_RMDIR)
        cgroup_dir_event(ctx, cgrp, path, SL_EVENT_CGROUP_RMDIR);
    if (!(cgroup_dirs & CGROUP_CONTAINER_REMOVE))
        return 0;
    return cgroup_event(ctx, cgrp, path, SL_EVENT_CONTAINER_REMOVE);
}

/* a task's name, NUL-padded on the stack first (a BTF pointer cannot be handed to put_str) */
static __always_inline __u32 put_task_comm(__u8 *buf, __u32 off, struct task_struct *task)
{
    char comm[16];
    __builtin_memset(comm, 0, sizeof(comm));
    bpf_probe_read_kernel_str(comm, sizeof(comm), task->comm);
    return put_comm(buf, off, comm);
}

/* cgroup_attach_task: a task moved into a cgroup (by the current task) */
SEC("tp_btf/cgroup_attach_task")
int BPF_PROG(sluice_cgroup_attach, struct cgroup *dst, const char *path, struct task_struct *moved, bool threadgroup)
{
    struct task_struct *task = bpf_get_current_task_btf();
    if (!in_scope(task))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, task, SL_EVENT_CGROUP_ATTACH_TASK, -1);
    __u32 off = put_str(s, sizeof(struct sl_record), (__u64)path, 0);            /* cgroup_path */
    off = put_task_comm(buf, off, moved);                                         /* comm */
    off = put_int(buf, off, SL_INT32, moved->pid);                                /* pid */
    finish(ctx, buf, off);
    return 0;
}

/* task_rename: a thread's name changed (prctl PR_SET_NAME, /proc/.../comm, exec); the old name is still the task's */
SEC("tp_btf/task_rename")
int BPF_PROG(sluice_task_rename, struct task_struct *renamed, const char *comm)
{
    if (!in_scope(renamed))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, bpf_get_current_task_btf(), SL_EVENT_TASK_RENAME, -1);
    __u32 off = put_task_comm(buf, sizeof(struct sl_record), renamed);            /* old_name */
    off = put_str(s, off, (__u64)comm, 0);                                        /* new_name */
    finish(ctx, buf, off);
    return 0;
}

/* cap_capable: a capability check of the current task (the tracepoint at its end, whatever its result) */
SEC("tp_btf/cap_capable")
int BPF_PROG(sluice_cap_capable, const struct cred *cred, struct user_namespace *target_ns,
             const struct user_namespace *capable_ns, int cap, int ret)
{
    struct task_struct *task = bpf_get_current_task_btf();
    if (!in_scope(task))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    fill_context((struct sl_record *)s->buf, task, SL_EVENT_CAP_CAPABLE, -1);
    finish(ctx, s->buf, put_int(s->buf, sizeof(struct sl_record), SL_INT32, cap)); /* cap */
    return 0;
}

/* sched_switch: the CPU leaves prev for next (prev is the current task) */
SEC("tp_btf/sched_switch")
int BPF_PROG(sluice_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
    if (!in_scope(prev))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    __u8 *buf = s->buf;
    fill_context((struct sl_record *)buf, prev, SL_EVENT_SCHED_SWITCH, -1);
    __u32 off = put_int(buf, sizeof(struct sl_record), SL_INT32, bpf_get_smp_processor_id()); /* cpu */
    off = put_int(buf, off, SL_INT32, prev->pid);                                 /* prev_tid */
    off = put_task_comm(buf, off, prev);                                           /* prev_comm */
    off = put_int(buf, off, SL_INT32, next->pid);                                 /* next_tid */
    off = put_task_comm(buf, off, next);                                           /* next_comm */
    finish(ctx, buf, off);
    return 0;
}

/* ------------------------------------------------------------------ syscalls */

__noinline __u32 put_syscall_args(struct scratch *s, __u32 off, struct sl_syscall *conf, struct sl_args *saved)
{
    if (!s || !conf || !saved)
        return off;
    __u8 *buf = s->buf;
    int i;
    for (i = 0; i < 6; i++) {
        if (i >= conf->nargs)
            break;
        __u64 raw = saved->a[i];
        switch (conf->types[i]) {
        case SL_ARG_INT32:
            off = put_int(buf, off, SL_INT32, (__s32)raw);
            break;
        case SL_ARG_INT64:
            off = put_int(buf, off, SL_INT64, (__s64)raw);
            break;
        case SL_ARG_UINT32:
            off = put_int(buf, off, SL_UINT32, (__u32)raw);
            break;
        case SL_ARG_UINT64:
            off = put_int(buf, off, SL_UINT64, raw);
            break;
        case SL_ARG_BOOL:
            off = put_int(buf, off, SL_BOOL, raw != 0);
            break;
        case SL_ARG_STR:
            off = put_str(s, off, raw, 1);
            break;
        case SL_ARG_STR_ARRAY:
            off = put_user_array(s, off, raw);
            break;
        case SL_ARG_SOCKADDR:
            off = put_sockaddr(s, off, raw);
            break;
        case SL_ARG_INT32_PAIR:
            off = put_int_pair(s, off, raw);
            break;
        default:
            off = put_int(buf, off, SL_NONE, 0);
            break;
        }
    }
    return off;
}

#if defined(__TARGET_ARCH_x86)
#define NR_PKEY_MPROTECT 329
#else
#define NR_PKEY_MPROTECT 288
#endif

/* the derived events built at a syscall's entry (mprotect's, before the protection changes) */
static __always_inline void derive_at_entry(void *ctx, struct sl_syscall *conf, struct pending *saved, __u32 nr)
{
    struct scratch *s = scratch_buffer();
    if (!s)
        return;
    struct sl_args args = saved->args;
    for (int i = 0; i < SL_MAX_DERIVED; i++) {
        __u32 kind = conf->derived[i];
        if (!kind)
            break;
        if (kind < SL_DERIVE_FIRST_AT_ENTRY || kind > SL_DERIVE_LAST_AT_ENTRY)
            continue;
        __u32 len = put_derived_entry(s, kind, &args, nr, nr == NR_PKEY_MPROTECT);
        if (len)
            finish(ctx, s->buf, len);
    }
}

#define RAW_SYS_ENTER 1
#define RAW_SYS_EXIT 2

/* sys_enter / sys_exit as Tracee has them: the syscall's number, for every syscall of a task in scope */
static __always_inline void raw_syscall_event(void *ctx, __u32 event_id, long id)
{
    struct task_struct *task = bpf_get_current_task_btf();
    if (!in_scope(task))
        return;
    struct scratch *s = scratch_buffer();
    if (!s)
        return;
    int compat = is_compat(task);
    fill_context((struct sl_record *)s->buf, task, event_id, compat ? -1 : (__s32)id);
    ((struct sl_record *)s->buf)->compat = compat;
    finish(ctx, s->buf, put_int(s->buf, sizeof(struct sl_record), SL_INT32, (__s32)id)); /* syscall */
}

#if defined(__TARGET_ARCH_x86)
#define EXITING_SYSCALL(regs) ((regs)->orig_ax)
#else
#define EXITING_SYSCALL(regs) ((regs)->syscallno)
#endif

SEC("tp_btf/sys_enter")
int BPF_PROG(sluice_sys_enter, struct pt_regs *regs, long id)
{
    if (trace_raw_syscalls & RAW_SYS_ENTER)
        raw_syscall_event(ctx, SL_EVENT_SYS_ENTER, id);
    __u32 nr = id;
    if (nr >= SL_SYSCALL_MAX)
        return 0;
    struct sl_syscall *conf = bpf_map_lookup_elem(&syscalls, &nr);
    if (!conf || (!conf->event_id && !conf->derived[0]))
        return 0;
    struct task_struct *task = bpf_get_current_task_btf();
    if (is_compat(task) || !in_scope(task))
        return 0;
    struct pending *saved = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
    if (!saved) {
        count_loss();
        return 0;
    }
    __u32 tid = (__u32)bpf_get_current_pid_tgid();
    saved->nr = nr;
    saved->exec_key = conf->event_id && conf->at_entry == SL_AT_ENTRY ? tid : 0;
    syscall_args(regs, saved->args.a);
    if (conf->derived[0])
        derive_at_entry(ctx, conf, saved, nr);
    if (!conf->event_id)
        return 0;

    if (conf->at_entry != SL_AT_EXIT) {
        struct scratch *s = scratch_buffer();
        if (!s)
            return 0;
        fill_context((struct sl_record *)s->buf, task, conf->event_id, nr);
        struct sl_args args = saved->args;
        __u32 off = put_syscall_args(s, sizeof(struct sl_record), conf, &args);
        if (conf->at_entry == SL_AT_ENTRY_ONLY) {
            /* exit/exit_group: no exit to wait for */
            saved->nr = -1;
            finish(ctx, s->buf, off);
            return 0;
        }
        /* the stack of the caller of exec: after it, the old image is gone */
        off = put_stack(ctx, s->buf, off);
        ((struct sl_record *)s->buf)->len = off;
        if (bpf_map_update_elem(&pending_exec, &tid, s->buf, BPF_ANY) != 0)
            count_loss();
    }
    return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sluice_sys_exit, struct pt_regs *regs, long ret)
{
    if (trace_raw_syscalls & RAW_SYS_EXIT)
        raw_syscall_event(ctx, SL_EVENT_SYS_EXIT, EXITING_SYSCALL(regs));
    struct task_struct *task = bpf_get_current_task_btf();
    struct pending *saved = bpf_task_storage_get(&pending, task, 0, 0);
    if (!saved || saved->nr < 0)
        return 0;
    __u32 nr = saved->nr;
    int exec_sent = 0;
    if (saved->exec_key) {
        /* execve/execveat: built at entry, keyed by the thread id before exec (de_thread may change it) */
        __u32 key = saved->exec_key;
        saved->nr = -1;
        saved->exec_key = 0;
        struct exec_record *exec = bpf_map_lookup_elem(&pending_exec, &key);
        if (exec) {
            struct sl_record *r = (struct sl_record *)exec->buf;
            r->retval = ret;
            emit(exec->buf, r->len);
            bpf_map_delete_elem(&pending_exec, &key);
        }
        /* a failed exec may derive process_execute_failed: its arguments are still the process's */
        if (ret >= 0)
            return 0;
        exec_sent = 1;
    }
    struct sl_syscall *conf = bpf_map_lookup_elem(&syscalls, &nr);
    saved->nr = -1;
    if (!conf || (!conf->event_id && !conf->derived[0]))
        return 0;
    struct scratch *s = scratch_buffer();
    if (!s)
        return 0;
    struct sl_args args = saved->args;
    if (conf->event_id && !exec_sent) {
        fill_context((struct sl_record *)s->buf, task, conf->event_id, nr);
        ((struct sl_record *)s->buf)->retval = ret;
        __u32 off = put_syscall_args(s, sizeof(struct sl_record), conf, &args);
        finish(ctx, s->buf, off);
    }
    for (int i = 0; i < SL_MAX_DERIVED; i++) {
        __u32 kind = conf->derived[i];
        if (!kind)
            break;
        if (kind >= SL_DERIVE_FIRST_AT_ENTRY && kind <= SL_DERIVE_LAST_AT_ENTRY)
            continue;
        __u32 len = kind < SL_DERIVE_MKNOD_PATH0 ? put_derived_exit(s, kind, &args, ret, nr)
                    : kind <= SL_DERIVE_LAST_MORE ? put_derived_more(s, kind, &args, ret, nr)
                    : put_derived_io(s, kind, &args, ret, nr);
        if (len)
            finish(ctx, s->buf, len);
    }
    return 0;
}
