/* The producer side of Agrona's OneToOneRingBuffer over a memory-mapped file, in C.
 *
 * The engine creates the file (data capacity, a power of two, followed by Agrona's 768-byte trailer) and reads it
 * with org.agrona.concurrent.ringbuffer.OneToOneRingBuffer; this is its only writer. The protocol is Agrona's
 * single-producer one, step for step: claim (tail release-stored, next header pre-zeroed, padding record at the
 * end of the buffer when a record does not fit), then length stored negative, payload and type written, length
 * release-stored positive.
 *
 * After the trailer comes Sluice's doorbell (SL_RING_DOORBELL_LENGTH bytes; io.sluice.ring.RingDoorbell draws it):
 * an int at its start that the engine's ingest sets to 1 before a long sleep on an empty ring. After a batch the
 * loader takes it back (compare-and-set 1 -> 0, after a full fence following its tail stores) and rings: a "wake"
 * line on standard output. */
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
#define SL_RING_DOORBELL_LENGTH 128
#define SL_RING_DOORBELL_ARMED_OFFSET 0

struct sl_ring {
    uint8_t *buffer;
    int32_t capacity;
    int32_t max_msg_length;
    size_t mapped_length;
    int32_t *doorbell_armed;
    bool written;        /* a record was written since the last sl_ring_take_wake_request */
};

/* Maps the ring file. Returns 0, or -errno with a message in error (size error_length). */
int sl_ring_open(struct sl_ring *ring, const char *path, char *error, size_t error_length);

void sl_ring_close(struct sl_ring *ring);

/* Writes one message of type msg_type_id (>= 1). false: no room now (the reader is behind). */
bool sl_ring_write(struct sl_ring *ring, int32_t msg_type_id, const void *src, int32_t length);

/* After a batch: true when records were written since the last call and the engine sleeps armed on the doorbell,
 * which this takes back (the caller then rings). */
bool sl_ring_take_wake_request(struct sl_ring *ring);

#endif
