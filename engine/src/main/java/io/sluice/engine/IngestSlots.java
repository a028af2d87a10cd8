package io.sluice.engine;

import io.sluice.ring.EventSlot;

/**
 * Where the ingest puts each event it keeps before the streams' routers see it: the main ring's next slot when a thread
 * reads the main ring (router threads, the clients' hub: {@link MainRingSlots}), or one slot of the ingest's own when
 * none does ({@link IngestOwnSlot}: on two cores or fewer the routers run on the ingest thread, and without the event
 * service nothing else reads the ring). Claim, fill the slot, publish, in that order, on the ingest thread alone.
 */
sealed interface IngestSlots permits MainRingSlots, IngestOwnSlot
{
    /**
     * @return the sequence of the next slot (0 first, then one more each time), once it may be filled: this may wait
     *         for the main ring's readers to make room.
     */
    long claim();

    /**
     * @param sequence a claimed sequence.
     * @return its slot, to fill.
     */
    EventSlot slot(long sequence);

    /**
     * The slot filled, or its filling given up: either way it is released, so the main ring never holds a claimed
     * slot back.
     *
     * @param sequence the claimed sequence.
     */
    void publish(long sequence);
}
