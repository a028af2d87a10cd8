package io.sluice.cli.getevents;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.FieldMaskUtil;
import com.google.protobuf.util.JsonFormat;
import io.sluice.cli.ExitCodes;
import io.sluice.cli.Main;
import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice getevents} with JSON events piped on stdin, as {@code tetra getevents} reads them: printed as
 * Tetragon's compact lines or as the very JSON {@code sluice} prints, filtered here by the request the flags make, a
 * line that is not an event named by its number and skipped, and each event shown as it comes on a pipe that stays
 * open. The test events ({@code events.json}) are a synthetic run's, with three added that carry pods, containers and
 * policies listed in orders a client must learn.
 */
class PipedEventsTest
{
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
        .omittingInsignificantWhitespace();

    private final GetEvents getevents = new GetEvents();

    @TempDir
    Path dir;

    @Test
    void compactPrintsTetragonsLinesForEachEvent() throws Exception
    {
        assertEquals(ExitCodes.OK, getevents.piped(GetEvents.resource("events.json"), "-o", "compact"), getevents.err);
        assertEquals(new String(GetEvents.resource("events.compact"), StandardCharsets.UTF_8), getevents.outText());
        assertEquals("", getevents.err);
    }

    @Test
    void jsonIsByteForByteWhatSluicePrintedForTheEvent() throws Exception
    {
        final Path json = dir.resolve("events.json");
        assertEquals(ExitCodes.OK, Main.execute("--source", "synthetic:count=20000,seed=3,policies=p1;p2", "--output", "json:" + json));
        final byte[] printed = Files.readAllBytes(json);
        assertEquals(ExitCodes.OK, getevents.piped(printed), getevents.err);
        assertArrayEquals(printed, getevents.out, "getevents -o json prints what sluice printed");

        // policies listed as [p2,p3], then [p1,p2,p3], then [p3,p1] (a server restarted with other policies) keep their order
        final byte[] resource = GetEvents.resource("events.json");
        assertEquals(ExitCodes.OK, getevents.piped(resource, "-o", "json"), getevents.err);
        assertEquals(new String(resource, StandardCharsets.UTF_8), getevents.outText());
    }

