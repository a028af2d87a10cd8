package io.sluice.stream;

import com.lmax.disruptor.RingBuffer;
import io.sluice.ring.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test events for a main ring: each record holds its sequence number (what {@link SeqFormatter} renders), event id 7.
 */
final class SeqRecords
{
    private SeqRecords()
    {
    }

    /**
     * @param ring   the main ring.
     * @param events how many to publish, numbered from 0.
     */
    static void publish(final RingBuffer<EventSlot> ring, final int events)
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
        for (int i = 0; i < events; i++)
        {
            record.putLong(0, i);
            final long claimed = ring.next();
            ring.get(claimed).set(record, 0, Long.BYTES, 7, 0, i);
            ring.publish(claimed);
        }
    }
}
