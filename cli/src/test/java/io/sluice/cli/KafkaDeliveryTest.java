package io.sluice.cli;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kafka destination against a real broker on loopback (scripts/kafka-local.sh, Kafka from Maven Central, topics
 * not created on first use), read back by {@code kcat} (librdkafka, independent of the producer): every event arrives
 * once, each key's events in order on one partition, with the event, host, schema-version and format headers; a broker
 * stopped and restarted mid-run loses nothing in block mode and what a drop stream counts is what is missing; a broker
 * that does not answer, a topic that does not exist, or credentials the broker refuses, is one line naming the
 * destination, within the run's timeouts.
 */
class KafkaDeliveryTest
{
    private static final String STREAM = "s";
    private static final String DESTINATION = "k";

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
    void twoHundredThousandEventsArriveOnceEachKeyInOrderOnItsPartition() throws Exception
    {
        broker.topic("events", 3);
        final String err = run(20, stream("kafka://" + broker.address() + "/events", "block", "synthetic:count=200000"));
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        assertEquals(200_000, summary.matched(), err);
        assertEquals(200_000, summary.delivered(), err);
        final List<String> messages = broker.consume("events", "%p\t%k\t%s\n");
        assertEquals(200_000, messages.size());
        final BitSet seen = new BitSet();
        final Map<String, Long> lastSeqOfKey = new HashMap<>();
        final Map<String, String> partitionOfKey = new HashMap<>();
        final Set<String> partitions = new HashSet<>();
        for (final String message : messages)
        {
            final String[] fields = message.split("\t", 3);
            final long seq = Sluice.seqOf(fields[2]);
            assertFalse(seen.get((int) seq), "seq " + seq + " twice");
            seen.set((int) seq);
            final Long last = lastSeqOfKey.put(fields[1], seq);
            assertTrue(last == null || last < seq, "key " + fields[1] + ": seq " + seq + " after " + last);
            final String partition = partitionOfKey.putIfAbsent(fields[1], fields[0]);
            assertTrue(partition == null || partition.equals(fields[0]), "key " + fields[1] + " on two partitions");
            partitions.add(fields[0]);
        }
        assertEquals(200_000, seen.cardinality());
        assertEquals(Set.of("0", "1", "2"), partitions, "pid keys spread over the partitions");
        assertTrue(lastSeqOfKey.keySet().stream().allMatch(key -> key.matches(".+/\\d+")), "keys are HOST/PID");
    }

    @Test
    void headersNameTheEventTheHostTheSchemaVersionAndTheFormatAndProtobufValuesAreBareMessages() throws Exception
    {
        broker.topic("proto", 1);
        final String err = run(20, stream("kafka://" + broker.address() + "/proto?key=event&compression=lz4", "block",
            "synthetic:count=100"), "--output", "destinations.k.format=protobuf");
        assertEquals(100, RunSummary.of(err, STREAM, DESTINATION).delivered(), err);
        final List<String> messages = broker.consume("proto", "%k|%h\n");
        assertEquals(100, messages.size());
        for (final String message : messages)
        {
            final String key = message.substring(0, message.indexOf('|'));
            assertTrue(message.endsWith("|event=" + key + ",host=" + java.net.InetAddress.getLocalHost().getHostName()
                + ",schema-version=" + EventDecoder.SCHEMA_VERSION + ",format=protobuf"), message);
        }
        // each value is one v1beta1.Event without a length prefix: prefixed here, Debian's Python protobuf reads them all
        final Path delimited = dir.resolve("events.pb");
        try (OutputStream out = Files.newOutputStream(delimited))
        {
            for (final byte[] value : broker.values("proto"))
            {
                int length = value.length;
                while (length >= 0x80)
                {
                    out.write(length & 0x7f | 0x80);
                    length >>>= 7;
                }
                out.write(length);
                out.write(value);
            }
        }
        final List<String> events = readWithPython(delimited);
        assertEquals("{\"count\": 100}", events.get(0));
        assertTrue(events.stream().skip(1).allMatch(event -> event.contains("\"name\"")), events.get(1));
    }