    @Test
    void anEventOnAPipeThatStaysOpenIsPrintedAtOnce() throws Exception
    {
        final List<String> lines = GetEvents.lines(GetEvents.resource("events.json"));
        final PipedOutputStream writer = new PipedOutputStream();
        final PipedInputStream stdin = new PipedInputStream(writer, 1 << 20);
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final CommandLine command = new CommandLine(new GetEventsCommand(stdin, stdout, true, false));
        final Thread reader = new Thread(() -> command.execute());
        reader.start();
        writer.write((lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (GetEvents.lines(stdout.toByteArray()).size() < 2 && System.nanoTime() < until)
        {
            Thread.sleep(10);
        }
        assertEquals(List.of(lines.get(0), lines.get(1)), GetEvents.lines(stdout.toByteArray()), "printed while stdin is open");
        writer.write((lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        writer.close();
        reader.join(10_000);
        assertEquals(lines.subList(0, 3), GetEvents.lines(stdout.toByteArray()));
    }

    @Test
    void eventTypesAndPolicyNamesKeepOnlyTheirEvents() throws Exception
    {
        assertFiltered(event -> event.getName().equals("accept4") || event.getName().equals("bind"),
            "--event-types", "accept4,bind");
        assertFiltered(event -> event.getPolicies().getMatchedList().contains("p3"), "--policy-names", "p3");
        assertFiltered(event -> event.getName().equals("accept4") && event.getPolicies().getMatchedList().contains("p3"),
            "-e", "accept4", "--policy-names", "p3");
        final io.sluice.codec.catalog.EventCatalog catalog = io.sluice.codec.catalog.EventCatalog.standard();
        assertFiltered(event -> catalog.byName(event.getName()).sets().contains("net"), "--event-types", "net");
    }

    @Test
    void processesPodsNamespacesAndHostFilterAsTetragonsAllowList() throws Exception
    {
        assertFiltered(event -> event.getWorkload().getProcess().getExecutable().getPath().matches(".*(kubelet|curl).*"),
            "--processes", "kubelet,curl");
        assertFiltered(event -> event.getWorkload().getPod().getNamespace().equals("default"), "--namespaces", "default");
        assertFiltered(event -> event.getWorkload().getPod().getName().startsWith("tie"), "--pods", "tie.*");
        assertFiltered(event -> !event.getWorkload().hasPod(), "--host");
        assertFiltered(event -> !event.getWorkload().hasPod() || event.getWorkload().getPod().getNamespace().equals("empire"),
            "--host", "-n", "empire");
    }

    @Test
    void includeAndExcludeFieldsKeepWhatAFieldMaskKeeps() throws Exception
    {
        final List<Event> events = events();
        assertEquals(ExitCodes.OK, getevents.piped(GetEvents.resource("events.json"), "-f", "name,workload.process.pid"),
            getevents.err);
        final FieldMask include = FieldMask.newBuilder().addPaths("name").addPaths("workload.process.pid").build();
        final List<String> expected = new ArrayList<>();
        for (final Event event : events)
        {
            final Event.Builder kept = Event.newBuilder();
            FieldMaskUtil.merge(include, event, kept);
            expected.add(PRINTER.print(kept));
        }
        assertEquals(expected, GetEvents.lines(getevents.out));

        assertEquals(ExitCodes.OK, getevents.piped(GetEvents.resource("events.json"), "-F", "data,workload.process"),
            getevents.err);
        expected.clear();
        for (final Event event : events)
        {
            final Event.Builder kept = event.toBuilder().clearData();
            kept.getWorkloadBuilder().clearProcess();
            expected.add(PRINTER.print(kept));
        }
        assertEquals(expected, GetEvents.lines(getevents.out));
    }

    @Test
    void timestampsPutTheEventsTimeInUtcBeforeEachCompactLine() throws Exception
    {
        assertEquals(ExitCodes.OK, getevents.piped(GetEvents.resource("events.json"), "-o", "compact", "--timestamps"),
            getevents.err);
        final DateTimeFormatter go = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
        final List<String> compact = GetEvents.lines(GetEvents.resource("events.compact"));
        final List<Event> events = events();
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++)
        {
            final Instant time = Instant.ofEpochSecond(events.get(i).getTimestamp().getSeconds(), events.get(i).getTimestamp().getNanos());
            expected.add(go.format(time) + " " + compact.get(i));
        }
        assertEquals(expected, GetEvents.lines(getevents.out));
        final byte[] early = "{\"timestamp\":{\"seconds\":\"951782400\",\"nanos\":5},\"id\":\"openat\",\"name\":\"openat\"}\n"
            .getBytes(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, getevents.piped(early, "-o", "compact", "--timestamps"), getevents.err);
        assertTrue(getevents.outText().startsWith("2000-02-29T00:00:00.000000005Z "), getevents.outText());
    }

    @Test
    void aLineThatIsNotAnEventIsNamedByItsNumberAndSkipped() throws Exception
    {
        final List<String> lines = GetEvents.lines(GetEvents.resource("events.json"));
        final String input = lines.get(0) + "\n" + lines.get(1) + "\n{\"id\":\"openat\",\n\n" + lines.get(2) + "\nnot json\n";
        assertEquals(ExitCodes.OK, getevents.piped(input.getBytes(StandardCharsets.UTF_8)), getevents.err);
        assertEquals(List.of(lines.get(0), lines.get(1), lines.get(2)), GetEvents.lines(getevents.out));
        final List<String> errors = List.of(getevents.err.split("\n"));
        assertEquals(2, errors.size(), getevents.err);
        assertTrue(errors.get(0).startsWith("sluice getevents: stdin line 3: skipped, not an event: "), errors.get(0));
        assertTrue(errors.get(1).startsWith("sluice getevents: stdin line 6: skipped, not an event: "), errors.get(1));
    }

    @Test
    void afterTenBadLinesTheRestAreCounted() throws Exception
    {
        final String input = "x\n".repeat(25) + GetEvents.lines(GetEvents.resource("events.json")).get(0) + "\n";
        assertEquals(ExitCodes.OK, getevents.piped(input.getBytes(StandardCharsets.UTF_8)), getevents.err);
        final List<String> errors = List.of(getevents.err.split("\n"));
        assertEquals(PipedEvents.NAMED + 1, errors.size(), getevents.err);
        assertEquals("sluice getevents: 25 lines of stdin were not events (skipped); the first 10 are named above",
            errors.get(PipedEvents.NAMED));
        assertEquals(1, GetEvents.lines(getevents.out).size());
    }

    @Test
    void whatOnlyAServerCouldDoIsRefusedWhenStdinIsPiped() throws Exception
    {
        final byte[] events = GetEvents.resource("events.json");
        assertEquals(ExitCodes.USAGE, getevents.piped(events, "--server-address", "127.0.0.1:4466", "--mode", "block",
            "--tls-ca-cert-files", "ca.pem"));
        assertEquals("sluice getevents: --server-address, --mode, --tls-ca-cert-files: stdin is piped, so events are read from it and no server"
            + " is asked (redirect stdin from /dev/null to connect)\n", getevents.err);
        assertEquals(0, getevents.out.length);
    }

    @Test
    void badFlagsAreOneLineAndExitCode2() throws Exception
    {
        final byte[] events = GetEvents.resource("events.json");
        assertRefused(events, "sluice getevents: --output 'table': expected json or compact", "-o", "table");
        assertRefused(events, "sluice getevents: --timestamps apply to -o compact only", "--timestamps");
        assertRefused(events, "sluice getevents: --color 'sometimes' (expected auto, always or never)", "-o", "compact",
            "--color", "sometimes");
        assertRefused(events, "sluice getevents: --event-types: 'nope': no such event or set (see sluice list)",
            "--event-types", "openat,nope");
        assertRefused(events, "sluice getevents: --processes/--namespaces/--pods: binary_regex = '(': bad regular expression:"
            + " missing closing )", "--processes", "(");
        assertRefused(events, "sluice getevents: --buffer-size 1000: expected a power of two (4096)", "--buffer-size", "1000");
        assertRefused(events, "sluice getevents: --server-address: 'localhost:http': expected HOST:PORT, PORT, tcp:HOST:PORT or"
            + " unix:/path", "--server-address", "localhost:http");
        assertRefused(events, "sluice getevents: --server-address: '127.0.0.1:0': port 0 picks a free port for a server; a client"
            + " needs the port the server listens on", "--server-address", "127.0.0.1:0");
    }

    private void assertRefused(final byte[] events, final String line, final String... args)
    {
        assertEquals(ExitCodes.USAGE, getevents.piped(events, args), getevents.err);
        assertEquals(line + "\n", getevents.err);
        assertEquals(0, getevents.out.length);
    }

    /** getevents -o json with these flags prints exactly the input lines whose events pass, in order. */
    private void assertFiltered(final Predicate<Event> passes, final String... flags) throws Exception
    {
        final List<String> lines = GetEvents.lines(GetEvents.resource("events.json"));
        final List<Event> events = events();
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            if (passes.test(events.get(i)))
            {
                expected.add(lines.get(i));
            }
        }
        assertTrue(!expected.isEmpty() && expected.size() < lines.size(), "the filter " + String.join(" ", flags) +
            " both keeps and drops some test events: " + expected.size());
        assertEquals(ExitCodes.OK, getevents.piped(GetEvents.resource("events.json"), flags), getevents.err);
        assertEquals(expected, GetEvents.lines(getevents.out), String.join(" ", flags));
    }

    private static List<Event> events() throws Exception
    {
        final List<Event> events = new ArrayList<>();
        for (final String line : GetEvents.lines(GetEvents.resource("events.json")))
        {
            events.add(parse(line));
        }
        return events;
    }

    private static Event parse(final String line) throws InvalidProtocolBufferException
    {
        final Event.Builder event = Event.newBuilder();
        JsonFormat.parser().merge(line, event);
        return event.build();
    }
}
