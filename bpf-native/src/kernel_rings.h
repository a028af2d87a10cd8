/* The consumer side of the kernel's BPF ringbuf maps (BPF_MAP_TYPE_RINGBUF), the loader's own instead of libbpf's
 * ring_buffer: one epoll over every ring, each ring's data mapped ONCE.
 *
 * libbpf maps a ring's data pages twice in a row, so a record that wraps the end reads as one piece; the kernel
 * populates every page at mmap, so a 64 MiB ring counted 128 MB of the loader's RSS. Here the consumer page is mapped
 * read-write (the only writable mapping the kernel allows), the producer page and the data read-only once, and the
 * rare record that wraps is copied into one contiguous scratch buffer before it is handed on.
 *
 * The protocol is the kernel's (kernel/bpf/ringbuf.c): producer_pos is acquire-loaded; each record starts with an
 * 8-byte header whose first u32 is the length with BUSY (bit 31: reserved, not committed yet) and DISCARD (bit 30)
 * flags, acquire-loaded; a record takes round_up(length + 8, 8) bytes; a BUSY record ends the pass (it and what
 * follows are read on a later one); a DISCARD record is skipped; consumer_pos is release-stored after each record,
 * which frees its room for the producers. */
#ifndef SLUICE_KERNEL_RINGS_H
#define SLUICE_KERNEL_RINGS_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#define KERNEL_RINGS_MAX 2   /* the tracepoint programs' ring and the network capture's */

/* one committed record; data is valid only during the call. A negative return stops the pass and is returned. */
typedef int (*kernel_ring_fn)(void *context, void *data, size_t size);

struct kernel_ring {
    unsigned long *consumer_pos;         /* the consumer page, read-write */
    const unsigned long *producer_pos;   /* the producer page, then the data: read-only */
    const uint8_t *data;
    uint64_t size;                       /* data bytes, a power of two */
    kernel_ring_fn fn;
    void *context;
};

struct kernel_rings {
    int epoll_fd;
    int count;
    struct kernel_ring rings[KERNEL_RINGS_MAX];
    uint8_t *scratch;                    /* a wrapped record, made contiguous; grows to the largest one seen */
    size_t scratch_size;
};

/* Creates the epoll instance. Returns 0 or -errno. */
int kernel_rings_init(struct kernel_rings *rings);

/* Maps the ringbuf map map_fd (its data `size` bytes, the map's max_entries) and adds it to the epoll; fn receives
 * its records. Returns 0 or -errno (-E2BIG when KERNEL_RINGS_MAX rings are added already). */
int kernel_rings_add(struct kernel_rings *rings, int map_fd, uint64_t size, kernel_ring_fn fn, void *context);

/* Waits up to timeout_ms for the kernel to wake the consumer (a program's BPF_RB_FORCE_WAKEUP, or a commit when the
 * consumer has caught up without BPF_RB_NO_WAKEUP), then reads every ring. Returns the records handed on, or -errno
 * (-EINTR on a signal), or a callback's negative return. */
int kernel_rings_poll(struct kernel_rings *rings, int timeout_ms);

/* Reads every committed record of every ring without waiting. Returns the records handed on or a callback's
 * negative return. */
int kernel_rings_consume(struct kernel_rings *rings);

/* true while some ring holds bytes not consumed yet: a committed record, or one reserved and not yet committed (a
 * program still running on another CPU) */
bool kernel_rings_pending(const struct kernel_rings *rings);

/* Unmaps the rings and closes the epoll (the maps' fds stay their owners'). */
void kernel_rings_free(struct kernel_rings *rings);

#endif
