package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout of an {@code Event}'s {@code userStack} (see {@code sluice-sbe.xml}): the frames of
 * {@code workload.process.thread.user_stack_trace}, innermost first, each {@code [uint64 address][uint32 symbol
 * length][symbol bytes]}, little-endian. The sensor sends bare addresses (the kernel record's packed {@code uint64}s,
 * {@link #fromAddresses}); the symbol is there so that a {@code v1beta1.StackAddress} read from protobuf keeps it.
 * <p>
 * A reusable cursor: {@link #wrap}, then {@link #next()} until it returns false, reading {@link #address()},
 * {@link #symbolOffset()} and {@link #symbolLength()} in between. Damaged values read the same way for every reader: a
 * frame whose 12-byte head does not fit is ignored, and a symbol running past the end is cut at the end.
 */
public final class UserStackBlob
{
    /** Bytes of a frame's head: address and symbol length. */
    public static final int FRAME_HEAD = 12;
    /** Bytes of one address in the kernel record. */
    public static final int ADDRESS_SIZE = 8;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int position;
    private int limit;
    private long address;
    private int symbolOffset;
    private int symbolLength;

    /**
     * @param buffer the bytes.
     * @param offset where the value starts.
     * @param length its length.
     * @return this cursor, before the first frame.
     */
    public UserStackBlob wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.address = 0;
        this.symbolOffset = offset;
        this.symbolLength = 0;
        return this;
    }

    /**
     * @return true when the cursor moved to another frame.
     */
    public boolean next()
    {
        if (limit - position < FRAME_HEAD)
        {
            position = limit;
            return false;
        }
        address = buffer.getLong(position, ORDER);
        final long declared = buffer.getInt(position + ADDRESS_SIZE, ORDER) & 0xFFFF_FFFFL;
        symbolOffset = position + FRAME_HEAD;
        symbolLength = (int)Math.min(declared, limit - symbolOffset);
        position = symbolOffset + symbolLength;
        return true;
    }

    /**
     * @return the current frame's address (unsigned, as Java's signed long).
     */
    public long address()
    {
        return address;
    }

    /**
     * @return where the current frame's symbol starts.
     */
    public int symbolOffset()
    {
        return symbolOffset;
    }

    /**
     * @return how many bytes the current frame's symbol has (0: none).
     */
    public int symbolLength()
    {
        return symbolLength;
    }

    /**
     * @param addressBytes bytes of packed little-endian {@code uint64} addresses (bytes left over are ignored).
     * @return how many bytes {@link #fromAddresses} writes for them.
     */
    public static int lengthFromAddresses(final int addressBytes)
    {
        return addressBytes / ADDRESS_SIZE * FRAME_HEAD;
    }

    /**
     * The frames of the kernel record's addresses, without symbols.
     *
     * @param src       packed little-endian {@code uint64} addresses.
     * @param srcOffset where they start.
     * @param srcLength their length in bytes (bytes after the last whole address are ignored).
     * @param dst       where the frames go, {@link #lengthFromAddresses} bytes from {@code dstOffset}.
     * @param dstOffset where in {@code dst}.
     * @return the bytes written.
     */
    public static int fromAddresses(
        final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset)
    {
        final int count = srcLength / ADDRESS_SIZE;
        for (int i = 0; i < count; i++)
        {
            final int at = dstOffset + i * FRAME_HEAD;
            dst.putLong(at, src.getLong(srcOffset + i * ADDRESS_SIZE, ORDER), ORDER);
            dst.putInt(at + ADDRESS_SIZE, 0, ORDER);
        }
        return count * FRAME_HEAD;
    }

    /**
     * @param addresses the frames' addresses (unsigned, as Java's signed long).
     * @param symbols   their symbols, as many as addresses (empty: none).
     * @return the value bytes.
     * @throws IllegalArgumentException when the lists differ in length.
     */
    public static byte[] encode(final List<Long> addresses, final List<String> symbols)
    {
        if (addresses.size() != symbols.size())
        {
            throw new IllegalArgumentException(addresses.size() + " addresses but " + symbols.size() + " symbols");
        }
        final byte[][] encoded = new byte[symbols.size()][];
        int length = 0;
        for (int i = 0; i < encoded.length; i++)
        {
            encoded[i] = symbols.get(i).getBytes(StandardCharsets.UTF_8);
            length += FRAME_HEAD + encoded[i].length;
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[length]);
        int at = 0;
        for (int i = 0; i < encoded.length; i++)
        {
            out.putLong(at, addresses.get(i), ORDER);
            out.putInt(at + ADDRESS_SIZE, encoded[i].length, ORDER);
            out.putBytes(at + FRAME_HEAD, encoded[i]);
            at += FRAME_HEAD + encoded[i].length;
        }
        return out.byteArray();
    }
}
