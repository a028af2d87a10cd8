package io.sluice.source;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.ring.RecordType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Records the synthetic source encoded once, before the run, so that in pool mode ({@code pool=N}) producing an event
 * costs one copy into the shared ring, not the drawing and encoding of a new one: a load test then measures the
 * pipeline, not the generator. Each copy is patched in place with its own {@code seq} and timestamp, so events stay
 * numbered 0, 1, 2, ... in the order written; the pool's records come round in turn.
 */
final class SyntheticPool
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder decoder = new EventDecoder();
    private final int[] offsets;
    private final int[] lengths;
    private final int[] seqOffsets;
    private UnsafeBuffer records = new UnsafeBuffer(new byte[64 * 1024]);
    private int size;
    private int end;

    /**
     * @param capacity how many records the pool holds.
     */
    SyntheticPool(final int capacity)
    {
        offsets = new int[capacity];
        lengths = new int[capacity];
        seqOffsets = new int[capacity];
    }

    /**
     * Adds one encoded record, whose last data entry is its {@code seq}.
     *
     * @param record the record's buffer.
     * @param length its length (from offset 0).
     */
    void add(final MutableDirectBuffer record, final int length)
    {
        if (end + length > records.capacity())
        {
            records = new UnsafeBuffer(Arrays.copyOf(records.byteArray(), Math.max(records.capacity() * 2, end + length)));
        }
        records.putBytes(end, record, 0, length);
        decoder.wrapAndApplyHeader(records, end, header);
        final EventDecoder.AncestorsDecoder ancestors = decoder.ancestors();
        while (ancestors.hasNext())
        {
            ancestors.next().skipExecutablePath();
        }
        final EventDecoder.DataDecoder data = decoder.data();
        int seqEntry = -1;
        while (data.hasNext())
        {
            seqEntry = decoder.limit();
            data.next().sbeSkip();
        }
        offsets[size] = end;
        lengths[size] = length;
        seqOffsets[size] = seqEntry + EventDecoder.DataDecoder.intValueEncodingOffset();
        size++;
        end += length;
    }

    /**
     * @return how many records the pool holds now.
     */
    int size()
    {
        return size;
    }

    /**
     * Copies the pool's record for event number {@code seq} into the ring, its seq and timestamp patched.
     *
     * @param ring       the shared ring.
     * @param seq        the event's number.
     * @param epochNanos its timestamp.
     * @return false when the ring has no room now (nothing written).
     */
    boolean write(final RingBuffer ring, final long seq, final long epochNanos)
    {
        final int pick = (int)(seq % size);
        final int length = lengths[pick];
        final int index = ring.tryClaim(RecordType.EVENT, length);
        if (index < 0)
        {
            return false;
        }
        final MutableDirectBuffer target = ring.buffer();
        final int from = offsets[pick];
        target.putBytes(index, records, from, length);
        target.putLong(index + seqOffsets[pick] - from, seq, ByteOrder.LITTLE_ENDIAN);
        final int block = index + MessageHeaderDecoder.ENCODED_LENGTH;
        target.putLong(block + EventDecoder.timestampSecondsEncodingOffset(), epochNanos / 1_000_000_000L,
            ByteOrder.LITTLE_ENDIAN);
        target.putInt(block + EventDecoder.timestampNanosEncodingOffset(), (int)(epochNanos % 1_000_000_000L),
            ByteOrder.LITTLE_ENDIAN);
        ring.commit(index);
        return true;
    }
}
