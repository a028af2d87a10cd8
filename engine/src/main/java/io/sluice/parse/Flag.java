package io.sluice.parse;

import java.nio.charset.StandardCharsets;

/**
 * A constant of the Linux API as Tracee names it: its value and its name, kept as bytes so rendering copies them
 * without encoding anything.
 */
final class Flag
{
    final long value;
    final byte[] name;

    private Flag(final long value, final String name)
    {
        this.value = value;
        this.name = name.getBytes(StandardCharsets.US_ASCII);
    }

    static Flag of(final long value, final String name)
    {
        return new Flag(value, name);
    }

    /** @return true when every bit of this flag is set in {@code raw} (Tracee's {@code optionIsContainedInArgument}). */
    boolean in(final long raw)
    {
        return (raw & value) == value;
    }
}
