package io.sluice.stream;

import io.sluice.format.EventFormatter;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What identifies a rendering across streams: two destinations whose formats have equal identities (the format's name
 * and options, and whether it colours, decided from the destinations' configuration at start) render every event to
 * the same bytes, so a {@link RouterGroup} may render an event once for every stream that uses it. It also builds the
 * group's own formatter: formatters are not thread-safe, and the group's runs on the group's thread alone.
 */
public final class SharedFormat
{
    private final Object identity;
    private final Supplier<EventFormatter> formatters;

    /**
     * @param identity   equal for formats that render alike (a record of the format spec and colouring).
     * @param formatters builds a new formatter of that format.
     */
    public SharedFormat(final Object identity, final Supplier<EventFormatter> formatters)
    {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.formatters = Objects.requireNonNull(formatters, "formatters");
    }

    /**
     * @return a new formatter of this format, for the one thread that will use it.
     */
    EventFormatter newFormatter()
    {
        return formatters.get();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof SharedFormat shared && identity.equals(shared.identity);
    }

    @Override
    public int hashCode()
    {
        return identity.hashCode();
    }

    @Override
    public String toString()
    {
        return identity.toString();
    }
}
