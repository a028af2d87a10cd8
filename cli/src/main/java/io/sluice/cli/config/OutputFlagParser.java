package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.format.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code --output} flag values, in order, to a {@link RawOutputTree} (after the YAML file, so a flag replaces
 * the same key from the file). Two grammars:
 * <ul>
 *     <li>dotted, the YAML tree as flags: {@code destinations.<name>.<field>=<value>},
 *     {@code streams.<name>.<field>[.<sub>]=<value>} (lists comma-separated), {@code options.<name>[=true|false]};</li>
 *     <li>Tracee's short forms: any file format of {@link Formats} as {@code FORMAT[=ARG][:PATH[,PATH...]]}
 *     ({@code json}, {@code table:/tmp/t}, {@code gotemplate=FILE:PATH}; the registry validates the setting),
 *     {@code none}, the bare option names, {@code option:NAME[,NAME...]}, {@code webhook:URL} (its settings are the
 *     URL's parameters), {@code forward:URL} and {@code kafka:URL} (likewise: {@code kafka:kafka://HOST:PORT/TOPIC}).</li>
 * </ul>
 * Short-form destinations are named {@code <format>-<n>} ({@code json-1}, {@code json-2}, {@code table-1}) or
 * {@code webhook-<n>}, {@code forward-<n>} or {@code kafka-<n>}, n counting the short forms of that format (or type) in flag order.
 * <p>
 * A destination field it does not know ({@code destinations.k.linger.ms=5}) is kept, as given, for the destination's
 * type to accept or refuse; its name is the longest destination name declared so far that the flag starts with, else
 * the part before the first dot ({@code k}, key {@code linger.ms}).
 */
final class OutputFlagParser
{
    private static final String DESTINATIONS = "destinations.";
    private static final String STREAMS = "streams.";
    private static final String OPTIONS = "options.";
    /** Destination fields, longest first so that names with dots still split right. */
    private static final List<String> DESTINATION_FIELDS = List.of("rotate.max-size-mb", "rotate.max-backups",
        "rotate.compress", "rotate.interval", "retry.max-backoff", "retry.backoff", "rotate", "format", "type", "path", "roll",
        "url");
    /** The first parts of the fields above: a key under one of them that is not above is refused, not the type's own. */
    private static final Set<String> DESTINATION_GROUPS = Set.of("type", "format", "path", "url", "roll", "rotate", "retry");
    private static final String DESTINATION_FIELD_NAMES = "type, format, path, url, roll, rotate, rotate.max-size-mb,"
        + " rotate.max-backups, rotate.compress, rotate.interval, retry.backoff, retry.max-backoff";
    /** Stream fields, longest first so that names with dots still split right. */
    private static final List<String> STREAM_FIELDS =
        List.of("filters.policies", "filters.events", "filters.allow", "filters.deny", "filters.redact", "filters.fields",
            "destinations", "buffer.mode", "buffer.size");

    private final RawOutputTree tree;
    private final OutputShortForms shortForms;

    private OutputFlagParser(final RawOutputTree tree)
    {
        this.tree = tree;
        this.shortForms = new OutputShortForms(tree);
    }

    /**
     * @param flags the raw value of every {@code --output} flag, in order.
     * @param tree  the tree to apply them to.
     * @throws ConfigException for a malformed flag, an unknown field or option, or a form not available yet.
     */
    static void apply(final List<String> flags, final RawOutputTree tree)
    {
        final OutputFlagParser parser = new OutputFlagParser(tree);
        // Tracee's list form of the file's output section first (output: [json, "destinations.x.type=file"]), then
        // the flags: one parser, so short forms keep counting (json-1 from the file, json-2 from a flag)
        for (final RawValue<String> item : tree.listForm)
        {
            parser.parse(item.value(), item.origin() + " (" + item.source().field() + ")");
        }
        for (final String flag : flags)
        {
            parser.parse(flag == null ? "" : flag, "--output " + flag);
        }
    }

    private void parse(final String flag, final String origin)
    {
        if (flag.isBlank())
        {
            throw new ConfigException(origin, "--output", flag, "empty value");
        }
        if (flag.startsWith(DESTINATIONS))
        {
            parseDestinationField(flag, origin);
        }
        else if (flag.startsWith(STREAMS))
        {
            parseStreamField(flag, origin);
        }
        else if (flag.startsWith(OPTIONS))
        {
            parseOptionField(flag, origin);
        }
        else
        {
            shortForms.parse(flag, origin);
        }
    }

    // ---------------------------------------------------------------- dotted

    private void parseDestinationField(final String flag, final String origin)
    {
        final int eq = flag.indexOf('=');
        final String key = eq < 0 ? flag : flag.substring(0, eq);
        final String rest = key.substring(DESTINATIONS.length());
        final int dot = rest.lastIndexOf('.');
        if (dot < 0)
        {
            throw new ConfigException(origin, key, null, "expected destinations.<name>.<field>=<value>");
        }
        String name = null;
        String field = null;
        for (final String candidate : DESTINATION_FIELDS)
        {
            if (rest.endsWith("." + candidate) && rest.length() > candidate.length() + 1)
            {
                name = rest.substring(0, rest.length() - candidate.length() - 1);
                field = candidate;
                break;
            }
        }
        if (field == null && DESTINATION_FIELDS.contains(rest.substring(dot + 1)))
        {
            // an empty name (destinations..path), refused with the other name errors
            name = rest.substring(0, dot);
            field = rest.substring(dot + 1);
        }
        if (field == null)
        {
            // a key of the destination type's own: after the longest name already declared, else after the first dot
            name = declaredPrefix(rest);
            field = rest.substring(name.length() + 1);
            if (field.isEmpty())
            {
                throw new ConfigException(origin, key, null, "expected destinations.<name>.<field>=<value>");
            }
            final int fieldDot = field.indexOf('.');
            if (DESTINATION_GROUPS.contains(fieldDot < 0 ? field : field.substring(0, fieldDot)))
            {
                throw new ConfigException(origin, key, null,
                    "unknown field '" + field + "' (expected one of: " + DESTINATION_FIELD_NAMES + ")");
            }
        }
        if (eq < 0 && !field.equals("rotate") && !field.equals("rotate.compress"))
        {
            throw new ConfigException(origin, key, null, "expects a value: " + key + "=<value>");
        }
        final String value = eq < 0 ? "true" : flag.substring(eq + 1);
        final Source source = new Source(origin, key);
        final Source declaredAt = new Source(origin, "destinations." + name);
        final RawDestination destination = tree.destination(name, declaredAt, declaredAt);
        if (destination.isShortForm())
        {
            throw new ConfigException(origin, "destinations." + name, name,
                "is the name of the short-form destination of --output " + destination.shortForm
                    + "; declare yours under another name");
        }
        final RawValue<String> raw = RawValue.of(value, source);
        if (!DESTINATION_FIELDS.contains(field))
        {
            destination.options.put(field, raw);
            return;
        }
        switch (field)
        {
            case "type" -> destination.type = raw;
            case "format" -> destination.format = raw;
            case "path" -> destination.path = raw;
            case "roll" -> destination.roll = raw;
            case "rotate" -> destination.rotate = bool(value, source);
            case "rotate.max-size-mb" -> destination.rotateMaxSizeMb = integer(value, source);
            case "rotate.max-backups" -> destination.rotateMaxBackups = integer(value, source);
            case "rotate.compress" -> destination.rotateCompress = bool(value, source);
            case "rotate.interval" -> destination.rotateInterval = raw;
            case "retry.backoff" -> destination.retryBackoff = raw;
            case "retry.max-backoff" -> destination.retryMaxBackoff = raw;
            default -> destination.url = raw;
        }
    }

    /**
     * @param rest {@code <name>.<key>} of a destination flag whose key the parser does not know.
     * @return the longest name of a destination declared so far that it starts with, else what precedes its first dot.
     */
    private String declaredPrefix(final String rest)
    {
        String name = rest.substring(0, rest.indexOf('.'));
        for (final String declared : tree.destinations.keySet())
        {
            if (declared.length() > name.length() && rest.startsWith(declared + ".") && rest.length() > declared.length() + 1)
            {
                name = declared;
            }
        }
        return name;
    }

    private void parseStreamField(final String flag, final String origin)
    {
        final int eq = flag.indexOf('=');
        final String key = eq < 0 ? flag : flag.substring(0, eq);
        final String rest = key.substring(STREAMS.length());
        String name = null;
        String field = null;
        for (final String candidate : STREAM_FIELDS)
        {
            if (rest.endsWith("." + candidate))
            {
                name = rest.substring(0, rest.length() - candidate.length() - 1);
                field = candidate;
                break;
            }
        }
        if (field == null)
        {
            final int dot = rest.indexOf('.');
            if (dot < 0)
            {
                throw new ConfigException(origin, key, null, "expected streams.<name>.<field>[.<sub>]=<value>");
            }
            final String unknown = rest.substring(dot + 1);
            final String problem = unknown.equals("filters") || unknown.equals("buffer")
                ? "needs a sub-field: " + unknown + "." + (unknown.equals("filters") ? "events or filters.policies"
                : "mode or buffer.size")
                : "unknown field '" + unknown + "' (expected one of: " + String.join(", ", STREAM_FIELDS) + ")";
            throw new ConfigException(origin, key, null, problem);
        }
        if (eq < 0)
        {
            throw new ConfigException(origin, key, null, "expects a value: " + key + "=<value>");
        }
        final String value = flag.substring(eq + 1);
        final Source source = new Source(origin, key);
        final Source declaredAt = new Source(origin, "streams." + name);
        final RawStream stream = tree.stream(name, declaredAt, declaredAt);
        switch (field)
        {
            case "destinations" -> stream.destinations = list(value, source);
            case "filters.events" -> stream.events = list(value, source);
            case "filters.policies" -> stream.policies = list(value, source);
            // Tetragon filters: JSON objects one per line, or @FILE; not split on commas (they belong to the JSON)
            case "filters.allow" -> stream.allow = single(value, source);
            case "filters.deny" -> stream.deny = single(value, source);
            case "filters.redact" -> stream.redact = single(value, source);
            case "filters.fields" -> stream.fields = single(value, source);
            case "buffer.mode" -> stream.mode = RawValue.of(value, source);
            default -> stream.size = integer(value, source);
        }
    }

    private void parseOptionField(final String flag, final String origin)
    {
        final int eq = flag.indexOf('=');
        final String key = eq < 0 ? flag : flag.substring(0, eq);
        final String name = key.substring(OPTIONS.length());
        final Source source = new Source(origin, key);
        checkOptionName(name, source);
        if (eq < 0)
        {
            tree.options.put(name, new RawValue<>(true, "true", source));
            return;
        }
        final String value = flag.substring(eq + 1);
        if (!value.equals("true") && !value.equals("false"))
        {
            throw source.error(value, "must be true or false");
        }
        tree.options.put(name, new RawValue<>(Boolean.parseBoolean(value), value, source));
    }

    // ---------------------------------------------------------------- values

    static void checkOptionName(final String name, final Source source)
    {
        if (RawOutputTree.TRACEE_ONLY_OPTIONS.contains(name) || name.startsWith("exec-hash="))
        {
            throw source.error(name, "not available yet");
        }
        if (!RawOutputTree.isOption(name))
        {
            throw source.error(name, "unknown option (expected one of: " + String.join(", ", RawOutputTree.OPTIONS) + ")");
        }
    }

    private static RawList single(final String value, final Source source)
    {
        final List<RawValue<String>> items = new ArrayList<>();
        if (!value.isBlank())
        {
            items.add(RawValue.of(value.trim(), source));
        }
        return new RawList(items, source);
    }

    private static RawList list(final String value, final Source source)
    {
        final List<RawValue<String>> items = new ArrayList<>();
        if (!value.isBlank())
        {
            for (final String item : value.split(",", -1))
            {
                items.add(RawValue.of(item.trim(), source));
            }
        }
        return new RawList(items, source);
    }

    private static RawValue<Boolean> bool(final String value, final Source source)
    {
        if (!value.equals("true") && !value.equals("false"))
        {
            throw source.error(value, "must be true or false");
        }
        return new RawValue<>(Boolean.parseBoolean(value), value, source);
    }

    private static RawValue<Long> integer(final String value, final Source source)
    {
        try
        {
            return new RawValue<>(Long.parseLong(value.trim()), value, source);
        }
        catch (final NumberFormatException ex)
        {
            throw source.error(value, "expected an integer");
        }
    }
}
