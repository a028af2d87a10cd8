package io.sluice.filter.export;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.syntax.FilterLines;
import io.sluice.policy.EventView;

import java.util.ArrayList;
import java.util.List;

/**
 * Tetragon's export allowlist and denylist: an event is kept when the allowlist is empty or one of its objects
 * matches, and no denylist object matches (deny wins). Objects are given one per line (JSON), inline or from a file
 * ({@code @FILE}).
 */
public final class ExportFilters
{
    private final ExportFilter[] allow;
    private final ExportFilter[] deny;

    /**
     * @param allow the allowlist objects (empty: everything is allowed).
     * @param deny  the denylist objects.
     */
    public ExportFilters(final List<ExportFilter> allow, final List<ExportFilter> deny)
    {
        this.allow = allow.toArray(new ExportFilter[0]);
        this.deny = deny.toArray(new ExportFilter[0]);
    }

    /**
     * @param event a decoded event, its matched-policies bitmap computed.
     * @return true when it is exported.
     */
    public boolean keep(final EventView event)
    {
        boolean allowed = allow.length == 0;
        for (int i = 0; i < allow.length && !allowed; i++)
        {
            allowed = allow[i].matches(event);
        }
        if (!allowed)
        {
            return false;
        }
        for (final ExportFilter filter : deny)
        {
            if (filter.matches(event))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the lineage conditions of every object, allowlist then denylist. */
    public List<LineageCondition> lineageConditions()
    {
        final List<LineageCondition> conditions = new ArrayList<>();
        for (final ExportFilter filter : allow)
        {
            conditions.addAll(filter.lineageConditions());
        }
        for (final ExportFilter filter : deny)
        {
            conditions.addAll(filter.lineageConditions());
        }
        return conditions;
    }

    /**
     * Parse filter objects, one JSON object per line, from a flag's value: inline JSON or {@code @FILE}.
     *
     * @param flag        the flag, for errors ({@code --export-allowlist}).
     * @param value       the value.
     * @param catalog     event names.
     * @param policyNames loaded policies by bit.
     * @return the filters.
     * @throws ConfigException naming the flag (or file and line), the field and the value.
     */
    public static List<ExportFilter> parse(final String flag, final String value, final EventCatalog catalog,
        final String[] policyNames)
    {
        final List<ExportFilter> filters = new ArrayList<>();
        for (final FilterLines.Line line : FilterLines.read(flag, value))
        {
            filters.add(new ExportFilter(line.origin(), line.object(), catalog, policyNames));
        }
        return filters;
    }
}
