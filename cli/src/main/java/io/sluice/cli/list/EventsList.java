package io.sluice.cli.list;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code sluice list events}: every event of the catalog with its stable id, its sets, how it is captured and its
 * arguments with their types, so a user can write {@code --events}, policies and filters without reading the schema.
 */
@Command(name = "events",
    description = "List the events Sluice can emit: id, name, sets, how each is captured, arguments with types.")
public final class EventsList implements Callable<Integer>, ListedItems
{
    @Mixin
    private ListOutput output;

    @Mixin
    private ListedCatalog catalog;

    @Override
    public Integer call()
    {
        return catalog.read(output.err()) ? output.print(this) : ExitCodes.USAGE;
    }

    private EventCatalog catalog()
    {
        return ListedCatalog.of(catalog);
    }

    @Override
    public List<Map<String, Object>> items()
    {
        final List<Map<String, Object>> items = new ArrayList<>();
        for (final EventDefinition event : catalog().events())
        {
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", event.id());
            item.put("name", event.name());
            item.put("sets", event.sets());
            final Map<String, Object> capture = new LinkedHashMap<>();
            capture.put("kind", event.capture().kind().key());
            capture.put("hooks", event.capture().points());
            item.put("capture", capture);
            item.put("syscall", new TreeMap<>(event.syscalls()));
            final List<Object> args = new ArrayList<>();
            for (final ArgDefinition arg : event.args())
            {
                final Map<String, Object> described = new LinkedHashMap<>();
                described.put("name", arg.name());
                described.put("type", arg.type().jsonName());
                args.add(described);
            }
            item.put("arguments", args);
            items.add(item);
        }
        return items;
    }

    @Override
    public String header()
    {
        return String.format("%-6s %-22s %-22s %-36s %s", "ID", "EVENT", "SETS", "CAPTURE", "ARGUMENTS");
    }

    @Override
    public String row(final Map<String, Object> item)
    {
        final EventDefinition event = catalog().byId((Integer)item.get("id"));
        final StringBuilder args = new StringBuilder();
        for (final ArgDefinition arg : event.args())
        {
            args.append(args.length() > 0 ? ", " : "").append(arg.type().jsonName()).append(' ').append(arg.name());
        }
        return String.format("%-6d %-22s %-22s %-36s %s", event.id(), event.name(), String.join(",", event.sets()),
            event.capture(), args);
    }
}
