// SPDX-License-Identifier: GPL-2.0
/* The bare reference consumer's programs: the floor Sluice's sensor is measured against (perf/sensor/overhead.sh).
 * The same shape as Sluice's syscall path for one syscall: tp_btf sys_enter saves the arguments in task storage,
 * tp_btf sys_exit builds a record (ids, comm, return value, the path read from user memory) and writes it to a BPF
 * ringbuf with the same adaptive wake-up; a failed reservation is counted per CPU. Nothing else: no scopes, no
 * process context beyond the ids, no syscall table. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

const volatile __u32 target_nr = 257;       /* openat on x86_64; set by the loader */
const volatile __u32 exclude_tgid = 0;      /* the consumer itself */
const volatile __u64 wakeup_bytes = 65536;

struct bare_record {
    __u64 timestamp;
    __u32 pid;
    __u32 tid;
    __u32 uid;
    __s32 dirfd;
    __s64 ret;
    __u32 flags;
    __u32 path_len;
    char comm[16];
    char path[256];
};

struct bare_saved {
    __u64 filename;
    __s64 dirfd;
    __u32 flags;
    __u32 active;
};

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 * 1024 * 1024);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, int);
    __type(value, struct bare_saved);
} pending SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} lost SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(bare_sys_enter, struct pt_regs *regs, long id)
{
    if ((__u32)id != target_nr || (bpf_get_current_pid_tgid() >> 32) == exclude_tgid)
        return 0;
    struct task_struct *task = bpf_get_current_task_btf();
    struct bare_saved *s = bpf_task_storage_get(&pending, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
    if (!s)
        return 0;
    s->dirfd = (__s64)regs->di;
    s->filename = regs->si;
    s->flags = (__u32)regs->dx;
    s->active = 1;
    return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(bare_sys_exit, struct pt_regs *regs, long ret)
{
    struct task_struct *task = bpf_get_current_task_btf();
    struct bare_saved *s = bpf_task_storage_get(&pending, task, 0, 0);
    if (!s || !s->active)
        return 0;
    s->active = 0;
    __u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) + sizeof(struct bare_record) >= wakeup_bytes
                      ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
    struct bare_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
    if (!r) {
        __u32 zero = 0;
        __u64 *counter = bpf_map_lookup_elem(&lost, &zero);
        if (counter)
            (*counter)++;
        return 0;
    }
    __u64 id = bpf_get_current_pid_tgid();
    r->timestamp = bpf_ktime_get_boot_ns();
    r->pid = id >> 32;
    r->tid = (__u32)id;
    r->uid = (__u32)bpf_get_current_uid_gid();
    r->dirfd = (__s32)s->dirfd;
    r->ret = ret;
    r->flags = s->flags;
    bpf_get_current_comm(r->comm, sizeof(r->comm));
    long n = bpf_probe_read_user_str(r->path, sizeof(r->path), (const void *)s->filename);
    r->path_len = n > 0 ? (__u32)n : 0;
    bpf_ringbuf_submit(r, flags);
    return 0;
}
