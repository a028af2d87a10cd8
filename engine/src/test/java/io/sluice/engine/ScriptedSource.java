package io.sluice.engine;

import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.List;

/**
 * A source that writes given event records into the shared ring, in the order given, then is done: for tests whose
 * input must be exact (timestamps out of order, chosen argument values).
 */
final class ScriptedSource extends TestSource
{
    private final List<byte[]> records;

    ScriptedSource(final List<byte[]> records)
    {
        super("scripted(" + records.size() + ")");
        this.records = List.copyOf(records);
    }

    @Override
    void write(final RingBuffer ring)
    {
        for (final byte[] record : records)
        {
            writeRecord(ring, record);
        }
    }
}
