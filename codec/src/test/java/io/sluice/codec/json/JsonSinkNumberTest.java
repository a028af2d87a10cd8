package io.sluice.codec.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers come out as protobuf's printer spells them (int32 and uint32 bare, int64 and uint64 quoted, unsigned read
 * unsigned) at every digit count, on both sides of every power of ten, at the extremes, and after any amount of text
 * (the digits are stored eight at a time, past the number's end: what follows must overwrite the overhang).
 */
class JsonSinkNumberTest
{
    private final JsonSink sink = new JsonSink(64);

    @Test
    void everyDigitCountBoundaryAsEveryType()
    {
        for (final long value : boundaries())
        {
            check(value);
        }
    }

    @Test
    void randomValuesOfEveryMagnitude()
    {
        final Random random = new Random(14);
        for (int n = 0; n < 200_000; n++)
        {
            final long value = random.nextLong() >> random.nextInt(64);
            check(value);
        }
    }

    @Test
    void numbersBetweenOtherValuesKeepTheirNeighbours()
    {
        sink.reset();
        sink.beginArray();
        for (final long value : boundaries())
        {
            sink.uint64(value);
            sink.int32((int)value);
            sink.bool(false);
        }
        sink.endArray();
        final StringBuilder expected = new StringBuilder("[");
        for (final long value : boundaries())
        {
            expected.append(expected.length() > 1 ? "," : "").append('"').append(Long.toUnsignedString(value)).append("\",")
                .append((int)value).append(",false");
        }
        expected.append(']');
        assertEquals(expected.toString(), text());
    }

    private void check(final long value)
    {
        final int narrow = (int)value;
        assertEquals("[" + narrow + "]", write(() -> sink.int32(narrow)), "int32 " + narrow);
        assertEquals("[" + Integer.toUnsignedString(narrow) + "]", write(() -> sink.uint32(narrow)), "uint32 " + narrow);
        assertEquals("[\"" + value + "\"]", write(() -> sink.int64(value)), "int64 " + value);
        assertEquals("[\"" + Long.toUnsignedString(value) + "\"]", write(() -> sink.uint64(value)), "uint64 " + value);
    }

    private String write(final Runnable number)
    {
        sink.reset();
        sink.beginArray();
        number.run();
        sink.endArray();
        return text();
    }

    private String text()
    {
        return new String(sink.array(), 0, sink.length(), StandardCharsets.US_ASCII);
    }

    /** 0, and 10^k - 1, 10^k, 10^k + 1 for every k, both signs, and the limits of 32 and 64 bits. */
    private static List<Long> boundaries()
    {
        final List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L,
            (long)Integer.MAX_VALUE, (long)Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 0xFFFF_FFFFL,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, -2L, Long.MIN_VALUE / 10));
        long power = 1;
        for (int k = 1; k <= 18; k++)
        {
            power *= 10;
            for (long delta = -1; delta <= 1; delta++)
            {
                values.add(power + delta);
                values.add(-(power + delta));
            }
        }
        // unsigned 64-bit values of 20 digits: 10^19 and around it, the top of the range
        values.add(Long.parseUnsignedLong("10000000000000000000"));
        values.add(Long.parseUnsignedLong("9999999999999999999"));
        values.add(Long.parseUnsignedLong("10000000000000000001"));
        values.add(Long.parseUnsignedLong("18446744073709551615"));
        values.add(Long.parseUnsignedLong("18446744073709551614"));
        values.add(Long.parseUnsignedLong("18400000000000000000"));
        return values;
    }
}
