package io.sluice.codec.proto;

import io.sluice.codec.sbe.PackedArrayBlob;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * Protobuf wire encoding into a reusable byte array, in one pass and in the canonical form protobuf-java writes
 * (shortest varints), for {@link EventProtoWriter}.
 * <p>
 * A nested message's length comes before its bytes but is known only after them: {@link #beginMessage} reserves one
 * byte for it and {@link #endMessage} writes it there, moving the message's bytes along when the length needs more
 * (a message of 128 bytes or more), so the bytes equal protobuf-java's without a sizing pass over the record. Strings
 * are written as {@code new String(bytes, UTF_8)} would re-encode them: valid UTF-8 as it is, each malformed sequence
 * as U+FFFD.
 * <p>
 * The document starts {@link #PREFIX_ROOM} bytes into the array, so that {@link #copyDelimitedTo} can put the varint
 * length in front of it without moving it. Nothing allocates once the array is large enough for the largest message.
 */
final class ProtoSink
{
    /** Room kept in front of the document for its delimiting length: the longest 32-bit varint. */
    static final int PREFIX_ROOM = 5;

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    /** A tag and a 64-bit varint: what any scalar field needs at most. */
    private static final int MAX_SCALAR_FIELD = 5 + 10;

    private byte[] array;
    private int position;

    /**
     * @param initialCapacity the array's first size; it grows as needed.
     */
    ProtoSink(final int initialCapacity)
    {
        array = new byte[Math.max(initialCapacity, 64)];
        position = PREFIX_ROOM;
    }

    /**
     * Start a new document.
     */
    void reset()
    {
        position = PREFIX_ROOM;
    }

    /**
     * @return the length of the document written since {@link #reset}.
     */
    int length()
    {
        return position - PREFIX_ROOM;
    }

    /**
     * @param out       where the document goes (grown when expandable).
     * @param outOffset where in {@code out}.
     * @return the bytes copied: the document.
     */
    int copyTo(final MutableDirectBuffer out, final int outOffset)
    {
        final int length = length();
        out.putBytes(outOffset, array, PREFIX_ROOM, length);
        return length;
    }

    /**
     * @param out       where the document goes, after its length as a varint (grown when expandable).
     * @param outOffset where in {@code out}.
     * @return the bytes copied: the length, then the document.
     */
    int copyDelimitedTo(final MutableDirectBuffer out, final int outOffset)
    {
        final int length = length();
        final int prefix = ProtoVarints.size32(length);
        ProtoVarints.put32(array, PREFIX_ROOM - prefix, length);
        out.putBytes(outOffset, array, PREFIX_ROOM - prefix, prefix + length);
        return prefix + length;
    }

    // ---------------------------------------------------------------- messages

    /**
     * Open a length-delimited field whose length is known only at its end: a message, or a packed array.
     *
     * @param field the field number.
     * @return the mark to give {@link #endMessage}.
     */
    int beginMessage(final int field)
    {
        ensure(MAX_SCALAR_FIELD);
        putTag(field, LENGTH_DELIMITED);
        position++;
        return position;
    }

    /**
     * Close the field opened at {@code mark}: write its length in the byte reserved for it, moving its bytes along when
     * the length needs more than one.
     *
     * @param mark what {@link #beginMessage} returned.
     */
    void endMessage(final int mark)
    {
        final int length = position - mark;
        if (length < 0x80)
        {
            array[mark - 1] = (byte)length;
            return;
        }
        final int extra = ProtoVarints.size32(length) - 1;
        ensure(extra);
        System.arraycopy(array, mark, array, mark + extra, length);
        ProtoVarints.put32(array, mark - 1, length);
        position += extra;
    }

    // ---------------------------------------------------------------- scalars: proto3, skipped when default

    void int32(final int field, final int value)
    {
        if (value != 0)
        {
            int32Always(field, value);
        }
    }

    void uint32(final int field, final int value)
    {
        if (value != 0)
        {
            uint32Always(field, value);
        }
    }

    void int64(final int field, final long value)
    {
        if (value != 0)
        {
            int64Always(field, value);
        }
    }

    void bool(final int field, final boolean value)
    {
        if (value)
        {
            boolAlways(field, true);
        }
    }

    /**
     * A string field from record bytes, skipped when empty (it decodes empty exactly when it has no bytes).
     */
    void string(final int field, final DirectBuffer src, final int offset, final int length)
    {
        if (length > 0)
        {
            stringAlways(field, src, offset, length);
        }
    }

    // ---------------------------------------------------------------- scalars written even when default (oneof, repeated)

    /** An {@code int32} or an enum: a negative value is sign-extended to ten bytes, as protobuf does. */
    void int32Always(final int field, final int value)
    {
        ensure(MAX_SCALAR_FIELD);
        putTag(field, VARINT);
        putVarint64(value);
    }

    void uint32Always(final int field, final int value)
    {
        ensure(MAX_SCALAR_FIELD);
        putTag(field, VARINT);
        putVarint32(value);
    }

    /** An {@code int64} or a {@code uint64}: the same varint. */
    void int64Always(final int field, final long value)
    {
        ensure(MAX_SCALAR_FIELD);
        putTag(field, VARINT);
        putVarint64(value);
    }

    void boolAlways(final int field, final boolean value)
    {
        ensure(MAX_SCALAR_FIELD);
        putTag(field, VARINT);
        array[position++] = (byte)(value ? 1 : 0);
    }

    /** {@code bytes}: copied as they are. */
    void bytesAlways(final int field, final DirectBuffer src, final int offset, final int length)
    {
        ensure(MAX_SCALAR_FIELD + length);
        putTag(field, LENGTH_DELIMITED);
        putVarint32(length);
        src.getBytes(offset, array, position, length);
        position += length;
    }

    /** A string already in valid UTF-8 (names from config and the catalog, address text). */
    void utf8Always(final int field, final byte[] src, final int offset, final int length)
    {
        ensure(MAX_SCALAR_FIELD + length);
        putTag(field, LENGTH_DELIMITED);
        putVarint32(length);
        System.arraycopy(src, offset, array, position, length);
        position += length;
    }

    /**
     * A string from record bytes, as {@code new String(bytes, UTF_8)} then protobuf's UTF-8 encoding give it: the bytes
     * as they are when they are valid UTF-8 (the common case, one copy and a word-wise scan), each malformed sequence
     * as U+FFFD otherwise. The re-encoded text is never shorter than the bytes, at most three times longer.
     */
    void stringAlways(final int field, final DirectBuffer src, final int offset, final int length)
    {
        ensure(MAX_SCALAR_FIELD + ProtoText.MAX_GROWTH * length);
        putTag(field, LENGTH_DELIMITED);
        final int reserved = ProtoVarints.size32(length);
        final int start = position + reserved;
        src.getBytes(offset, array, start, length);
        final int ascii = ProtoText.firstNonAscii(src, offset, length);
        final int written = ascii == length ? length : ProtoText.reencode(src, offset, length, ascii, array, start);
        final int width = ProtoVarints.size32(written);
        if (width != reserved)
        {
            System.arraycopy(array, start, array, start + width - reserved, written);
        }
        putVarint32(written);
        position += written;
    }

    /**
     * A packed {@code repeated int32} of {@code count} little-endian values: the tag, the length, the varints;
     * nothing when there are none.
     */
    void packedInt32(final int field, final DirectBuffer src, final int offset, final int count)
    {
        if (count == 0)
        {
            return;
        }
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            length += ProtoVarints.size64(PackedArrayBlob.int32(src, offset, i));
        }
        ensure(MAX_SCALAR_FIELD + length);
        putTag(field, LENGTH_DELIMITED);
        putVarint32(length);
        for (int i = 0; i < count; i++)
        {
            putVarint64(PackedArrayBlob.int32(src, offset, i));
        }
    }

    /**
     * A packed {@code repeated uint64} of {@code count} little-endian values; nothing when there are none.
     */
    void packedUint64(final int field, final DirectBuffer src, final int offset, final int count)
    {
        if (count == 0)
        {
            return;
        }
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            length += ProtoVarints.size64(PackedArrayBlob.uint64(src, offset, i));
        }
        ensure(MAX_SCALAR_FIELD + length);
        putTag(field, LENGTH_DELIMITED);
        putVarint32(length);
        for (int i = 0; i < count; i++)
        {
            putVarint64(PackedArrayBlob.uint64(src, offset, i));
        }
    }

    // ---------------------------------------------------------------- encoding

    private void ensure(final int more)
    {
        if (position + more > array.length)
        {
            array = Arrays.copyOf(array, Math.max(position + more, array.length * 2));
        }
    }

    private void putTag(final int field, final int wireType)
    {
        putVarint32((field << 3) | wireType);
    }

    private void putVarint32(final int value)
    {
        position = ProtoVarints.put32(array, position, value);
    }

    private void putVarint64(final long value)
    {
        position = ProtoVarints.put64(array, position, value);
    }
}
