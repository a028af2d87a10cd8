/* See kernel_rings.h. The protocol follows kernel/bpf/ringbuf.c (__bpf_ringbuf_reserve, bpf_ringbuf_commit,
 * ringbuf_map_mmap_kern) and the records' layout its uapi (linux/bpf.h: BPF_RINGBUF_*). */
#define _GNU_SOURCE
#include "kernel_rings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/bpf.h>

#define SCRATCH_INITIAL (64 * 1024)   /* above the largest record either program writes; grows if one is larger */

int kernel_rings_init(struct kernel_rings *rings)
{
    memset(rings, 0, sizeof(*rings));
    rings->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (rings->epoll_fd < 0)
        return -errno;
    rings->scratch = malloc(SCRATCH_INITIAL);
    if (!rings->scratch) {
        close(rings->epoll_fd);
        rings->epoll_fd = -1;
        return -ENOMEM;
    }
    rings->scratch_size = SCRATCH_INITIAL;
    return 0;
}

static void unmap(struct kernel_ring *ring, size_t page)
{
    if (ring->consumer_pos)
        munmap(ring->consumer_pos, page);
    if (ring->producer_pos)
        munmap((void *)ring->producer_pos, page + ring->size);
    ring->consumer_pos = NULL;
    ring->producer_pos = NULL;
}

int kernel_rings_add(struct kernel_rings *rings, int map_fd, uint64_t size, kernel_ring_fn fn, void *context)
{
    if (rings->count == KERNEL_RINGS_MAX)
        return -E2BIG;
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (size < page || (size & (size - 1)) != 0)
        return -EINVAL;
    struct kernel_ring *ring = &rings->rings[rings->count];
    memset(ring, 0, sizeof(*ring));
    ring->size = size;
    /* the kernel allows one writable mapping: the consumer page alone, at offset 0 */
    void *consumer = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
    if (consumer == MAP_FAILED)
        return -errno;
    ring->consumer_pos = consumer;
    /* the producer page and the data, read-only and once: the kernel maps its pages at mmap, so each mapping of the
     * data counts whole in RSS */
    void *producer = mmap(NULL, page + size, PROT_READ, MAP_SHARED, map_fd, (off_t)page);
    if (producer == MAP_FAILED) {
        const int err = -errno;
        unmap(ring, page);
        return err;
    }
    ring->producer_pos = producer;
    ring->data = (const uint8_t *)producer + page;
    ring->fn = fn;
    ring->context = context;
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = (uint32_t)rings->count};
    if (epoll_ctl(rings->epoll_fd, EPOLL_CTL_ADD, map_fd, &event) != 0) {
        const int err = -errno;
        unmap(ring, page);
        return err;
    }
    rings->count++;
    return 0;
}

/* the record's bytes in one piece: in place, or copied into the scratch buffer when they wrap the data's end */
static void *contiguous(struct kernel_rings *rings, const struct kernel_ring *ring, uint64_t offset, uint32_t length)
{
    if (offset + length <= ring->size)
        return (void *)(ring->data + offset);
    if (length > rings->scratch_size) {
        uint8_t *larger = realloc(rings->scratch, length);
        if (!larger)
            return NULL;
        rings->scratch = larger;
        rings->scratch_size = length;
    }
    const uint64_t first = ring->size - offset;
    memcpy(rings->scratch, ring->data + offset, first);
    memcpy(rings->scratch + first, ring->data, length - first);
    return rings->scratch;
}

/* Reads one ring's committed records; a pass ends at a record still BUSY, or once it has read a whole ring's worth
 * (so a steady flood still returns to the caller's loop: the epoll is level-triggered and reports the rest at once). */
static int64_t consume_ring(struct kernel_rings *rings, struct kernel_ring *ring)
{
    const uint64_t mask = ring->size - 1;
    uint64_t consumer = *ring->consumer_pos;   /* only this process writes it */
    const uint64_t stop = consumer + ring->size;
    int64_t records = 0;
    uint64_t producer;
    while ((producer = __atomic_load_n(ring->producer_pos, __ATOMIC_ACQUIRE)) > consumer && consumer < stop) {
        while (consumer < producer) {
            const uint32_t *header = (const uint32_t *)(ring->data + (consumer & mask));
            const uint32_t word = __atomic_load_n(header, __ATOMIC_ACQUIRE);
            if (word & BPF_RINGBUF_BUSY_BIT)
                return records;   /* reserved, not committed yet */
            const uint32_t length = word & ~(uint32_t)(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
            const uint64_t taken = ((uint64_t)length + BPF_RINGBUF_HDR_SZ + 7) & ~(uint64_t)7;
            if (taken > ring->size)
                return -EBADMSG;  /* not a record the kernel could have reserved */
            if (!(word & BPF_RINGBUF_DISCARD_BIT)) {
                void *sample = contiguous(rings, ring, (consumer + BPF_RINGBUF_HDR_SZ) & mask, length);
                if (!sample)
                    return -ENOMEM;
                const int result = ring->fn(ring->context, sample, length);
                if (result < 0) {
                    __atomic_store_n(ring->consumer_pos, consumer + taken, __ATOMIC_RELEASE);
                    return result;
                }
                records++;
            }
            consumer += taken;
            /* its room is the producers' again */
            __atomic_store_n(ring->consumer_pos, consumer, __ATOMIC_RELEASE);
        }
    }
    return records;
}

int kernel_rings_consume(struct kernel_rings *rings)
{
    int64_t total = 0;
    for (int i = 0; i < rings->count; i++) {
        const int64_t records = consume_ring(rings, &rings->rings[i]);
        if (records < 0)
            return (int)records;
        total += records;
    }
    return total > INT32_MAX ? INT32_MAX : (int)total;
}

bool kernel_rings_pending(const struct kernel_rings *rings)
{
    for (int i = 0; i < rings->count; i++) {
        const struct kernel_ring *ring = &rings->rings[i];
        if (__atomic_load_n(ring->producer_pos, __ATOMIC_ACQUIRE) > *ring->consumer_pos)
            return true;
    }
    return false;
}

int kernel_rings_poll(struct kernel_rings *rings, int timeout_ms)
{
    struct epoll_event events[KERNEL_RINGS_MAX];
    const int ready = epoll_wait(rings->epoll_fd, events, KERNEL_RINGS_MAX, timeout_ms);
    if (ready < 0)
        return -errno;
    /* every ring, woken or not: each read is two loads when a ring is empty */
    return kernel_rings_consume(rings);
}

void kernel_rings_free(struct kernel_rings *rings)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < rings->count; i++)
        unmap(&rings->rings[i], page);
    rings->count = 0;
    if (rings->epoll_fd >= 0)
        close(rings->epoll_fd);
    rings->epoll_fd = -1;
    free(rings->scratch);
    rings->scratch = NULL;
}