    private List<String> readWithPython(final Path events) throws Exception
    {
        final Path script = dir.resolve("read_protobuf.py");
        try (InputStream in = KafkaDeliveryTest.class.getResourceAsStream("read_protobuf.py"))
        {
            Files.copy(in, script);
        }
        final Path schemas = Path.of("").toAbsolutePath().getParent().resolve("schemas/proto");
        final Path out = dir.resolve("python.out");
        final Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), schemas.toString(),
            events.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "read_protobuf.py did not finish");
        assertEquals(0, python.exitValue(), () -> "read_protobuf.py failed: " + out);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    @Test
    void aBrokerRestartedMidRunLosesNothingInBlockMode() throws Exception
    {
        broker.topic("restart-block", 3);
        final List<String> seqs = restartMidRun("restart-block", "block");
        final String err = seqs.remove(seqs.size() - 1);
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        assertEquals(100_000, summary.matched(), err);
        assertEquals(100_000, summary.delivered(), err);
        assertTrue(summary.retried() > 0, "the broker was down: " + err);
        assertEquals(100_000, seqs.stream().distinct().count(), "nothing lost");
    }

    @Test
    void aBrokerRestartedMidRunInDropModeCountsExactlyWhatIsMissing() throws Exception
    {
        broker.topic("restart-drop", 3);
        final List<String> seqs = restartMidRun("restart-drop", "drop");
        final String err = seqs.remove(seqs.size() - 1);
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        final long distinct = seqs.stream().distinct().count();
        assertEquals(100_000, summary.matched(), err);
        assertEquals(distinct, summary.delivered(), "delivered is what the topic holds: " + err);
        assertEquals(summary.matched() - distinct, summary.dropped() + summary.failed(), err);
        assertEquals(0, summary.undelivered(), err);
        assertTrue(summary.dropped() + summary.failed() > 0, "the broker was down: " + err);
    }

    /**
     * Runs 100,000 events at 20,000/s to a topic, stops the broker a second in for two seconds and starts it again.
     *
     * @return the seq of every message the topic holds, then the run's stderr.
     */
    private List<String> restartMidRun(final String topic, final String mode) throws Exception
    {
        final Path errFile = dir.resolve("sluice.err");
        final List<String> args = new ArrayList<>(List.of(stream("kafka://" + broker.address() + "/" + topic, mode,
            "synthetic:count=100000,rate=20000")));
        args.addAll(List.of("--drain-timeout", "60s"));
        final Process process = Sluice.start(errFile, args.toArray(new String[0]));
        try
        {
            Thread.sleep(1000);
            broker.stop();
            Thread.sleep(2000);
            broker.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "sluice did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertFalse(err.contains("Exception:"), err);
        final List<String> seqs = new ArrayList<>();
        for (final String message : broker.consume(topic, "%s\n"))
        {
            seqs.add(Long.toString(Sluice.seqOf(message)));
        }
        seqs.add(err);
        return seqs;
    }

    @Test
    void sbeValuesAreTheEnrichedRecordsAsAJournalStoresThem() throws Exception
    {
        broker.topic("records", 1);
        final String err = run(20, stream("kafka://" + broker.address() + "/records", "block", "synthetic:count=50"),
            "--output", "destinations.k.format=sbe");
        assertEquals(50, RunSummary.of(err, STREAM, DESTINATION).delivered(), err);
        final List<byte[]> values = broker.values("records");
        assertEquals(50, values.size());
        for (final byte[] value : values)
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(new UnsafeBuffer(value), 0);
            assertEquals(EventDecoder.TEMPLATE_ID, header.templateId());
            assertEquals(EventDecoder.SCHEMA_ID, header.schemaId());
            assertEquals(EventDecoder.SCHEMA_VERSION, header.version());
            final EventRecordView view = new EventRecordView().wrap(new UnsafeBuffer(value), 0, value.length);
            assertTrue(view.event().hostPid() > 0);
        }
    }

    @Test
    void aTopicThatDoesNotExistIsOneLineNamingTheDestination() throws Exception
    {
        final long start = System.nanoTime();
        final String err = run(20, stream("kafka://" + broker.address() + "/nosuch", "block", "synthetic:count=1000"),
            "--drain-timeout", "3s");
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        assertEquals(0, summary.delivered(), err);
        assertEquals(1000, summary.undelivered(), err);
        assertTrue(err.contains("stream s: destination k: write failed: kafka://" + broker.address() + "/nosuch: Topic"
            + " nosuch not present in metadata after 1000 ms (no broker answered at " + broker.address() + ", or topic"
            + " nosuch does not exist and the broker does not create topics) (retrying; the stream holds back)"), err);
        assertEquals(1, err.split("write failed", -1).length - 1, "said once: " + err);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 15, "within the drain timeout");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsOneLineNamingTheDestination() throws Exception
    {
        final String address = "127.0.0.1:" + KafkaBroker.freePort();
        final String err = run(20, stream("kafka://" + address + "/events", "drop", "synthetic:count=1000"),
            "--drain-timeout", "3s");
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        assertEquals(0, summary.delivered(), err);
        assertEquals(1000, summary.dropped() + summary.failed() + summary.undelivered(), err);
        assertTrue(err.contains("stream s: destination k: write failed: kafka://" + address + "/events: Topic events not"
            + " present in metadata after 1000 ms (no broker answered at " + address), err);
    }

    @Test
    void credentialsTheBrokerRefusesAreOneLineAndABlockStreamHoldsBack() throws Exception
    {
        broker.topic("secured", 1);
        final String err = run(20, stream("kafka://" + broker.address() + "/secured", "block", "synthetic:count=1000"),
            "--drain-timeout", "8s",
            "--output", "destinations.k.kafka.security.protocol=SASL_PLAINTEXT",
            "--output", "destinations.k.kafka.sasl.mechanism=PLAIN",
            "--output", "destinations.k.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"u\" password=\"p\";");
        final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
        assertEquals(0, summary.delivered(), err);
        assertEquals(0, summary.failed(), "held back, not failed: " + err);
        assertEquals(1000, summary.undelivered(), err);
        assertTrue(err.contains("stream s: destination k: write failed: kafka://" + broker.address() + "/secured: "), err);
        assertEquals(1, err.split("write failed", -1).length - 1, "said once: " + err);
        assertFalse(err.contains("org.apache.kafka"), "no log lines of the client's own: " + err);
    }

    private static String[] stream(final String url, final String mode, final String source)
    {
        return new String[] {"--source", source,
            "--output", "destinations." + DESTINATION + ".url=" + url,
            "--output", "destinations." + DESTINATION + ".retry.backoff=20ms",
            "--output", "destinations." + DESTINATION + ".retry.max-backoff=200ms",
            "--output", "streams." + STREAM + ".destinations=" + DESTINATION,
            "--output", "streams." + STREAM + ".buffer.mode=" + mode};
    }

    private String run(final int seconds, final String[] streamArgs, final String... more) throws Exception
    {
        final List<String> all = new ArrayList<>(List.of(streamArgs));
        all.addAll(List.of(more));
        if (!all.contains("--drain-timeout"))
        {
            all.addAll(List.of("--drain-timeout", "30s"));
        }
        final Path errFile = dir.resolve("sluice.err");
        final Process process = Sluice.start(errFile, all.toArray(new String[0]));
        try
        {
            assertTrue(process.waitFor(seconds + 40, TimeUnit.SECONDS), "sluice did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertFalse(err.contains("Exception:"), err);
        return err;
    }
}
