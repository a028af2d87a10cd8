package io.sluice.journal;

import io.sluice.config.JournalRoll;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal may hold an event longer than this run's shared ring takes (an eighth of its capacity: a journal written
 * with a larger ring): replay reports it as damage at its excerpt, naming its length, and hands on the events around
 * it.
 */
class ReplayRecordLimitTest
{
    @Test
    void anEventLongerThanTheRingTakesIsReportedAndTheOthersReplayed(@TempDir final Path dir) throws Exception
    {
        final List<UnsafeBuffer> records = ReplayFollowTest.syntheticRecords(2);
        final OneToOneRingBuffer ring = ReplayFollowTest.ring();
        // the first event's bytes, then zeros to one byte past the ring's largest record: a valid record, too long
        final byte[] tooLong = new byte[ring.maxMsgLength() + 1];
        records.get(0).getBytes(0, tooLong, 0, records.get(0).capacity());
        final Path journal = dir.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(journal, JournalRoll.HOURLY, JournalHeader.now(new String[0], "s", "t")))
        {
            writer.append(records.get(0), 0, records.get(0).capacity());
            writer.append(new UnsafeBuffer(tooLong), 0, tooLong.length);
            writer.append(records.get(1), 0, records.get(1).capacity());
        }
        final ReplaySource replay = ReplaySource.open(new ReplaySpec(journal, 0, Long.MIN_VALUE, Long.MAX_VALUE, false, false));
        replay.start(ring);
        final List<Integer> lengths = new ArrayList<>();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(replay.isDone() && ring.size() == 0) && System.nanoTime() < deadline)
        {
            ring.read((type, buffer, index, length) -> lengths.add(length));
            Thread.sleep(1);
        }
        assertTrue(replay.isDone());
        assertEquals(List.of(records.get(0).capacity(), records.get(1).capacity()), lengths);
        assertEquals(2, replay.produced());
        assertEquals(1, replay.damage().size(), replay.damage().toString());
        final String problem = replay.damage().get(0).toString();
        assertTrue(problem.contains("an event of " + tooLong.length + " bytes, longer than the shared ring takes ("
            + ring.maxMsgLength() + ")"), problem);
    }
}
