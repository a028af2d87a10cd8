package io.sluice.codec.proto;

import io.sluice.codec.text.JavaUtf8;
import org.agrona.DirectBuffer;

/**
 * Record strings as protobuf-java writes the Java strings they decode to: {@code new String(bytes, UTF_8)} turns each
 * malformed sequence into U+FFFD, and protobuf encodes the string back to UTF-8. So valid UTF-8 stays as it is (the
 * common case: {@link #firstNonAscii} finds that a string is ASCII a word at a time) and everything else goes through
 * {@link #reencode}. The re-encoded text is never shorter than the bytes, and at most three times longer.
 */
final class ProtoText
{
    /** How much longer re-encoded text can be than its bytes: a lone byte becomes U+FFFD's three. */
    static final int MAX_GROWTH = 3;

    private static final long ASCII_MASK = 0x8080_8080_8080_8080L;
    private static final byte[] REPLACEMENT_UTF8 = {(byte)0xEF, (byte)0xBF, (byte)0xBD};

    private ProtoText()
    {
    }

    /**
     * @param src    the bytes.
     * @param offset where the string starts.
     * @param length its length.
     * @return the index (from {@code offset}) of its first byte that is not ASCII, or {@code length}.
     */
    static int firstNonAscii(final DirectBuffer src, final int offset, final int length)
    {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            if ((src.getLong(offset + i) & ASCII_MASK) != 0)
            {
                break;
            }
        }
        for (; i < length; i++)
        {
            if (src.getByte(offset + i) < 0)
            {
                return i;
            }
        }
        return length;
    }

    /**
     * Re-encode a string from {@code from} on, what comes before being ASCII already copied to {@code dst}: each code
     * point the JDK decodes is its bytes as they are, U+FFFD's bytes for a malformed sequence.
     *
     * @param src      the bytes.
     * @param offset   where the string starts.
     * @param length   its length.
     * @param from     where (from {@code offset}) re-encoding starts.
     * @param dst      where the text goes; room for {@link #MAX_GROWTH} times {@code length} bytes at {@code dstStart}.
     * @param dstStart where the string's text starts in {@code dst}.
     * @return the length of the text.
     */
    static int reencode(
        final DirectBuffer src, final int offset, final int length, final int from, final byte[] dst, final int dstStart)
    {
        final int limit = offset + length;
        int in = offset + from;
        int out = dstStart + from;
        while (in < limit)
        {
            final byte b = src.getByte(in);
            if (b >= 0)
            {
                dst[out++] = b;
                in++;
                continue;
            }
            final long decoded = JavaUtf8.next(src, in, limit);
            final int next = JavaUtf8.nextIndex(decoded);
            if (JavaUtf8.codePoint(decoded) == JavaUtf8.REPLACEMENT)
            {
                System.arraycopy(REPLACEMENT_UTF8, 0, dst, out, REPLACEMENT_UTF8.length);
                out += REPLACEMENT_UTF8.length;
            }
            else
            {
                src.getBytes(in, dst, out, next - in);
                out += next - in;
            }
            in = next;
        }
        return out - dstStart;
    }
}
