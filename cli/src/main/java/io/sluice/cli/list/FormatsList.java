package io.sluice.cli.list;

import io.sluice.format.Format;
import io.sluice.format.Formats;
import io.sluice.output.DestinationKind;
import io.sluice.output.DestinationKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice list formats}: the output formats of the {@link Formats} table, how each is written in config, whether
 * it colours a terminal, and the destination types it is restricted to (none: any type whose own rules take it; a
 * journal, for one, stores {@code sbe} only).
 */
@Command(name = "formats",
    description = "List the output formats: how each is written, whether it colours a terminal, the types it is restricted to.")
public final class FormatsList implements Callable<Integer>, ListedItems
{
    @Mixin
    private ListOutput output;

    @Override
    public Integer call()
    {
        return output.print(this);
    }

    @Override
    public List<Map<String, Object>> items()
    {
        final List<Map<String, Object>> items = new ArrayList<>();
        for (final Format format : Formats.all())
        {
            final List<String> types = new ArrayList<>();
            for (final DestinationKind kind : DestinationKinds.all())
            {
                if (format.allows(kind.key()))
                {
                    types.add(kind.key());
                }
            }
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", format.key());
            item.put("usage", format.usage());
            item.put("colors", format.colors());
            item.put("restricted_to", types.size() == DestinationKinds.all().size() ? List.of() : types);
            items.add(item);
        }
        return items;
    }

    @Override
    public String header()
    {
        return String.format("%-16s %-22s %-7s %s", "FORMAT", "WRITTEN", "COLORS", "DESTINATION TYPES");
    }

    @Override
    @SuppressWarnings("unchecked")
    public String row(final Map<String, Object> item)
    {
        final List<String> only = (List<String>)item.get("restricted_to");
        return String.format("%-16s %-22s %-7s %s", item.get("name"), item.get("usage"), (Boolean)item.get("colors") ? "yes" : "no",
            only.isEmpty() ? "any" : String.join(",", only) + " only");
    }
}
