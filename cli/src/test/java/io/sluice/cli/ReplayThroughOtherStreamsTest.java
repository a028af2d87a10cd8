package io.sluice.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay goes through the same streams as live input: a journal captured with one stream config and policy set,
 * replayed with other streams, event filters, policies and time ranges, gives exactly what filtering the direct
 * JSON capture of the same run the same way gives.
 */
class ReplayThroughOtherStreamsTest
{
    private static final Set<String> EVENTS = Set.of("openat", "execve", "connect");

    @TempDir
    static Path dir;
    static Path journal;
    static List<String> direct;

    @BeforeAll
    static void capture() throws Exception
    {
        journal = dir.resolve("journal");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=200000,seed=9,policies=alpha;beta;gamma",
            "--output", "destinations.journal.type=journal", "--output", "destinations.journal.path=" + journal,
            "--output", "destinations.direct.format=json", "--output", "destinations.direct.path=" + dir.resolve("direct.json")),
            sluice.err);
        direct = Sluice.lines(dir.resolve("direct.json"));
        assertEquals(200_000, direct.size());
    }

    @Test
    void recordedPoliciesFilterAsTheyDidAtCapture() throws Exception
    {
        final Path out = dir.resolve("beta.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--recorded-policies", "--progress", "never",
            "--output", "destinations.d.format=json", "--output", "destinations.d.path=" + out,
            "--output", "streams.s.destinations=d", "--output", "streams.s.filters.events=" + String.join(",", EVENTS),
            "--output", "streams.s.filters.policies=beta"), sluice.err);

        final List<String> expected = direct.stream()
            .filter(line -> EVENTS.contains(Sluice.eventOf(line)))
            .filter(line -> line.contains("\"policies\":{\"matched\":[") && policiesOf(line).contains("\"beta\""))
            .collect(Collectors.toList());
        assertTrue(expected.size() > 5_000, "too few events to prove anything: " + expected.size());
        assertEquals(expected, Sluice.lines(out));
    }

    @Test
    void withoutRecordedPoliciesTheReplaysOwnPoliciesApply() throws Exception
    {
        final Path out = dir.resolve("events.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--progress", "never",
            "--output", "destinations.d.format=json", "--output", "destinations.d.path=" + out,
            "--output", "streams.s.destinations=d", "--output", "streams.s.filters.events=" + String.join(",", EVENTS)),
            sluice.err);

        // No policy given to replay: the implicit one passes everything and names none.
        final List<String> expected = direct.stream()
            .filter(line -> EVENTS.contains(Sluice.eventOf(line)))
            .map(line -> line.replaceFirst(",\"policies\":\\{\"matched\":\\[[^]]*]}", ""))
            .collect(Collectors.toList());
        assertEquals(expected, Sluice.lines(out));
    }

    @Test
    void policiesGivenToReplayAreEvaluatedAfresh() throws Exception
    {
        final Path out = dir.resolve("openat-policy.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--progress", "never", "--events", "openat",
            "--output", "json:" + out), sluice.err);

        // --events forms the replay's implicit policy: only openat passes, and it is the one policy matched
        final List<String> expected = direct.stream()
            .filter(line -> "openat".equals(Sluice.eventOf(line)))
            .map(line -> line.replaceFirst(",\"policies\":\\{\"matched\":\\[[^]]*]}", "")
                .replaceFirst("(\"name\":\"openat\")", "$1,\"policies\":{\"matched\":[\"default-policy\"]}"))
            .collect(Collectors.toList());
        assertTrue(expected.size() > 5_000, "too few events to prove anything: " + expected.size());
        assertEquals(expected, Sluice.lines(out));
    }

    @Test
    void recordedPoliciesAndTheReplaysOwnCannotBeMixed()
    {
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.USAGE, sluice.run("replay", journal.toString(), "--progress", "never", "--recorded-policies",
            "--events", "openat", "--output", "none"));
        assertTrue(sluice.err.contains("--recorded-policies keeps the policies matched at capture time: "
            + "it cannot be combined with --policy, --events or --scope"), sluice.err);
    }

    @Test
    void recordedPolicyNamesAreOnlyKnownWithRecordedPolicies()
    {
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.USAGE, sluice.run("replay", journal.toString(), "--progress", "never",
            "--output", "destinations.d.format=json", "--output", "destinations.d.path=" + dir.resolve("x.json"),
            "--output", "streams.s.destinations=d", "--output", "streams.s.filters.policies=beta"));
        assertTrue(sluice.err.contains("streams.s.filters.policies = 'beta': unknown policy"), sluice.err);
    }

    @Test
    void fromAndToSelectByTheRecordedTimestamp() throws Exception
    {
        final long from = Sluice.nanosOf(direct.get(50_000));
        final long to = Sluice.nanosOf(direct.get(120_000));
        final Path out = dir.resolve("window.json");
        final Sluice sluice = new Sluice();
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--progress", "never",
            "--from", seconds(from), "--to", java.time.Instant.ofEpochSecond(0, to).toString(),
            "--output", "json:" + out), sluice.err);

        final List<String> expected = direct.stream()
            .filter(line -> Sluice.nanosOf(line) >= from && Sluice.nanosOf(line) <= to)
            .map(line -> line.replaceFirst(",\"policies\":\\{\"matched\":\\[[^]]*]}", ""))
            .collect(Collectors.toList());
        assertEquals(expected, Sluice.lines(out));
        assertTrue(sluice.err.contains("outside --from/--to skipped"), sluice.err);
    }

    private static String policiesOf(final String line)
    {
        final int start = line.indexOf("\"policies\":{\"matched\":[");
        return line.substring(start, line.indexOf(']', start));
    }

    private static String seconds(final long nanos)
    {
        return nanos / 1_000_000_000L + "." + String.format("%09d", nanos % 1_000_000_000L);
    }
}
