package io.sluice.cli.list;

import java.util.List;
import java.util.Map;

/**
 * Renders what a {@code list} command shows as JSON: maps (objects, in their iteration order), lists, strings, numbers
 * and booleans. The lists are small and printed once, so a plain recursive writer is enough.
 */
public final class JsonText
{
    private JsonText()
    {
    }

    /**
     * @param value a map, list, string, number, boolean or null.
     * @return its JSON text, on one line.
     */
    public static String of(final Object value)
    {
        final StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(final StringBuilder out, final Object value)
    {
        if (value == null)
        {
            out.append("null");
        }
        else if (value instanceof Map<?, ?> map)
        {
            out.append('{');
            String separator = "";
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                out.append(separator);
                string(out, entry.getKey().toString());
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        }
        else if (value instanceof List<?> list)
        {
            out.append('[');
            for (int i = 0; i < list.size(); i++)
            {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        }
        else if (value instanceof Number || value instanceof Boolean)
        {
            out.append(value);
        }
        else
        {
            string(out, value.toString());
        }
    }

    private static void string(final StringBuilder out, final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
