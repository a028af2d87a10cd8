package io.sluice.format;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The {@code sbe} format of journals: the enriched SBE record as it is. A stream hands such destinations the record
 * straight from its slot ({@link #passesRecordThrough()}), so nothing is copied or re-encoded.
 */
public final class RecordFormatter implements EventFormatter
{
    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        out.putBytes(outOffset, record, offset, length);
        return length;
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }

    @Override
    public boolean passesRecordThrough()
    {
        return true;
    }
}
