package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The {@code json} format: one {@code v1beta1.Event} per line, byte-equal to protobuf's JSON printer.
 */
public final class JsonFormatter implements EventFormatter
{
    private final EventJsonWriter writer;

    /**
     * @param catalog     the event catalog (names of ids).
     * @param policyNames names of the policies in force, by bit.
     */
    public JsonFormatter(final EventCatalog catalog, final String[] policyNames)
    {
        this.writer = new EventJsonWriter(catalog);
        this.writer.policyNames(policyNames);
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        return writer.write(record, offset, length, out, outOffset);
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
