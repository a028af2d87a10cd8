package io.sluice.detect;

import java.util.Arrays;

/** Substring tests on a value's bytes, for the detectors whose Tracee patterns are regular expressions. */
final class ByteSearch
{
    private ByteSearch()
    {
    }

    /**
     * @param text   bytes.
     * @param length their length.
     * @param part   what to find.
     * @param from   the first index to try.
     * @return the first index at or after {@code from} where {@code part} starts, or -1.
     */
    static int indexOf(final byte[] text, final int length, final byte[] part, final int from)
    {
        for (int i = Math.max(0, from); i + part.length <= length; i++)
        {
            if (Arrays.equals(text, i, i + part.length, part, 0, part.length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param text   bytes.
     * @param length their length.
     * @param at     where the region starts (may be negative: then false).
     * @param part   what it should hold.
     * @return true when {@code text} holds {@code part} at {@code at}, within its length.
     */
    static boolean regionEquals(final byte[] text, final int length, final int at, final byte[] part)
    {
        return at >= 0 && at + part.length <= length && Arrays.equals(text, at, at + part.length, part, 0, part.length);
    }
}
