// SPDX-License-Identifier: GPL-2.0
/* Sluice's packet sensor: cgroup_skb ingress/egress on the root cgroup v2 see every IP packet of a socket; the
 * process that owns the socket comes from a map the tp_btf sys_exit program fills at the socket syscalls (socket,
 * connect, accept, bind, listen, send and receive), where the current task is the owner.
 *
 * One record per packet: the owner's context (struct sl_record), then packet length, direction, interface index
 * (the loader names it) and the first NET_SNAP bytes from the IP header on. The loader fans it out to the selected
 * net_packet_* events; the engine decodes the headers (docs/sensor.md). Packets are never dropped or changed.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "sluice_record.h"
#include "net_record.h"

char LICENSE[] SEC("license") = "GPL";

#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD

/* the loader and the engine: their own traffic (forwarding, webhooks) would feed back into what they trace */
const volatile __u32 exclude_tgid_a = 0;
const volatile __u32 exclude_tgid_b = 0;
const volatile __u32 wanted = 0;
/* adaptive wake-up, as the main sensor's: the loader is woken once this much is pending (it polls every 20 ms) */
const volatile __u64 wakeup_bytes = 65536;   /* bit (id - NET_EVENT_FIRST) per selected net_packet_* event */

#define BIT(id) (1u << ((id) - NET_EVENT_FIRST))

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4 * 1024 * 1024);
} net_events SEC(".maps");

/* struct sock address -> the owner's context, as it was at its last socket syscall */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, __u64);
    __type(value, struct sl_record);
} net_owners SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} net_lost SEC(".maps");

/* local ports of the loader's and the engine's own sockets (webhooks, forward, Kafka, the event service): a packet
 * between one of them and another process on this host (a collector on loopback) is the tool's own traffic, which
 * would otherwise raise events that are sent on and raise more */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 4096);
    __type(key, __u32);
    __type(value, __u8);
} net_own_ports SEC(".maps");

static __always_inline __u32 ns_nr(struct pid *pid, __u32 host_nr)
{
    unsigned int level = pid->level;
    if (level == 0)
        return host_nr;
    struct upid upid = {};
    bpf_core_read(&upid, sizeof(upid), &pid->numbers[level & 31]);
    return upid.nr;
}

static __always_inline void owner_context(struct sl_record *r, struct task_struct *task)
{
    struct task_struct *leader = task->group_leader;
    struct task_struct *parent = task->real_parent;
    const struct cred *real_cred = task->real_cred;
    const struct cred *cred = task->cred;

    __builtin_memset(r, 0, sizeof(*r));
    r->cgroup_id = bpf_get_current_cgroup_id();
    r->thread_start_boot = task->start_boottime;
    r->process_start_boot = leader->start_boottime;
    r->parent_start_boot = parent->group_leader->start_boottime;
    r->host_tid = task->pid;
    r->host_pid = task->tgid;
    r->host_ppid = parent->tgid;
    r->tid = ns_nr(task->thread_pid, task->pid);
    r->pid = ns_nr(leader->thread_pid, leader->pid);
    struct task_struct *parent_leader = parent->group_leader;
    r->ppid = ns_nr(parent_leader->thread_pid, parent_leader->pid);
    r->uid = real_cred->uid.val;
    r->gid = real_cred->gid.val;
    r->euid = cred->euid.val;
    r->mnt_ns = task->nsproxy->mnt_ns->ns.inum;
    r->pid_ns = task->thread_pid->numbers[0].ns->ns.inum;
    r->syscall_nr = -1;
    bpf_probe_read_kernel(r->comm, sizeof(r->comm), task->comm);
    bpf_probe_read_kernel(&r->cap_effective, sizeof(r->cap_effective), &cred->cap_effective);
    bpf_probe_read_kernel(&r->cap_permitted, sizeof(r->cap_permitted), &cred->cap_permitted);
    bpf_probe_read_kernel(&r->cap_inheritable, sizeof(r->cap_inheritable), &cred->cap_inheritable);
    bpf_probe_read_kernel_str(r->uts_name, sizeof(r->uts_name), task->nsproxy->uts_ns->name.nodename);
}

