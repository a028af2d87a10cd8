package io.sluice.cli.getevents;

import org.agrona.MutableDirectBuffer;

/**
 * The time {@code tetra getevents --timestamps} puts before a compact line: Go's layout
 * {@code 2006-01-02T15:04:05.000000000Z07:00} of the event's time in UTC ({@code 2026-11-30T00:05:09.123456789Z}),
 * written into a buffer without allocating.
 */
final class Rfc3339Nanos
{
    /** Bytes the text takes. */
    static final int LENGTH = 30;

    private Rfc3339Nanos()
    {
    }

    /**
     * @param out     where the text goes (room for {@link #LENGTH} bytes).
     * @param at      where it starts.
     * @param seconds seconds since the epoch.
     * @param nanos   nanoseconds within the second.
     * @return {@link #LENGTH}.
     */
    static int write(final MutableDirectBuffer out, final int at, final long seconds, final int nanos)
    {
        final long days = Math.floorDiv(seconds, 86_400L);
        final long secondOfDay = Math.floorMod(seconds, 86_400L);
        // days to a civil date (Howard Hinnant's days_from_civil, inverted)
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long dayOfEra = z - era * 146_097L;
        final long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        int i = at;
        i = digits(out, i, year, 4);
        out.putByte(i++, (byte)'-');
        i = digits(out, i, month, 2);
        out.putByte(i++, (byte)'-');
        i = digits(out, i, day, 2);
        out.putByte(i++, (byte)'T');
        i = digits(out, i, secondOfDay / 3_600, 2);
        out.putByte(i++, (byte)':');
        i = digits(out, i, secondOfDay / 60 % 60, 2);
        out.putByte(i++, (byte)':');
        i = digits(out, i, secondOfDay % 60, 2);
        out.putByte(i++, (byte)'.');
        i = digits(out, i, nanos, 9);
        out.putByte(i++, (byte)'Z');
        return i - at;
    }

    private static int digits(final MutableDirectBuffer out, final int at, final long value, final int width)
    {
        long rest = value;
        for (int i = at + width - 1; i >= at; i--)
        {
            out.putByte(i, (byte)('0' + rest % 10));
            rest /= 10;
        }
        return at + width;
    }
}
