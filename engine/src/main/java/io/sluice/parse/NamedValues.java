package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An argument that holds one constant (a {@code prctl} option, a {@code ptrace} request, a {@code bpf} command, a
 * capability, a socket domain): its name, or, when Tracee has no name for the value, the value as an unsigned decimal
 * ({@code 18446744073709551615} for an {@code int32} -1, as Go's {@code FormatUint(uint64(v), 10)} prints it).
 */
final class NamedValues implements ArgumentParser
{
    private final long[] values;
    private final byte[][] names;

    private NamedValues(final Flag... constants)
    {
        final Flag[] sorted = constants.clone();
        Arrays.sort(sorted, Comparator.comparingLong(flag -> flag.value));
        values = new long[sorted.length];
        names = new byte[sorted.length][];
        for (int i = 0; i < sorted.length; i++)
        {
            values[i] = sorted[i].value;
            names[i] = sorted[i].name;
        }
    }

    /** @return the parser of constants with these values and names. */
    static NamedValues of(final Flag... constants)
    {
        return new NamedValues(constants);
    }

    /** @return the parser of constants numbered 0, 1, 2 ... in the order given. */
    static NamedValues sequential(final String... names)
    {
        final Flag[] constants = new Flag[names.length];
        for (int i = 0; i < names.length; i++)
        {
            constants[i] = Flag.of(i, names[i]);
        }
        return new NamedValues(constants);
    }

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        final int at = Arrays.binarySearch(values, raw);
        return at >= 0 ? Text.put(out, offset, names[at]) : Text.unsignedDecimal(out, offset, raw);
    }
}
