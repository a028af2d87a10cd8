package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The line a {@link CompactFormatter} writes: a cursor over the output buffer that writes Tetragon's colour codes
 * (the SGR codes of Go's {@code fatih/color}: {@code ESC[3Nm} before, {@code ESC[0m} after each coloured part, an empty
 * part included) when colouring, and counts what is visible (for the capabilities column). Reused for every event.
 */
final class CompactLine
{
    /** Exit status, detection labels. */
    static final byte[] RED = sgr(31);
    /** The source (pod, container, host). */
    static final byte[] GREEN = sgr(32);
    /** Event labels. */
    static final byte[] BLUE = sgr(34);
    /** The binary and the capabilities. */
    static final byte[] MAGENTA = sgr(35);
    /** Details. */
    static final byte[] CYAN = sgr(36);
    /** After every coloured part. */
    static final byte[] RESET = sgr(0);

    private final boolean colored;
    private MutableDirectBuffer out;
    private int start;
    private int position;
    private int invisible;

    /**
     * @param colored true to write colour codes.
     */
    CompactLine(final boolean colored)
    {
        this.colored = colored;
    }

    private static byte[] sgr(final int code)
    {
        return ("\u001b[" + code + "m").getBytes(StandardCharsets.US_ASCII);
    }

    void wrap(final MutableDirectBuffer buffer, final int offset)
    {
        out = buffer;
        start = offset;
        position = offset;
        invisible = 0;
    }

    /** @return bytes written since {@link #wrap}. */
    int length()
    {
        return position - start;
    }

    /** @return bytes written since {@link #wrap}, colour codes left out. */
    int visibleLength()
    {
        return position - start - invisible;
    }

    /** Start a part in a colour (nothing when not colouring). */
    void open(final byte[] color)
    {
        if (colored)
        {
            out.putBytes(position, color);
            position += color.length;
            invisible += color.length;
        }
    }

    /** End the part {@link #open} started. */
    void close()
    {
        open(RESET);
    }

    void space()
    {
        out.putByte(position++, (byte)' ');
    }

    void spaces(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            out.putByte(position++, (byte)' ');
        }
    }

    void put(final byte b)
    {
        out.putByte(position++, b);
    }

    void put(final byte[] bytes)
    {
        out.putBytes(position, bytes);
        position += bytes.length;
    }

    void put(final byte[] bytes, final int offset, final int length)
    {
        out.putBytes(position, bytes, offset, length);
        position += length;
    }

    void put(final DirectBuffer src, final int offset, final int length)
    {
        out.putBytes(position, src, offset, length);
        position += length;
    }

    /** Text from the event: as it is, or Go-quoted when it holds a space or what does not print ({@link GoQuote}). */
    void text(final DirectBuffer src, final int offset, final int length)
    {
        position = GoQuote.maybeQuote(src, offset, length, out, position);
    }

    /** The event's name: the record's, as text from the event, or the catalog's. */
    void eventName(final EventRecordView view, final EventCatalog catalog)
    {
        if (RecordFields.nameIsStored(view))
        {
            text(view.buffer(), view.stringOffset(EventVarData.NAME), view.stringLength(EventVarData.NAME));
            return;
        }
        position = RecordFields.putCatalogName(view, catalog, out, position);
    }

    void number(final long value)
    {
        position += out.putLongAscii(position, value);
    }

    void unsigned(final long value)
    {
        if (value >= 0)
        {
            number(value);
            return;
        }
        final long quotient = (value >>> 1) / 5;
        number(quotient);
        out.putByte(position++, (byte)('0' + (int)(value - quotient * 10)));
    }

    /** An octal number with a leading 0, as file modes are written ({@code 0644}). */
    void octal(final long value)
    {
        out.putByte(position++, (byte)'0');
        if (value == 0)
        {
            return;
        }
        int digits = 1;
        while (digits < 22 && (value >>> (3 * digits)) != 0)
        {
            digits++;
        }
        for (int d = digits - 1; d >= 0; d--)
        {
            out.putByte(position++, (byte)('0' + ((value >>> (3 * d)) & 7)));
        }
    }
}
