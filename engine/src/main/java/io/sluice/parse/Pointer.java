package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * A pointer argument as Tracee's {@code parse-arguments} prints every {@code trace.Pointer}: {@code 0x} and the
 * address in lowercase hexadecimal without leading zeros ({@code 0x0} for null), Go's {@code AppendUint(v, 16)}.
 * Sluice's catalog carries these arguments as {@code u_int64}.
 */
final class Pointer implements ArgumentParser
{
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        final int digits = raw == 0 ? 1 : (Long.SIZE - Long.numberOfLeadingZeros(raw) + 3) / 4;
        out.putByte(offset, (byte)'0');
        out.putByte(offset + 1, (byte)'x');
        long value = raw;
        for (int i = digits - 1; i >= 0; i--)
        {
            out.putByte(offset + 2 + i, DIGITS[(int)(value & 0xf)]);
            value >>>= 4;
        }
        return 2 + digits;
    }
}
