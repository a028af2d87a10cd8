package io.sluice.codec.json;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The opening of each catalog argument's {@code EventValue} as the printer writes it, {@code {"name":"pathname"},
 * escaped once here: an event's data entry whose name is the catalog's name for its position (the common case: the
 * sensor writes the arguments in catalog order) is opened with one copy and one comparison instead of a key and an
 * escaped string; when its value type is also the catalog's, the copy carries the value's key too
 * ({@code {"name":"pathname","str":}). Any other name (an extra entry, a renamed one) is escaped as usual.
 * <p>
 * Each event shape is one flat array of words ({@link #shape}), its arguments in catalog order, so that an event's
 * entries read it front to back: one header word per argument (the lengths and the catalog's value type), the name's
 * words, then the opening's words. One array per event rather than three tables of objects: one cache miss where
 * a varied stream of events used to take several.
 */
final class JsonArgNames
{
    /** The header's type when the opening carries no value key (the catalog's type is not a plain scalar). */
    private static final int NO_KEY = 0xFFFF;
    private static final long[] NONE = new long[0];

    private final long[][] shapes;

    JsonArgNames(final EventCatalog catalog)
    {
        int maxId = 0;
        for (final EventDefinition definition : catalog.events())
        {
            maxId = Math.max(maxId, definition.id());
        }
        shapes = new long[maxId + 1][];
        Arrays.fill(shapes, NONE);
        for (final EventDefinition definition : catalog.events())
        {
            shapes[definition.id()] = shapeOf(definition);
        }
    }

    private static long[] shapeOf(final EventDefinition definition)
    {
        final JsonSink scratch = new JsonSink(64);
        long[] shape = new long[64];
        int at = 0;
        for (final ArgDefinition arg : definition.args())
        {
            final byte[] name = arg.name().getBytes(StandardCharsets.UTF_8);
            scratch.reset();
            scratch.beginObject();
            if (name.length > 0)
            {
                scratch.key(JsonKeys.NAME);
                scratch.string(new UnsafeBuffer(name), 0, name.length);
            }
            final int plainLength = scratch.length();
            final JsonKey key = valueKey(arg.type().valueType());
            if (key != null)
            {
                scratch.key(key);
            }
            final int keyedLength = scratch.length();
            final long[] nameWords = JsonText.words(name);
            final long[] openingWords = JsonText.words(Arrays.copyOf(scratch.array(), keyedLength));
            final int type = key == null ? NO_KEY : arg.type().valueType().value();
            if (keyedLength > 0xFFFF)
            {
                throw new IllegalArgumentException("argument name too long: " + arg.name());
            }
            shape = Arrays.copyOf(shape, Math.max(shape.length, at + 1 + nameWords.length + openingWords.length));
            shape[at] = name.length | (long)plainLength << 16 | (long)keyedLength << 32 | (long)type << 48;
            System.arraycopy(nameWords, 0, shape, at + 1, nameWords.length);
            System.arraycopy(openingWords, 0, shape, at + 1 + nameWords.length, openingWords.length);
            at += 1 + nameWords.length + openingWords.length;
        }
        return Arrays.copyOf(shape, at);
    }

    /** The key a value of this type prints after, when it is a plain scalar; null for the others. */
    private static JsonKey valueKey(final ValueType type)
    {
        switch (type)
        {
            case INT32:
                return JsonKeys.INT32;
            case INT64:
                return JsonKeys.INT64;
            case UINT32:
                return JsonKeys.U_INT32;
            case UINT64:
                return JsonKeys.U_INT64;
            case STR:
                return JsonKeys.STR;
            case BOOL:
                return JsonKeys.BOOL;
            case POINTER:
                return JsonKeys.POINTER;
            default:
                return null;
        }
    }

    /**
     * @param eventId the event whose data this is (its own, or the one it was detected from).
     * @return its arguments' names and openings, in catalog order, the first at 0 (empty for an unknown event).
     */
    long[] shape(final int eventId)
    {
        return eventId >= 0 && eventId < shapes.length ? shapes[eventId] : NONE;
    }

    /**
     * @param shape a {@link #shape}.
     * @param at    where an argument starts in it (below its length).
     * @return where the next argument starts (the shape's length after the last).
     */
    static int next(final long[] shape, final int at)
    {
        final long header = shape[at];
        return at + 1 + wordsOf(nameLength(header)) + wordsOf(keyedLength(header));
    }

    /**
     * @param shape a {@link #shape}.
     * @param at    where an argument starts in it.
     * @return where its opening's words start.
     */
    static int openingAt(final long[] shape, final int at)
    {
        return at + 1 + wordsOf(nameLength(shape[at]));
    }

    /**
     * @param shape      a {@link #shape}.
     * @param at         where an argument starts in it.
     * @param record     the record.
     * @param nameOffset where the entry's name starts.
     * @param nameLength its length.
     * @return true when the entry's name is the argument's, byte for byte (an empty name never is).
     */
    static boolean sameName(final long[] shape, final int at, final DirectBuffer record, final int nameOffset, final int nameLength)
    {
        if (nameLength(shape[at]) != nameLength || nameLength <= 0)
        {
            return false;
        }
        final byte[] array = record.byteArray();
        if (array == null || nameOffset < 0 || nameOffset > record.capacity() - nameLength)
        {
            return false;
        }
        final int from = record.wrapAdjustment() + nameOffset;
        final int words = wordsOf(nameLength);
        if (from > array.length - words * Long.BYTES)
        {
            return equalBytes(array, from, shape, at + 1, nameLength);
        }
        final int full = nameLength / Long.BYTES;
        for (int i = 0; i < full; i++)
        {
            if (JsonWords.get(array, from + i * Long.BYTES) != shape[at + 1 + i])
            {
                return false;
            }
        }
        final int rest = nameLength % Long.BYTES;
        return rest == 0 ||
            (JsonWords.get(array, from + full * Long.BYTES) & -1L >>> (Long.SIZE - rest * Byte.SIZE)) == shape[at + 1 + full];
    }

    /**
     * @param header an argument's first word.
     * @return the length of its opening without the value key: {@code {"name":"pathname"}.
     */
    static int plainLength(final long header)
    {
        return (int)(header >>> 16) & 0xFFFF;
    }

    /**
     * @param header an argument's first word.
     * @return the length of its opening with the value key ({@link #plainLength} when it has none).
     */
    static int keyedLength(final long header)
    {
        return (int)(header >>> 32) & 0xFFFF;
    }

    /**
     * @param header an argument's first word.
     * @param type   an entry's value type as stored.
     * @return true when the opening carries the key of that type's value (the catalog's type, a plain scalar).
     */
    static boolean keyedFor(final long header, final short type)
    {
        return (int)(header >>> 48) == type;
    }

    private static int nameLength(final long header)
    {
        return (int)header & 0xFFFF;
    }

    private static int wordsOf(final int length)
    {
        return (length + Long.BYTES - 1) / Long.BYTES;
    }

    private static boolean equalBytes(final byte[] array, final int from, final long[] shape, final int words, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (array[from + i] != (byte)(shape[words + i / Long.BYTES] >>> (i % Long.BYTES * Byte.SIZE)))
            {
                return false;
            }
        }
        return true;
    }
}