/* x86_64 numbers of the socket syscalls: which fd names the socket */
static __always_inline int socket_fd(long nr, long ret, long arg0)
{
    switch (nr) {
    case 41: case 43: case 288:                  /* socket, accept, accept4: the new fd */
        return ret >= 0 ? (int)ret : -1;
    case 42: case 44: case 45: case 46: case 47: /* connect, sendto, recvfrom, sendmsg, recvmsg */
    case 49: case 50: case 299: case 307:        /* bind, listen, recvmmsg, sendmmsg */
        return (int)arg0;
    default:
        return -1;
    }
}

SEC("tp_btf/sys_exit")
int BPF_PROG(net_sys_exit, struct pt_regs *regs, long ret)
{
#if defined(__TARGET_ARCH_x86)
    const long nr = regs->orig_ax;
    const long arg0 = regs->di;
#else
    const long nr = -1;
    const long arg0 = -1;
#endif
    const int fd = socket_fd(nr, ret, arg0);
    if (fd < 0)
        return 0;
    struct task_struct *task = bpf_get_current_task_btf();
    struct file **fds = BPF_CORE_READ(task, files, fdt, fd);
    unsigned int max = BPF_CORE_READ(task, files, fdt, max_fds);
    if ((unsigned int)fd >= max)
        return 0;
    struct file *file = NULL;
    bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
    if (!file)
        return 0;
    if ((BPF_CORE_READ(file, f_inode, i_mode) & S_IFMT) != S_IFSOCK)
        return 0;
    struct socket *socket = BPF_CORE_READ(file, private_data);
    __u64 sk = (__u64)BPF_CORE_READ(socket, sk);
    if (!sk)
        return 0;
    if (task->tgid == exclude_tgid_a || task->tgid == exclude_tgid_b) {
        /* the tool's own socket: its port is remembered, and a former owner of a reused address is forgotten */
        __u32 port = BPF_CORE_READ((struct sock *)sk, __sk_common.skc_num);
        __u8 one = 1;
        if (port)
            bpf_map_update_elem(&net_own_ports, &port, &one, BPF_ANY);
        bpf_map_delete_elem(&net_owners, &sk);
        return 0;
    }
    struct sl_record owner;
    owner_context(&owner, task);
    bpf_map_update_elem(&net_owners, &sk, &owner, BPF_ANY);
    return 0;
}

static __always_inline int starts(const __u8 *p, const char *prefix, int n)
{
#pragma unroll
    for (int i = 0; i < 8; i++)
        if (i < n && p[i] != (__u8)prefix[i])
            return 0;
    return 1;
}

static __always_inline int http_start(const __u8 *p)
{
#define IS(s, n) starts(p, s, n)
    return IS("GET ", 4) || IS("POST ", 5) || IS("PUT ", 4) || IS("DELETE ", 7) || IS("HEAD ", 5) ||
           IS("OPTIONS ", 8) || IS("PATCH ", 6) || IS("CONNECT ", 8) || IS("TRACE ", 6);
#undef IS
}

/* The events a packet belongs to (the loader's classification, on the first bytes of each layer), so packets no
 * selected event wants never leave the kernel. */
static __always_inline __u32 classify(struct __sk_buff *skb)
{
    __u8 ip[40];
    __u32 mask, protocol, transport;
    if (bpf_skb_load_bytes(skb, 0, ip, 20) != 0)
        return 0;
    const __u8 version = ip[0] >> 4;
    if (version == 4) {
        mask = BIT(NET_IPV4);
        protocol = ip[9];
        transport = (ip[0] & 15) * 4;
        if (protocol == 1)
            return mask | BIT(NET_ICMP);
    } else if (version == 6) {
        mask = BIT(NET_IPV6);
        if (bpf_skb_load_bytes(skb, 0, ip, 40) != 0)
            return mask;
        protocol = ip[6];
        transport = 40;
        if (protocol == 58)
            return mask | BIT(NET_ICMPV6);
    } else {
        return 0;
    }
    __u8 th[20];
    __u8 payload[8];
    if (protocol == 17) {
        if (bpf_skb_load_bytes(skb, transport, th, 8) != 0)
            return mask;
        mask |= BIT(NET_UDP);
        if ((th[0] == 0 && th[1] == 53) || (th[2] == 0 && th[3] == 53)) {
            if (bpf_skb_load_bytes(skb, transport + 8, payload, 4) == 0)
                mask |= BIT(NET_DNS) | ((payload[2] & 0x80) ? BIT(NET_DNS_RESPONSE) : BIT(NET_DNS_REQUEST));
        }
        return mask;
    }
    if (protocol != 6 || bpf_skb_load_bytes(skb, transport, th, 20) != 0)
        return mask;
    mask |= BIT(NET_TCP);
    if (bpf_skb_load_bytes(skb, transport + (th[12] >> 4) * 4, payload, 8) != 0)
        return mask;
    if (http_start(payload))
        return mask | BIT(NET_HTTP) | BIT(NET_HTTP_REQUEST);
    if (starts(payload, "HTTP/1.", 7))
        return mask | BIT(NET_HTTP) | BIT(NET_HTTP_RESPONSE);
    return mask;
}

