package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure containment: a destination or a formatter that throws fails that one event for that stream (counted, and
 * reported once with the stream, destination and event id); the stream keeps delivering and the main ring never stalls.
 */
@Timeout(120)
class FailingDestinationTest
{
    private static final int EVENTS = 10_000;

    @Test
    void aDestinationThatThrowsOnTheThousandthEventFailsThatEventAloneAndTheStreamKeepsDelivering() throws Exception
    {
        final TestDestination throwing = new TestDestination("flaky").throwingOn(999);
        final TestDestination healthy = new TestDestination("steady");
        final ByteArrayOutputStream reports = new ByteArrayOutputStream();
        final Stream stream = stream(List.of(throwing, healthy), new SeqFormatter("", -1), reports);

        runThroughMainRing(stream, EVENTS);

        assertEquals(EVENTS, stream.counters().matched());
        assertEquals(1, stream.counters().failed());
        assertEquals(EVENTS - 1, stream.counters().delivered());
        assertEquals(EVENTS - 1, throwing.accepted().size(), "what the reader got equals delivered");
        assertEquals(EVENTS, healthy.accepted().size());
        assertFalse(throwing.accepted().contains("seq=999"));
        assertTrue(throwing.accepted().contains("seq=1000"));
        assertEquals(1, stream.destinationCounters(0).failed());
        assertEquals(EVENTS - 1, stream.destinationCounters(0).written());
        assertEquals(EVENTS, stream.destinationCounters(1).written());
        final String printed = reports.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("stream s: destination flaky: cannot take event id 7"), printed);
        assertEquals(1, printed.lines().count(), "reported once: " + printed);
    }

    @Test
    void aFormatterThatThrowsFailsThatEventForItsDestinationsAndTheStreamKeepsDelivering() throws Exception
    {
        final TestDestination destination = new TestDestination("d");
        final ByteArrayOutputStream reports = new ByteArrayOutputStream();
        final Stream stream = stream(List.of(destination), new SeqFormatter("", 4242), reports);

        runThroughMainRing(stream, EVENTS);

        assertEquals(1, stream.counters().failed());
        assertEquals(EVENTS - 1, stream.counters().delivered());
        assertEquals(EVENTS - 1, destination.accepted().size());
        assertTrue(reports.toString(StandardCharsets.UTF_8).contains("cannot render event id 7"));
    }

    @Test
    void aDestinationThatCannotBeOpenedFailsItsEventsAndTheOthersStillDeliver() throws Exception
    {
        final TestDestination unopenable = new TestDestination("locked").failingToOpen("permission denied");
        final TestDestination healthy = new TestDestination("steady");
        final ByteArrayOutputStream reports = new ByteArrayOutputStream();
        final Stream stream = stream(List.of(unopenable, healthy), new SeqFormatter("", -1), reports);

        runThroughMainRing(stream, EVENTS);

        assertEquals(EVENTS, stream.counters().failed(), "delivered means every destination accepted it");
        assertEquals(0, stream.counters().delivered());
        assertEquals(EVENTS, stream.destinationCounters(0).failed());
        assertTrue(stream.destinationCounters(0).gone());
        assertEquals(EVENTS, healthy.accepted().size());
        final String printed = reports.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("stream s: destination locked: cannot open: permission denied"), printed);
    }

    private static Stream stream(final List<TestDestination> destinations, final EventFormatter formatter,
        final ByteArrayOutputStream reports)
    {
        final List<StreamOutput> outputs = new ArrayList<>();
        for (final TestDestination destination : destinations)
        {
            outputs.add(new StreamOutput(destination, formatter, RetryPolicy.DEFAULTS));
        }
        final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
            new Problems(new PrintStream(reports, true, StandardCharsets.UTF_8)), new DrainDeadline(Duration.ofSeconds(60)));
        return new Stream(new StreamConfig("s", List.of("d"), List.of(), List.of(), BufferMode.BLOCK, 256, false),
            EventIdFilter.all(), PolicyFilter.all(), null, outputs, environment);
    }

    /**
     * Publish events (each record holds its sequence number) through a main ring whose only handler is the stream's
     * router, then drain as the engine does; the main ring must drain within seconds.
     */
    private static void runThroughMainRing(final Stream stream, final int events) throws Exception
    {
        SeqRecords.routeThroughMainRing(stream, events);
        stream.drainAndClose();
    }
}
