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
    private static final JsonText[] NONE = new JsonText[0];

    private final JsonText[][] names;
    private final JsonText[][] openings;

    JsonArgNames(final EventCatalog catalog)
    {
        int maxId = 0;
        for (final EventDefinition definition : catalog.events())
        {
            maxId = Math.max(maxId, definition.id());
        }
        names = new JsonText[maxId + 1][];
        openings = new JsonText[maxId + 1][];
        Arrays.fill(names, NONE);
        Arrays.fill(openings, NONE);
        final JsonSink scratch = new JsonSink(64);
        for (final EventDefinition definition : catalog.events())
        {
            final int count = definition.args().size();
            final JsonText[] raw = new JsonText[count];
            final JsonText[] opening = new JsonText[count];
            for (int i = 0; i < count; i++)
            {
                final ArgDefinition arg = definition.args().get(i);
                final byte[] name = arg.name().getBytes(StandardCharsets.UTF_8);
                raw[i] = new JsonText(name);
                scratch.reset();
                scratch.beginObject();
                if (name.length > 0)
                {
                    scratch.key(JsonKeys.NAME);
                    scratch.string(new UnsafeBuffer(name), 0, name.length);
                }
                opening[i] = new JsonText(Arrays.copyOf(scratch.array(), scratch.length()));
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
    JsonText opening(final int eventId, final int index, final DirectBuffer record, final int nameOffset, final int nameLength)
    {
        if (eventId < 0 || eventId >= names.length)
        {
            return null;
        }
        final JsonText[] raw = names[eventId];
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
        return sameName(array, from, raw[index]) ? openings[eventId][index] : null;
    }

    /** {@code name}'s bytes at {@code from}: compared a word at a time when the array holds whole words there. */
    private static boolean sameName(final byte[] array, final int from, final JsonText name)
    {
        final long[] words = name.words;
        final int length = name.length;
        if (from > array.length - words.length * Long.BYTES)
        {
            return equalBytes(array, from, name);
        }
        final int full = length / Long.BYTES;
        for (int i = 0; i < full; i++)
        {
            if (JsonWords.get(array, from + i * Long.BYTES) != words[i])
            {
                return false;
            }
        }
        final int rest = length % Long.BYTES;
        return rest == 0 ||
            (JsonWords.get(array, from + full * Long.BYTES) & -1L >>> (Long.SIZE - rest * Byte.SIZE)) == words[full];
    }

    private static boolean equalBytes(final byte[] array, final int from, final JsonText name)
    {
        for (int i = 0; i < name.length; i++)
        {
            if (array[from + i] != (byte)(name.words[i / Long.BYTES] >>> (i % Long.BYTES * Byte.SIZE)))
            {
                return false;
            }
        }
        return true;
    }
}
