package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forward destination against a Fluentd Forward receiver in another process (Python on Debian's python3-msgpack, a
 * MessagePack implementation independent of Sluice's, on loopback): PackedForward messages of Tracee's
 * {@code {"event": "<json>"}} records with EventTime; with {@code requireAck} an event is delivered when the peer
 * acknowledged its chunk, so a peer killed mid-run loses nothing in block mode (what it got twice is what it got and
 * could not acknowledge), and in drop mode the events counted dropped or failed are exactly those it did not get.
 */
class ForwardDeliveryTest
{
    private static final String STREAM = "s";
    private static final String DESTINATION = "f";
    private static final Pattern RESENT = Pattern.compile("resent (\\d+) events");
    /** ForwardDestination.CHUNKS: the chunks written and not yet acknowledged at most. */
    private static final int CHUNKS_IN_FLIGHT = 8;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandEventsArriveEachOnceInPackedForwardMessages() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir))
        {
            final String err = run("--source", "synthetic:count=100000", "--output", "forward:" + peer.url("?tag=tr.ace"));
            final RunSummary summary = RunSummary.of(err, "default-stream", "forward-1");
            assertEquals(100_000, summary.matched(), err);
            assertEquals(100_000, summary.delivered(), err);
            final ForwardPeer.Received received = peer.received(100_000);
            assertEquals(100_000, received.total(), "each event once");
            assertEquals(100_000, received.distinct());
            final List<String> messages = peer.messages();
            assertTrue(messages.size() >= 100, "at most 1000 events a chunk: " + messages.size());
            assertTrue(messages.stream().allMatch(line -> line.startsWith("packed ") && line.endsWith(" tr.ace - event")),
                messages.get(0));
        }
    }

    @Test
    void withAcksAPeerKilledMidRunLosesNothingInBlockMode() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir))
        {
            final Process sluice = start(forwardStream(peer, "block", "?requireAck=true&batch=200",
                "synthetic:count=100000,rate=25000"));
            peer.awaitEvents(20_000, 20);
            peer.killAndRestart(500);
            final String err = finish(sluice);
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            final ForwardPeer.Received received = peer.received(100_000);
            assertEquals(100_000, summary.matched(), err);
            assertEquals(summary.matched(), summary.delivered(), err);
            assertEquals(summary.matched(), received.distinct(), "nothing lost");
            assertTrue(summary.retried() > 0, "the peer was down: " + err);
            assertTrue(received.duplicates() <= resent(err), "duplicates only where a chunk was resent: "
                + received.duplicates() + " duplicates; " + err);
            assertTrue(peer.messages().stream().allMatch(line -> !line.endsWith(" - event")), "every chunk asks for an ack");
            assertTrue(received.duplicates() <= CHUNKS_IN_FLIGHT * 200L, "at most the chunks in flight, each of"
                + " `batch` events, are resent: " + received.duplicates());
            System.out.println("killed peer: " + received.duplicates() + " duplicates, " + resent(err) + " resent");
        }
    }

    @Test
    void recordMapSendsEachEventAsTheMapItsJsonSaysInForwardMode() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir))
        {
            final Path file = dir.resolve("events.json");
            final String err = run("--source", "synthetic:count=20000",
                "--output", "destinations.f.url=" + peer.url("?record=map&mode=forward&requireAck=true&batch=500"),
                "--output", "destinations.j.path=" + file, "--output", "destinations.j.format=json",
                "--output", "streams.s.destinations=f,j");
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            assertEquals(20_000, summary.delivered(), err);
            final ForwardPeer.Received received = peer.received(20_000);
            assertEquals(20_000, received.total());
            assertEquals(20_000, received.distinct());
            assertEquals("SAME 20000", peer.compareRecordsWith(file), "Python's msgpack and json.loads agree");
            assertTrue(peer.messages().stream().allMatch(line -> line.startsWith("forward ") && line.endsWith(" map")),
                peer.messages().get(0));
        }
    }

    @Test
    void lostAcksAreResentAfterTheAckTimeoutAndCountedAsDuplicates() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--no-ack-every", "7"))
        {
            final String err = run(forwardStream(peer, "block", "?requireAck=1&ackTimeout=200ms&batch=100",
                "synthetic:count=3000"));
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            final ForwardPeer.Received received = peer.received(3_000);
            assertEquals(3_000, summary.delivered(), err);
            assertEquals(3_000, received.distinct());
            assertTrue(received.duplicates() > 0, "an unacknowledged chunk is sent again");
            assertTrue(received.duplicates() <= resent(err), received.duplicates() + " duplicates; " + err);
            assertTrue(err.contains("did not acknowledge a chunk within 200 ms"), err);
        }
    }

    @Test
    void aDropStreamCountsExactlyWhatThePeerDidNotGet() throws Exception
    {
        try (ForwardPeer peer = new ForwardPeer(dir, "--drop-every", "10"))
        {
            final String err = run(forwardStream(peer, "drop", "?requireAck=true&batch=50",
                "synthetic:count=20000,rate=10000"));
            final RunSummary summary = RunSummary.of(err, STREAM, DESTINATION);
            final ForwardPeer.Received received = peer.received(20_000);
            assertEquals(20_000, summary.matched(), err);
            assertEquals(0, received.duplicates(), "nothing resent in drop mode");
            assertEquals(received.distinct(), summary.delivered(), "delivered is what the peer got: " + err);
            assertEquals(summary.matched() - received.distinct(), summary.dropped() + summary.failed(), err);
            assertEquals(0, summary.undelivered(), err);
            assertTrue(summary.failed() > 0, "the dropped connections' chunks count failed: " + err);
        }
    }

    private static long resent(final String err)
    {
        final Matcher matcher = RESENT.matcher(err);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static String[] forwardStream(final ForwardPeer peer, final String mode, final String query,
        final String source)
    {
        return new String[] {"--source", source,
            "--output", "destinations." + DESTINATION + ".url=" + peer.url(query),
            "--output", "destinations." + DESTINATION + ".retry.backoff=20ms",
            "--output", "destinations." + DESTINATION + ".retry.max-backoff=200ms",
            "--output", "streams." + STREAM + ".destinations=" + DESTINATION,
            "--output", "streams." + STREAM + ".buffer.mode=" + mode};
    }

    private String run(final String... args) throws Exception
    {
        return finish(start(args));
    }

    private Process start(final String... args) throws Exception
    {
        final List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--drain-timeout", "30s"));
        return Sluice.start(dir.resolve("sluice.err"), all.toArray(new String[0]));
    }

    /** Waits for sluice to finish; returns what it printed on stderr. */
    private String finish(final Process process) throws Exception
    {
        try
        {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sluice did not finish");
        }
        finally
        {
            process.destroyForcibly();
        }
        final String err = Files.readString(dir.resolve("sluice.err"), StandardCharsets.UTF_8);
        assertFalse(err.contains("Exception"), err);
        return err;
    }
}
