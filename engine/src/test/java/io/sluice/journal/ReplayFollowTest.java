package io.sluice.journal;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.JournalRoll;
import io.sluice.ring.SharedRing;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --follow}: replay keeps reading a journal that is still being written, across writer sessions, until it
 * is stopped; without it, replay ends at the journal's current end.
 */
class ReplayFollowTest
{
    @Test
    void followingSeesEventsAppendedAfterReplayStarted(@TempDir final Path dir) throws Exception
    {
        final List<UnsafeBuffer> records = syntheticRecords(2_000);
        final Path journal = dir.resolve("journal");
        try (JournalWriter first = JournalWriter.open(journal, JournalRoll.HOURLY, JournalHeader.now(new String[0], "s", "test")))
        {
            records.subList(0, 1_000).forEach(record -> first.append(record, 0, record.capacity()));
        }
        final OneToOneRingBuffer ring = ring();
        final ReplaySource follower = ReplaySource.open(new ReplaySpec(journal, 0, Long.MIN_VALUE, Long.MAX_VALUE, true, false));
        follower.start(ring);
        final long[] drained = {0};
        awaitDrained(ring, drained, 1_000);

        try (JournalWriter second = JournalWriter.open(journal, JournalRoll.HOURLY, JournalHeader.now(new String[0], "s", "test")))
        {
            records.subList(1_000, 2_000).forEach(record -> second.append(record, 0, record.capacity()));
        }
        awaitDrained(ring, drained, 2_000);
        assertTrue(!follower.isDone(), "a follower waits for more until stopped");
        follower.requestStop();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!follower.isDone() && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertTrue(follower.isDone());
        assertEquals(2_000, follower.produced());
        assertEquals(2, follower.headers(), "one header per writer session");
        assertEquals(List.of(), follower.damage());
    }

    private static void awaitDrained(final OneToOneRingBuffer ring, final long[] drained, final long expected) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (drained[0] < expected && System.nanoTime() < deadline)
        {
            drained[0] += ring.read((type, buffer, index, length) -> {});
            Thread.sleep(1);
        }
        assertEquals(expected, drained[0]);
    }

    static OneToOneRingBuffer ring()
    {
        return new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            SharedRing.DEFAULT_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    static List<UnsafeBuffer> syntheticRecords(final int count)
    {
        final OneToOneRingBuffer ring = ring();
        final SyntheticSource source = new SyntheticSource(
            SyntheticSpec.parse("synthetic:count=" + count, EventCatalog.standard()));
        source.start(ring);
        final List<UnsafeBuffer> records = new ArrayList<>();
        while (records.size() < count)
        {
            ring.read((type, buffer, index, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(index, copy);
                records.add(new UnsafeBuffer(copy));
            });
        }
        return records;
    }
}
