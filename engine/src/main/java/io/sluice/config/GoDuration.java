package io.sluice.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as Tracee and Tetragon users write them (Go's {@code time.ParseDuration} units): {@code 0}, or
 * parts such as {@code 1h30m}, {@code 90s}, {@code 500ms}. The one parser of durations in configuration and flags.
 */
public final class GoDuration
{
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private GoDuration()
    {
    }

    /**
     * @param text the written duration.
     * @return the duration.
     * @throws IllegalArgumentException naming the expected form when the text is not a duration.
     */
    public static Duration parse(final String text)
    {
        final String trimmed = text.trim();
        if (trimmed.equals("0"))
        {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(trimmed).matches())
        {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 10m, 1h or 1h30m (or 0)");
        }
        Duration total = Duration.ZERO;
        final Matcher part = PART.matcher(trimmed);
        while (part.find())
        {
            final long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2))
            {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return total;
    }
}
