package io.sluice.codec.json;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.ValueType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data entry named exactly as the catalog names its position opens with the pre-written {@code {"name":"..."}, with
 * the value's key when its type is the catalog's plain scalar type; a name that differs in any byte, or in length, does
 * not. The names are compared a word at a time where the record's array holds whole words after the name, byte by byte
 * where it ends sooner: both ways are checked, for every argument of the catalog, each found by walking its event's
 * shape front to back as the writer does.
 */
class JsonArgNamesTest
{
    private final EventCatalog catalog = EventCatalog.standard();
    private final JsonArgNames names = new JsonArgNames(catalog);

    @Test
    void everyCatalogNameOpensItsEntryWhereverItLiesInTheArray()
    {
        for (final EventDefinition definition : catalog.events())
        {
            for (int index = 0; index < definition.args().size(); index++)
            {
                final byte[] name = nameOf(definition.args().get(index));
                if (name.length == 0)
                {
                    continue;
                }
                final long[] shape = names.shape(definition.id());
                final int at = argumentAt(shape, index);
                for (int after = 0; after <= 9; after++)
                {
                    final UnsafeBuffer record = at(name, 3, after);
                    assertTrue(JsonArgNames.sameName(shape, at, record, 3, name.length),
                        definition.name() + " argument " + index + ", " + after + " bytes after it");
                }
                final long header = shape[at];
                assertArrayEquals(expectedOpening(name, null), textOf(shape, at, JsonArgNames.plainLength(header), false));
                final ValueType type = definition.args().get(index).type().valueType();
                final String key = scalarKey(type);
                assertEquals(key != null, JsonArgNames.keyedFor(header, type.value()), definition.name() + " " + type);
                for (final ValueType other : ValueType.values())
                {
                    if (other != type)
                    {
                        assertFalse(JsonArgNames.keyedFor(header, other.value()), definition.name() + " " + other);
                    }
                }
                assertArrayEquals(expectedOpening(name, key), textOf(shape, at, JsonArgNames.keyedLength(header), key != null));
            }
        }
    }

    @Test
    void aNameThatDiffersInAnyByteOrInLengthIsNotTheCatalogs()
    {
        for (final EventDefinition definition : catalog.events())
        {
            final long[] shape = names.shape(definition.id());
            for (int index = 0; index < definition.args().size(); index++)
            {
                final byte[] name = nameOf(definition.args().get(index));
                final int argument = argumentAt(shape, index);
                for (int after = 0; after <= 9; after += 9)
                {
                    for (int at = 0; at < name.length; at++)
                    {
                        final byte[] changed = name.clone();
                        changed[at] ^= 0x20;
                        assertFalse(JsonArgNames.sameName(shape, argument, at(changed, 5, after), 5, name.length),
                            definition.name() + " argument " + index + " changed at " + at);
                    }
                    final byte[] longer = Arrays.copyOf(name, name.length + 1);
                    longer[name.length] = 'x';
                    assertFalse(JsonArgNames.sameName(shape, argument, at(longer, 5, after), 5, longer.length));
                    if (name.length > 0)
                    {
                        assertFalse(JsonArgNames.sameName(shape, argument, at(name, 5, after), 5, name.length - 1));
                    }
                }
            }
            assertEquals(shape.length, argumentAt(shape, definition.args().size()), "the shape ends after its last argument");
        }
    }

    @Test
    void anUnknownEventHasNoArguments()
    {
        assertEquals(0, names.shape(-1).length);
        assertEquals(0, names.shape(Integer.MAX_VALUE).length);
    }

    /** Where argument {@code index} starts, walking the shape from its first as the writer does. */
    private static int argumentAt(final long[] shape, final int index)
    {
        int at = 0;
        for (int i = 0; i < index; i++)
        {
            at = JsonArgNames.next(shape, at);
        }
        return at;
    }

    private static String scalarKey(final ValueType type)
    {
        switch (type)
        {
            case INT32:
                return "int32";
            case INT64:
                return "int64";
            case UINT32:
                return "u_int32";
            case UINT64:
                return "u_int64";
            case STR:
                return "str";
            case BOOL:
                return "bool";
            case POINTER:
                return "pointer";
            default:
                return null;
        }
    }

    private static byte[] nameOf(final ArgDefinition arg)
    {
        return arg.name().getBytes(StandardCharsets.UTF_8);
    }

    /** The name in an array at {@code offset}, with {@code after} bytes that look like more of it after it. */
    private static UnsafeBuffer at(final byte[] name, final int offset, final int after)
    {
        final byte[] array = new byte[offset + name.length + after];
        Arrays.fill(array, (byte)'a');
        System.arraycopy(name, 0, array, offset, name.length);
        return new UnsafeBuffer(array);
    }

    private static byte[] expectedOpening(final byte[] name, final String key)
    {
        final JsonSink sink = new JsonSink(64);
        sink.beginObject();
        if (name.length > 0)
        {
            sink.key("\"name\":".getBytes(StandardCharsets.US_ASCII));
            sink.string(new UnsafeBuffer(name), 0, name.length);
        }
        if (key != null)
        {
            sink.key(("\"" + key + "\":").getBytes(StandardCharsets.US_ASCII));
        }
        return Arrays.copyOf(sink.array(), sink.length());
    }

    /** The opening as the writer copies it, then a value: the comma before the value is there unless a key ends it. */
    private static byte[] textOf(final long[] shape, final int at, final int length, final boolean endsWithKey)
    {
        final JsonSink sink = new JsonSink(64);
        sink.reserve(length + Long.BYTES + JsonDigits.ROOM);
        sink.wordsInRoom(shape, JsonArgNames.openingAt(shape, at), length, endsWithKey);
        sink.int32InRoom(7);
        final byte[] text = Arrays.copyOf(sink.array(), sink.length());
        assertArrayEquals((endsWithKey ? "7" : ",7").getBytes(StandardCharsets.US_ASCII),
            Arrays.copyOfRange(text, length, text.length));
        return Arrays.copyOf(text, length);
    }
}
