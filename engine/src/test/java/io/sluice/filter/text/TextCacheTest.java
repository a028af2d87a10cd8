package io.sluice.filter.text;

import org.agrona.collections.IntArrayList;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache behind {@link RegexList} and the redaction filters: a hit is only ever the text stored, two texts per
 * set with the least recently used replaced, nothing kept beyond its limits.
 */
class TextCacheTest
{
    @Test
    void aHitIsTheSameTextAndItsValues()
    {
        final TextCache cache = new TextCache(4, 64, 4);
        assertEquals(-1, cache.lookup("/usr/bin/curl"));
        cache.store("/usr/bin/curl", 1);
        final int slot = cache.lookup(new StringBuilder("/usr/bin/curl"));
        assertTrue(slot >= 0);
        assertEquals(1, cache.valueCount(slot));
        assertEquals(1, cache.value(slot, 0));
        assertEquals(slot, cache.lookupAscii("xx/usr/bin/curlyy".getBytes(StandardCharsets.US_ASCII), 2, 13));
        assertEquals(-1, cache.lookup("/usr/bin/cur"));
        assertEquals(-1, cache.lookup("/usr/bin/curl2"));
        assertEquals(-1, cache.lookupAscii("/usr/bin/curL".getBytes(StandardCharsets.US_ASCII), 0, 13));
        assertEquals(TextCache.NOT_ASCII, cache.lookupAscii("/usr/bin/cürl".getBytes(StandardCharsets.UTF_8), 0, 14));
    }

    @Test
    void equalHashesInOneSetKeepTwoAndDropTheLeastRecentlyUsed()
    {
        final TextCache cache = new TextCache(1, 16, 1);
        cache.store("Aa", 1);
        cache.store("BB", 2);
        assertEquals(1, cache.value(cache.lookup("Aa"), 0));
        assertEquals(2, cache.value(cache.lookup("BB"), 0));
        assertEquals(1, cache.value(cache.lookup("Aa"), 0), "Aa used last");
        cache.store("C#", 3);
        assertEquals(-1, cache.lookup("BB"), "BB was the least recently used");
        assertEquals(1, cache.value(cache.lookup("Aa"), 0));
        assertEquals(3, cache.value(cache.lookup("C#"), 0));
    }

    @Test
    void listsAreKeptWithinTheirLimits()
    {
        final TextCache cache = new TextCache(2, 8, 4);
        final IntArrayList ranges = new IntArrayList();
        ranges.addInt(99);
        for (int i = 0; i < 4; i++)
        {
            ranges.addInt(i);
        }
        cache.store("text", ranges, 1, 5);
        final IntArrayList out = new IntArrayList();
        out.addInt(7);
        cache.addValues(cache.lookup("text"), out);
        assertEquals(5, out.size());
        assertEquals(0, out.getInt(1));
        assertEquals(3, out.getInt(4));
        cache.store("other", ranges, 0, 5);
        assertEquals(-1, cache.lookup("other"), "five ints: more than four");
        cache.store("", ranges, 0, 0);
        assertEquals(0, cache.valueCount(cache.lookup("")), "an empty list is a value too");
        cache.store("12345678", 1);
        assertTrue(cache.lookup("12345678") >= 0);
        cache.store("123456789", 1);
        assertEquals(-1, cache.lookup("123456789"), "longer than eight chars");
        assertThrows(IllegalArgumentException.class, () -> new TextCache(3, 8, 1));
    }
}
