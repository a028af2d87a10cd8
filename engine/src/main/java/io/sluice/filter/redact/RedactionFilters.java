package io.sluice.filter.redact;

import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.filter.syntax.FilterLines;
import io.sluice.filter.text.Utf8Text;
import io.sluice.policy.EventView;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tetragon's redaction filters over an event's arguments ({@code argv}, matched on the arguments joined by spaces
 * as Tetragon's {@code process.arguments}) and environment ({@code envp}, {@code env}, each entry on its own):
 * capture groups become {@code *****}. Runs in the ingest thread before any stream sees the event; a redacted
 * event is rewritten into another buffer. Allocation-free in steady state: each filter caches the ranges it found
 * in recent texts (see {@link RedactionFilter#ranges}), text is decoded and new values encoded in reused buffers;
 * only a text no cache holds runs re2j, which allocates a little per search.
 */
public final class RedactionFilters
{
    private static final byte[][] ARGUMENTS = {"argv".getBytes(StandardCharsets.UTF_8)};
    private static final byte[][] ENVIRONMENT = {"envp".getBytes(StandardCharsets.UTF_8), "env".getBytes(StandardCharsets.UTF_8)};

    private final RedactionFilter[] filters;
    private final RedactionFilter[] applicable;
    private int applicableCount;
    private final Utf8Text text = new Utf8Text();
    private final StringBuilder element = new StringBuilder(256);
    private final StringArrayBlob blob = new StringArrayBlob();
    private final UnsafeBuffer blobBuffer = new UnsafeBuffer(0, 0);
    private final IntArrayList ranges = new IntArrayList();
    private final IntArrayList bounds = new IntArrayList();
    private final ExpandableArrayBuffer values = new ExpandableArrayBuffer(1024);
    private final int[] changedIndex = new int[8];
    private final int[] changedOffset = new int[8];
    private final int[] changedLength = new int[8];

    /**
     * @param filters the filters.
     */
    public RedactionFilters(final List<RedactionFilter> filters)
    {
        this.filters = filters.toArray(new RedactionFilter[0]);
        this.applicable = new RedactionFilter[this.filters.length];
    }

    /**
     * Parse redaction filters, one JSON object per line, inline or {@code @FILE}.
     *
     * @param flag  the flag, for errors.
     * @param value the value.
     * @return the filters.
     */
    public static List<RedactionFilter> parse(final String flag, final String value)
    {
        final List<RedactionFilter> filters = new ArrayList<>();
        for (final FilterLines.Line line : FilterLines.read(flag, value))
        {
            filters.add(new RedactionFilter(line.origin(), line.object()));
        }
        return filters;
    }

    /**
     * @param event the decoded event.
     * @param out   where a redacted copy of its record goes (from index 0; expandable).
     * @return the redacted record's length, or 0 when nothing was redacted (the original stands).
     */
    public int redact(final EventView event, final MutableDirectBuffer out)
    {
        applicableCount = 0;
        for (final RedactionFilter filter : filters)
        {
            if (filter.appliesTo(event.executable(), event.executableLength()))
            {
                applicable[applicableCount++] = filter;
            }
        }
        if (applicableCount == 0)
        {
            return 0;
        }
        int changed = 0;
        int written = 0;
        for (int i = 0; i < event.dataCount() && changed < changedIndex.length; i++)
        {
            if (event.dataType(i) != ValueType.STR_ARRAY)
            {
                continue;
            }
            final boolean arguments = named(event, i, ARGUMENTS);
            if (!arguments && !named(event, i, ENVIRONMENT))
            {
                continue;
            }
            final int length = arguments ? redactJoined(event, i, written) : redactEach(event, i, written);
            if (length >= 0)
            {
                changedIndex[changed] = i;
                changedOffset[changed] = written;
                changedLength[changed++] = length;
                written += length;
            }
        }
        return changed == 0 ? 0 : splice(event, changed, out);
    }

    /**
     * Arguments: redact the joined text, then put each group's mask into the elements it covered.
     *
     * @return the length of the new value written to {@link #values} at {@code at}, or -1 when nothing was redacted.
     */
    private int redactJoined(final EventView event, final int i, final int at)
    {
        final StringBuilder joined = text.clear();
        bounds.clear();
        blobBuffer.wrap(event.dataValue(i), 0, Math.max(1, event.dataValueLength(i)));
        blob.wrap(blobBuffer, 0, event.dataValueLength(i));
        boolean first = true;
        while (blob.next())
        {
            if (!first)
            {
                joined.append(' ');
            }
            first = false;
            bounds.addInt(joined.length());
            text.append(event.dataValue(i), blob.elementOffset(), blob.elementLength());
            bounds.addInt(joined.length());
        }
        ranges.clear();
        for (int f = 0; f < applicableCount; f++)
        {
            applicable[f].ranges(joined, ranges);
        }
        if (ranges.isEmpty())
        {
            return -1;
        }
        sortRanges();
        int p = at;
        for (int e = 0; e < bounds.size(); e += 2)
        {
            p += element(joined, bounds.getInt(e), bounds.getInt(e + 1), p);
        }
        return p - at;
    }

    /**
     * Write the element {@code [from, to)} of the text with every range inside it masked (an empty group: inserted)
     * to {@link #values} at {@code at} as a STR_ARRAY element (length, UTF-8 bytes).
     *
     * @return how many bytes were written.
     */
    private int element(final CharSequence whole, final int from, final int to, final int at)
    {
        final StringBuilder element = this.element;
        element.setLength(0);
        int cursor = from;
        for (int r = 0; r < ranges.size(); r += 2)
        {
            final int start = ranges.getInt(r);
            final int end = ranges.getInt(r + 1);
            if (start == end)
            {
                if (start >= cursor && start >= from && start <= to)
                {
                    element.append(whole, cursor, start).append(RedactionFilter.MASK);
                    cursor = start;
                }
                continue;
            }
            final int cut = Math.max(Math.max(start, from), cursor);
            final int stop = Math.min(end, to);
            if (cut >= stop)
            {
                continue;
            }
            element.append(whole, cursor, cut).append(RedactionFilter.MASK);
            cursor = stop;
        }
        element.append(whole, cursor, to);
        final int length = Utf8Text.encode(element, values, at + 4);
        values.putInt(at, length, ByteOrder.LITTLE_ENDIAN);
        return 4 + length;
    }

    /** Sort the {@code [start, end)} pairs by start (few of them; insertion sort, no allocation). */
    private void sortRanges()
    {
        for (int i = 2; i < ranges.size(); i += 2)
        {
            final int start = ranges.getInt(i);
            final int end = ranges.getInt(i + 1);
            int j = i - 2;
            while (j >= 0 && ranges.getInt(j) > start)
            {
                ranges.setInt(j + 2, ranges.getInt(j));
                ranges.setInt(j + 3, ranges.getInt(j + 1));
                j -= 2;
            }
            ranges.setInt(j + 2, start);
            ranges.setInt(j + 3, end);
        }
    }

    /**
     * Environment: each entry on its own. A first pass finds whether any entry has something to redact (most often
     * none, and nothing is written); only then is every entry written, masked or as it was.
     *
     * @return the length of the new value written to {@link #values} at {@code at}, or -1 when nothing was redacted.
     */
    private int redactEach(final EventView event, final int i, final int at)
    {
        blobBuffer.wrap(event.dataValue(i), 0, Math.max(1, event.dataValueLength(i)));
        boolean any = false;
        blob.wrap(blobBuffer, 0, event.dataValueLength(i));
        while (!any && blob.next())
        {
            any = entryRanges(event, i);
        }
        if (!any)
        {
            return -1;
        }
        int p = at;
        blob.wrap(blobBuffer, 0, event.dataValueLength(i));
        while (blob.next())
        {
            if (entryRanges(event, i))
            {
                sortRanges();
            }
            final StringBuilder entry = text.text();
            p += element(entry, 0, entry.length(), p);
        }
        return p - at;
    }

    /** Decode the blob's current entry into {@link #text} and find its ranges; true when it has any. */
    private boolean entryRanges(final EventView event, final int i)
    {
        final StringBuilder entry = text.clear();
        text.append(event.dataValue(i), blob.elementOffset(), blob.elementLength());
        ranges.clear();
        for (int f = 0; f < applicableCount; f++)
        {
            applicable[f].ranges(entry, ranges);
        }
        return !ranges.isEmpty();
    }

    /** Copy the record with the changed values put in place of the old (SBE var data: 4-byte length, bytes). */
    private int splice(final EventView event, final int changed, final MutableDirectBuffer out)
    {
        final org.agrona.DirectBuffer in = event.buffer();
        int read = event.offset();
        int written = 0;
        for (int c = 0; c < changed; c++)
        {
            final int i = changedIndex[c];
            final int at = event.dataValueAt(i);
            out.putBytes(written, in, read, at - read);
            written += at - read;
            out.putInt(written, changedLength[c], ByteOrder.LITTLE_ENDIAN);
            written += 4;
            out.putBytes(written, values, changedOffset[c], changedLength[c]);
            written += changedLength[c];
            read = at + 4 + event.dataValueLength(i);
        }
        final int end = event.offset() + event.length();
        out.putBytes(written, in, read, end - read);
        return written + end - read;
    }

    private static boolean named(final EventView event, final int i, final byte[][] names)
    {
        for (final byte[] name : names)
        {
            if (event.dataNameLength(i) == name.length &&
                java.util.Arrays.equals(event.dataName(i), 0, name.length, name, 0, name.length))
            {
                return true;
            }
        }
        return false;
    }
}
