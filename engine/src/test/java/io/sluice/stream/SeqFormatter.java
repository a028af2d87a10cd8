package io.sluice.stream;

import io.sluice.format.EventFormatter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Renders "PREFIXseq=N" from a record holding its sequence number N, counting its calls; throws on one N when asked to.
 */
final class SeqFormatter implements EventFormatter
{
    private final String prefix;
    private final long throwOn;
    /** Calls so far: read once the thread that renders has ended. */
    long calls;

    SeqFormatter(final String prefix, final long throwOn)
    {
        this.prefix = prefix;
        this.throwOn = throwOn;
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out,
        final int outOffset)
    {
        calls++;
        final long seq = record.getLong(offset);
        if (seq == throwOn)
        {
            throw new IllegalStateException("template failed");
        }
        return out.putStringWithoutLengthAscii(outOffset, prefix + "seq=" + seq);
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
