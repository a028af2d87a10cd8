package io.sluice.cli;

import io.sluice.codec.sbe.EventDecoder;
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
 * once, each key's events in order on one partition, with the event, host and schema-version headers; a broker that
 * does not answer, or a topic that does not exist, is one line naming the destination, within the run's timeouts.
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
    void headersNameTheEventTheHostAndTheSchemaVersionAndProtobufValuesAreBareMessages() throws Exception
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
                + ",schema-version=" + EventDecoder.SCHEMA_VERSION), message);
        }
        // the value is one v1beta1.Event, no length prefix: its first byte is field 1's tag (timestamp), 0x0a
        final List<String> firstBytes = broker.consume("proto", "%s\n");
        assertTrue(firstBytes.get(0).charAt(0) == '\n', "starts with the timestamp's tag: " + firstBytes.get(0));
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
