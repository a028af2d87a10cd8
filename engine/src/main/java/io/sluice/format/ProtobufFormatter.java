package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The {@code protobuf} format: each event as its {@code v1beta1.Event} message preceded by the message's length as a
 * varint ({@code writeDelimitedTo} framing), byte-equal to protobuf-java's encoding and allocation-free.
 */
public final class ProtobufFormatter implements EventFormatter
{
    private final EventProtoWriter writer;

    /**
     * @param catalog     the event catalog (names of ids).
     * @param policyNames names of the policies in force, by bit.
     */
    public ProtobufFormatter(final EventCatalog catalog, final String[] policyNames)
    {
        this.writer = new EventProtoWriter(catalog);
        this.writer.policyNames(policyNames);
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        return writer.writeDelimited(record, offset, length, out, outOffset);
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
