package io.sluice.filter.export;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.policy.EventView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of Tetragon's export filter objects (field names as Tetragon writes them, {@code binary_regex}, or as protojson
 * does, {@code binaryRegex}): every field given must match (AND), any value of a field may (OR). The
 * fields ({@code event_set}, {@code binary_regex}, {@code pid_set}, {@code labels} ...) are listed, and compiled, by
 * {@link ExportFields}, each by a class of its own. Regular expressions are RE2, unanchored. The lineage fields
 * ({@link LineageCondition}) are answered at ingest.
 */
public final class ExportFilter
{

    private final ExportMatcher[] matchers;
    private final List<LineageCondition> lineage = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param origin      the flag or file, for errors.
     * @param object      the parsed JSON object.
     * @param catalog     event names for {@code event_set}.
     * @param policyNames the loaded policies by bit, for {@code policy_names}.
     * @throws ConfigException for an unknown field, a bad value or a bad regular expression.
     */
    public ExportFilter(final String origin, final Map<String, Object> object, final EventCatalog catalog, final String[] policyNames)
    {
        final ExportMatcher[] byTurn = new ExportMatcher[ExportFields.count()];
        int count = 0;
        for (final Map.Entry<String, Object> entry : object.entrySet())
        {
            final String field = entry.getKey();
            final FieldValue value = new FieldValue(origin, field, entry.getValue(), catalog, policyNames, warnings);
            final int index = ExportFields.indexOf(ExportFields.canonical(field));
            if (index < 0)
            {
                value.strings(); // a value that is no list of strings is refused first, as it always was
                throw new ConfigException(origin, field, null,
                    "unknown export filter field (expected " + String.join(", ", ExportFields.NAMES) + ")");
            }
            if (byTurn[index] != null)
            {
                throw new ConfigException(origin, field, null, "written twice (as " + ExportFields.canonical(field)
                    + " and another spelling)");
            }
            final ExportMatcher matcher = ExportFields.compile(index, value);
            if (matcher.lineage() != null)
            {
                lineage.add(matcher.lineage());
            }
            byTurn[index] = matcher;
            count++;
        }
        matchers = new ExportMatcher[count];
        int next = 0;
        for (final ExportMatcher matcher : byTurn)
        {
            if (matcher != null)
            {
                matchers[next++] = matcher;
            }
        }
    }

    /**
     * @param event a decoded event (its matched-policies bitmap already computed).
     * @return true when every field of this filter matches.
     */
    public boolean matches(final EventView event)
    {
        for (final ExportMatcher matcher : matchers)
        {
            if (!matcher.matches(event))
            {
                return false;
            }
        }
        return true;
    }

    /** @return warnings about values accepted as written ({@code policy_names} naming no loaded policy). */
    public List<String> warnings()
    {
        return warnings;
    }

    /** @return the fields of this filter that need the process lineage, answered at ingest. */
    public List<LineageCondition> lineageConditions()
    {
        return lineage;
    }
}
