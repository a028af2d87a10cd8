package io.sluice.source;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.ring.SharedRing;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pool mode ({@code pool=N}): the source copies N records encoded before the run in turn, and each copy still carries
 * its own seq (0, 1, 2, ... in the order written) and a timestamp of its own time, so order and exactly-once checks
 * hold as without a pool; record k and record k + N are the same event otherwise.
 */
class SyntheticPoolTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Test
    void pooledRecordsComeRoundInTurnEachWithItsOwnSeqAndTimestamp()
    {
        final int count = 3000;
        final int pool = 64;
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=" + count + ",pool=" + pool + ",seed=5", CATALOG);
        assertEquals(pool, spec.pool());
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            SharedRing.DEFAULT_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
        final SyntheticSource source = new SyntheticSource(spec);
        assertTrue(source.description().contains("pool=64"), source.description());
        final long before = System.currentTimeMillis() / 1000 - 1;
        source.start(ring);
        final EventProtoDecoder decoder = new EventProtoDecoder(CATALOG);
        final List<Event> events = new ArrayList<>();
        while (events.size() < count)
        {
            ring.read((type, buffer, index, length) -> events.add(decoder.decode(buffer, index, length)));
        }
        final long after = System.currentTimeMillis() / 1000 + 1;
        for (int i = 0; i < count; i++)
        {
            final Event event = events.get(i);
            final List<EventValue> data = event.getDataList();
            assertEquals("seq", data.get(data.size() - 1).getName());
            assertEquals(i, data.get(data.size() - 1).getUInt64(), "seq of event " + i);
            final long seconds = event.getTimestamp().getSeconds();
            assertTrue(seconds >= before && seconds <= after, "timestamp of event " + i + ": " + seconds);
            final Event turn = events.get(i % pool);
            assertEquals(turn.getName(), event.getName(), "event " + i + " is pool record " + i % pool);
            assertEquals(turn.getDataList().subList(0, data.size() - 1), data.subList(0, data.size() - 1));
        }
        while (!source.isDone())
        {
            Thread.onSpinWait();
        }
        assertEquals(count, source.produced());
    }

    @Test
    void aPoolLargerThanTheLimitIsRefusedNamingIt()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> SyntheticSpec.parse("synthetic:pool=" + (SyntheticSpec.MAX_POOL + 1), CATALOG));
        assertEquals("synthetic source: pool must be <= 1048576, got '1048577'", refused.getMessage());
    }
}
