package io.sluice.codec.json;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import org.agrona.collections.Int2ObjectHashMap;

import java.nio.charset.StandardCharsets;

/**
 * A protobuf enum as the printer writes it: the quoted name of each number the enum declares; any other number is
 * written bare. Read from the generated descriptor, so it cannot drift from the schema.
 */
final class JsonEnumNames
{
    /** Numbers from 0 to this are looked up in an array (one load), larger ones in the map. */
    private static final int DENSE_LIMIT = 1 << 16;

    private final Int2ObjectHashMap<JsonText> quotedNames = new Int2ObjectHashMap<>();
    private final JsonText[] dense;
    private final int longest;

    JsonEnumNames(final EnumDescriptor descriptor)
    {
        int largest = 0;
        for (final EnumValueDescriptor value : descriptor.getValues())
        {
            // The first name declared for a number wins, as in the printer (findValueByNumber).
            if (!quotedNames.containsKey(value.getNumber()))
            {
                quotedNames.put(value.getNumber(), new JsonText(("\"" + value.getName() + "\"").getBytes(StandardCharsets.UTF_8)));
                if (value.getNumber() >= 0 && value.getNumber() < DENSE_LIMIT)
                {
                    largest = Math.max(largest, value.getNumber());
                }
            }
        }
        int longestName = 0;
        for (final JsonText name : quotedNames.values())
        {
            longestName = Math.max(longestName, name.room());
        }
        longest = longestName;
        dense = new JsonText[largest + 1];
        for (int number = 0; number <= largest; number++)
        {
            dense[number] = quotedNames.get(number);
        }
    }

    /**
     * @param number an enum number.
     * @return its quoted name, or null when the enum declares none for it.
     */
    JsonText text(final int number)
    {
        return number >= 0 && number < dense.length ? dense[number] : quotedNames.get(number);
    }

    /**
     * @return the room the longest name takes ({@link JsonText#room}).
     */
    int longest()
    {
        return longest;
    }

    /**
     * Write within room reserved ({@link JsonSink#reserve}): the longest name, or a number.
     *
     * @param sink   where to write.
     * @param number the enum number (not the default 0: the caller omits that).
     */
    void write(final JsonSink sink, final int number)
    {
        final JsonText name = number >= 0 && number < dense.length ? dense[number] : quotedNames.get(number);
        if (name != null)
        {
            sink.textInRoom(name);
        }
        else
        {
            sink.int32InRoom(number);
        }
    }
}
