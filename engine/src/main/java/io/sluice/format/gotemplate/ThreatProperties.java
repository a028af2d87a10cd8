package io.sluice.format.gotemplate;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.ThreatPropertyPlaces;
import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * {@code threat.properties}, a Go {@code map[string]string}: the record's key/value pairs sorted by key (Go ranges
 * over maps in key order), a repeated key keeping its last value as a map would. Sorted the first time a template
 * asks, in place, without allocating once the index array fits.
 */
final class ThreatProperties
{
    private EventRecordView view;
    private ThreatPropertyPlaces properties;
    private boolean sorted;
    private int size;
    private int[] order = new int[16];

    void wrap(final EventRecordView record)
    {
        view = record;
        properties = record.properties();
        sorted = false;
    }

    int size()
    {
        sort();
        return size;
    }

    void key(final int index, final Value out)
    {
        sort();
        final int p = order[index];
        out.setString(view.buffer(), properties.keyOffset(p), properties.keyLength(p));
    }

    void value(final int index, final Value out)
    {
        sort();
        final int p = order[index];
        out.setString(view.buffer(), properties.valueOffset(p), properties.valueLength(p));
    }

    boolean lookup(final DirectBuffer key, final int offset, final int length, final Value out)
    {
        sort();
        for (int i = 0; i < size; i++)
        {
            final int p = order[i];
            if (compare(view.buffer(), properties.keyOffset(p), properties.keyLength(p), key, offset, length) == 0)
            {
                out.setString(view.buffer(), properties.valueOffset(p), properties.valueLength(p));
                return true;
            }
        }
        return false;
    }

    private void sort()
    {
        if (sorted)
        {
            return;
        }
        sorted = true;
        final int count = properties.count();
        if (count > order.length)
        {
            order = Arrays.copyOf(order, count);
        }
        size = 0;
        for (int p = 0; p < count; p++)
        {
            insert(p);
        }
    }

    /**
     * Insertion by key; an equal key replaces the earlier entry (the later value wins).
     */
    private void insert(final int p)
    {
        final DirectBuffer buffer = view.buffer();
        int at = size;
        while (at > 0)
        {
            final int q = order[at - 1];
            final int c = compare(buffer, properties.keyOffset(q), properties.keyLength(q), buffer,
                properties.keyOffset(p), properties.keyLength(p));
            if (c == 0)
            {
                order[at - 1] = p;
                return;
            }
            if (c < 0)
            {
                break;
            }
            at--;
        }
        System.arraycopy(order, at, order, at + 1, size - at);
        order[at] = p;
        size++;
    }

    private static int compare(final DirectBuffer a, final int aOffset, final int aLength, final DirectBuffer b,
        final int bOffset, final int bLength)
    {
        final int n = Math.min(aLength, bLength);
        for (int i = 0; i < n; i++)
        {
            final int x = a.getByte(aOffset + i) & 0xFF;
            final int y = b.getByte(bOffset + i) & 0xFF;
            if (x != y)
            {
                return x - y;
            }
        }
        return aLength - bLength;
    }
}
