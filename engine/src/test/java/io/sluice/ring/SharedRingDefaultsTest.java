package io.sluice.ring;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared ring's default size is the smaller burst buffer (the kernel's ring holds the rest), but it must still take
 * the largest record a source writes, the loader's 64 KiB (its {@code OUT_CAPACITY}), and many of them before the loader
 * has to wait; and whatever is written comes out whole and in order.
 */
class SharedRingDefaultsTest
{
    /** The loader's largest record ({@code OUT_CAPACITY} in bpf-native/src/loader.c). */
    private static final int LOADER_MAX_RECORD = 64 * 1024;

    @Test
    void theDefaultRingTakesDozensOfTheLoadersLargestRecordsAndGivesThemBackInOrder(@TempDir final Path dir)
    {
        try (SharedRing shared = SharedRing.create(dir.resolve("r.ring"), SharedRing.DEFAULT_CAPACITY))
        {
            final OneToOneRingBuffer ring = shared.ring();
            assertTrue(ring.maxMsgLength() >= LOADER_MAX_RECORD, "largest record " + ring.maxMsgLength());
            final UnsafeBuffer record = new UnsafeBuffer(new byte[LOADER_MAX_RECORD]);
            int written = 0;
            while (true)
            {
                record.putInt(0, written);
                if (!ring.write(1, record, 0, LOADER_MAX_RECORD))
                {
                    break;
                }
                written++;
            }
            assertTrue(written >= 32, "only " + written + " records of 64 KiB fit before the loader would wait");
            final int[] next = {0};
            final int read = ring.read((type, buffer, offset, length) ->
            {
                assertEquals(LOADER_MAX_RECORD, length);
                assertEquals(next[0]++, buffer.getInt(offset));
            }, Integer.MAX_VALUE);
            assertEquals(written, read);
        }
    }
}
