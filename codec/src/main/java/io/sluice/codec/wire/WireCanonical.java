package io.sluice.codec.wire;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;

/**
 * Decides whether a structured value's bytes are its message in the canonical form protobuf-java writes: known fields
 * only, in number order, each singular field at most once and never holding its default, repeated enums packed and not
 * empty, map entries with both key and value and keys in strictly increasing byte order, minimal varints, numbers in
 * their type's range, valid UTF-8. Such bytes parse and print the same in protobuf and in Sluice's writers, and
 * serialize back to themselves; every reader treats anything else as the empty message. Allocates nothing.
 */
public final class WireCanonical
{
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final WireInput in = new WireInput();
    private int entryKeyOffset;
    private int entryKeyLength;

    /**
     * @param message a message of a structured member's type.
     * @return its canonical wire form (protobuf's deterministic serialization: map keys sorted), as a record holds it.
     */
    public static byte[] bytes(final MessageLite message)
    {
        final byte[] bytes = new byte[message.getSerializedSize()];
        final CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        try
        {
            message.writeTo(out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes;
    }

    /**
     * @param shape  the message.
     * @param buffer the bytes.
     * @param offset where the value starts.
     * @param length its length.
     * @return whether the bytes are canonical.
     */
    public boolean check(final WireShape shape, final DirectBuffer buffer, final int offset, final int length)
    {
        return message(shape, buffer, offset, offset + length);
    }

    private boolean message(final WireShape shape, final DirectBuffer buffer, final int start, final int limit)
    {
        int p = start;
        int previous = 0;
        int keyOffset = -1;
        int keyLength = 0;
        while (p < limit)
        {
            p = in.varint(buffer, p, limit);
            if (p < 0 || in.value() > Integer.MAX_VALUE)
            {
                return false;
            }
            final int number = (int)(in.value() >>> 3);
            final WireField field = shape.field(number);
            if (field == null || field.wireType() != (int)(in.value() & 7) ||
                number < previous || number == previous && (!field.repeated() || field.packed()))
            {
                return false;
            }
            p = value(field, buffer, p, limit);
            if (p < 0)
            {
                return false;
            }
            if (field.kind() == FieldKind.MAP)
            {
                if (number == previous && compare(buffer, keyOffset, keyLength, entryKeyOffset, entryKeyLength) >= 0)
                {
                    return false;
                }
                keyOffset = entryKeyOffset;
                keyLength = entryKeyLength;
            }
            previous = number;
        }
        return true;
    }

    private int value(final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        if (field.kind() == FieldKind.DOUBLE)
        {
            return start + Long.BYTES <= limit && buffer.getLong(start, ByteOrder.LITTLE_ENDIAN) != 0 ?
                start + Long.BYTES : -1;
        }
        if (field.wireType() == WireInput.VARINT)
        {
            final int p = in.varint(buffer, start, limit);
            return p >= 0 && in.value() != 0 && inRange(field.kind(), in.value()) ? p : -1;
        }
        final int p = in.varint(buffer, start, limit);
        if (p < 0 || in.value() > limit - p)
        {
            return -1;
        }
        final int end = p + (int)in.value();
        final boolean valid = switch (field.kind())
        {
            case STRING -> (field.repeated() || end > p) && Utf8Check.valid(buffer, p, end);
            case MESSAGE -> message(field.message(), buffer, p, end);
            case MAP -> mapEntry(field, buffer, p, end);
            case ENUM -> packed(buffer, p, end);
            default -> false;
        };
        return valid ? end : -1;
    }

    private boolean packed(final DirectBuffer buffer, final int start, final int limit)
    {
        int p = start;
        if (p == limit)
        {
            return false;
        }
        while (p < limit)
        {
            p = in.varint(buffer, p, limit);
            if (p < 0 || !inRange(FieldKind.ENUM, in.value()))
            {
                return false;
            }
        }
        return true;
    }

    private boolean mapEntry(final WireField field, final DirectBuffer buffer, final int start, final int limit)
    {
        // [0x0A len key][0x12 len value], both always written
        int p = start;
        if (p >= limit || buffer.getByte(p++) != 0x0A)
        {
            return false;
        }
        p = in.varint(buffer, p, limit);
        if (p < 0 || in.value() > limit - p)
        {
            return false;
        }
        final int keyOffset = p;
        final int keyLength = (int)in.value();
        p += keyLength;
        if (!Utf8Check.valid(buffer, keyOffset, p) || p >= limit || buffer.getByte(p++) != 0x12)
        {
            return false;
        }
        p = in.varint(buffer, p, limit);
        if (p < 0 || in.value() != limit - p || !message(field.message(), buffer, p, limit))
        {
            return false;
        }
        entryKeyOffset = keyOffset;
        entryKeyLength = keyLength;
        return true;
    }

    private static int compare(final DirectBuffer buffer, final int aOffset, final int aLength, final int bOffset, final int bLength)
    {
        final int common = Math.min(aLength, bLength);
        for (int i = 0; i < common; i++)
        {
            final int diff = (buffer.getByte(aOffset + i) & 0xFF) - (buffer.getByte(bOffset + i) & 0xFF);
            if (diff != 0)
            {
                return diff;
            }
        }
        return aLength - bLength;
    }

    private static boolean inRange(final FieldKind kind, final long value)
    {
        return switch (kind)
        {
            case UINT32 -> value >= 0 && value <= UINT32_MAX;
            case INT32, ENUM -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;
        };
    }
}
