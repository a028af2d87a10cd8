package io.sluice.codec.json;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * Eight bytes of a {@code byte[]} stored or loaded at once, little-endian, without a bounds check: the sink's keys,
 * digits and plain text go out a word at a time. Unchecked because every caller has checked its index first (the
 * room it reserved in the sink's array, or a position within the array it reads); a check here would be the third.
 */
final class JsonWords
{
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private JsonWords()
    {
    }

    /**
     * Store eight bytes without a bounds check: the callers' index is within the room they reserved.
     *
     * @param dst   the array.
     * @param index where the first byte goes.
     * @param word  the bytes, the first in the low byte.
     */
    static void put(final byte[] dst, final int index, final long word)
    {
        UnsafeApi.putLong(dst, BufferUtil.ARRAY_BASE_OFFSET + index, LITTLE_ENDIAN ? word : Long.reverseBytes(word));
    }

    /**
     * Load eight bytes without a bounds check: the callers' index is within the array, eight bytes before its end.
     *
     * @param src   the array.
     * @param index where the first byte is.
     * @return the bytes, the first in the low byte.
     */
    static long get(final byte[] src, final int index)
    {
        final long word = UnsafeApi.getLong(src, BufferUtil.ARRAY_BASE_OFFSET + index);
        return LITTLE_ENDIAN ? word : Long.reverseBytes(word);
    }
}
