package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The {@code table} format, as Tracee prints it: a header line, then per event
 * {@code TIME UID COMM PID TID EVENT ARGS} with the time as local {@code HH:MM:SS:micros} and arguments as
 * {@code name: value} pairs rendered like Go's {@code %v}. Allocates nothing per event.
 */
public final class TableFormatter implements EventFormatter
{
    private static final byte[] HEADER = String.format("%-16s %-6s %-16s %-7s %-7s %-25s %s%n",
        "TIME", "UID", "COMM", "PID", "TID", "EVENT", "ARGS").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAP_OPEN = "map[sa_family:".getBytes(StandardCharsets.US_ASCII);

    private final EventCatalog catalog;
    private final long utcOffsetSeconds;
    private final EventRecordView view = new EventRecordView();
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private final SockaddrText sockaddr = new SockaddrText();
    private final StringArrayBlob strings = new StringArrayBlob();

    /**
     * @param catalog the event catalog (names of ids).
     */
    public TableFormatter(final EventCatalog catalog)
    {
        this.catalog = catalog;
        this.utcOffsetSeconds = ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds();
    }

    @Override
    public byte[] preamble()
    {
        return HEADER.clone();
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        final EventDecoder event = view.wrap(record, offset, length).event();
        final long seconds = event.timestampSeconds();
        final int nanos = event.timestampNanos();
        final long uid = event.realUserId();
        final long pid = event.pid();
        final long tid = event.tid();
        final int eventId = event.eventId();
        final DirectBuffer buffer = view.buffer();

        int p = outOffset;
        p = putTime(out, p, seconds, nanos);
        p = pad(out, p, outOffset, 17);
        int column = p;
        p += out.putLongAscii(p, uid);
        p = pad(out, p, column, 7);
        column = p;
        out.putBytes(p, buffer, view.stringOffset(EventRecordView.THREAD_NAME), view.stringLength(EventRecordView.THREAD_NAME));
        p += view.stringLength(EventRecordView.THREAD_NAME);
        p = pad(out, p, column, 17);
        column = p;
        p += out.putLongAscii(p, pid);
        p = pad(out, p, column, 8);
        column = p;
        p += out.putLongAscii(p, tid);
        p = pad(out, p, column, 8);
        column = p;
        final int nameLength = view.stringLength(EventRecordView.NAME);
        if (nameLength > 0)
        {
            out.putBytes(p, buffer, view.stringOffset(EventRecordView.NAME), nameLength);
            p += nameLength;
        }
        else
        {
            final byte[] name = catalog.nameBytes(eventId);
            if (name != null)
            {
                out.putBytes(p, name);
                p += name.length;
            }
            else
            {
                p += out.putIntAscii(p, eventId);
            }
        }
        p = pad(out, p, column, 26);

        final EventValueCursor values = view.data();
        boolean first = true;
        while (values.next())
        {
            if (!first)
            {
                out.putBytes(p, SEPARATOR);
                p += SEPARATOR.length;
            }
            first = false;
            out.putBytes(p, buffer, values.nameOffset(), values.nameLength());
            p += values.nameLength();
            out.putByte(p++, (byte)':');
            out.putByte(p++, (byte)' ');
            valueView.wrap(buffer, values.valueOffset(), values.valueLength());
            p = putValue(out, p, values.type(), values.intValue());
        }
        return p - outOffset;
    }

