package io.sluice.cli.list;

import io.sluice.output.DestinationKind;
import io.sluice.output.DestinationKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code sluice list destinations}: the destination types of the {@link DestinationKinds} table (the first is the
 * default {@code type}), whether each can be used, and the keys it takes: those every front end knows and its own.
 */
@Command(name = "destinations",
    description = "List the destination types: whether each is available and the keys it takes.")
public final class DestinationsList implements Callable<Integer>, ListedItems
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
        final List<DestinationKind> kinds = DestinationKinds.all();
        for (final DestinationKind kind : kinds)
        {
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", kind.key());
            item.put("default", kind == kinds.get(0));
            item.put("available", kind.available());
            item.put("keys", kind.commonKeys());
            item.put("own_keys", List.copyOf(new TreeSet<>(kind.optionKeys())));
            items.add(item);
        }
        return items;
    }

    @Override
    public String header()
    {
        return String.format("%-10s %-10s %s", "TYPE", "AVAILABLE", "KEYS");
    }

    @Override
    @SuppressWarnings("unchecked")
    public String row(final Map<String, Object> item)
    {
        final List<String> keys = new ArrayList<>((List<String>)item.get("keys"));
        keys.addAll((List<String>)item.get("own_keys"));
        return String.format("%-10s %-10s %s", item.get("type") + ((Boolean)item.get("default") ? "*" : ""),
            (Boolean)item.get("available") ? "yes" : "no", String.join(", ", keys));
    }
}
