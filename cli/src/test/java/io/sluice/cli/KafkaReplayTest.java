package io.sluice.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice replay kafka://BROKERS/TOPIC} against a real broker on loopback (scripts/kafka-local.sh, topics not
 * created on first use), reading back what the kafka destination wrote: every event once, each key's events in order,
 * whichever format the topic holds; the group's committed offsets resumed from; {@code --from}/{@code --to} by time;
 * {@code --follow} until SIGTERM; a record that is no event skipped and named (exit code 3); a topic that does not exist
 * or a broker that does not answer one line, exit code 1; a bad argument one line, exit code 2.
 */
class KafkaReplayTest
{
    private static final Pattern HOST_PID = Pattern.compile("\"host_pid\":(\\d+)");

    @TempDir
    static Path brokerDir;
    private static KafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception
    {
        broker = new KafkaBroker(brokerDir, false);
    }

    @AfterAll
    static void stopBroker() throws Exception
    {
        if (broker != null)
        {
            broker.close();
        }
    }

    @Test
    void twoHundredThousandEventsComeBackOnceEachKeyInOrderAndTheGroupResumes() throws Exception
    {
        broker.topic("fleet", 3);
        write("fleet", "synthetic:count=200000", "json");
        final Replay replay = replay("kafka://" + broker.address() + "/fleet?group=g1");
        assertEquals(ExitCodes.OK, replay.exit, replay.err);
        assertTrue(replay.err.contains("sluice: replayed 200000 events in "), replay.err);
        assertTrue(replay.err.contains(", 3 partition(s) of kafka://" + broker.address() + "/fleet"), replay.err);
        assertEquals(200_000, replay.events.size());
        final BitSet seen = new BitSet();
        final Map<String, Long> lastSeqOfPid = new HashMap<>();
        for (final String event : replay.events)
        {
            final long seq = Sluice.seqOf(event);
            assertFalse(seen.get((int) seq), "seq " + seq + " twice");
            seen.set((int) seq);
            final Matcher pid = HOST_PID.matcher(event);
            assertTrue(pid.find(), event);
            final Long last = lastSeqOfPid.put(pid.group(1), seq);
            assertTrue(last == null || last < seq, "pid " + pid.group(1) + ": seq " + seq + " after " + last);
        }
        assertEquals(200_000, seen.cardinality());
        assertTrue(lastSeqOfPid.size() > 1, "several keys");

        final Replay again = replay("kafka://" + broker.address() + "/fleet", "--group", "g1");
        assertEquals(ExitCodes.OK, again.exit, again.err);
        assertEquals(0, again.events.size(), "group g1 committed what it read: " + again.err);
        final Replay fromStart = replay("kafka://" + broker.address() + "/fleet", "--group", "g1", "--from", "0",
            "--events", "openat");
        assertEquals(ExitCodes.OK, fromStart.exit, fromStart.err);
        assertTrue(fromStart.events.size() > 0 && fromStart.events.stream().allMatch(e -> Sluice.eventOf(e).equals("openat")),
            "--from 0 reads the topic again, through the replay's --events: " + fromStart.err);
    }

    @Test
    void sbeAndProtobufTopicsReplayAsTheEventsTheyCarry() throws Exception
    {
        for (final String format : List.of("sbe", "protobuf"))
        {
            broker.topic(format, 2);
            final Path direct = dir.resolve(format + "-direct.json");
            write(format, "synthetic:count=2000", format, "--output", "destinations.f.format=json",
                "--output", "destinations.f.path=" + direct, "--output", "streams.s.destinations=k,f");
            final Replay replay = replay("kafka://" + broker.address() + "/" + format);
            assertEquals(ExitCodes.OK, replay.exit, replay.err);
            final Map<Long, String> bySeq = new HashMap<>();
            Sluice.lines(direct).forEach(line -> bySeq.put(Sluice.seqOf(line), line));
            assertEquals(2000, replay.events.size(), replay.err);
            for (final String event : replay.events)
            {
                assertEquals(bySeq.get(Sluice.seqOf(event)), event, format + ": the event as the run printed it");
            }
        }
    }

