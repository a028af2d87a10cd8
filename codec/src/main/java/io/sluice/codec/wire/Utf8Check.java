package io.sluice.codec.wire;

import org.agrona.DirectBuffer;

/**
 * Well-formed UTF-8 as protobuf-java's parser requires of proto3 strings: no overlong forms, no surrogates, nothing
 * past U+10FFFF, no truncated sequence.
 */
final class Utf8Check
{
    private Utf8Check()
    {
    }

    static boolean valid(final DirectBuffer buffer, final int start, final int limit)
    {
        int p = start;
        while (p < limit)
        {
            final int b = buffer.getByte(p++) & 0xFF;
            if (b < 0x80)
            {
                continue;
            }
            final int more;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                more = 1;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                more = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                more = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return false;
            }
            if (p + more > limit)
            {
                return false;
            }
            final int second = buffer.getByte(p) & 0xFF;
            if (second < low || second > high)
            {
                return false;
            }
            for (int i = 1; i < more; i++)
            {
                final int next = buffer.getByte(p + i) & 0xFF;
                if (next < 0x80 || next > 0xBF)
                {
                    return false;
                }
            }
            p += more;
        }
        return true;
    }
}
