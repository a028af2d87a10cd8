package io.sluice.codec.json;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key written from its pre-encoded words is exactly {@code "name":} (or {@code "name":{} for one that opens an
 * object), separated by a comma when a value came before,
 * whatever its length, and the bytes its stores wrote past its end never show.
 */
class JsonSinkKeyTest
{
    private final JsonSink sink = new JsonSink(64);

    @Test
    void everyKeyOfTheEventWritesItsQuotedName() throws Exception
    {
        int checked = 0;
        for (final Field field : JsonKeys.class.getDeclaredFields())
        {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == JsonKey.class)
            {
                final String text = afterAnotherKey((JsonKey)field.get(null), true);
                final boolean opens = field.getName().endsWith("_OPEN");
                final String name = field.getName().toLowerCase().replace("_open", "");
                final String tail = opens ? "\":{false}" : "\":false}";
                assertTrue(text.matches("\\{\"id\":true,\"[a-z0-9_]+" + tail.replace("{", "\\{")), text);
                assertEquals(name.replace("_", ""), text.substring(12, text.length() - tail.length()).replace("_", ""), field.getName());
                checked++;
            }
        }
        assertTrue(checked > 60, "keys checked: " + checked);
    }

    @Test
    void everyFusedKeyWritesItsPartsAsTheyWouldBeWrittenOneByOne() throws Exception
    {
        final Map<String, String> expected = Map.ofEntries(
            Map.entry("BEGIN_TIMESTAMP", "{\"timestamp\":{"),
            Map.entry("BEGIN_TIMESTAMP_SECONDS", "{\"timestamp\":{\"seconds\":"),
            Map.entry("START_TIME_SECONDS", "\"start_time\":{\"seconds\":"),
            Map.entry("PID_VALUE", "\"pid\":{\"value\":"),
            Map.entry("HOST_PID_VALUE", "\"host_pid\":{\"value\":"),
            Map.entry("ID_VALUE", "\"id\":{\"value\":"),
            Map.entry("EXECUTABLE_PATH", "\"executable\":{\"path\":"),
            Map.entry("THREAD_NAME", "\"thread\":{\"name\":"),
            Map.entry("WORKLOAD_PROCESS", "\"workload\":{\"process\":{"),
            Map.entry("DATA_ARRAY", "\"data\":["),
            Map.entry("ANCESTORS_ARRAY", "\"ancestors\":["));
        int checked = 0;
        for (final Field field : JsonKeyPaths.class.getDeclaredFields())
        {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == JsonKey.class)
            {
                assertEquals("{\"id\":true," + expected.get(field.getName()) + "false",
                    afterAnotherKey((JsonKey)field.get(null), false), field.getName());
                checked++;
            }
        }
        assertEquals(expected.size(), checked);
    }

    /**
     * @param key   a key.
     * @param close whether the object is ended after it.
     * @return {@code {"id":true,} then the key and {@code false}, as the sink writes them.
     */
    private String afterAnotherKey(final JsonKey key, final boolean close)
    {
        sink.reset();
        sink.beginObject();
        sink.key(JsonKeys.ID);
        sink.bool(true);
        sink.key(key);
        sink.bool(false);
        if (close)
        {
            sink.endObject();
        }
        return new String(sink.array(), 0, sink.length(), StandardCharsets.US_ASCII);
    }

    @Test
    void keysOfEveryLengthUpToTheLimit()
    {
        final StringBuilder name = new StringBuilder();
        for (int length = 0; length + 3 <= JsonKey.MAX_LENGTH; length++)
        {
            sink.reset();
            sink.beginObject();
            sink.key(JsonKey.of(name.toString()));
            sink.int32(7);
            sink.key(JsonKey.of(name.toString()));
            sink.endObject();
            assertEquals("{\"" + name + "\":7,\"" + name + "\":}",
                new String(sink.array(), 0, sink.length(), StandardCharsets.US_ASCII));
            name.append((char)('a' + length));
        }
        assertThrows(IllegalArgumentException.class, () -> JsonKey.of(name.toString()));
    }
}
