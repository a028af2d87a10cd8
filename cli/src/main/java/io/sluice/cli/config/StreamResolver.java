package io.sluice.cli.config;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.redact.RedactionFilters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns one explicit {@link RawStream} into a {@link StreamConfig}: at least one destination, each declared and owned
 * by no other stream; known event and policy names; {@code block} or {@code drop}; a power-of-two buffer size
 * (rounded up with a warning).
 */
final class StreamResolver
{
    /** The largest ring a stream may ask for. */
    static final int MAX_BUFFER_SIZE = 1 << 24;

    private final Set<String> declaredDestinations;
    private final Map<String, String> owners;
    private final EventCatalog catalog;
    private final Set<String> knownPolicies;
    private final List<String> warnings;

    /**
     * @param declaredDestinations every destination name.
     * @param owners               destination name to the stream that owns it; filled as streams are resolved.
     * @param catalog              the events that may be named.
     * @param knownPolicies        the policies that may be named.
     * @param warnings             where warnings go.
     */
    StreamResolver(final Set<String> declaredDestinations, final Map<String, String> owners,
        final EventCatalog catalog, final Set<String> knownPolicies, final List<String> warnings)
    {
        this.declaredDestinations = declaredDestinations;
        this.owners = owners;
        this.catalog = catalog;
        this.knownPolicies = knownPolicies;
        this.warnings = warnings;
    }

    /**
     * @param raw an explicit stream.
     * @return the validated stream.
     * @throws io.sluice.config.ConfigException naming the offending field and value.
     */
    StreamConfig resolve(final RawStream raw)
    {
        final List<String> destinations = destinations(raw);
        final List<String> events = names(raw.events, "event", name -> catalog.byName(name) != null,
            "unknown event (not in Sluice's event catalog)");
        final List<String> policies = names(raw.policies, "policy", knownPolicies::contains,
            knownPolicies.isEmpty() ? "unknown policy (no policy is loaded)" : "unknown policy");
        return new StreamConfig(raw.name, destinations, events, policies, mode(raw), bufferSize(raw), false, exports(raw));
    }

    /** The stream's Tetragon filters, each object checked now so errors name the file and line (or the flag). */
    private StreamExportConfig exports(final RawStream raw)
    {
        final String[] policies = knownPolicies.toArray(new String[0]);
        final List<String> allow = objects(raw.allow, value -> ExportFilters.parse(value.source().origin(), value.value(), catalog, policies));
        final List<String> deny = objects(raw.deny, value -> ExportFilters.parse(value.source().origin(), value.value(), catalog, policies));
        final List<String> redact = objects(raw.redact, value -> RedactionFilters.parse(value.source().origin(), value.value()));
        final List<String> fields = objects(raw.fields, value -> FieldFilters.parse(value.source().origin(), value.value(), catalog));
        final StreamExportConfig exports = new StreamExportConfig(allow, deny, redact, fields);
        return exports.isEmpty() ? StreamExportConfig.NONE : exports;
    }

    private static List<String> objects(final RawList list, final java.util.function.Consumer<RawValue<String>> check)
    {
        if (list == null)
        {
            return List.of();
        }
        final List<String> objects = new ArrayList<>();
        for (final RawValue<String> item : list.items())
        {
            check.accept(item);
            objects.add(item.value());
        }
        return List.copyOf(objects);
    }

    private List<String> destinations(final RawStream raw)
    {
        if (raw.destinations == null || raw.destinations.items().isEmpty())
        {
            final Source source = raw.destinations != null ? raw.destinations.source()
                : raw.declaredAt.withField(raw.declaredAt.field() + ".destinations");
            throw source.error(null, "a stream must reference at least one destination");
        }
        final List<String> names = new ArrayList<>();
        for (final RawValue<String> item : raw.destinations.items())
        {
            final String name = item.value();
            if (name.isEmpty())
            {
                throw item.error("empty destination name");
            }
            if (!declaredDestinations.contains(name))
            {
                throw item.error("no destination of that name is declared");
            }
            if (names.contains(name))
            {
                throw item.error("destination listed twice");
            }
            final String owner = owners.get(name);
            if (owner != null)
            {
                throw item.error("destination already belongs to stream '" + owner
                    + "' (a destination can be in at most one stream)");
            }
            owners.put(name, raw.name);
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static List<String> names(final RawList list, final String what,
        final Predicate<String> known, final String unknownProblem)
    {
        if (list == null)
        {
            return List.of();
        }
        final Set<String> names = new LinkedHashSet<>();
        for (final RawValue<String> item : list.items())
        {
            if (item.value().isEmpty())
            {
                throw item.error("empty " + what + " name");
            }
            if (!known.test(item.value()))
            {
                throw item.error(unknownProblem);
            }
            names.add(item.value());
        }
        return List.copyOf(names);
    }

    private static BufferMode mode(final RawStream raw)
    {
        if (raw.mode == null)
        {
            return BufferMode.BLOCK;
        }
        final BufferMode mode = BufferMode.byKey(raw.mode.value());
        if (mode == null)
        {
            throw raw.mode.error("must be block or drop");
        }
        return mode;
    }

    private int bufferSize(final RawStream raw)
    {
        if (raw.size == null)
        {
            return StreamConfig.DEFAULT_BUFFER_SIZE;
        }
        final long size = raw.size.value();
        if (size <= 0)
        {
            throw raw.size.error("must be a positive integer");
        }
        if (size > MAX_BUFFER_SIZE)
        {
            throw raw.size.error("must be at most " + MAX_BUFFER_SIZE);
        }
        final int rounded = roundUpToPowerOfTwo((int)size);
        if (rounded != size)
        {
            final Source source = raw.size.source();
            warnings.add(source.origin() + ": " + source.field() + " = '" + raw.size.text() + "': rounded up to "
                + rounded + " (buffer sizes are powers of two)");
        }
        return rounded;
    }

    static int roundUpToPowerOfTwo(final int value)
    {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }
}
