package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.ring.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

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

    /**
     * Start the stream, publish the events through a main ring whose only handler is the stream's router, and wait
     * until the router took them all (within seconds); the stream is left running, for the test to drain.
     *
     * @param stream the stream.
     * @param events how many to publish, numbered from 0.
     * @throws Exception when the stream does not start or the main ring does not drain.
     */
    static void routeThroughMainRing(final Stream stream, final int events) throws Exception
    {
        final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(),
            ProducerType.SINGLE, new BlockingWaitStrategy());
        main.handleEventsWith(stream.router());
        stream.start();
        main.start();
        if (!stream.awaitRunning(10, TimeUnit.SECONDS))
        {
            throw new AssertionError("the stream's threads did not start");
        }
        publish(main.getRingBuffer(), events);
        main.shutdown(10, TimeUnit.SECONDS);
    }
}
