package io.sluice.destination.forward;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code record=map}: JSON as Sluice prints it becomes the MessagePack value it denotes, in the shortest forms: nested
 * objects and arrays (empty, small and over 15 members), strings with every escape and surrogate pairs decoded to UTF-8,
 * integers of each width, decimals exactly as Java reads them, true, false and null. (The delivery test checks the same
 * against Python's msgpack and json.)
 */
class JsonTranscoderTest
{
    private final JsonTranscoder transcoder = new JsonTranscoder();

    @Test
    void objectsBecomeMapsWithTheirScalars() throws IOException
    {
        final Map<?, ?> map = (Map<?, ?>)decode("{\"a\":1,\"b\":true,\"c\":false,\"d\":null,\"e\":\"x\",\"f\":[],\"g\":{}}");
        assertEquals(7, map.size());
        assertEquals(1L, map.get("a"));
        assertEquals(Boolean.TRUE, map.get("b"));
        assertEquals(Boolean.FALSE, map.get("c"));
        assertNull(map.get("d"));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), (byte[])map.get("e"));
        assertEquals(0, ((Object[])map.get("f")).length);
        assertEquals(Map.of(), map.get("g"));
    }

    @Test
    void smallContainersTakeTheOneByteHeaderAndLargeOnesTheSixteenBit() throws IOException
    {
        assertArrayEquals(new byte[] {(byte)0x92, 1, 2}, encode("[1, 2]"));
        assertArrayEquals(new byte[] {(byte)0x81, (byte)0xa1, 'k', (byte)0x90}, encode("{\"k\":[]}"));
        final StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 20; i++)
        {
            many.append(i == 0 ? "" : ",").append("{\"n\":[").append(i).append("]}");
        }
        final byte[] b = encode(many.append("]").toString());
        assertEquals((byte)0xdc, b[0]);
        assertEquals(20, b[2]);
        final Object[] array = (Object[])new MsgPackReader(b, 0, b.length).read();
        assertEquals(20, array.length);
        assertArrayEquals(new Object[] {19L}, (Object[])((Map<?, ?>)array[19]).get("n"));
    }

    @Test
    void escapesAndSurrogatePairsAreDecodedToUtf8() throws IOException
    {
        final String json = "[\"q\\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\f\", \"\\u00e9\\u20ac\\ud83d\\ude00\\u0001\", \"plain é\"]";
        final Object[] array = (Object[])decode(json);
        assertEquals("q\"b\\s/n\nr\rt\tb\bf\f", text(array[0]));
        assertEquals("é€\uD83D\uDE00\u0001", text(array[1]));
        assertEquals("plain é", text(array[2]));
    }

    @Test
    void integersTakeTheShortestFormAndDecimalsAreExact() throws IOException
    {
        final long[] integers = {0, 127, 128, 255, 256, 65_535, 65_536, 4_294_967_295L, 4_294_967_296L, Long.MAX_VALUE,
            -1, -32, -33, -128, -129, -32_768, -32_769, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, Long.MIN_VALUE};
        for (final long integer : integers)
        {
            assertEquals(integer, decode(Long.toString(integer)), "" + integer);
        }
        assertEquals(-1L, decode("18446744073709551615"), "uint64 keeps its bits");
        final String[] decimals = {"0.1", "1.5", "-2.25", "3.141592653589793", "1e5", "-1.5E-7", "0.30000000000000004",
            "123456789.123456789", "1.7976931348623157e308", "-0.0"};
        for (final String decimal : decimals)
        {
            final Object value = decode(decimal);
            assertInstanceOf(Double.class, value, decimal);
            assertEquals(Double.parseDouble(decimal), (Double)value, decimal);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(decimal)), Double.doubleToRawLongBits((Double)value));
        }
    }

    @Test
    void aFullEventKeepsItsShape() throws IOException
    {
        final String event = "{\"timestamp\":1700000000123456789,\"processName\":\"bash\",\"args\":[{\"name\":\"argv\","
            + "\"type\":\"const char*const*\",\"value\":[\"ls\",\"-la\"]},{\"name\":\"ok\",\"value\":true}],"
            + "\"context\":{\"pid\":-4,\"ratio\":0.5}}";
        final Map<?, ?> map = (Map<?, ?>)decode(event);
        assertEquals(1_700_000_000_123_456_789L, map.get("timestamp"));
        final Object[] args = (Object[])map.get("args");
        assertEquals("ls", text(((Object[])((Map<?, ?>)args[0]).get("value"))[0]));
        assertEquals(Map.of("pid", -4L, "ratio", 0.5), map.get("context"));
    }

    @Test
    void whatIsNotJsonIsRefused()
    {
        for (final String bad : new String[] {"{\"a\" 1}", "[1,", "\"open", "tru", "{\"a\":1,}x", "[-]"})
        {
            assertThrows(IllegalArgumentException.class, () -> encode(bad), bad);
        }
    }

    private Object decode(final String json) throws IOException
    {
        final byte[] b = encode(json);
        final MsgPackReader reader = new MsgPackReader(b, 0, b.length);
        final Object value = reader.read();
        assertEquals(b.length, reader.position(), "one value, nothing after it");
        return value;
    }

    private byte[] encode(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final byte[] out = new byte[bytes.length * JsonTranscoder.EXPANSION + 8];
        final int end = transcoder.transcode(new UnsafeBuffer(bytes), 0, bytes.length, out, 0);
        return Arrays.copyOf(out, end);
    }

    private static String text(final Object value)
    {
        return new String((byte[])value, StandardCharsets.UTF_8);
    }
}
