package io.sluice.filter.text;

import org.agrona.collections.IntArrayList;

/**
 * A small fixed-size cache of what a pure function of a text gave (a regular expression's verdict, the ranges a
 * redaction masks), so texts that repeat (executables, paths, command lines) skip the regular expressions and
 * allocate nothing. Two-way set associative, the least recently used way of a set replaced on a store. Keys are
 * compared char by char in full (the hash only chooses the set), so a hit is always the value stored for that
 * very text. Texts longer than {@code maxChars} and results of more than {@code maxValues} ints are not kept (the
 * caller computes them every time). A slot's key storage is allocated on first use and grows (powers of two) up
 * to {@code maxChars}: once slots have grown, lookups and stores allocate nothing.
 * <p>
 * Not thread-safe: one per filter, used by the thread that runs the filter.
 */
public final class TextCache
{
    /** {@link #lookupAscii}: a byte is not ASCII. */
    static final int NOT_ASCII = -2;
    private static final int EMPTY = -1;

    private final int setMask;
    private final int maxChars;
    private final int maxValues;
    private final char[][] keys;
    private final int[] keyLengths;
    private final int[] hashes;
    private final int[][] values;
    private final int[] valueCounts;
    private final boolean[] secondWayOlder;

    /**
     * @param sets      how many sets of two slots (a power of two).
     * @param maxChars  the longest text kept.
     * @param maxValues the most ints kept for one text.
     */
    public TextCache(final int sets, final int maxChars, final int maxValues)
    {
        if (sets <= 0 || (sets & (sets - 1)) != 0)
        {
            throw new IllegalArgumentException("sets must be a power of two: " + sets);
        }
        this.setMask = sets - 1;
        this.maxChars = maxChars;
        this.maxValues = maxValues;
        keys = new char[2 * sets][];
        keyLengths = new int[2 * sets];
        java.util.Arrays.fill(keyLengths, EMPTY);
        hashes = new int[2 * sets];
        values = new int[2 * sets][];
        valueCounts = new int[2 * sets];
        secondWayOlder = new boolean[sets];
    }

    /**
     * @param text the text.
     * @return the slot holding its value, or -1.
     */
    public int lookup(final CharSequence text)
    {
        final int length = text.length();
        if (length > maxChars)
        {
            return -1;
        }
        int hash = 0;
        for (int i = 0; i < length; i++)
        {
            hash = 31 * hash + text.charAt(i);
        }
        final int set = set(hash);
        for (int slot = 2 * set; slot < 2 * set + 2; slot++)
        {
            if (keyLengths[slot] == length && hashes[slot] == hash && same(keys[slot], text, length))
            {
                secondWayOlder[set] = slot == 2 * set;
                return slot;
            }
        }
        return -1;
    }

    /**
     * @param bytes  UTF-8 bytes: when all are ASCII (0 to 127) the text they decode to is char for byte.
     * @param offset where they start.
     * @param length how many.
     * @return the slot holding the value of their text, -1 when none does, or {@link #NOT_ASCII} when a byte is
     *         not ASCII (look the decoded text up instead).
     */
    int lookupAscii(final byte[] bytes, final int offset, final int length)
    {
        int hash = 0;
        int any = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final int b = bytes[i];
            any |= b;
            hash = 31 * hash + b;
        }
        if (any < 0)
        {
            return NOT_ASCII;
        }
        if (length > maxChars)
        {
            return -1;
        }
        final int set = set(hash);
        for (int slot = 2 * set; slot < 2 * set + 2; slot++)
        {
            if (keyLengths[slot] == length && hashes[slot] == hash && same(keys[slot], bytes, offset, length))
            {
                secondWayOlder[set] = slot == 2 * set;
                return slot;
            }
        }
        return -1;
    }

    /** @return how many ints the slot holds. */
    int valueCount(final int slot)
    {
        return valueCounts[slot];
    }

    /** @return the slot's i-th int. */
    int value(final int slot, final int i)
    {
        return values[slot][i];
    }

    /** Add the slot's ints to a list. */
    public void addValues(final int slot, final IntArrayList to)
    {
        final int[] kept = values[slot];
        for (int i = 0; i < valueCounts[slot]; i++)
        {
            to.addInt(kept[i]);
        }
    }

    /**
     * Keep one int for a text (replacing the set's least recently used slot).
     *
     * @param text  the text.
     * @param value its value.
     */
    void store(final CharSequence text, final int value)
    {
        final int slot = slotFor(text, 1);
        if (slot >= 0)
        {
            values[slot][0] = value;
            valueCounts[slot] = 1;
        }
    }

    /**
     * Keep ints {@code [from, to)} of a list for a text (replacing the set's least recently used slot).
     *
     * @param text the text.
     * @param list the ints.
     * @param from the first.
     * @param to   after the last.
     */
    public void store(final CharSequence text, final IntArrayList list, final int from, final int to)
    {
        final int slot = slotFor(text, to - from);
        if (slot >= 0)
        {
            final int[] kept = values[slot];
            for (int i = from; i < to; i++)
            {
                kept[i - from] = list.getInt(i);
            }
            valueCounts[slot] = to - from;
        }
    }

    /** Claim a slot for the text and copy the key in; -1 when it is not kept. */
    private int slotFor(final CharSequence text, final int count)
    {
        final int length = text.length();
        if (length > maxChars || count > maxValues)
        {
            return -1;
        }
        int hash = 0;
        for (int i = 0; i < length; i++)
        {
            hash = 31 * hash + text.charAt(i);
        }
        final int set = set(hash);
        final int slot;
        if (keyLengths[2 * set] == EMPTY)
        {
            slot = 2 * set;
        }
        else if (keyLengths[2 * set + 1] == EMPTY)
        {
            slot = 2 * set + 1;
        }
        else
        {
            slot = secondWayOlder[set] ? 2 * set + 1 : 2 * set;
        }
        secondWayOlder[set] = slot == 2 * set;
        char[] key = keys[slot];
        if (key == null || key.length < length)
        {
            key = new char[Math.min(maxChars, Math.max(16, Integer.highestOneBit(Math.max(1, length - 1)) << 1))];
            keys[slot] = key;
        }
        if (values[slot] == null)
        {
            values[slot] = new int[Math.max(1, maxValues)];
        }
        for (int i = 0; i < length; i++)
        {
            key[i] = text.charAt(i);
        }
        keyLengths[slot] = length;
        hashes[slot] = hash;
        return slot;
    }

    private int set(final int hash)
    {
        final int spread = hash * 0x9E3779B9;
        return (spread ^ spread >>> 16) & setMask;
    }

    private static boolean same(final char[] key, final CharSequence text, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (key[i] != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean same(final char[] key, final byte[] ascii, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (key[i] != ascii[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}
