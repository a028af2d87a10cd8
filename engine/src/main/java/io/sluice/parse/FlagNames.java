package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * A bit mask rendered as the names of the flags it holds, in Tracee's order, joined by {@code |} (Tracee's
 * {@code buildStringFromValues}). Tracee treats zero and "no known flag" per argument: zero may have a name of its
 * own ({@code F_OK}, {@code PROT_NONE}) or be the empty string; a mask with no known flag is either its unsigned
 * decimal (Tracee's parse error path) or the empty string ({@code prot}). Both choices are given here.
 */
final class FlagNames implements ArgumentParser
{
    private static final byte[] EMPTY = new byte[0];

    private final Flag[] flags;
    private final byte[] whenZero;
    private final boolean decimalWhenNone;

    private FlagNames(final String whenZero, final boolean decimalWhenNone, final Flag... flags)
    {
        this.flags = flags.clone();
        this.whenZero = whenZero == null ? EMPTY : Flag.of(0, whenZero).name;
        this.decimalWhenNone = decimalWhenNone;
    }

    /**
     * @param whenZero what 0 is (null: the empty string).
     * @param flags    the flags in Tracee's order.
     * @return a mask whose unknown values print as decimals.
     */
    static FlagNames orDecimal(final String whenZero, final Flag... flags)
    {
        return new FlagNames(whenZero, true, flags);
    }

    /**
     * @param whenZero what 0 is (null: the empty string).
     * @param flags    the flags in Tracee's order.
     * @return a mask whose unknown values print as the empty string.
     */
    static FlagNames orEmpty(final String whenZero, final Flag... flags)
    {
        return new FlagNames(whenZero, false, flags);
    }

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        if (raw == 0)
        {
            return Text.put(out, offset, whenZero);
        }
        int at = offset;
        for (final Flag flag : flags)
        {
            if (flag.in(raw))
            {
                at += Text.join(out, offset, at, flag.name);
            }
        }
        if (at == offset && decimalWhenNone)
        {
            return Text.unsignedDecimal(out, offset, raw);
        }
        return at - offset;
    }
}
