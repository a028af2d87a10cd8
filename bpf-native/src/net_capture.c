/* Packet capture (net_capture.h): loads net.bpf.c, attaches its cgroup_skb programs to the root of the cgroup v2
 * hierarchy and its tp_btf sys_exit program, and fans each packet record out to the selected net_packet_* events. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "sluice_record.h"
#include "net_record.h"
#include "net_capture.h"
#include "net.skel.h"

#define NET_COUNT (NET_EVENT_LAST - NET_EVENT_FIRST + 1)
#define IFACE_CACHE 256

static struct net_bpf *skel;
static struct bpf_link *links[3];
static int cgroup_fd = -1;
static bool selected[NET_COUNT];
static kernel_ring_fn forward;
static struct net_record copy;
static char iface_names[IFACE_CACHE][IF_NAMESIZE];

bool net_capture_is_event(uint32_t id)
{
    return id >= NET_EVENT_FIRST && id <= NET_EVENT_LAST;
}

/* the first cgroup2 mount (/sys/fs/cgroup on a unified host, /sys/fs/cgroup/unified on a hybrid one) */
static int find_cgroup2(char *path, size_t size)
{
    FILE *mounts = fopen("/proc/self/mounts", "r");
    if (!mounts)
        return -errno;
    char line[4096];
    int found = -ENOENT;
    while (fgets(line, sizeof(line), mounts)) {
        char device[256], dir[2048], type[64];
        if (sscanf(line, "%255s %2047s %63s", device, dir, type) == 3 && strcmp(type, "cgroup2") == 0) {
            snprintf(path, size, "%s", dir);
            found = 0;
            break;
        }
    }
    fclose(mounts);
    return found;
}

static const char *iface_name(uint32_t index)
{
    if (index == 0)
        return "";
    if (index >= IFACE_CACHE)
        return "";
    if (!iface_names[index][0] && !if_indextoname(index, iface_names[index]))
        iface_names[index][0] = 0;
    return iface_names[index];
}

static bool dns_port(uint16_t source, uint16_t destination)
{
    return source == 53 || destination == 53;
}

static bool http_request_start(const uint8_t *p, uint32_t n)
{
    static const char *methods[] = {"GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "CONNECT ",
                                    "TRACE "};
    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
        size_t length = strlen(methods[i]);
        if (n >= length && memcmp(p, methods[i], length) == 0)
            return true;
    }
    return false;
}

static void send_as(uint32_t id, void *context, size_t size)
{
    if (!selected[id - NET_EVENT_FIRST])
        return;
    copy.record.event_id = id;
    forward(context, &copy, size);
}

/* one packet record: the events it belongs to, as Tracee's packet classification decides them */
static int on_packet(void *context, void *data, size_t size)
{
    if (size < sizeof(copy) - NET_SNAP || size > sizeof(copy))
        return 0;
    memcpy(&copy, data, size);
    /* the name NUL-padded to its 16 bytes, so the packet after it stays where the kernel put it */
    const char *name = iface_name((uint32_t)copy.iface.ival);
    memset(copy.iface_name, 0, sizeof(copy.iface_name));
    memcpy(copy.iface_name, name, strnlen(name, sizeof(copy.iface_name) - 1));
    copy.iface.len = sizeof(copy.iface_name);
    const uint8_t *p = copy.bytes;
    const uint32_t n = copy.packet.len;
    if (n < 20)
        return 0;
    uint8_t protocol;
    uint32_t header;
    const int version = p[0] >> 4;
    if (version == 4) {
        protocol = p[9];
        header = (p[0] & 15u) * 4u;
        send_as(NET_IPV4, context, size);
    } else if (version == 6 && n >= 40) {
        protocol = p[6];
        header = 40;
        send_as(NET_IPV6, context, size);
    } else {
        return 0;
    }
    if (protocol == 1 && version == 4) {
        send_as(NET_ICMP, context, size);
        return 0;
    }
    if (protocol == 58 && version == 6) {
        send_as(NET_ICMPV6, context, size);
        return 0;
    }
    if ((protocol != 6 && protocol != 17) || header + 8 > n)
        return 0;
    const uint16_t source = (uint16_t)((p[header] << 8) | p[header + 1]);
    const uint16_t destination = (uint16_t)((p[header + 2] << 8) | p[header + 3]);
    uint32_t payload;
    if (protocol == 6) {
        send_as(NET_TCP, context, size);
        if (header + 20 > n)
            return 0;
        payload = header + (p[header + 12] >> 4) * 4u;
    } else {
        send_as(NET_UDP, context, size);
        payload = header + 8;
    }
    if (payload >= n)
        return 0;
    if (protocol == 17 && dns_port(source, destination) && payload + 12 <= n) {
        send_as(NET_DNS, context, size);
        /* as Tracee, a request or response only with exactly one question */
        if (p[payload + 4] == 0 && p[payload + 5] == 1)
            send_as((p[payload + 2] & 0x80) ? NET_DNS_RESPONSE : NET_DNS_REQUEST, context, size);
        return 0;
    }
    if (protocol == 6) {
        const bool request = http_request_start(p + payload, n - payload);
        const bool response = !request && n - payload >= 7 && memcmp(p + payload, "HTTP/1.", 7) == 0;
        if (request || response) {
            send_as(NET_HTTP, context, size);
            send_as(request ? NET_HTTP_REQUEST : NET_HTTP_RESPONSE, context, size);
        }
    }
    return 0;
}

