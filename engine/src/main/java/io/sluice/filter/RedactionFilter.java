package io.sluice.filter;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sluice.config.ConfigException;
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

    private final Matcher[] redact;
    private final RegexList binary;

    /**
     * @param origin the flag or file and line, for errors.
     * @param object the parsed JSON object.
     * @throws ConfigException for an unknown field, no {@code redact}, or a bad regular expression.
     */
    public RedactionFilter(final String origin, final Map<String, Object> object)
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
                redact[i] = Pattern.compile(expressions.get(i)).matcher("");
            }
            catch (final PatternSyntaxException ex)
            {
                throw new ConfigException(origin, "redact", expressions.get(i), "bad regular expression: " + ex.getDescription());
            }
        }
        binary = binaries;
    }

    /**
     * @param executable the process's executable path.
     * @return true when this filter applies to the process.
     */
    boolean appliesTo(final CharSequence executable)
    {
        return binary == null || binary.any(executable);
    }

    /**
     * Find what to redact: the range of every capture group of every match, in the text's coordinates.
     *
     * @param text   the text.
     * @param ranges where the {@code [start, end)} pairs are added.
     */
    void ranges(final CharSequence text, final IntArrayList ranges)
    {
        for (final Matcher matcher : redact)
        {
            int from = 0;
            while (from <= text.length() && matcher.reset(text).find(from))
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
