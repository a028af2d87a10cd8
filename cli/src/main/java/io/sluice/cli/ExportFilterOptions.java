package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.filter.export.ExportFilter;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilter;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.redact.RedactionFilter;
import io.sluice.filter.redact.RedactionFilters;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Tetragon's export filters for every stream: {@code --export-allowlist}, {@code --export-denylist},
 * {@code --redaction-filters} and {@code --field-filters}, each JSON objects one per line, inline or {@code @FILE}, repeatable.
 */
public final class ExportFilterOptions
{
    @Option(names = "--export-allowlist", paramLabel = "JSON|@FILE",
        description = {"Tetragon export allowlist: JSON objects, one per line (fields AND, objects OR), e.g.",
            "{\"event_set\":[\"sched_process_exec\"],\"binary_regex\":[\"^/usr/bin/\"]}. Only matching events are exported."})
    private List<String> allowlist = new ArrayList<>();

    @Option(names = "--export-denylist", paramLabel = "JSON|@FILE",
        description = "Tetragon export denylist, same syntax; a matching event is never exported (deny wins).")
    private List<String> denylist = new ArrayList<>();

    @Option(names = "--redaction-filters", paramLabel = "JSON|@FILE",
        description = {"Tetragon redaction filters, one JSON object per line: {\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}",
            "(capture groups in arguments and environment become *****), optional \"binary_regex\"."})
    private List<String> redactionFilters = new ArrayList<>();

    @Option(names = "--field-filters", paramLabel = "JSON|@FILE",
        description = {"Tetragon field filters, one JSON object per line, applied in order: \"fields\" (dotted v1beta1.Event paths,",
            "comma-separated), \"action\" INCLUDE|EXCLUDE, optional \"event_set\" (Sluice names) and \"invert_event_set\"."})
    private List<String> fieldFilters = new ArrayList<>();

    /**
     * @return for each kind of filter given, its flag and how many values it had ({@code --export-allowlist (2 values)}),
     *         in the order allowlist, denylist, redaction, fields.
     */
    List<String> given()
    {
        final List<String> given = new ArrayList<>();
        describe(given, "--export-allowlist", allowlist);
        describe(given, "--export-denylist", denylist);
        describe(given, "--redaction-filters", redactionFilters);
        describe(given, "--field-filters", fieldFilters);
        return given;
    }

    /**
     * @return every value given to the global filter flags, as written ({@code --export-allowlist {"event_set":...}} or
     *         {@code --field-filters @FILE}), in the order of {@link #given()}.
     */
    List<String> values()
    {
        final List<String> values = new ArrayList<>();
        allowlist.forEach(value -> values.add("--export-allowlist " + value));
        denylist.forEach(value -> values.add("--export-denylist " + value));
        redactionFilters.forEach(value -> values.add("--redaction-filters " + value));
        fieldFilters.forEach(value -> values.add("--field-filters " + value));
        return values;
    }

    private static void describe(final List<String> given, final String flag, final List<String> values)
    {
        if (!values.isEmpty())
        {
            given.add(flag + " (" + values.size() + (values.size() == 1 ? " value)" : " values)"));
        }
    }

    /**
     * @param catalog event names for {@code event_set}.
     * @return the field filters, or null when none is given.
     * @throws io.sluice.config.ConfigException for an unknown field path, action or key.
     */
    FieldFilters fieldFilters(final EventCatalog catalog)
    {
        if (fieldFilters.isEmpty())
        {
            return null;
        }
        final List<FieldFilter> filters = new ArrayList<>();
        for (final String value : fieldFilters)
        {
            filters.addAll(FieldFilters.parse("--field-filters", value, catalog));
        }
        return new FieldFilters(filters, catalog);
    }

    /**
     * @return the redaction filters, or null when none is given.
     * @throws io.sluice.config.ConfigException for an unknown field or a bad regular expression.
     */
    RedactionFilters redactions()
    {
        if (redactionFilters.isEmpty())
        {
            return null;
        }
        final List<RedactionFilter> filters = new ArrayList<>();
        for (final String value : redactionFilters)
        {
            filters.addAll(RedactionFilters.parse("--redaction-filters", value));
        }
        return new RedactionFilters(filters);
    }

    /**
     * @param catalog     event names for {@code event_set}.
     * @param policyNames loaded policies by bit, for {@code policy_names}.
     * @return the filters, or null when none is given.
     * @throws io.sluice.config.ConfigException for an unknown field, a bad value or a bad regular expression.
     */
    ExportFilters load(final EventCatalog catalog, final String[] policyNames)
    {
        return load(catalog, policyNames, new ArrayList<>());
    }

    /**
     * @param catalog     event names for {@code event_set}.
     * @param policyNames loaded policies by bit, for {@code policy_names}.
     * @param warnings    receives a line per value accepted with a warning ({@code policy_names} naming no policy).
     * @return the filters, or null when none is given.
     * @throws io.sluice.config.ConfigException for an unknown field, a bad value or a bad regular expression.
     */
    ExportFilters load(final EventCatalog catalog, final String[] policyNames, final List<String> warnings)
    {
        if (allowlist.isEmpty() && denylist.isEmpty())
        {
            return null;
        }
        final List<ExportFilter> allow = new ArrayList<>();
        for (final String value : allowlist)
        {
            allow.addAll(ExportFilters.parse("--export-allowlist", value, catalog, policyNames));
        }
        final List<ExportFilter> deny = new ArrayList<>();
        for (final String value : denylist)
        {
            deny.addAll(ExportFilters.parse("--export-denylist", value, catalog, policyNames));
        }
        allow.forEach(filter -> warnings.addAll(filter.warnings()));
        deny.forEach(filter -> warnings.addAll(filter.warnings()));
        return new ExportFilters(allow, deny);
    }
}
