/* The packet record net.bpf.c sends and net_capture.c fans out to the selected net_packet_* events: an sl_record
 * with four arguments, the packet bytes last (their length varies):
 *   UINT32 packet length (ival), UINT32 direction (ival: Tracee's PacketDirection), STR interface (ival: its index,
 *   the loader writes the name into iface_name, NUL-padded: the value is always its 16 bytes), BYTES the first NET_SNAP bytes from the IP header on. */
#ifndef SLUICE_NET_RECORD_H
#define SLUICE_NET_RECORD_H

#define NET_SNAP 1024          /* packet bytes captured: IP and transport headers, the start of DNS and HTTP */
#define NET_INGRESS 1          /* Tracee's PacketDirection */
#define NET_EGRESS 3
#define NET_EVENT_FIRST 2000   /* net_packet_ipv4 .. net_packet_http_response (schemas/events.yaml) */
#define NET_EVENT_LAST 2011
enum {
    NET_IPV4 = NET_EVENT_FIRST, NET_IPV6, NET_TCP, NET_UDP, NET_ICMP, NET_ICMPV6, NET_DNS, NET_DNS_REQUEST,
    NET_DNS_RESPONSE, NET_HTTP, NET_HTTP_REQUEST, NET_HTTP_RESPONSE,
};

struct net_record {
    struct sl_record record;
    struct sl_arg length;
    struct sl_arg direction;
    struct sl_arg iface;
    char iface_name[16];
    struct sl_arg packet;
    __u8 bytes[NET_SNAP];
};

#endif