    private int putValue(final MutableDirectBuffer out, final int start, final ValueType type, final long intValue)
    {
        int p = start;
        switch (type)
        {
            case INT32 -> p += out.putIntAscii(p, (int)intValue);
            case INT64 -> p += out.putLongAscii(p, intValue);
            case UINT32 -> p += out.putLongAscii(p, intValue & 0xFFFF_FFFFL);
            case UINT64 -> p = putUnsigned(out, p, intValue);
            case BOOL -> p += out.putStringWithoutLengthAscii(p, intValue != 0 ? "true" : "false");
            case STR ->
            {
                out.putBytes(p, valueView, 0, valueView.capacity());
                p += valueView.capacity();
            }
            case BYTES ->
            {
                out.putByte(p++, (byte)'[');
                for (int i = 0; i < valueView.capacity(); i++)
                {
                    if (i > 0)
                    {
                        out.putByte(p++, (byte)' ');
                    }
                    p += out.putIntAscii(p, valueView.getByte(i) & 0xFF);
                }
                out.putByte(p++, (byte)']');
            }
            case STR_ARRAY ->
            {
                out.putByte(p++, (byte)'[');
                strings.wrap(valueView, 0, valueView.capacity());
                boolean firstItem = true;
                while (strings.next())
                {
                    if (!firstItem)
                    {
                        out.putByte(p++, (byte)' ');
                    }
                    firstItem = false;
                    out.putBytes(p, valueView, strings.elementOffset(), strings.elementLength());
                    p += strings.elementLength();
                }
                out.putByte(p++, (byte)']');
            }
            case INT32_ARRAY, UINT64_ARRAY ->
            {
                final int width = type == ValueType.INT32_ARRAY ? PackedArrayBlob.INT32_SIZE : PackedArrayBlob.UINT64_SIZE;
                out.putByte(p++, (byte)'[');
                for (int i = 0; i + width <= valueView.capacity(); i += width)
                {
                    if (i > 0)
                    {
                        out.putByte(p++, (byte)' ');
                    }
                    if (type == ValueType.INT32_ARRAY)
                    {
                        p += out.putIntAscii(p, PackedArrayBlob.int32(valueView, 0, i / width));
                    }
                    else
                    {
                        p = putUnsigned(out, p, PackedArrayBlob.uint64(valueView, 0, i / width));
                    }
                }
                out.putByte(p++, (byte)']');
            }
            case SOCKADDR ->
            {
                out.putBytes(p, MAP_OPEN);
                p += MAP_OPEN.length;
                p = sockaddr.putGoMapBody(valueView, out, p);
                out.putByte(p++, (byte)']');
            }
            default ->
            {
                // NONE or a type from a newer schema: print nothing for the value
            }
        }
        return p;
    }

    private int putTime(final MutableDirectBuffer out, final int start, final long epochSeconds, final int nanos)
    {
        final long secondOfDay = Math.floorMod(epochSeconds + utcOffsetSeconds, 86_400L);
        int p = start;
        p = putTwoDigits(out, p, (int)(secondOfDay / 3600));
        out.putByte(p++, (byte)':');
        p = putTwoDigits(out, p, (int)(secondOfDay / 60 % 60));
        out.putByte(p++, (byte)':');
        p = putTwoDigits(out, p, (int)(secondOfDay % 60));
        out.putByte(p++, (byte)':');
        final int micros = Math.max(0, nanos) / 1000;
        for (int divisor = 100_000; divisor > 0; divisor /= 10)
        {
            out.putByte(p++, (byte)('0' + micros / divisor % 10));
        }
        return p;
    }

    private static int putTwoDigits(final MutableDirectBuffer out, final int p, final int value)
    {
        out.putByte(p, (byte)('0' + value / 10));
        out.putByte(p + 1, (byte)('0' + value % 10));
        return p + 2;
    }

    private static int putUnsigned(final MutableDirectBuffer out, final int start, final long value)
    {
        if (value >= 0)
        {
            return start + out.putLongAscii(start, value);
        }
        final long quotient = (value >>> 1) / 5;
        final int remainder = (int)(value - quotient * 10);
        int p = start + out.putLongAscii(start, quotient);
        out.putByte(p++, (byte)('0' + remainder));
        return p;
    }

    private static int pad(final MutableDirectBuffer out, final int position, final int columnStart, final int width)
    {
        int p = position;
        final int end = columnStart + width;
        if (p >= end)
        {
            out.putByte(p++, (byte)' ');
            return p;
        }
        while (p < end)
        {
            out.putByte(p++, (byte)' ');
        }
        return p;
    }
}
