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
    private final Int2ObjectHashMap<byte[]> quotedNames = new Int2ObjectHashMap<>();

    JsonEnumNames(final EnumDescriptor descriptor)
    {
        for (final EnumValueDescriptor value : descriptor.getValues())
        {
            // The first name declared for a number wins, as in the printer (findValueByNumber).
            if (!quotedNames.containsKey(value.getNumber()))
            {
                quotedNames.put(value.getNumber(), ("\"" + value.getName() + "\"").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * @param sink   where to write.
     * @param number the enum number (not the default 0: the caller omits that).
     */
    void write(final JsonSink sink, final int number)
    {
        final byte[] name = quotedNames.get(number);
        if (name != null)
        {
            sink.rawValue(name);
        }
        else
        {
            sink.int32(number);
        }
    }
}
