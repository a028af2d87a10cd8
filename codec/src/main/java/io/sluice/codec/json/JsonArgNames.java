package io.sluice.codec.json;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The opening of each catalog argument's {@code EventValue} as the printer writes it, {@code {"name":"pathname"},
 * escaped once here: an event's data entry whose name is the catalog's name for its position (the common case: the
 * sensor writes the arguments in catalog order) is opened with one copy and one comparison instead of a key and an
 * escaped string. Any other name (an extra entry, a renamed one) is escaped as usual.
 */
final class JsonArgNames
{
    private static final byte[][] NONE = new byte[0][];

    private final byte[][][] names;
    private final byte[][][] openings;

    JsonArgNames(final EventCatalog catalog)
    {
        int maxId = 0;
        for (final EventDefinition definition : catalog.events())
        {
            maxId = Math.max(maxId, definition.id());
        }
        names = new byte[maxId + 1][][];
        openings = new byte[maxId + 1][][];
        Arrays.fill(names, NONE);
        Arrays.fill(openings, NONE);
        final JsonSink scratch = new JsonSink(64);
        for (final EventDefinition definition : catalog.events())
        {
            final int count = definition.args().size();
            final byte[][] raw = new byte[count][];
            final byte[][] opening = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                final ArgDefinition arg = definition.args().get(i);
                raw[i] = arg.name().getBytes(StandardCharsets.UTF_8);
                scratch.reset();
                scratch.beginObject();
                if (raw[i].length > 0)
                {
                    scratch.key(JsonKeys.NAME);
                    scratch.string(new UnsafeBuffer(raw[i]), 0, raw[i].length);
                }
                opening[i] = Arrays.copyOf(scratch.array(), scratch.length());
            }
            names[definition.id()] = raw;
            openings[definition.id()] = opening;
        }
    }

    /**
     * @param eventId    the event whose data this is (its own, or the one it was detected from).
     * @param index      the entry's position in the data.
     * @param record     the record.
     * @param nameOffset where the entry's name starts.
     * @param nameLength its length.
     * @return the entry's opening, {@code {"name":"..."} without a closing brace, when its name is the catalog's for
     *         that position; null otherwise.
     */
    byte[] opening(final int eventId, final int index, final DirectBuffer record, final int nameOffset, final int nameLength)
    {
        if (eventId < 0 || eventId >= names.length)
        {
            return null;
        }
        final byte[][] raw = names[eventId];
        if (index >= raw.length || raw[index].length != nameLength || nameLength <= 0)
        {
            return null;
        }
        final byte[] array = record.byteArray();
        if (array == null || nameOffset < 0 || nameOffset > record.capacity() - nameLength)
        {
            return null;
        }
        final int from = record.wrapAdjustment() + nameOffset;
        return Arrays.equals(array, from, from + nameLength, raw[index], 0, nameLength) ? openings[eventId][index] : null;
    }
}
