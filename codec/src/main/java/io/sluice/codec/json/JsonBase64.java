package io.sluice.codec.json;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Bytes as padded standard base64, the printer's spelling of a {@code bytes} field: the encoding alone, apart from
 * the sink that quotes and places it.
 */
final class JsonBase64
{
    private static final byte[] BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

    private JsonBase64()
    {
    }

    /**
     * @param length bytes to encode.
     * @return the length of their encoding.
     */
    static long room(final int length)
    {
        return ((long)length + 2) / 3 * 4;
    }

    /**
     * @param src    the bytes.
     * @param offset where they start.
     * @param length how many.
     * @param dst    where the text goes, with {@link #room} bytes of room at {@code start}.
     * @param start  at which index.
     * @return the index past the text.
     */
    static int encode(final DirectBuffer src, final int offset, final int length, final byte[] dst, final int start)
    {
        int p = start;
        final int whole = offset + length / 3 * 3;
        int i = offset;
        while (i < whole)
        {
            final int n = (src.getByte(i) & 0xFF) << 16 | (src.getByte(i + 1) & 0xFF) << 8 | src.getByte(i + 2) & 0xFF;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = BASE64[(n >>> 6) & 0x3F];
            dst[p++] = BASE64[n & 0x3F];
            i += 3;
        }
        final int rest = offset + length - whole;
        if (rest == 1)
        {
            final int n = (src.getByte(i) & 0xFF) << 16;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = '=';
            dst[p++] = '=';
        }
        else if (rest == 2)
        {
            final int n = (src.getByte(i) & 0xFF) << 16 | (src.getByte(i + 1) & 0xFF) << 8;
            dst[p++] = BASE64[n >>> 18];
            dst[p++] = BASE64[(n >>> 12) & 0x3F];
            dst[p++] = BASE64[(n >>> 6) & 0x3F];
            dst[p++] = '=';
        }
        return p;
    }
}
