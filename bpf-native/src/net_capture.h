/* Packet capture for the net_packet_* events: net.bpf.c's programs, attached to the root cgroup v2, and the fan-out
 * of each packet record to the selected events it belongs to (docs/sensor.md, "Network packets"). */
#ifndef SLUICE_NET_CAPTURE_H
#define SLUICE_NET_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>
#include "kernel_rings.h"

#define NET_ARGS 4   /* arguments of a packet record: length, direction, interface, packet */

/* whether the id is one of the net_packet_* events the capture serves */
bool net_capture_is_event(uint32_t id);

/* Loads and attaches the packet programs for the selected ids (ids outside the net range are ignored) and adds
 * their ringbuf to rings (the loader's one epoll); each packet reaches deliver once per selected event it belongs
 * to, as a record carrying that event's id. Does nothing when no net event is selected. Returns 0, or a negative
 * errno with a message in error (-ENOENT when no cgroup v2 hierarchy is mounted), having undone whatever it had set
 * up. The sockets of exclude_tgid and of the loader's parent (the engine) are not followed. */
int net_capture_start(const uint32_t *ids, int count, uint32_t exclude_tgid, struct kernel_rings *rings,
                      kernel_ring_fn deliver, char *error, size_t error_size);

/* Detaches (no packet record after it returns); the ringbuf stays readable until net_capture_destroy. */
void net_capture_detach(void);

/* Packets the kernel could not record (the network ringbuf was full), per CPU, counted since the start: fills
 * per_cpu (cpus entries, libbpf_num_possible_cpus() of libbpf.h) and returns 0, or -1 when nothing is captured. */
int net_capture_lost(uint64_t *per_cpu, int cpus);
/* Frees the programs and maps. */
void net_capture_destroy(void);

#endif
