package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The maps Sprig's {@code split} returns ({@code map[string]string} with keys {@code _0}, {@code _1}, ...), kept for
 * one event: each map is a run of parts, byte ranges of the string that was split, so nothing is copied. Keys iterate
 * in Go's sorted order ({@code _0 _1 _10 _2}). Reused event after event.
 */
final class SplitMaps implements TemplateData
{
    private static final int[][] NO_ORDERS = new int[0][];

    private DirectBuffer[] buffers = new DirectBuffer[16];
    private int[] partOffset = new int[16];
    private int[] partLength = new int[16];
    private int parts;
    private int[] mapStart = new int[4];
    private int[] mapSize = new int[4];
    private int maps;
    private UnsafeBuffer[] keys = new UnsafeBuffer[0];
    private int[][] orders = NO_ORDERS;

    void reset()
    {
        parts = 0;
        maps = 0;
    }

    /**
     * Go's {@code strings.Split(text, separator)} as a map.
     *
     * @return the map's handle.
     */
    long split(final Value separator, final Value text)
    {
        if (maps == mapStart.length)
        {
            mapStart = Arrays.copyOf(mapStart, maps * 2);
            mapSize = Arrays.copyOf(mapSize, maps * 2);
        }
        final int map = maps++;
        mapStart[map] = parts;
        final int end = text.offset + text.length;
        if (separator.length == 0)
        {
            int at = text.offset;
            while (at < end)
            {
                final int width = Utf8.width(Utf8.decode(text.bytes, at, end));
                addPart(text.bytes, at, width);
                at += width;
            }
        }
        else
        {
            int from = text.offset;
            int at = text.offset;
            while (at + separator.length <= end)
            {
                if (matches(text.bytes, at, separator))
                {
                    addPart(text.bytes, from, at - from);
                    at += separator.length;
                    from = at;
                }
                else
                {
                    at++;
                }
            }
            addPart(text.bytes, from, end - from);
        }
        mapSize[map] = parts - mapStart[map];
        return map;
    }

    private static boolean matches(final DirectBuffer text, final int at, final Value separator)
    {
        for (int i = 0; i < separator.length; i++)
        {
            if (text.getByte(at + i) != separator.bytes.getByte(separator.offset + i))
            {
                return false;
            }
        }
        return true;
    }

    private void addPart(final DirectBuffer buffer, final int offset, final int length)
    {
        if (parts == partOffset.length)
        {
            buffers = Arrays.copyOf(buffers, parts * 2);
            partOffset = Arrays.copyOf(partOffset, parts * 2);
            partLength = Arrays.copyOf(partLength, parts * 2);
        }
        buffers[parts] = buffer;
        partOffset[parts] = offset;
        partLength[parts] = length;
        parts++;
    }

    @Override
    public String typeName(final long handle)
    {
        return "map[string]string";
    }

    @Override
    public boolean hasField(final long message, final FieldStep field)
    {
        return false;
    }

    @Override
    public boolean field(final long message, final FieldStep field, final Value out)
    {
        return false;
    }

    @Override
    public int size(final long composite)
    {
        return mapSize[(int)composite];
    }

    @Override
    public void element(final long list, final int index, final Value out)
    {
        throw new IllegalStateException("a split map is not a list");
    }

    @Override
    public void key(final long map, final int index, final Value out)
    {
        final UnsafeBuffer key = key(order(mapSize[(int)map])[index]);
        out.setString(key, 0, key.capacity());
    }

    @Override
    public void entry(final long map, final int index, final Value out)
    {
        final int part = mapStart[(int)map] + order(mapSize[(int)map])[index];
        out.setString(buffers[part], partOffset[part], partLength[part]);
    }

    @Override
    public boolean lookup(final long map, final DirectBuffer key, final int offset, final int length, final Value out)
    {
        if (length < 2 || key.getByte(offset) != '_' || (length > 2 && key.getByte(offset + 1) == '0'))
        {
            return false;
        }
        int index = 0;
        for (int i = offset + 1; i < offset + length; i++)
        {
            final int digit = key.getByte(i) - '0';
            if (digit < 0 || digit > 9 || index > 100_000_000)
            {
                return false;
            }
            index = index * 10 + digit;
        }
        if (index >= mapSize[(int)map])
        {
            return false;
        }
        final int part = mapStart[(int)map] + index;
        out.setString(buffers[part], partOffset[part], partLength[part]);
        return true;
    }

    @Override
    public void zeroElement(final long map, final Value out)
    {
        out.setString(key(0), 0, 0);
    }

    @Override
    public int fieldCount(final long message)
    {
        return 0;
    }

    @Override
    public String fieldName(final long message, final int index)
    {
        throw new IllegalStateException("a split map has no fields");
    }

    @Override
    public boolean fieldAt(final long message, final int index, final Value out)
    {
        return false;
    }

    @Override
    public byte[] enumName(final long enumType, final long number)
    {
        return null;
    }

    private UnsafeBuffer key(final int index)
    {
        if (index >= keys.length)
        {
            final UnsafeBuffer[] grown = Arrays.copyOf(keys, Math.max(index + 1, keys.length * 2));
            for (int i = keys.length; i < grown.length; i++)
            {
                grown[i] = new UnsafeBuffer(("_" + i).getBytes(StandardCharsets.US_ASCII));
            }
            keys = grown;
        }
        return keys[index];
    }

    /**
     * @return for a map of n parts, the part index of each key in sorted key order.
     */
    private int[] order(final int n)
    {
        if (n >= orders.length)
        {
            orders = Arrays.copyOf(orders, Math.max(n + 1, orders.length * 2));
        }
        if (orders[n] == null)
        {
            final String[] names = new String[n];
            for (int i = 0; i < n; i++)
            {
                names[i] = "_" + i;
            }
            Arrays.sort(names);
            final int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = Integer.parseInt(names[i].substring(1));
            }
            orders[n] = order;
        }
        return orders[n];
    }
}
