package io.sluice.cli.list;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What every {@code list} kind prints: its items as rows of a table under a header, or, with {@code --json}, as one
 * JSON array of objects (one per item), so a script reads the same facts the table shows.
 */
public interface ListedItems
{
    /** @return the items, each a map of field name to value (a string, number, boolean, list or map), in order. */
    List<Map<String, Object>> items();

    /** @return the table's header line. */
    String header();

    /**
     * @param item one of {@link #items()}.
     * @return its table row.
     */
    String row(Map<String, Object> item);

    /**
     * @param out  where to print.
     * @param json true for a JSON array, false for the table.
     */
    default void print(final PrintWriter out, final boolean json)
    {
        final List<Map<String, Object>> items = items();
        if (json)
        {
            out.println(JsonText.of(items));
        }
        else
        {
            out.println(header());
            items.forEach(item -> out.println(row(item)));
        }
        out.flush();
    }
}
