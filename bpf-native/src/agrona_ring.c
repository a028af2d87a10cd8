/* See agrona_ring.h. Mirrors OneToOneRingBuffer.claimCapacity and write (Agrona 2.x). */
#include "agrona_ring.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define INSUFFICIENT_CAPACITY (-2)

static inline int64_t load_plain(const uint8_t *buffer, int32_t index)
{
    return __atomic_load_n((const int64_t *)(buffer + index), __ATOMIC_RELAXED);
}

static inline int64_t load_acquire(const uint8_t *buffer, int32_t index)
{
    return __atomic_load_n((const int64_t *)(buffer + index), __ATOMIC_ACQUIRE);
}

static inline void store_plain_long(uint8_t *buffer, int32_t index, int64_t value)
{
    __atomic_store_n((int64_t *)(buffer + index), value, __ATOMIC_RELAXED);
}

static inline void store_release_long(uint8_t *buffer, int32_t index, int64_t value)
{
    __atomic_store_n((int64_t *)(buffer + index), value, __ATOMIC_RELEASE);
}

static inline void store_plain_int(uint8_t *buffer, int32_t index, int32_t value)
{
    __atomic_store_n((int32_t *)(buffer + index), value, __ATOMIC_RELAXED);
}

static inline void store_release_int(uint8_t *buffer, int32_t index, int32_t value)
{
    __atomic_store_n((int32_t *)(buffer + index), value, __ATOMIC_RELEASE);
}

static inline int32_t align_up(int32_t value, int32_t alignment)
{
    return (value + (alignment - 1)) & ~(alignment - 1);
}

int sl_ring_open(struct sl_ring *ring, const char *path, char *error, size_t error_length)
{
    memset(ring, 0, sizeof(*ring));
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        int err = errno;
        snprintf(error, error_length, "cannot open the ring file %s: %s", path, strerror(err));
        return -err;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        snprintf(error, error_length, "cannot stat the ring file %s: %s", path, strerror(err));
        return -err;
    }
    int64_t capacity = (int64_t)st.st_size - SL_RING_TRAILER_LENGTH - SL_RING_DOORBELL_LENGTH;
    if (capacity < 16 || (capacity & (capacity - 1)) != 0 || capacity > (1LL << 30)) {
        close(fd);
        snprintf(error, error_length, "the ring file %s is %lld bytes: expected a power of two plus %d",
                 path, (long long)st.st_size, SL_RING_TRAILER_LENGTH + SL_RING_DOORBELL_LENGTH);
        return -EINVAL;
    }
    void *mapped = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    int err = errno;
    close(fd);
    if (mapped == MAP_FAILED) {
        snprintf(error, error_length, "cannot map the ring file %s: %s", path, strerror(err));
        return -err;
    }
    ring->buffer = mapped;
    ring->capacity = (int32_t)capacity;
    ring->max_msg_length = (int32_t)(capacity >> 3);
    ring->mapped_length = (size_t)st.st_size;
    ring->doorbell_armed = (int32_t *)(ring->buffer + capacity + SL_RING_TRAILER_LENGTH + SL_RING_DOORBELL_ARMED_OFFSET);
    ring->written = false;
    return 0;
}

void sl_ring_close(struct sl_ring *ring)
{
    if (ring->buffer) {
        munmap(ring->buffer, ring->mapped_length);
        ring->buffer = NULL;
    }
}

static int32_t claim_capacity(struct sl_ring *ring, int32_t record_length)
{
    uint8_t *buffer = ring->buffer;
    const int32_t capacity = ring->capacity;
    const int32_t aligned_record_length = align_up(record_length, SL_RING_ALIGNMENT);
    const int32_t required_capacity = aligned_record_length + SL_RING_HEADER_LENGTH;
    const int32_t mask = capacity - 1;
    const int32_t tail_index = capacity + SL_RING_TAIL_POSITION_OFFSET;
    const int32_t head_cache_index = capacity + SL_RING_HEAD_CACHE_POSITION_OFFSET;
    const int32_t head_index_position = capacity + SL_RING_HEAD_POSITION_OFFSET;

    int64_t head = load_plain(buffer, head_cache_index);
    const int64_t tail = load_plain(buffer, tail_index);
    const int32_t available = capacity - (int32_t)(tail - head);

    if (required_capacity > available) {
        head = load_acquire(buffer, head_index_position);
        if (required_capacity > (capacity - (int32_t)(tail - head)))
            return INSUFFICIENT_CAPACITY;
        store_plain_long(buffer, head_cache_index, head);
    }

    int32_t padding = 0;
    const int32_t record_index = (int32_t)tail & mask;
    const int32_t to_buffer_end = capacity - record_index;
    int32_t write_index = record_index;
    int64_t next_tail = tail + aligned_record_length;

    if (aligned_record_length == to_buffer_end) {
        store_release_long(buffer, tail_index, next_tail);
        store_plain_long(buffer, 0, 0); /* pre-zero the next header */
        return record_index;
    } else if (required_capacity > to_buffer_end) {
        write_index = 0;
        int32_t head_index = (int32_t)head & mask;
        if (required_capacity > head_index) {
            head = load_acquire(buffer, head_index_position);
            head_index = (int32_t)head & mask;
            if (required_capacity > head_index) {
                write_index = INSUFFICIENT_CAPACITY;
                next_tail = tail;
            }
            store_plain_long(buffer, head_cache_index, head);
        }
        padding = to_buffer_end;
        next_tail += padding;
    }

    store_release_long(buffer, tail_index, next_tail);

    if (padding != 0) {
        store_plain_long(buffer, 0, 0);
        store_release_int(buffer, record_index, -padding);
        __atomic_thread_fence(__ATOMIC_RELEASE);
        store_plain_int(buffer, record_index + 4, SL_RING_PADDING_MSG_TYPE_ID);
        store_release_int(buffer, record_index, padding);
    }

    if (write_index != INSUFFICIENT_CAPACITY)
        store_plain_long(buffer, write_index + aligned_record_length, 0); /* pre-zero the next header */

    return write_index;
}

bool sl_ring_write(struct sl_ring *ring, int32_t msg_type_id, const void *src, int32_t length)
{
    if (length < 0 || length > ring->max_msg_length)
        return false;
    const int32_t record_length = length + SL_RING_HEADER_LENGTH;
    const int32_t record_index = claim_capacity(ring, record_length);
    if (record_index == INSUFFICIENT_CAPACITY)
        return false;
    store_release_int(ring->buffer, record_index, -record_length);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    memcpy(ring->buffer + record_index + SL_RING_HEADER_LENGTH, src, (size_t)length);
    store_plain_int(ring->buffer, record_index + 4, msg_type_id);
    store_release_int(ring->buffer, record_index, record_length);
    ring->written = true;
    return true;
}

bool sl_ring_take_wake_request(struct sl_ring *ring)
{
    if (!ring->written)
        return false;
    ring->written = false;
    /* Dekker's, with the engine's volatile store of armed before it reads the tail: the tail stores of this batch are
     * ordered before the load of armed, so either the engine saw the records or this sees it armed */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    int32_t armed = 1;
    return __atomic_load_n(ring->doorbell_armed, __ATOMIC_RELAXED) == 1 &&
           __atomic_compare_exchange_n(ring->doorbell_armed, &armed, 0, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}
