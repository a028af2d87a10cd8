package io.sluice.filter.syntax;

import io.sluice.config.ConfigException;
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
 * Tetragon's filter syntax, shared by the export, redaction and field filters: JSON objects, one per line (blank lines
 * skipped), given inline or as {@code @FILE}.
 */
public final class FilterLines
{
    /**
     * One object and where it came from.
     *
     * @param origin the flag, or {@code FILE:line}.
     * @param object the object.
     */
    public record Line(String origin, Map<String, Object> object)
    {
    }

    private FilterLines()
    {
    }

    /**
     * @param flag  the flag, for errors.
     * @param value inline JSON or {@code @FILE}.
     * @return the objects, in order.
     * @throws ConfigException for an unreadable file or a line that is not a JSON object.
     */
    @SuppressWarnings("unchecked")
    public static List<Line> read(final String flag, final String value)
    {
        String origin = flag;
        String input = value;
        if (value.startsWith("@"))
        {
            final Path file = Path.of(value.substring(1));
            try
            {
                input = Files.readString(file);
            }
            catch (final IOException ex)
            {
                throw new ConfigException(flag, "file", file.toString(), "cannot read: " + ex.getMessage());
            }
            origin = file.toString();
        }
        final List<Line> objects = new ArrayList<>();
        final String[] lines = input.split("\n");
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
            objects.add(new Line(where, (Map<String, Object>)parsed));
        }
        return objects;
    }
}