/* A start that went wrong part way: whatever was made is undone, and nothing is selected. */
static int failed(int err)
{
    for (int i = 0; i < 3; i++) {
        bpf_link__destroy(links[i]);
        links[i] = NULL;
    }
    if (skel) {
        net_bpf__destroy(skel);
        skel = NULL;
    }
    if (cgroup_fd >= 0)
        close(cgroup_fd);
    cgroup_fd = -1;
    return err;
}

int net_capture_start(const uint32_t *ids, int count, uint32_t exclude_tgid, struct kernel_rings *rings,
                      kernel_ring_fn deliver, char *error, size_t error_size)
{
    bool any = false;
    for (int i = 0; i < count; i++) {
        if (net_capture_is_event(ids[i])) {
            selected[ids[i] - NET_EVENT_FIRST] = true;
            any = true;
        }
    }
    if (!any)
        return 0;
    forward = deliver;
    char root[2048];
    int err = find_cgroup2(root, sizeof(root));
    if (err) {
        snprintf(error, error_size, "network events need a cgroup v2 hierarchy: none is mounted");
        return err;
    }
    cgroup_fd = open(root, O_RDONLY | O_DIRECTORY);
    if (cgroup_fd < 0) {
        err = errno == ENOENT ? -ENOTDIR : -errno;
        snprintf(error, error_size, "cannot open the cgroup v2 root %s: %s", root, strerror(errno));
        return failed(err);
    }
    skel = net_bpf__open();
    if (!skel) {
        err = -errno;
        snprintf(error, error_size, "network programs could not be opened: %s", strerror(errno));
        return failed(err);
    }
    skel->rodata->exclude_tgid_a = exclude_tgid;
    skel->rodata->exclude_tgid_b = (uint32_t)getppid();
    for (int i = 0; i < NET_COUNT; i++)
        skel->rodata->wanted |= selected[i] ? 1u << i : 0;
    err = net_bpf__load(skel);
    if (err) {
        snprintf(error, error_size, "network programs could not be loaded: %s", strerror(-err));
        return failed(err);
    }
    links[0] = bpf_program__attach(skel->progs.net_sys_exit);
    links[1] = bpf_program__attach_cgroup(skel->progs.net_ingress, cgroup_fd);
    links[2] = bpf_program__attach_cgroup(skel->progs.net_egress, cgroup_fd);
    for (int i = 0; i < 3; i++) {
        if (!links[i]) {
            err = -errno;
            snprintf(error, error_size, "network programs could not be attached to %s: %s", root, strerror(errno));
            return failed(err);
        }
    }
    err = kernel_rings_add(rings, bpf_map__fd(skel->maps.net_events), bpf_map__max_entries(skel->maps.net_events),
                           on_packet, NULL);
    if (err < 0) {
        snprintf(error, error_size, "cannot read the network ringbuf: %s", strerror(-err));
        return failed(err);
    }
    return 0;
}

void net_capture_detach(void)
{
    for (int i = 0; i < 3; i++) {
        bpf_link__destroy(links[i]);
        links[i] = NULL;
    }
}

int net_capture_lost(uint64_t *per_cpu, int cpus)
{
    uint32_t zero = 0;
    if (!skel || cpus <= 0)
        return -1;
    return bpf_map_lookup_elem(bpf_map__fd(skel->maps.net_lost), &zero, per_cpu) == 0 ? 0 : -1;
}

void net_capture_destroy(void)
{
    net_capture_detach();
    if (skel) {
        net_bpf__destroy(skel);
        skel = NULL;
    }
    if (cgroup_fd >= 0)
        close(cgroup_fd);
    cgroup_fd = -1;
}
