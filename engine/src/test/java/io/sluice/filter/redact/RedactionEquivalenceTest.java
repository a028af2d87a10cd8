package io.sluice.filter.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.filter.syntax.FilterLines;
import io.sluice.filter.text.TextCache;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redaction with cached ranges and values rebuilt in reused buffers writes exactly the record the String-based
 * implementation wrote before (kept here as {@link #reference}): same masks, same bytes (ill-formed UTF-8 of a
 * redacted value re-encoded as it was), same everything else. Many events, each redacted again and again by the
 * same filters (cache hits), interleaved, with caches of one set (every text evicts another) and the default ones.
 * Repeated events allocate nothing.
 */
class RedactionEquivalenceTest
{
    private static final String FILTERS = String.join("\n",
        "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}",
        "{\"redact\": [\"(user)=(\\\\w+)\", \"pass(wor)?d:(\\\\S+)\"]}",
        "{\"binary_regex\": [\"(?:^|/)foo$\"], \"redact\": [\"-p(?:\\\\s+|=)(\\\\S*)\"]}",
        "{\"redact\": [\"^AWS_SECRET_ACCESS_KEY=(.*)$\", \"(é+)|(😀)\"]}",
        "{\"binary_regex\": [\"ƒ\"], \"redact\": [\"(z*)\"]}",
        "{\"redact\": [\"(--tok(en))=(\\\\S+)\"]}");

    private static final String[] ARGUMENTS = {
        "--password=hunter2", "--password", "hunter2", "-p", "s3cr3t", "-p=x", "user=alice", "user=", "", "é", "éé x",
        "--password=pässwörd", "😀", "a😀b", "password:abc", "passwd:x", "--token=t0k", "zz", "serve", "--verbose",
        "INVALID1", "INVALID2", "INVALID3"};
    private static final String[] ENVIRONMENT = {
        "AWS_SECRET_ACCESS_KEY=abc", "HOME=/root", "AWS_SECRET_ACCESS_KEY=", "TOKEN=é😀", "user=bob", "INVALID1", ""};
    private static final String[] EXECUTABLES = {"/usr/bin/foo", "/usr/bin/app", "/opt/ƒoo", "foo"};
    /** Placeholders (same length) replaced by ill-formed UTF-8 in the record. */
    private static final byte[][][] INVALID = {
        {"INVALID1".getBytes(StandardCharsets.UTF_8), {'u', 's', 'e', 'r', '=', (byte)0xFF, 'x', 'y'}},
        {"INVALID2".getBytes(StandardCharsets.UTF_8), {'-', '-', 'p', 'a', (byte)0xC3, 's', 's', (byte)0xED}},
        {"INVALID3".getBytes(StandardCharsets.UTF_8), {(byte)0xF0, (byte)0x9F, (byte)0x98, 'A', 'z', 'z', (byte)0xE9, '1'}}};

    @Test
    void redactedRecordsAreWhatTheyWere()
    {
        final SplittableRandom random = new SplittableRandom(3);
        final List<byte[]> records = new ArrayList<>();
        for (int n = 0; n < 300; n++)
        {
            records.add(randomRecord(random));
        }
        final List<RedactionFilters> redactions = List.of(
            new RedactionFilters(RedactionFilters.parse("--redaction-filters", FILTERS)),
            filtersWithCaches(() -> new TextCache(1, RedactionFilter.MAX_CHARS, 2 * RedactionFilter.MAX_RANGES)),
            filtersWithCaches(() -> new TextCache(1, 12, 4)));
        final List<Reference> references = references();
        int redactedCount = 0;
        for (final RedactionFilters filters : redactions)
        {
            final ExpandableArrayBuffer out = new ExpandableArrayBuffer(64);
            for (int n = 0; n < 4000; n++)
            {
                final byte[] record = records.get(n % 5 == 0 ? random.nextInt(records.size()) : random.nextInt(20));
                final byte[] expected = reference(references, record);
                final EventView view = new EventView(null).wrap(new UnsafeBuffer(record), 0, record.length);
                final int length = filters.redact(view, out);
                if (expected == null)
                {
                    assertEquals(0, length, () -> "nothing to redact in " + describe(record));
                }
                else
                {
                    final byte[] actual = new byte[length];
                    out.getBytes(0, actual);
                    assertArrayEquals(expected, actual, () -> "redacting " + describe(record));
                    redactedCount++;
                }
            }
        }
        assertTrue(redactedCount > 3000, "most events have something to redact: " + redactedCount);
    }

    @Test
    void repeatedEventsAllocateNothing()
    {
        final SplittableRandom random = new SplittableRandom(8);
        final byte[][] records = new byte[12][];
        final EventView[] views = new EventView[records.length];
        for (int i = 0; i < records.length; i++)
        {
            records[i] = randomRecord(random);
            views[i] = new EventView(null);
        }
        final RedactionFilters filters = new RedactionFilters(RedactionFilters.parse("--redaction-filters",
            FILTERS.lines().filter(line -> !line.contains("(z*)")).reduce((a, b) -> a + "\n" + b).orElseThrow()));
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
        final UnsafeBuffer[] buffers = new UnsafeBuffer[records.length];
        for (int i = 0; i < records.length; i++)
        {
            buffers[i] = new UnsafeBuffer(records[i]);
        }
        long total = 0;
        for (int round = 0; round < 20_000; round++)
        {
            final int i = round % records.length;
            total += filters.redact(views[i].wrap(buffers[i], 0, records[i].length), out);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < 20_000; round++)
        {
            final int i = round % records.length;
            total += filters.redact(views[i].wrap(buffers[i], 0, records[i].length), out);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(total > 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 20000 events");
    }

    private static RedactionFilters filtersWithCaches(final java.util.function.Supplier<TextCache> cache)
    {
        final List<RedactionFilter> filters = new ArrayList<>();
        for (final FilterLines.Line line : FilterLines.read("--redaction-filters", FILTERS))
        {
            filters.add(new RedactionFilter(line.origin(), line.object(), cache.get()));
        }
        return new RedactionFilters(filters);
    }

    private static byte[] randomRecord(final SplittableRandom random)
    {
        final String[] argv = new String[1 + random.nextInt(6)];
        argv[0] = "app";
        for (int i = 1; i < argv.length; i++)
        {
            argv[i] = ARGUMENTS[random.nextInt(ARGUMENTS.length)];
        }
        final String[] env = new String[random.nextInt(4)];
        for (int i = 0; i < env.length; i++)
        {
            env[i] = ENVIRONMENT[random.nextInt(ENVIRONMENT.length)];
        }
        TestEvent event = TestEvent.of("sched_process_exec").exe(EXECUTABLES[random.nextInt(EXECUTABLES.length)])
            .str("pathname", "/usr/bin/app").argv(argv);
        if (env.length > 0)
        {
            event = event.strArray(random.nextBoolean() ? "env" : "envp", env);
        }
        final int[] length = new int[1];
        final byte[] record = Arrays.copyOf(event.record(length).byteArray(), length[0]);
        for (final byte[][] placeholder : INVALID)
        {
            for (int at = 0; at + placeholder[0].length <= record.length; at++)
            {
                if (Arrays.equals(record, at, at + placeholder[0].length, placeholder[0], 0, placeholder[0].length))
                {
                    System.arraycopy(placeholder[1], 0, record, at, placeholder[1].length);
                }
            }
        }
        return record;
    }

    // The implementation before values were rebuilt in reused buffers, on Strings, with fresh re2j matchers.

    private record Reference(Pattern binary, List<Pattern> redact)
    {
    }

    private static List<Reference> references()
    {
        final List<Reference> references = new ArrayList<>();
        for (final FilterLines.Line line : FilterLines.read("--redaction-filters", FILTERS))
        {
            final Object binary = line.object().get("binary_regex");
            final List<Pattern> redact = new ArrayList<>();
            for (final Object expression : (List<?>)line.object().get("redact"))
            {
                redact.add(Pattern.compile((String)expression));
            }
            references.add(new Reference(binary == null ? null : Pattern.compile((String)((List<?>)binary).get(0)), redact));
        }
        return references;
    }

    /** @return the redacted record, or null when nothing is redacted. */
    private static byte[] reference(final List<Reference> references, final byte[] record)
    {
        final EventView event = new EventView(null).wrap(new UnsafeBuffer(record), 0, record.length);
        final String exe = new String(event.executable(), 0, event.executableLength(), StandardCharsets.UTF_8);
        final List<Reference> applicable = references.stream().filter(r -> r.binary() == null || r.binary().matcher(exe).find()).toList();
        if (applicable.isEmpty())
        {
            return null;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int read = 0;
        int changed = 0;
        for (int i = 0; i < event.dataCount() && changed < 8; i++)
        {
            if (event.dataType(i) != ValueType.STR_ARRAY)
            {
                continue;
            }
            final String name = new String(event.dataName(i), 0, event.dataNameLength(i), StandardCharsets.UTF_8);
            if (!name.equals("argv") && !name.equals("env") && !name.equals("envp"))
            {
                continue;
            }
            final List<String> elements = new ArrayList<>();
            final StringArrayBlob blob = new StringArrayBlob().wrap(new UnsafeBuffer(event.dataValue(i), 0,
                Math.max(1, event.dataValueLength(i))), 0, event.dataValueLength(i));
            while (blob.next())
            {
                elements.add(new String(event.dataValue(i), blob.elementOffset(), blob.elementLength(), StandardCharsets.UTF_8));
            }
            final List<String> redacted = name.equals("argv") ? joined(applicable, elements) : each(applicable, elements);
            if (redacted == null)
            {
                continue;
            }
            changed++;
            final int at = event.dataValueAt(i);
            out.write(record, read, at - read);
            final byte[] value = StringArrayBlob.encode(redacted);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value.length).array());
            out.writeBytes(value);
            read = at + 4 + event.dataValueLength(i);
        }
        if (changed == 0)
        {
            return null;
        }
        out.write(record, read, record.length - read);
        return out.toByteArray();
    }

    private static List<Integer> ranges(final List<Reference> applicable, final String text)
    {
        final List<Integer> ranges = new ArrayList<>();
        for (final Reference filter : applicable)
        {
            for (final Pattern pattern : filter.redact())
            {
                final Matcher matcher = pattern.matcher(text);
                int from = 0;
                while (from <= text.length() && matcher.reset(text).find(from))
                {
                    for (int g = 1; g <= matcher.groupCount(); g++)
                    {
                        if (matcher.start(g) >= 0)
                        {
                            ranges.add(matcher.start(g));
                            ranges.add(matcher.end(g));
                        }
                    }
                    from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
                }
            }
        }
        for (int i = 2; i < ranges.size(); i += 2)
        {
            final int start = ranges.get(i);
            final int end = ranges.get(i + 1);
            int j = i - 2;
            while (j >= 0 && ranges.get(j) > start)
            {
                ranges.set(j + 2, ranges.get(j));
                ranges.set(j + 3, ranges.get(j + 1));
                j -= 2;
            }
            ranges.set(j + 2, start);
            ranges.set(j + 3, end);
        }
        return ranges;
    }

    private static List<String> joined(final List<Reference> applicable, final List<String> elements)
    {
        final String whole = String.join(" ", elements);
        final List<Integer> ranges = ranges(applicable, whole);
        if (ranges.isEmpty())
        {
            return null;
        }
        final List<String> masked = new ArrayList<>();
        int start = 0;
        for (final String element : elements)
        {
            masked.add(mask(ranges, whole, start, start + element.length()));
            start += element.length() + 1;
        }
        return masked;
    }

    private static List<String> each(final List<Reference> applicable, final List<String> entries)
    {
        final List<String> masked = new ArrayList<>();
        boolean any = false;
        for (final String entry : entries)
        {
            final List<Integer> ranges = ranges(applicable, entry);
            any |= !ranges.isEmpty();
            masked.add(ranges.isEmpty() ? entry : mask(ranges, entry, 0, entry.length()));
        }
        return any ? masked : null;
    }

    private static String mask(final List<Integer> ranges, final String whole, final int from, final int to)
    {
        final StringBuilder element = new StringBuilder();
        int at = from;
        for (int r = 0; r < ranges.size(); r += 2)
        {
            final int start = ranges.get(r);
            final int end = ranges.get(r + 1);
            if (start == end)
            {
                if (start >= at && start >= from && start <= to)
                {
                    element.append(whole, at, start).append(RedactionFilter.MASK);
                    at = start;
                }
                continue;
            }
            final int cut = Math.max(Math.max(start, from), at);
            final int stop = Math.min(end, to);
            if (cut >= stop)
            {
                continue;
            }
            element.append(whole, at, cut).append(RedactionFilter.MASK);
            at = stop;
        }
        return element.append(whole, at, to).toString();
    }

    private static String describe(final byte[] record)
    {
        final EventView event = new EventView(null).wrap(new UnsafeBuffer(record), 0, record.length);
        final StringBuilder text = new StringBuilder(new String(event.executable(), 0, event.executableLength(), StandardCharsets.UTF_8));
        for (int i = 0; i < event.dataCount(); i++)
        {
            if (event.dataType(i) == ValueType.STR_ARRAY)
            {
                text.append(' ').append(new String(event.dataName(i), 0, event.dataNameLength(i), StandardCharsets.UTF_8)).append('=');
                final StringArrayBlob blob = new StringArrayBlob().wrap(new UnsafeBuffer(event.dataValue(i), 0,
                    Math.max(1, event.dataValueLength(i))), 0, event.dataValueLength(i));
                while (blob.next())
                {
                    text.append('[')
                        .append(new String(event.dataValue(i), blob.elementOffset(), blob.elementLength(), StandardCharsets.UTF_8))
                        .append(']');
                }
            }
        }
        return text.toString();
    }
}
