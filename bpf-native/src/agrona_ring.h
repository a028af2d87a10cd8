/* The producer side of Agrona's OneToOneRingBuffer over a memory-mapped file, in C.
 *
 * The engine creates the file (data capacity, a power of two, followed by Agrona's 768-byte trailer) and reads it
 * with org.agrona.concurrent.ringbuffer.OneToOneRingBuffer; this is its only writer. The protocol is Agrona's
 * single-producer one, step for step: claim (tail release-stored, next header pre-zeroed, padding record at the
 * end of the buffer when a record does not fit), then length stored negative, payload and type written, length
 * release-stored positive. */
#ifndef SLUICE_AGRONA_RING_H
#define SLUICE_AGRONA_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SL_RING_HEADER_LENGTH 8
#define SL_RING_ALIGNMENT 8
#define SL_RING_TRAILER_LENGTH 768
#define SL_RING_TAIL_POSITION_OFFSET 128
#define SL_RING_HEAD_CACHE_POSITION_OFFSET 256
#define SL_RING_HEAD_POSITION_OFFSET 384
#define SL_RING_PADDING_MSG_TYPE_ID (-1)

struct sl_ring {
    uint8_t *buffer;
    int32_t capacity;
    int32_t max_msg_length;
    size_t mapped_length;
};

/* Maps the ring file. Returns 0, or -errno with a message in error (size error_length). */
int sl_ring_open(struct sl_ring *ring, const char *path, char *error, size_t error_length);

void sl_ring_close(struct sl_ring *ring);

/* Writes one message of type msg_type_id (>= 1). false: no room now (the reader is behind). */
bool sl_ring_write(struct sl_ring *ring, int32_t msg_type_id, const void *src, int32_t length);

#endif