    @Test
    void fromAndToBoundTheReplayByTime() throws Exception
    {
        broker.topic("times", 3);
        final List<Long> between = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++)
        {
            write("times", "synthetic:count=1000", "sbe");
            Thread.sleep(1000);
            between.add(System.currentTimeMillis());
            Thread.sleep(1000);
        }
        final Replay middle = replay("kafka://" + broker.address() + "/times", "--from", seconds(between.get(0)),
            "--to", seconds(between.get(1)));
        assertEquals(ExitCodes.OK, middle.exit, middle.err);
        assertEquals(1000, middle.events.size(), middle.err);
        assertTrue(middle.events.stream().allMatch(e -> Sluice.nanosOf(e) > between.get(0) * 1_000_000L
            && Sluice.nanosOf(e) < between.get(1) * 1_000_000L), "only the second batch");
        final Replay last = replay("kafka://" + broker.address() + "/times", "--from", seconds(between.get(1)));
        assertEquals(1000, last.events.size(), last.err);
    }

    @Test
    void followReadsWhatArrivesUntilStopped() throws Exception
    {
        broker.topic("live", 3);
        final Path out = dir.resolve("live.json");
        final Path err = dir.resolve("live.err");
        final Process follower = Sluice.start(err, "replay", "kafka://" + broker.address() + "/live", "--follow",
            "--progress", "never", "--output", "json:" + out);
        try
        {
            Thread.sleep(2000);
            write("live", "synthetic:count=500", "json");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines(out) < 500 && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
            }
            assertFalse(follower.waitFor(0, TimeUnit.SECONDS), "still following");
            follower.destroy();
            assertTrue(follower.waitFor(30, TimeUnit.SECONDS), "stopped by SIGTERM");
        }
        finally
        {
            follower.destroyForcibly();
        }
        final String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(500, lines(out), text);
        assertTrue(text.contains("sluice: replayed 500 events"), text);
    }

    @Test
    void aRecordThatIsNoEventIsSkippedAndNamed() throws Exception
    {
        broker.topic("mixed", 1);
        write("mixed", "synthetic:count=10", "sbe");
        broker.produce("mixed", "hello");
        final Replay replay = replay("kafka://" + broker.address() + "/mixed");
        assertEquals(ExitCodes.DAMAGED_INPUT, replay.exit, replay.err);
        assertEquals(10, replay.events.size(), replay.err);
        assertTrue(replay.err.contains("sluice: kafka://" + broker.address() + "/mixed: unreadable record: partition 0 offset"
            + " 10: no format header (not written by a Sluice kafka destination? give the topic's"
            + " format=sbe|protobuf|json)"), replay.err);
        final Replay asJson = replay("kafka://" + broker.address() + "/mixed?format=json&group=other");
        assertEquals(ExitCodes.DAMAGED_INPUT, asJson.exit, asJson.err);
        assertEquals(0, asJson.events.size(), "format= overrides the headers: " + asJson.err);
        assertTrue(asJson.err.contains(": 11 record(s) could not be read as events and were skipped"), asJson.err);
    }

    @Test
    void anEventLongerThanTheSharedRingTakesIsSkippedAndNamed() throws Exception
    {
        // Kafka takes values up to ~1 MB; the shared ring takes records up to an eighth of its 4 MiB
        broker.topic("big", 1);
        final String small = "{\"id\":257,\"name\":\"openat\",\"data\":[{\"name\":\"pathname\",\"str\":\"/x\"}]}";
        final String big = small.replace("/x", "/" + "x".repeat(600_000));
        broker.produce("big", small + "\n" + big + "\n" + small);
        final Replay replay = replay("kafka://" + broker.address() + "/big?format=json");
        assertEquals(ExitCodes.DAMAGED_INPUT, replay.exit, replay.err);
        assertEquals(2, replay.events.size(), replay.err);
        assertTrue(replay.err.contains("unreadable record: partition 0 offset 1: an event of "), replay.err);
        assertTrue(replay.err.contains(" bytes, longer than the shared ring takes (524288)"), replay.err);
    }

    @Test
    void aMissingTopicOrASilentBrokerIsOneLineAndExitCodeOne() throws Exception
    {
        final long start = System.nanoTime();
        final Replay missing = replay("kafka://" + broker.address() + "/nosuch");
        assertEquals(ExitCodes.RUNTIME_FAILURE, missing.exit, missing.err);
        assertEquals("sluice: kafka://" + broker.address() + "/nosuch: topic nosuch does not exist\n", missing.err);
        final String address = "127.0.0.1:" + KafkaBroker.freePort();
        final Replay silent = replay("kafka://" + address + "/events", "--kafka", "default.api.timeout.ms=2000");
        assertEquals(ExitCodes.RUNTIME_FAILURE, silent.exit, silent.err);
        assertTrue(silent.err.startsWith("sluice: kafka://" + address + "/events: ") && silent.err.endsWith(
            " (no broker answered at " + address + " within 2000 ms)\n"), silent.err);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30, "within the timeouts");
    }

    @Test
    void badArgumentsAreOneLineAndExitCodeTwo() throws Exception
    {
        final String url = "kafka://" + broker.address() + "/events";
        assertEquals("sluice: --kafka: no.such = '1': 'no.such' is not a property of Kafka's consumer\n",
            refused(url, "--kafka", "no.such=1"));
        assertEquals("sluice: --kafka: group.id = 'x': Sluice sets group.id itself (from the url's group or --group)\n",
            refused(url, "--kafka", "group.id=x"));
        assertEquals("sluice: replay: SOURCE = '" + url + "?format=xml': format 'xml' is none of sbe, protobuf, json\n",
            refused(url + "?format=xml"));
        assertEquals("sluice: --pace: a kafka:// replay goes as fast as it can (a topic's partitions are in no one time"
            + " order)\n", refused(url, "--pace", "original"));
    }

    private String refused(final String... args) throws Exception
    {
        final Replay replay = replay(args);
        assertEquals(ExitCodes.USAGE, replay.exit, replay.err);
        return replay.err;
    }

    private static String seconds(final long millis)
    {
        return millis / 1000 + "." + String.format("%03d", millis % 1000);
    }

    private static long lines(final Path file) throws Exception
    {
        return Files.exists(file) ? Sluice.lines(file).size() : 0;
    }

    private void write(final String topic, final String source, final String format, final String... more) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("--source", source, "--drain-timeout", "30s",
            "--output", "destinations.k.url=kafka://" + broker.address() + "/" + topic,
            "--output", "destinations.k.format=" + format));
        args.addAll(List.of(more));
        if (args.stream().noneMatch(arg -> arg.startsWith("streams.s.destinations=")))
        {
            args.addAll(List.of("--output", "streams.s.destinations=k"));
        }
        final Path err = dir.resolve("write.err");
        final Process process = Sluice.start(err, args.toArray(new String[0]));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "sluice did not finish");
        assertEquals(0, process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs {@code sluice replay ARGS --progress never --output json:FILE}. */
    private Replay replay(final String... args) throws Exception
    {
        final Path out = dir.resolve("replay.json");
        Files.deleteIfExists(out);
        final Path err = dir.resolve("replay.err");
        final List<String> command = new ArrayList<>(List.of("replay"));
        command.addAll(List.of(args));
        command.addAll(List.of("--progress", "never", "--output", "json:" + out));
        final Process process = Sluice.start(err, command.toArray(new String[0]));
        try
        {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "sluice replay did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String text = Files.readString(err, StandardCharsets.UTF_8);
        assertFalse(text.contains("Exception"), text);
        return new Replay(process.exitValue(), text, Files.exists(out) ? Sluice.lines(out) : List.of());
    }

    private record Replay(int exit, String err, List<String> events)
    {
    }
}
