package io.sluice.source;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code --source synthetic:count=N,rate=R,seed=S,events=a;b}.
 *
 * @param count  events to produce; 0 = until stopped.
 * @param rate   events per second; 0 = as fast as the pipeline takes them.
 * @param seed   seed of the pseudo-random choices, so a run can be repeated exactly.
 * @param events the mix of events to draw from (uniformly).
 * @param policies policy names the events pretend to have matched (bit i = name i), each event a pseudo-random
 *                 non-empty subset ({@link SyntheticSource#policyBits}); empty = none.
 * @param pool     0: every event drawn and encoded afresh; N: N records encoded before the run and copied in turn, each
 *                 with its own seq and timestamp (load tests: the source then costs a copy per event).
 */
public record SyntheticSpec(long count, long rate, long seed, List<EventDefinition> events, List<String> policies, int pool)
{
    /** The largest pool ({@code pool=N}) a spec may ask for. */
    public static final int MAX_POOL = 1 << 20;

    /**
     * A spec that draws every event afresh.
     *
     * @param count    events to produce; 0 = until stopped.
     * @param rate     events per second; 0 = as fast as possible.
     * @param seed     seed of the pseudo-random choices.
     * @param events   the mix of events.
     * @param policies policy names the events pretend to have matched.
     */
    public SyntheticSpec(final long count, final long rate, final long seed, final List<EventDefinition> events,
        final List<String> policies)
    {
        this(count, rate, seed, events, policies, 0);
    }

    /**
     * A spec whose events match no policy.
     *
     * @param count  events to produce; 0 = until stopped.
     * @param rate   events per second; 0 = as fast as possible.
     * @param seed   seed of the pseudo-random choices.
     * @param events the mix of events.
     */
    public SyntheticSpec(final long count, final long rate, final long seed, final List<EventDefinition> events)
    {
        this(count, rate, seed, events, List.of());
    }

    /** The prefix of a synthetic source spec. */
    public static final String PREFIX = "synthetic";

    /**
     * Parse {@code synthetic[:key=value,...]} (keys count, rate, seed, events=a;b, policies=p1;p2, pool=N).
     *
     * @param spec    the text after {@code --source}.
     * @param catalog the catalog event names are checked against.
     * @return the parameters.
     * @throws IllegalArgumentException naming the key and value that are wrong.
     */
    public static SyntheticSpec parse(final String spec, final EventCatalog catalog)
    {
        return parse(spec, catalog, List.of());
    }

    /**
     * Parse {@code synthetic[:key=value,...]} for a run that selects events (by {@code --events}, {@code --policy} or
     * {@code --scope}): without {@code events=}, the source draws from the selected events, as the kernel would be
     * asked for them alone (with nearly 450 events in the catalog, a selection would otherwise see few of its own).
     *
     * @param spec     the text after {@code --source}.
     * @param catalog  the catalog event names are checked against.
     * @param selected the events the run selects; empty = every kernel event of the catalog.
     * @return the parameters.
     * @throws IllegalArgumentException naming the key and value that are wrong.
     */
    public static SyntheticSpec parse(final String spec, final EventCatalog catalog, final List<EventDefinition> selected)
    {
        if (!spec.equals(PREFIX) && !spec.startsWith(PREFIX + ":"))
        {
            throw new IllegalArgumentException("not a synthetic source: '" + spec + "'");
        }
        long count = 1_000_000L;
        long rate = 0;
        long seed = 1;
        long pool = 0;
        final List<EventDefinition> events = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        final String params = spec.length() > PREFIX.length() ? spec.substring(PREFIX.length() + 1) : "";
        for (final String param : params.isEmpty() ? new String[0] : params.split(","))
        {
            final int eq = param.indexOf('=');
            if (eq <= 0)
            {
                throw new IllegalArgumentException("synthetic source: expected key=value, got '" + param + "'");
            }
            final String key = param.substring(0, eq).trim();
            final String value = param.substring(eq + 1).trim();
            switch (key)
            {
                case "count" -> count = parseNonNegative(key, value);
                case "rate" -> rate = parseNonNegative(key, value);
                case "seed" -> seed = parseLong(key, value);
                case "pool" -> pool = parseNonNegative(key, value);
                case "events" ->
                {
                    for (final String name : value.split(";"))
                    {
                        final EventDefinition event = catalog.byName(name.trim());
                        if (event == null)
                        {
                            throw new IllegalArgumentException("synthetic source: events: unknown event '" + name.trim() + "'");
                        }
                        events.add(event);
                    }
                }
                case "policies" ->
                {
                    for (final String name : value.split(";"))
                    {
                        if (name.isBlank() || policies.contains(name.trim()))
                        {
                            throw new IllegalArgumentException("synthetic source: policies: empty or repeated name '" + name + "'");
                        }
                        policies.add(name.trim());
                    }
                    if (policies.size() > Long.SIZE)
                    {
                        throw new IllegalArgumentException("synthetic source: policies: at most 64 names");
                    }
                }
                default -> throw new IllegalArgumentException(
                    "synthetic source: unknown key '" + key + "' (expected count, rate, seed, events, policies, pool)");
            }
        }
        if (pool > MAX_POOL)
        {
            throw new IllegalArgumentException("synthetic source: pool must be <= " + MAX_POOL + ", got '" + pool + "'");
        }
        if (events.isEmpty())
        {
            // the selected or else every kernel event; detector events (ids 6000 and up) are derived, not generated
            selected.stream().filter(event -> event.id() < EventCatalog.FIRST_DETECTOR_ID).forEach(events::add);
        }
        if (events.isEmpty())
        {
            catalog.events().stream().filter(event -> event.id() < EventCatalog.FIRST_DETECTOR_ID).forEach(events::add);
        }
        return new SyntheticSpec(count, rate, seed, List.copyOf(events), List.copyOf(policies), (int)pool);
    }

    private static long parseNonNegative(final String key, final String value)
    {
        final long parsed = parseLong(key, value);
        if (parsed < 0)
        {
            throw new IllegalArgumentException("synthetic source: " + key + " must be >= 0, got '" + value + "'");
        }
        return parsed;
    }

    private static long parseLong(final String key, final String value)
    {
        try
        {
            return Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("synthetic source: " + key + " must be an integer, got '" + value + "'");
        }
    }
}
