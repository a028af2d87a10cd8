package io.sluice.filter.export;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.filter.text.RegexList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field of an export filter object as written (its JSON value) with what compiling it may need (where it came
 * from, event names, policy names), and the conversions the fields share, so that every field refuses a bad value
 * with the same words.
 */
final class FieldValue
{
    private final String origin;
    private final String field;
    private final Object value;
    private final EventCatalog catalog;
    private final String[] policyNames;
    private final List<String> warnings;

    /**
     * @param origin      the flag or file and line, for errors.
     * @param field       the field's name.
     * @param value       its value as parsed from JSON.
     * @param catalog     event names.
     * @param policyNames the loaded policies by bit.
     */
    FieldValue(final String origin, final String field, final Object value, final EventCatalog catalog,
        final String[] policyNames)
    {
        this(origin, field, value, catalog, policyNames, new ArrayList<>());
    }

    /**
     * @param origin      the flag or file and line, for errors.
     * @param field       the field's name.
     * @param value       its value as parsed from JSON.
     * @param catalog     event names.
     * @param policyNames the loaded policies by bit.
     * @param warnings    receives what is accepted but worth a word ({@code policy_names} naming no loaded policy).
     */
    FieldValue(final String origin, final String field, final Object value, final EventCatalog catalog,
        final String[] policyNames, final List<String> warnings)
    {
        this.warnings = warnings;
        this.origin = origin;
        this.field = field;
        this.value = value;
        this.catalog = catalog;
        this.policyNames = policyNames;
    }

    /**
     * @param message a warning about this field's value, printed once at start-up.
     */
    void warn(final String message)
    {
        warnings.add(origin + ": " + field + ": " + message);
    }

    /** @return the flag or file and line the field was written in, for errors. */
    String origin()
    {
        return origin;
    }

    /** @return the field's name. */
    String field()
    {
        return field;
    }

    /** @return the value as parsed from JSON. */
    Object raw()
    {
        return value;
    }

    /** @return event names, for {@code event_set}. */
    EventCatalog catalog()
    {
        return catalog;
    }

    /** @return the loaded policies by bit, for {@code policy_names}. */
    String[] policyNames()
    {
        return policyNames;
    }

    /**
     * @param subfield a name under this field ({@code effective} under {@code capabilities}), or null for the field.
     * @param value    the value refused, or null.
     * @param reason   why.
     * @return the error, naming where the value was written and this field.
     */
    ConfigException error(final String subfield, final String value, final String reason)
    {
        return new ConfigException(origin, subfield == null ? field : field + "." + subfield, value, reason);
    }

    /**
     * @return the value as Tetragon takes it: a list of strings or numbers, or one of them alone.
     * @throws ConfigException for an object, a null or a list holding one.
     */
    List<String> strings()
    {
        if (value instanceof List<?> list)
        {
            final List<String> strings = new ArrayList<>();
            for (final Object item : list)
            {
                if (item instanceof Map || item instanceof List || item == null)
                {
                    throw error(null, String.valueOf(item), "expected a list of strings or numbers");
                }
                strings.add(String.valueOf(item));
            }
            return strings;
        }
        if (value instanceof Map || value == null)
        {
            throw error(null, String.valueOf(value), "expected a list");
        }
        return List.of(String.valueOf(value));
    }

    /**
     * @return the values as pids.
     * @throws ConfigException for a value that is not an integer.
     */
    int[] pids()
    {
        final List<String> values = strings();
        final int[] pids = new int[values.size()];
        for (int i = 0; i < pids.length; i++)
        {
            try
            {
                pids[i] = (int)Long.parseLong(values.get(i));
            }
            catch (final NumberFormatException ex)
            {
                throw error(null, values.get(i), "expected a pid");
            }
        }
        return pids;
    }

    /**
     * @return the values as RE2 expressions, unanchored.
     * @throws ConfigException for a bad expression.
     */
    RegexList regexes()
    {
        return new RegexList(origin, field, strings());
    }
}
