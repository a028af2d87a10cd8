package io.sluice.codec.text;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JavaUtf8} reads any bytes exactly as {@code new String(bytes, UTF_8)} does, malformed input included.
 */
class JavaUtf8Test
{
    /**
     * One byte of each class the decoder tells apart: ASCII, continuation ranges (80-8F, 90-9F, A0-BF matter after
     * E0, ED, F0 and F4), invalid leads C0/C1, two-byte leads, E0, ordinary three-byte leads, ED (surrogates), F0,
     * F1-F3, F4, F5-F7 (too large), F8-FF (never valid).
     */
    private static final int[] CLASSES = {
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
        0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};

    @Test
    void decodesEverySequenceOfUpToFourByteClassesLikeTheJdk()
    {
        final byte[][] bySize = {new byte[1], new byte[2], new byte[3], new byte[4]};
        for (int size = 1; size <= 4; size++)
        {
            final byte[] bytes = bySize[size - 1];
            final int combinations = (int)Math.pow(CLASSES.length, size);
            for (int n = 0; n < combinations; n++)
            {
                int rest = n;
                for (int i = 0; i < size; i++)
                {
                    bytes[i] = (byte)CLASSES[rest % CLASSES.length];
                    rest /= CLASSES.length;
                }
                assertDecodesLikeTheJdk(bytes);
            }
        }
    }

    @Test
    void decodesEveryTwoByteSequenceLikeTheJdk()
    {
        final byte[] bytes = new byte[2];
        for (int n = 0; n < 65536; n++)
        {
            bytes[0] = (byte)(n >> 8);
            bytes[1] = (byte)n;
            assertDecodesLikeTheJdk(bytes);
        }
    }

    @Test
    void decodesRandomMostlyBrokenTextLikeTheJdk()
    {
        final Random random = new Random(20241123);
        for (int n = 0; n < 50_000; n++)
        {
            final byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++)
            {
                bytes[i] = random.nextBoolean() ? (byte)CLASSES[random.nextInt(CLASSES.length)] : (byte)random.nextInt(256);
            }
            assertDecodesLikeTheJdk(bytes);
        }
    }

    @Test
    void decodesValidTextOfEveryPlane()
    {
        assertDecodesLikeTheJdk("ascii, é, €, 中文, 😀, 𝄞, \uFFFD, \u2028".getBytes(StandardCharsets.UTF_8));
        assertDecodesLikeTheJdk(new String(Character.toChars(0x10FFFF)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textsAreTheSameWhenTheyDecodeEqualEvenFromDifferentBytes()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(HexFormat.of().parseHex("80" + "ff" + "e180" + "41" + "41"));
        assertTrue(JavaUtf8.sameText(buffer, 0, 1, 1, 1), "80 and FF are both U+FFFD");
        assertTrue(JavaUtf8.sameText(buffer, 2, 2, 0, 1), "a truncated E1 80 at the end is one U+FFFD");
        assertTrue(JavaUtf8.sameText(buffer, 4, 1, 5, 1));
        assertFalse(JavaUtf8.sameText(buffer, 0, 2, 0, 1), "two U+FFFD are not one");
        assertFalse(JavaUtf8.sameText(buffer, 4, 1, 0, 1));
        assertTrue(JavaUtf8.sameText(buffer, 0, 0, 3, 0), "empty equals empty");
    }

    private static void assertDecodesLikeTheJdk(final byte[] bytes)
    {
        final String expected = new String(bytes, StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final StringBuilder actual = new StringBuilder();
        int i = 0;
        while (i < bytes.length)
        {
            final long decoded = JavaUtf8.next(buffer, i, bytes.length);
            actual.appendCodePoint(JavaUtf8.codePoint(decoded));
            final int next = JavaUtf8.nextIndex(decoded);
            if (next <= i || next > bytes.length)
            {
                throw new AssertionError("no progress at " + i + " in " + HexFormat.of().formatHex(bytes));
            }
            i = next;
        }
        assertEquals(expected, actual.toString(), () -> "bytes " + HexFormat.of().formatHex(bytes));
    }
}
