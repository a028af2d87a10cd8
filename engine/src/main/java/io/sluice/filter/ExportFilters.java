package io.sluice.filter;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.policy.EventView;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    @SuppressWarnings("unchecked")
    public static List<ExportFilter> parse(final String flag, final String value, final EventCatalog catalog,
        final String[] policyNames)
    {
        String origin = flag;
        String text = value;
        if (value.startsWith("@"))
        {
            final Path file = Path.of(value.substring(1));
            try
            {
                text = Files.readString(file);
            }
            catch (final IOException ex)
            {
                throw new ConfigException(flag, "file", file.toString(), "cannot read: " + ex.getMessage());
            }
            origin = file.toString();
        }
        final List<ExportFilter> filters = new ArrayList<>();
        final String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i].trim();
            if (line.isEmpty())
            {
                continue;
            }
            final String where = origin.equals(flag) ? flag : origin + ":" + (i + 1);
            final Object parsed;
            try
            {
                parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(line);
            }
            catch (final YAMLException ex)
            {
                throw new ConfigException(where, "(filter)", line, "not a JSON object");
            }
            if (!(parsed instanceof Map))
            {
                throw new ConfigException(where, "(filter)", line, "not a JSON object");
            }
            filters.add(new ExportFilter(where, (Map<String, Object>)parsed, catalog, policyNames));
        }
        return filters;
    }
}
