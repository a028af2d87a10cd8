package io.sluice.codec.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reference: protobuf's own JSON printer, configured as design section 4 says, and a byte comparison that shows
 * where two outputs part.
 */
public final class ReferenceJson
{
    private static final JsonFormat.Printer PRINTER =
        JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

    private ReferenceJson()
    {
    }

    public static String print(final MessageOrBuilder message)
    {
        try
        {
            return PRINTER.print(message);
        }
        catch (final InvalidProtocolBufferException ex)
        {
            throw new AssertionError(ex);
        }
    }

    public static byte[] printUtf8(final MessageOrBuilder message)
    {
        return print(message).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] bytes(final ExpandableArrayBuffer buffer, final int offset, final int length)
    {
        return Arrays.copyOfRange(buffer.byteArray(), offset, offset + length);
    }

    public static void assertSameJson(final byte[] expected, final byte[] actual, final Supplier<String> what)
    {
        final int mismatch = Arrays.mismatch(expected, actual);
        if (mismatch >= 0)
        {
            fail("JSON differs at byte " + mismatch + "\n" +
                "expected: " + context(expected, mismatch) + "\n" +
                "actual:   " + context(actual, mismatch) + "\n" +
                "expected (full): " + new String(expected, StandardCharsets.UTF_8) + "\n" +
                "actual (full):   " + new String(actual, StandardCharsets.UTF_8) + "\n" +
                "input: " + what.get());
        }
    }

    private static String context(final byte[] json, final int at)
    {
        final int from = Math.max(0, at - 60);
        final int to = Math.min(json.length, at + 40);
        return "..." + new String(json, from, to - from, StandardCharsets.UTF_8) + "... (" + json.length + " bytes)";
    }
}
