package io.sluice.filter.text;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The allocation-free decoder gives exactly what {@code new String(bytes, UTF_8)} gives (replacement characters
 * included) and the encoder exactly what {@code String.getBytes(UTF_8)} gives (an unpaired surrogate is {@code ?}):
 * regular expressions see the same text as before, and redacted values keep the same bytes.
 */
class Utf8TextTest
{
    /** Bytes at and around every boundary of UTF-8's well-formed table. */
    private static final int[] EDGES = {
        0x00, 0x20, 0x41, 0x7F, 0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xA9, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0,
        0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF};

    private static void assertDecodesLikeTheJdk(final byte[] bytes, final int offset, final int length)
    {
        final Utf8Text text = new Utf8Text();
        final String expected = new String(bytes, offset, length, StandardCharsets.UTF_8);
        assertEquals(expected, text.of(bytes, offset, length).toString(), () -> hex(bytes, offset, length));
        text.clear().append("x");
        assertEquals("x" + expected, text.append(bytes, offset, length).toString(), () -> "appended: " + hex(bytes, offset, length));
    }

    @Test
    void everySequenceOfOneAndTwoBytes()
    {
        for (int a = 0; a < 256; a++)
        {
            assertDecodesLikeTheJdk(new byte[] {(byte)a}, 0, 1);
            for (int b = 0; b < 256; b++)
            {
                assertDecodesLikeTheJdk(new byte[] {(byte)a, (byte)b}, 0, 2);
            }
        }
    }

    @Test
    void everySequenceOfFourEdgeBytesInContext()
    {
        final byte[] bytes = new byte[7];
        bytes[0] = 'a';
        bytes[6] = 'z';
        for (final int a : EDGES)
        {
            for (final int b : EDGES)
            {
                for (final int c : EDGES)
                {
                    for (final int d : EDGES)
                    {
                        bytes[1] = (byte)a;
                        bytes[2] = (byte)b;
                        bytes[3] = (byte)c;
                        bytes[4] = (byte)d;
                        bytes[5] = (byte)0x80;
                        assertDecodesLikeTheJdk(bytes, 1, 4);
                        assertDecodesLikeTheJdk(bytes, 0, 7);
                    }
                }
            }
        }
    }

    @Test
    void randomTextValidAndNot()
    {
        final SplittableRandom random = new SplittableRandom(4);
        for (int n = 0; n < 200_000; n++)
        {
            final byte[] bytes = randomBytes(random, random.nextInt(24));
            final int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertDecodesLikeTheJdk(bytes, offset, bytes.length - offset);
        }
    }

    @Test
    void encodesLikeStringGetBytes()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8);
        final char[] pool = {'a', ' ', '*', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00};
        for (int n = 0; n < 100_000; n++)
        {
            final char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++)
            {
                chars[i] = random.nextInt(4) == 0 ? (char)random.nextInt(0x10000) : pool[random.nextInt(pool.length)];
            }
            final String string = new String(chars);
            final byte[] expected = string.getBytes(StandardCharsets.UTF_8);
            final int at = random.nextInt(3);
            final int length = Utf8Text.encode(new StringBuilder(string), out, at);
            final byte[] actual = new byte[length];
            out.getBytes(at, actual);
            assertArrayEquals(expected, actual, () -> "chars " + Arrays.toString(string.chars().toArray()));
        }
    }

    /** Mostly well-formed text (ASCII, 2, 3 and 4 bytes), with edge bytes and cut sequences now and then. */
    static byte[] randomBytes(final SplittableRandom random, final int count)
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++)
        {
            switch (random.nextInt(6))
            {
                case 0 -> out.write('a' + random.nextInt(26));
                case 1 -> out.writeBytes(new String(Character.toChars(0x80 + random.nextInt(0x780))).getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes(new String(Character.toChars(0x800 + random.nextInt(0xD000))).getBytes(StandardCharsets.UTF_8));
                case 3 -> out.writeBytes(new String(Character.toChars(0x10000 + random.nextInt(0x100000))).getBytes(StandardCharsets.UTF_8));
                case 4 -> out.write(EDGES[random.nextInt(EDGES.length)]);
                default ->
                {
                    final byte[] four = new String(Character.toChars(0x10000 + random.nextInt(0x100000))).getBytes(StandardCharsets.UTF_8);
                    out.write(four, 0, 1 + random.nextInt(3));
                }
            }
        }
        return out.toByteArray();
    }

    private static String hex(final byte[] bytes, final int offset, final int length)
    {
        final StringBuilder hex = new StringBuilder();
        for (int i = offset; i < offset + length; i++)
        {
            hex.append(String.format("%02X ", bytes[i] & 0xFF));
        }
        return hex.toString();
    }
}
