package io.sluice.codec.json;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A data entry named exactly as the catalog names its position opens with the pre-written {@code {"name":"..."}; a name
 * that differs in any byte, or in length, does not. The names are compared a word at a time where the record's array
 * holds whole words after the name, byte by byte where it ends sooner: both ways are checked, for every argument of the
 * catalog.
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
                for (int after = 0; after <= 9; after++)
                {
                    final UnsafeBuffer record = at(name, 3, after);
                    final JsonText opening = names.opening(definition.id(), index, record, 3, name.length);
                    assertNotNull(opening, definition.name() + " argument " + index + ", " + after + " bytes after it");
                    assertArrayEquals(expectedOpening(name), textOf(opening));
                }
            }
        }
    }

    @Test
    void aNameThatDiffersInAnyByteOrInLengthIsNotTheCatalogs()
    {
        for (final EventDefinition definition : catalog.events())
        {
            for (int index = 0; index < definition.args().size(); index++)
            {
                final byte[] name = nameOf(definition.args().get(index));
                for (int after = 0; after <= 9; after += 9)
                {
                    for (int at = 0; at < name.length; at++)
                    {
                        final byte[] changed = name.clone();
                        changed[at] ^= 0x20;
                        assertNull(names.opening(definition.id(), index, at(changed, 5, after), 5, name.length),
                            definition.name() + " argument " + index + " changed at " + at);
                    }
                    final byte[] longer = Arrays.copyOf(name, name.length + 1);
                    longer[name.length] = 'x';
                    assertNull(names.opening(definition.id(), index, at(longer, 5, after), 5, longer.length));
                    if (name.length > 0)
                    {
                        assertNull(names.opening(definition.id(), index, at(name, 5, after), 5, name.length - 1));
                    }
                }
                assertNull(names.opening(definition.id(), index + definition.args().size(), at(name, 0, 9), 0, name.length),
                    "a position past the catalog's arguments");
            }
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

    private static byte[] expectedOpening(final byte[] name)
    {
        final JsonSink sink = new JsonSink(64);
        sink.beginObject();
        sink.key("\"name\":".getBytes(StandardCharsets.US_ASCII));
        sink.string(new UnsafeBuffer(name), 0, name.length);
        return Arrays.copyOf(sink.array(), sink.length());
    }

    private static byte[] textOf(final JsonText text)
    {
        final JsonSink sink = new JsonSink(64);
        sink.reserve(text.room());
        sink.textInRoom(text);
        return Arrays.copyOf(sink.array(), sink.length());
    }
}
