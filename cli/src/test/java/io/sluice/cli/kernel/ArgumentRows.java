package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.SockAddr;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table-driven kernel tests' rows: an event name, then {@code argument=value} cells whose values may name what
 * the traced program printed ({@code ${pid}}); an event carries a row when each named argument reads as the cell says.
 */
final class ArgumentRows
{
    private ArgumentRows()
    {
    }

    /** @return the row's cells as argument → expected text, with {@code ${name}} replaced by the known values. */
    static Map<String, String> expected(final List<String> row, final Map<String, String> values)
    {
        final Map<String, String> expected = new HashMap<>();
        for (final String cell : row.subList(1, row.size()))
        {
            String value = cell.substring(cell.indexOf('=') + 1);
            for (final Map.Entry<String, String> known : values.entrySet())
            {
                value = value.replace("${" + known.getKey() + "}", known.getValue());
            }
            expected.put(cell.substring(0, cell.indexOf('=')), value);
        }
        return expected;
    }

    /** @return true when every expected argument is there with that text. */
    static boolean carries(final Event event, final Map<String, String> expected)
    {
        final Map<String, String> actual = new HashMap<>();
        event.getDataList().forEach(v -> actual.put(v.getName(), text(v)));
        return expected.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }

    /** @return the event's arguments as {@code {name=text ...}}, for a failure message. */
    static String render(final Event event)
    {
        return event.getDataList().stream().map(v -> v.getName() + "=" + text(v)).collect(Collectors.joining(" ", "{", "}"));
    }

    /**
     * A value as the table writes it: integers in decimal, bytes in hex, arrays comma-separated, sockaddrs as family
     * address:port (a unix socket's path).
     */
    private static String text(final EventValue value)
    {
        return switch (value.getValueCase())
        {
            case INT32 -> Integer.toString(value.getInt32());
            case INT64 -> Long.toString(value.getInt64());
            case U_INT32 -> Integer.toUnsignedString(value.getUInt32());
            case U_INT64 -> Long.toUnsignedString(value.getUInt64());
            case STR -> value.getStr();
            case BOOL -> Boolean.toString(value.getBool());
            case BYTES -> HexFormat.of().formatHex(value.getBytes().toByteArray());
            case INT32_ARRAY -> value.getInt32Array().getValueList().stream().map(String::valueOf).collect(Collectors.joining(","));
            case STR_ARRAY -> String.join(",", value.getStrArray().getValueList());
            case SOCKADDR -> sockaddr(value.getSockaddr());
            default -> value.getValueCase().name();
        };
    }

    private static String sockaddr(final SockAddr addr)
    {
        return switch (addr.getSaFamily())
        {
            case AF_INET -> "AF_INET " + addr.getSinAddr() + ":" + addr.getSinPort();
            case AF_INET6 -> "AF_INET6 [" + addr.getSin6Addr() + "]:" + addr.getSin6Port();
            case AF_UNIX -> "AF_UNIX " + addr.getSunPath();
            default -> addr.getSaFamily().name();
        };
    }
}
