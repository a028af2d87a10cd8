package io.sluice.codec.text;

import org.agrona.DirectBuffer;

/**
 * Reads code points from UTF-8 bytes exactly as {@code new String(bytes, UTF_8)} does on JDK 17, malformed input
 * included: every malformed sequence becomes one U+FFFD, and the decoder resumes where the JDK resumes.
 * <p>
 * Strings in records are bytes written by anyone, the kernel included, so they may be invalid UTF-8. The reference
 * path turns them into Java strings; the allocation-free writers must produce the same characters without building
 * a String, which is what this class is for.
 * <p>
 * {@link #next(DirectBuffer, int, int)} returns the code point and the index after it packed in one {@code long}
 * (no allocation): use {@link #codePoint(long)} and {@link #nextIndex(long)} to unpack it.
 */
public final class JavaUtf8
{
    /** What a malformed sequence becomes. */
    public static final int REPLACEMENT = 0xFFFD;

    private JavaUtf8()
    {
    }

    /**
     * Decode one code point.
     *
     * @param buffer the bytes.
     * @param index  where the code point starts; must be below {@code limit}.
     * @param limit  the end of the string (exclusive).
     * @return the code point and the index of the next one, packed; see {@link #codePoint(long)} and {@link #nextIndex(long)}.
     */
    public static long next(final DirectBuffer buffer, final int index, final int limit)
    {
        final int b1 = buffer.getByte(index);
        final int sp = index + 1;
        if (b1 >= 0)
        {
            return pack(sp, b1);
        }
        if ((b1 >> 5) == -2 && (b1 & 0x1e) != 0)
        {
            // C2..DF: two bytes.
            if (sp < limit)
            {
                final int b2 = buffer.getByte(sp);
                if (isNotContinuation(b2))
                {
                    return pack(sp, REPLACEMENT);
                }
                return pack(sp + 1, ((b1 & 0x1f) << 6) | (b2 & 0x3f));
            }
            return pack(limit, REPLACEMENT);
        }
        if ((b1 >> 4) == -2)
        {
            // E0..EF: three bytes.
            if (sp + 1 < limit)
            {
                final int b2 = buffer.getByte(sp);
                final int b3 = buffer.getByte(sp + 1);
                if (isMalformed3(b1, b2) || isNotContinuation(b3))
                {
                    return pack(index + (isMalformed3(b1, b2) ? 1 : 2), REPLACEMENT);
                }
                final int c = ((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
                return pack(sp + 2, Character.isSurrogate((char)c) ? REPLACEMENT : c);
            }
            if (sp < limit && isMalformed3(b1, buffer.getByte(sp)))
            {
                return pack(sp, REPLACEMENT);
            }
            // Truncated at the end: the JDK stops here, dropping what is left.
            return pack(limit, REPLACEMENT);
        }
        if ((b1 >> 3) == -2)
        {
            // F0..F7: four bytes.
            final int u1 = b1 & 0xff;
            if (sp + 2 < limit)
            {
                final int b2 = buffer.getByte(sp);
                final int b3 = buffer.getByte(sp + 1);
                final int b4 = buffer.getByte(sp + 2);
                final int uc = ((u1 & 0x07) << 18) | ((b2 & 0x3f) << 12) | ((b3 & 0x3f) << 6) | (b4 & 0x3f);
                if (isNotContinuation(b2) || isNotContinuation(b3) || isNotContinuation(b4) ||
                    !Character.isSupplementaryCodePoint(uc))
                {
                    return pack(index + malformed4(u1, b2 & 0xff, b3), REPLACEMENT);
                }
                return pack(sp + 3, uc);
            }
            if (u1 > 0xf4 || sp < limit && isMalformed4Second(u1, buffer.getByte(sp) & 0xff))
            {
                return pack(sp, REPLACEMENT);
            }
            final int third = sp + 1;
            if (third < limit && isNotContinuation(buffer.getByte(third)))
            {
                return pack(third, REPLACEMENT);
            }
            // Truncated at the end: the JDK stops here, dropping what is left.
            return pack(limit, REPLACEMENT);
        }
        return pack(sp, REPLACEMENT);
    }

    /**
     * @param packed what {@link #next(DirectBuffer, int, int)} returned.
     * @return the code point (U+FFFD for a malformed sequence).
     */
    public static int codePoint(final long packed)
    {
        return (int)packed;
    }

    /**
     * @param packed what {@link #next(DirectBuffer, int, int)} returned.
     * @return the index of the next code point ({@code limit} at the end).
     */
    public static int nextIndex(final long packed)
    {
        return (int)(packed >>> 32);
    }

    /**
     * Whether two byte ranges decode to the same Java string, without decoding them into strings.
     * Different bytes can decode equal when malformed sequences are involved ({@code 80} and {@code FF} both
     * become U+FFFD).
     *
     * @param buffer  the bytes.
     * @param aOffset start of the first string.
     * @param aLength its length in bytes.
     * @param bOffset start of the second string.
     * @param bLength its length in bytes.
     * @return true when {@code new String(a, UTF_8).equals(new String(b, UTF_8))}.
     */
    public static boolean sameText(
        final DirectBuffer buffer, final int aOffset, final int aLength, final int bOffset, final int bLength)
    {
        if (aLength == bLength && bytesEqual(buffer, aOffset, bOffset, aLength))
        {
            return true;
        }
        final int aLimit = aOffset + aLength;
        final int bLimit = bOffset + bLength;
        int a = aOffset;
        int b = bOffset;
        while (a < aLimit && b < bLimit)
        {
            final long ca = next(buffer, a, aLimit);
            final long cb = next(buffer, b, bLimit);
            if (codePoint(ca) != codePoint(cb))
            {
                return false;
            }
            a = nextIndex(ca);
            b = nextIndex(cb);
        }
        return a >= aLimit && b >= bLimit;
    }

    private static boolean bytesEqual(final DirectBuffer buffer, final int a, final int b, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(a + i) != buffer.getByte(b + i))
            {
                return false;
            }
        }
        return true;
    }

    private static long pack(final int nextIndex, final int codePoint)
    {
        return ((long)nextIndex << 32) | (codePoint & 0xFFFF_FFFFL);
    }

    private static boolean isNotContinuation(final int b)
    {
        return (b & 0xc0) != 0x80;
    }

    /** Second byte of a three-byte sequence: not a continuation, or an overlong form after E0. */
    private static boolean isMalformed3(final int b1, final int b2)
    {
        return (b1 == (byte)0xe0 && (b2 & 0xe0) == 0x80) || isNotContinuation(b2);
    }

    /** Second byte of a four-byte sequence: overlong after F0, above U+10FFFF after F4, or not a continuation. */
    private static boolean isMalformed4Second(final int u1, final int u2)
    {
        return (u1 == 0xf0 && (u2 < 0x90 || u2 > 0xbf)) || (u1 == 0xf4 && (u2 & 0xf0) != 0x80) || isNotContinuation(u2);
    }

    /** How many bytes the JDK consumes for a malformed four-byte sequence. */
    private static int malformed4(final int u1, final int u2, final int b3)
    {
        if (u1 > 0xf4 || isMalformed4Second(u1, u2))
        {
            return 1;
        }
        return isNotContinuation(b3) ? 2 : 3;
    }
}
