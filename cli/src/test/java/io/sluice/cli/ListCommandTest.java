package io.sluice.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.detect.DetectorSet;
import io.sluice.format.Formats;
import io.sluice.output.DestinationKinds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice list events|detectors|formats|destinations}: each kind lists exactly the entries of the table the engine
 * uses (catalog, detectors, formats, destination types), as a table and as JSON that an independent parser (Gson)
 * reads back; {@code sluice list} alone still lists the events.
 */
class ListCommandTest
{
    private final CommandRun command = new CommandRun();

    private JsonArray json(final String kind)
    {
        assertEquals(ExitCodes.OK, command.run("list", kind, "--json"), command.err.toString());
        final JsonElement parsed = JsonParser.parseString(command.out.toString());
        assertTrue(parsed.isJsonArray(), command.out.toString());
        return parsed.getAsJsonArray();
    }

    private static List<String> strings(final JsonArray array, final String field)
    {
        final List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.getAsJsonObject().get(field).getAsString()));
        return values;
    }

    @Test
    void listAloneIsListEventsAndTheTableShowsSetsCaptureAndTypedArguments()
    {
        assertEquals(ExitCodes.OK, command.run("list"));
        final String alone = command.out.toString();
        assertEquals(ExitCodes.OK, command.run("list", "events"));
        assertEquals(alone, command.out.toString());
        assertTrue(alone.startsWith("ID     EVENT "), alone);
        assertTrue(alone.contains("1015   sched_process_exec     default,proc           raw_tracepoint:sched_process_exec"), alone);
        assertTrue(alone.contains("258    openat "), alone);
        assertTrue(alone.contains("int32 dirfd, str pathname, int32 flags, u_int32 mode"), alone);
        assertTrue(alone.contains("6100   anti_debugging         signatures             detector"), alone);
        assertEquals(EventCatalog.standard().events().size() + 1, alone.lines().count());
    }

    @Test
    void eventsAsJsonAreTheCatalog()
    {
        final JsonArray events = json("events");
        assertEquals(EventCatalog.standard().events().stream().map(EventDefinition::name).toList(), strings(events, "name"));
        assertEquals(events.toString(), JsonParser.parseString(executeOut("list", "--json")).toString(), "list --json");
        final Set<String> kinds = Set.of("tracepoint", "raw_tracepoint", "cgroup_skb", "derived", "detector", "synthetic");
        for (final JsonElement element : events)
        {
            final JsonObject event = element.getAsJsonObject();
            assertTrue(kinds.contains(event.getAsJsonObject("capture").get("kind").getAsString()), event.toString());
        }
        final JsonObject connect = events.get(1).getAsJsonObject();
        assertEquals(43, connect.get("id").getAsInt());
        assertEquals("[\"default\",\"net\",\"net_sock\",\"syscalls\"]", connect.get("sets").toString());
        assertEquals("{\"kind\":\"raw_tracepoint\",\"hooks\":[\"sys_enter\",\"sys_exit\"]}", connect.get("capture").toString());
        assertEquals("{\"arm64\":203,\"x86_64\":42}", connect.get("syscall").toString());
        assertEquals("{\"name\":\"addr\",\"type\":\"sockaddr\"}", connect.getAsJsonArray("arguments").get(1).toString());
    }

    @Test
    void detectorsCarryTheirThreatMetadata()
    {
        final JsonArray detectors = json("detectors");
        assertEquals(DetectorSet.standard().stream().map(detector -> detector.eventName()).toList(), strings(detectors, "event"));
        final JsonObject antiDebugging = detectors.get(0).getAsJsonObject();
        assertEquals("TRC-102", antiDebugging.get("id").getAsString());
        assertEquals(6100, antiDebugging.get("event_id").getAsInt());
        assertEquals("LOW", antiDebugging.get("severity").getAsString());
        assertEquals("[\"ptrace\"]", antiDebugging.get("inputs").toString());
        assertEquals("{\"technique_id\":\"T1622\",\"technique\":\"Debugger Evasion\",\"tactic\":\"Defense Evasion\"}",
            antiDebugging.get("mitre").toString());
        assertTrue(antiDebugging.get("description").getAsString().startsWith("A process used anti-debugging"));

        assertEquals(ExitCodes.OK, command.run("list", "detectors"));
        assertTrue(command.out.toString().contains("TRC-102  anti_debugging         ptrace                   LOW      Defense Evasion"
            + "    T1622 Debugger Evasion"), command.out.toString());
    }

    @Test
    void formatsAreTheFormatsTable()
    {
        final JsonArray formats = json("formats");
        assertEquals(Formats.all().stream().map(format -> format.key()).toList(), strings(formats, "name"));
        final JsonObject sbe = formats.get(formats.size() - 1).getAsJsonObject();
        assertEquals("sbe", sbe.get("name").getAsString());
        assertEquals("[\"journal\",\"kafka\"]", sbe.get("restricted_to").toString());
        assertEquals("gotemplate=FILE", formats.get(2).getAsJsonObject().get("usage").getAsString());

        assertEquals(ExitCodes.OK, command.run("list", "formats"));
        assertTrue(command.out.toString().contains("compact          compact                yes     any"), command.out.toString());
        assertTrue(command.out.toString().contains("sbe              sbe                    no      journal,kafka only"), command.out.toString());
    }

    @Test
    void destinationsAreTheDestinationTypesTable()
    {
        final JsonArray destinations = json("destinations");
        assertEquals(DestinationKinds.all().stream().map(kind -> kind.key()).toList(), strings(destinations, "type"));
        final JsonObject file = destinations.get(0).getAsJsonObject();
        assertTrue(file.get("default").getAsBoolean());
        assertEquals("[\"path\",\"format\",\"rotate\",\"retry\"]", file.get("keys").toString());
        final JsonObject kafka = destinations.get(destinations.size() - 1).getAsJsonObject();
        assertTrue(kafka.getAsJsonArray("own_keys").toString().contains("\"kafka.*\""), kafka.toString());

        assertEquals(ExitCodes.OK, command.run("list", "destinations"));
        assertTrue(command.out.toString().contains("file*      yes        path, format, rotate, retry"), command.out.toString());
    }

    @Test
    void anUnknownKindIsAUsageError()
    {
        assertEquals(ExitCodes.USAGE, command.run("list", "probes"));
        assertTrue(command.err.toString().contains("probes"), command.err.toString());
    }

    private String executeOut(final String... args)
    {
        assertEquals(ExitCodes.OK, command.run(args), command.err.toString());
        return command.out.toString();
    }
}
