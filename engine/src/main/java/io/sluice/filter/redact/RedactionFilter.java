package io.sluice.filter.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sluice.config.ConfigException;
import io.sluice.filter.text.RegexList;
import io.sluice.filter.text.TextCache;
import io.sluice.filter.text.Utf8Text;
import org.agrona.collections.IntArrayList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of Tetragon's redaction filters: {@code redact} (RE2 expressions whose capture groups are replaced by
 * {@code *****}) and an optional {@code binary_regex} choosing the processes it applies to.
 */
public final class RedactionFilter
{
    /** What a redacted capture group becomes. */
    public static final String MASK = "*****";

    /** Sets of two cached range lists (see {@link TextCache}). */
    static final int SETS = 64;
    /** The longest text whose ranges are cached. */
    static final int MAX_CHARS = 1024;
    /** The most ranges cached for one text ({@code [start, end)} pairs). */
    static final int MAX_RANGES = 16;

    private final Matcher[] redact;
    private final RegexList binary;
    private final Utf8Text text = new Utf8Text();
    private final TextCache cache;

    /**
     * @param origin the flag or file and line, for errors.
     * @param object the parsed JSON object.
     * @throws ConfigException for an unknown field, no {@code redact}, or a bad regular expression.
     */
    public RedactionFilter(final String origin, final Map<String, Object> object)
    {
        this(origin, object, new TextCache(SETS, MAX_CHARS, 2 * MAX_RANGES));
    }

    /** With a given cache (tests use tiny ones to force evictions). */
    RedactionFilter(final String origin, final Map<String, Object> object, final TextCache cache)
    {
        List<String> expressions = null;
        RegexList binaries = null;
        for (final Map.Entry<String, Object> entry : object.entrySet())
        {
            switch (entry.getKey())
            {
                case "redact" -> expressions = strings(origin, "redact", entry.getValue());
                case "binary_regex" -> binaries = new RegexList(origin, "binary_regex", strings(origin, "binary_regex", entry.getValue()));
                default -> throw new ConfigException(origin, entry.getKey(), null, "unknown redaction filter field (expected redact, binary_regex)");
            }
        }
        if (expressions == null || expressions.isEmpty())
        {
            throw new ConfigException(origin, "redact", null, "a redaction filter needs at least one expression");
        }
        redact = new Matcher[expressions.size()];
        for (int i = 0; i < redact.length; i++)
        {
            try
            {
                redact[i] = Pattern.compile(expressions.get(i)).matcher(text.text());
            }
            catch (final PatternSyntaxException ex)
            {
                throw new ConfigException(origin, "redact", expressions.get(i), "bad regular expression: " + ex.getDescription());
            }
        }
        binary = binaries;
        this.cache = cache;
    }

    /**
     * @param executable the process's executable path, UTF-8.
     * @param length     its length.
     * @return true when this filter applies to the process.
     */
    boolean appliesTo(final byte[] executable, final int length)
    {
        return binary == null || binary.any(executable, 0, length);
    }

    /**
     * Find what to redact: the range of every capture group of every match, in the text's coordinates. The ranges
     * of recent texts are cached (a text seen recently costs no regular expression and allocates nothing); on a
     * miss the text is copied into the builder the matchers are bound to, and re2j allocates per search.
     *
     * @param text   the text.
     * @param ranges where the {@code [start, end)} pairs are added.
     */
    void ranges(final CharSequence text, final IntArrayList ranges)
    {
        final int slot = cache.lookup(text);
        if (slot >= 0)
        {
            cache.addValues(slot, ranges);
            return;
        }
        final StringBuilder own = this.text.text();
        if (text != own)
        {
            own.setLength(0);
            own.append(text);
        }
        final int first = ranges.size();
        for (final Matcher matcher : redact)
        {
            int from = 0;
            while (from <= own.length() && matcher.find(from))
            {
                for (int g = 1; g <= matcher.groupCount(); g++)
                {
                    if (matcher.start(g) >= 0)
                    {
                        ranges.addInt(matcher.start(g));
                        ranges.addInt(matcher.end(g));
                    }
                }
                from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
            }
        }
        cache.store(own, ranges, first, ranges.size());
    }

    private static List<String> strings(final String origin, final String field, final Object value)
    {
        final List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list)
        {
            for (final Object item : list)
            {
                if (!(item instanceof String))
                {
                    throw new ConfigException(origin, field, String.valueOf(item), "expected a list of strings");
                }
                strings.add((String)item);
            }
            return strings;
        }
        if (value instanceof String text)
        {
            return List.of(text);
        }
        throw new ConfigException(origin, field, String.valueOf(value), "expected a list of strings");
    }
}
