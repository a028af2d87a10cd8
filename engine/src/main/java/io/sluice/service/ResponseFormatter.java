package io.sluice.service;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoWriter;
import io.sluice.format.EventFormatter;
import io.sluice.proto.v1beta1.StreamEventsResponse;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Renders an event as the {@code StreamEventsResponse} that carries it: field {@code event}'s tag, then the
 * {@code v1beta1.Event} length-delimited exactly as the {@code protobuf} format writes it ({@link EventProtoWriter},
 * byte-equal to protobuf-java and allocation-free). A client's stream renders each event once, into its ring's buffer.
 */
final class ResponseFormatter implements EventFormatter
{
    /** Field 1 ({@code event}), wire type 2 (length-delimited). */
    private static final byte EVENT_TAG = (byte)((StreamEventsResponse.EVENT_FIELD_NUMBER << 3) | 2);

    private final EventProtoWriter writer;

    /**
     * @param catalog     the event catalog (names of ids).
     * @param policyNames the policies in force, by bit.
     */
    ResponseFormatter(final EventCatalog catalog, final String[] policyNames)
    {
        this.writer = new EventProtoWriter(catalog);
        this.writer.policyNames(policyNames);
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out,
        final int outOffset)
    {
        out.putByte(outOffset, EVENT_TAG);
        return 1 + writer.writeDelimited(record, offset, length, out, outOffset + 1);
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
