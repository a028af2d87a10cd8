package io.sluice.filter.text;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict cache and the reused matchers never change a verdict: every answer equals a fresh re2j
 * {@code find()} on the text (what {@link RegexList} did before), for texts seen once or many times, interleaved,
 * with equal hashes, longer than a cache slot, non-ASCII or not even UTF-8, through both entry points and with
 * caches small enough that every text evicts another. Repeated texts allocate nothing.
 */
class RegexListTest
{
    private static final List<List<String>> EXPRESSIONS = List.of(
        List.of("^/usr/bin/"),
        List.of("(?:^|/)sshd$"),
        List.of("curl", "^/bin/"),
        List.of(""),
        List.of("^$"),
        List.of("(?i)CAFÉ", "\\pL{3}\\d"),
        List.of("é$", "😀"),
        List.of("\\x{FFFD}"),
        List.of("^/tmp/[^/]+\\.sh$", "--password(?:\\s+|=)(\\S*)"),
        List.of("A"),
        List.of("x{3,}z$"),
        List.of("\\bserve\\b", "a.b", "(?s)a.b"));

    private static final List<Supplier<TextCache>> CACHES = List.of(
        () -> new TextCache(RegexList.SETS, RegexList.MAX_CHARS, 1),
        () -> new TextCache(1, RegexList.MAX_CHARS, 1),
        () -> new TextCache(1, 8, 1),
        () -> new TextCache(4, 64, 1));

    /** What {@link RegexList#any} answered before caching: a fresh re2j search per expression. */
    private static boolean reference(final List<String> expressions, final String text)
    {
        for (final String expression : expressions)
        {
            if (Pattern.compile(expression).matcher(text).find())
            {
                return true;
            }
        }
        return false;
    }

    /** Paths, arguments, equal hashes, long texts, non-ASCII and ill-formed UTF-8. */
    private static List<byte[]> texts()
    {
        final List<String> strings = new ArrayList<>(List.of(
            "", "/usr/bin/curl", "/usr/sbin/sshd", "/usr/sbin/sshd2", "sshd", "/bin/bash", "/usr/bin/", "/usr/bin",
            "Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "café1", "CAFÉ", "/tmp/caf\u00e9", "/tmp/😀", "/tmp/run.sh",
            "/tmp/a/run.sh", "--password=hunter2", "--password hunter2 serve", "serve", "observe", "a\nb", "a\u2028b",
            "xxxz", "xxz", "xxxxxxxxxxxxxxxxxxz\n", "/opt/データ/bin", "\ufffd"));
        strings.add("x".repeat(RegexList.MAX_CHARS - 1) + "z");
        strings.add("x".repeat(RegexList.MAX_CHARS) + "z");
        strings.add("/usr/bin/" + "a".repeat(5000));
        strings.add("a".repeat(5000) + "/sshd");
        strings.add("a".repeat(5000) + "é");
        strings.add("y".repeat(7) + "A");
        strings.add("y".repeat(8) + "A");
        final List<byte[]> texts = new ArrayList<>();
        strings.forEach(s -> texts.add(s.getBytes(StandardCharsets.UTF_8)));
        texts.add(new byte[] {'/', 'u', (byte)0xFF, 's', 'r'});
        texts.add(new byte[] {'c', 'a', 'f', (byte)0xC3});
        texts.add(new byte[] {'c', 'a', 'f', (byte)0xC3, (byte)0xA9, (byte)0xED, (byte)0xA0, (byte)0x80, '1'});
        texts.add(new byte[] {(byte)0xF0, (byte)0x9F, (byte)0x98, 's', 's', 'h', 'd'});
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++)
        {
            texts.add(Utf8TextTest.randomBytes(random, random.nextInt(16)));
        }
        return texts;
    }

    @Test
    void cachedVerdictsEqualFreshSearchesWhateverTheOrder()
    {
        final List<byte[]> texts = texts();
        final SplittableRandom random = new SplittableRandom(11);
        for (final List<String> expressions : EXPRESSIONS)
        {
            final boolean[] expected = new boolean[texts.size()];
            for (int t = 0; t < texts.size(); t++)
            {
                expected[t] = reference(expressions, new String(texts.get(t), StandardCharsets.UTF_8));
            }
            for (final Supplier<TextCache> cache : CACHES)
            {
                final RegexList list = new RegexList("test", "binary_regex", expressions, cache.get());
                final byte[] frame = new byte[8192];
                for (int n = 0; n < 6000; n++)
                {
                    // Mostly a few hot texts (hits), sometimes any (misses and evictions), in sequence now and then.
                    final int t = n % 97 == 0 ? (n / 97) % texts.size() : random.nextInt(4) == 0 ? random.nextInt(texts.size()) : random.nextInt(12);
                    final byte[] bytes = texts.get(t);
                    final String text = new String(bytes, StandardCharsets.UTF_8);
                    final boolean verdict;
                    switch (n % 3)
                    {
                        case 0 -> verdict = list.any(text);
                        case 1 -> verdict = list.any(new StringBuilder(text));
                        default ->
                        {
                            final int offset = random.nextInt(frame.length - bytes.length + 1);
                            random.nextBytes(frame);
                            System.arraycopy(bytes, 0, frame, offset, bytes.length);
                            verdict = list.any(frame, offset, bytes.length);
                        }
                    }
                    assertEquals(expected[t], verdict, () -> expressions + " on '" + text + "'");
                }
            }
        }
    }

    @Test
    void equalHashesAreToldApart()
    {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        final RegexList list = new RegexList("test", "binary_regex", List.of("A"), new TextCache(1, 16, 1));
        for (int i = 0; i < 10; i++)
        {
            assertTrue(list.any("Aa"));
            assertFalse(list.any("BB"));
            assertTrue(list.any("AaBB".getBytes(StandardCharsets.US_ASCII), 0, 4));
            assertFalse(list.any("BBBB".getBytes(StandardCharsets.US_ASCII), 0, 4));
        }
    }

    @Test
    void textsSeenBeforeAllocateNothing()
    {
        final RegexList binaries = new RegexList("test", "binary_regex", List.of("(?:^|/)sshd$", "^/usr/local/"));
        final byte[][] paths = new byte[24][];
        for (int i = 0; i < paths.length; i++)
        {
            paths[i] = ("/usr/" + (i % 2 == 0 ? "bin" : "sbin") + "/tool-" + i + (i % 5 == 0 ? "/sshd" : "") + (i % 7 == 0 ? "é" : ""))
                .getBytes(StandardCharsets.UTF_8);
        }
        int expected = 0;
        for (final byte[] path : paths)
        {
            expected += reference(List.of("(?:^|/)sshd$", "^/usr/local/"), new String(path, StandardCharsets.UTF_8)) ? 1 : 0;
        }
        int matched = 0;
        for (int round = 0; round < 2000; round++)
        {
            for (final byte[] path : paths)
            {
                matched += binaries.any(path, 0, path.length) ? 1 : 0;
            }
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < 2000; round++)
        {
            for (final byte[] path : paths)
            {
                matched += binaries.any(path, 0, path.length) ? 1 : 0;
            }
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertEquals(4, expected, "/sshd at the end of 5, 10, 15, 20 (0 ends in é)");
        assertEquals(2 * 2000 * expected, matched);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over " + 2000 * paths.length + " searches");
    }
}