/* whether the socket's peer is on this host (127.0.0.0/8, ::1, or ::ffff:127.0.0.0/104) */
static __always_inline int loopback_peer(struct bpf_sock *sk)
{
    if (sk->family == 2)
        return (bpf_ntohl(sk->dst_ip4) >> 24) == 127;
    if (sk->family != 10 || sk->dst_ip6[0] != 0 || sk->dst_ip6[1] != 0)
        return 0;
    if (sk->dst_ip6[2] == 0)
        return sk->dst_ip6[3] == bpf_htonl(1);
    return sk->dst_ip6[2] == bpf_htonl(0xffff) && (bpf_ntohl(sk->dst_ip6[3]) >> 24) == 127;
}

static __always_inline int capture(struct __sk_buff *skb, __u32 direction)
{
    if (skb->protocol != bpf_htons(ETH_P_IP) && skb->protocol != bpf_htons(ETH_P_IPV6))
        return 1;
    if (!(classify(skb) & wanted))
        return 1;
    struct bpf_sock *sk = skb->sk;
    if (!sk)
        return 1;
    sk = bpf_sk_fullsock(sk);
    if (!sk)
        return 1;
    if (loopback_peer(sk)) {
        __u32 local = sk->src_port;
        __u32 peer = bpf_ntohs(sk->dst_port);
        if (bpf_map_lookup_elem(&net_own_ports, &local) || bpf_map_lookup_elem(&net_own_ports, &peer))
            return 1;
    }
    __u64 key = (__u64)sk; /* the owner map's key: the socket's address (root only: a pointer as a number) */
    struct sl_record *owner = bpf_map_lookup_elem(&net_owners, &key);
    if (!owner)
        return 1;
    struct net_record *out = bpf_ringbuf_reserve(&net_events, sizeof(*out), 0);
    if (!out) {
        __u32 zero = 0;
        __u64 *lost = bpf_map_lookup_elem(&net_lost, &zero);
        if (lost)
            (*lost)++;
        return 1;
    }
    __builtin_memcpy(&out->record, owner, sizeof(out->record));
    out->record.ts_boot = bpf_ktime_get_boot_ns();
    out->record.nargs = 4;
    out->length.type = SL_UINT32;
    out->length.len = 0;
    out->length.ival = skb->len;
    out->direction.type = SL_UINT32;
    out->direction.len = 0;
    out->direction.ival = direction;
    out->iface.type = SL_STR;
    out->iface.len = sizeof(out->iface_name);
    out->iface.ival = skb->ifindex;
    __builtin_memset(out->iface_name, 0, sizeof(out->iface_name));
    __u32 n = skb->len;
    if (n > NET_SNAP)
        n = NET_SNAP;
    out->packet.type = SL_BYTES;
    out->packet.ival = 0;
    if (n == 0 || bpf_skb_load_bytes(skb, 0, out->bytes, n) != 0)
        n = 0;
    out->packet.len = n;
    out->record.len = sizeof(*out) - NET_SNAP + ((n + 7) & ~7u);
    bpf_ringbuf_submit(out, bpf_ringbuf_query(&net_events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP
                                                                                           : BPF_RB_NO_WAKEUP);
    return 1;
}

SEC("cgroup_skb/ingress")
int net_ingress(struct __sk_buff *skb)
{
    return capture(skb, NET_INGRESS);
}

SEC("cgroup_skb/egress")
int net_egress(struct __sk_buff *skb)
{
    return capture(skb, NET_EGRESS);
}
