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
 * Tetragon's filter syntax, shared by the export, redaction and field filters: a stream of JSON objects, as Go's
 * {@code json.Decoder} reads Tetragon's lists: usually one per line, but several on one line and one over several lines
 * are read too; given inline or as {@code @FILE}. An object's origin is the line it starts on.
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
        final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        int at = 0;
        while (true)
        {
            at = skipBlanks(input, at);
            if (at >= input.length())
            {
                break;
            }
            final int line = lineOf(input, at);
            final String where = origin.equals(flag) ? flag : origin + ":" + line;
            final int end = input.charAt(at) == '{' ? objectEnd(input, at) : -1;
            if (end < 0)
            {
                throw new ConfigException(where, "(filter)", lineText(input, at), "not a JSON object");
            }
            final String text = input.substring(at, end);
            final Object parsed;
            try
            {
                parsed = yaml.load(text);
            }
            catch (final YAMLException ex)
            {
                throw new ConfigException(where, "(filter)", text, "not a JSON object");
            }
            if (!(parsed instanceof Map))
            {
                throw new ConfigException(where, "(filter)", text, "not a JSON object");
            }
            objects.add(new Line(where, (Map<String, Object>)parsed));
            at = end;
        }
        return objects;
    }

    private static int skipBlanks(final String input, final int from)
    {
        int at = from;
        while (at < input.length() && Character.isWhitespace(input.charAt(at)))
        {
            at++;
        }
        return at;
    }

    /** @return the index after the object that opens at {@code from}, or -1 when it does not close. */
    private static int objectEnd(final String input, final int from)
    {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < input.length(); i++)
        {
            final char c = input.charAt(i);
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{' || c == '[')
            {
                depth++;
            }
            else if ((c == '}' || c == ']') && --depth == 0)
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lineOf(final String input, final int at)
    {
        int line = 1;
        for (int i = 0; i < at; i++)
        {
            if (input.charAt(i) == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private static String lineText(final String input, final int at)
    {
        final int end = input.indexOf('\n', at);
        return input.substring(at, end < 0 ? input.length() : end).trim();
    }
}
