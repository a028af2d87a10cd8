package io.sluice.codec.json;

import com.google.protobuf.StringValue;
import com.google.protobuf.util.JsonFormat;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A string is escaped as protobuf's printer escapes it, whichever buffer holds it (an array at any offset, or direct
 * memory) and wherever its special bytes fall in the eight-byte words the sink scans.
 */
class JsonSinkStringTest
{
    private static final String[] PIECES = {
        "a", "/usr/lib/x86_64-linux-gnu/", "\"", "\\", "<", ">", "&", "=", "'", "?", "%", "\u007f", "\u0000", "\n", "\u001f",
        " ", "~", "é", "中文", "😀", "\u2028", "\u2029", "0123456789abcdef"};
    private static final byte[][] BROKEN = {{(byte)0x80}, {(byte)0xC2}, {(byte)0xE0, (byte)0x80, (byte)0xAF},
        {(byte)0xF0, (byte)0x9F, (byte)0x98}, {(byte)0xFF}};

    private final JsonFormat.Printer printer = JsonFormat.printer();
    private final JsonSink sink = new JsonSink(64);

    @Test
    void everySpecialByteAtEveryPositionOfAWord() throws Exception
    {
        for (int special = 0; special < 256; special++)
        {
            for (int at = 0; at < 20; at++)
            {
                final byte[] text = new byte[21];
                Arrays.fill(text, (byte)'x');
                text[at] = (byte)special;
                check(text);
            }
        }
    }

    @Test
    void everyLengthWithOrWithoutASpecialByteAndWhateverFollowsInTheArray() throws Exception
    {
        final byte[] specials = {'"', 0, (byte)0xE9, '<', 'x'};
        for (int length = 0; length <= 40; length++)
        {
            for (int at = -1; at < length; at++)
            {
                for (final byte special : specials)
                {
                    final byte[] text = new byte[length];
                    Arrays.fill(text, (byte)'p');
                    if (at >= 0)
                    {
                        text[at] = special;
                    }
                    check(text);
                    for (final byte after : specials)
                    {
                        // bytes past the text's end, in the same array, read by a word but not part of the text
                        final byte[] followed = Arrays.copyOf(text, length + 9);
                        Arrays.fill(followed, length, followed.length, after);
                        final byte[] expected = printer.print(StringValue.of(new String(text, StandardCharsets.UTF_8)))
                            .getBytes(StandardCharsets.UTF_8);
                        assertArrayEquals(expected, write(new UnsafeBuffer(followed), 0, length), "followed by " + after);
                    }
                }
            }
        }
    }

    @Test
    void textAfterOtherValuesAndBeforeMore()
    {
        sink.reset();
        sink.beginArray();
        sink.int32(123_456_789);
        sink.string(new UnsafeBuffer("abc".getBytes(StandardCharsets.US_ASCII)), 0, 3);
        sink.string(new UnsafeBuffer("0123456789".getBytes(StandardCharsets.US_ASCII)), 0, 10);
        sink.uint64(-1L);
        sink.endArray();
        assertArrayEquals("[123456789,\"abc\",\"0123456789\",\"18446744073709551615\"]".getBytes(StandardCharsets.US_ASCII),
            Arrays.copyOf(sink.array(), sink.length()));
    }

    @Test
    void mixedTextInEveryKindOfBuffer() throws Exception
    {
        final Random random = new Random(3);
        for (int n = 0; n < 3000; n++)
        {
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(12); k >= 0; k--)
            {
                if (random.nextInt(10) == 0)
                {
                    bytes.writeBytes(BROKEN[random.nextInt(BROKEN.length)]);
                }
                else
                {
                    bytes.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            check(bytes.toByteArray());
        }
    }

    private void check(final byte[] text) throws Exception
    {
        final byte[] expected =
            printer.print(StringValue.of(new String(text, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, write(new UnsafeBuffer(text), 0, text.length), "array");
        final byte[] shifted = new byte[text.length + 13];
        System.arraycopy(text, 0, shifted, 5, text.length);
        assertArrayEquals(expected, write(new UnsafeBuffer(shifted, 3, text.length + 7), 2, text.length), "array at an offset");
        final ByteBuffer direct = ByteBuffer.allocateDirect(text.length + 3);
        direct.position(3);
        direct.put(text);
        assertArrayEquals(expected, write(new UnsafeBuffer(direct), 3, text.length), "direct memory");
    }

    private byte[] write(final UnsafeBuffer buffer, final int offset, final int length)
    {
        sink.reset();
        sink.string(buffer, offset, length);
        return Arrays.copyOf(sink.array(), sink.length());
    }
}
