package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * Reads an event record's group headers and variable-length field lengths straight from its buffer, each position
 * checked once against the buffer's capacity: what {@link EventRecordView} walks to locate a record, without the
 * generated decoders' state (each of their reads moves the message's limit and checks the buffer's bounds again).
 * A position or length that runs past the buffer is refused with {@link IllegalArgumentException}, as a record cut
 * short is.
 */
final class RecordWalk
{
    /** The length before each variable-length field's bytes ({@code varStringEncoding.length}, the same for all). */
    static final int LENGTH_HEADER = EventDecoder.nameHeaderLength();
    /** A group's header: its entries' block length, then their count (two little-endian {@code uint16}). */
    static final int GROUP_HEADER = EventDecoder.DataDecoder.HEADER_SIZE;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private RecordWalk()
    {
    }

    /**
     * @param buffer         the record's buffer.
     * @param at             where a group starts.
     * @param minBlockLength the schema's block length of the group's entries: SBE lets a newer writer add fields (a
     *                       longer block), never remove them, and a shorter block would make the entries' fields overlap,
     *                       so one entry could print more than the record bytes it takes (the JSON writer's room bound
     *                       counts on that).
     * @return its header as one {@code int}: the block length in the low 16 bits, the count in the high.
     */
    static int groupHeader(final DirectBuffer buffer, final int at, final int minBlockLength)
    {
        if (at < 0 || at > buffer.capacity() - GROUP_HEADER)
        {
            throw truncated("group", at, buffer);
        }
        final int header = intAt(buffer, at);
        if ((header & 0xFFFF) < minBlockLength)
        {
            throw new IllegalArgumentException("record malformed: the group at " + at + " declares entries of "
                + (header & 0xFFFF) + " bytes, fewer than the schema's " + minBlockLength);
        }
        return header;
    }

    /**
     * @param buffer the record's buffer.
     * @param at     where a variable-length field's length header starts.
     * @return its length; the field, header and bytes, is within the buffer.
     */
    static int varLength(final DirectBuffer buffer, final int at)
    {
        final int capacity = buffer.capacity();
        final int length = at >= 0 && at <= capacity - LENGTH_HEADER ? intAt(buffer, at) : -1;
        if (length < 0 || length > capacity - at - LENGTH_HEADER)
        {
            throw truncated("variable-length field", at, buffer);
        }
        return length;
    }

    /**
     * @param buffer         the record's buffer.
     * @param at             where a group starts.
     * @param minBlockLength the schema's block length of its entries (see {@link #groupHeader}).
     * @param varFields      how many variable-length fields each entry has after its block.
     * @return where the group ends.
     */
    static int skipGroup(final DirectBuffer buffer, final int at, final int minBlockLength, final int varFields)
    {
        final int header = groupHeader(buffer, at, minBlockLength);
        final int blockLength = header & 0xFFFF;
        final int count = header >>> 16;
        int limit = at + GROUP_HEADER;
        for (int i = 0; i < count; i++)
        {
            limit += blockLength;
            for (int field = 0; field < varFields; field++)
            {
                limit += LENGTH_HEADER + varLength(buffer, limit);
            }
        }
        return limit;
    }

    /** The little-endian {@code int} at {@code index}, which is within the buffer: checked by the caller. */
    private static int intAt(final DirectBuffer buffer, final int index)
    {
        final int value = UnsafeApi.getInt(buffer.byteArray(), buffer.addressOffset() + index);
        return LITTLE_ENDIAN ? value : Integer.reverseBytes(value);
    }

    private static IllegalArgumentException truncated(final String what, final int at, final DirectBuffer buffer)
    {
        return new IllegalArgumentException(
            "record truncated: " + what + " at " + at + " runs past the buffer's " + buffer.capacity() + " bytes");
    }
}
