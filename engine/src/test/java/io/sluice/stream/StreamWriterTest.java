package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.sluice.config.BufferMode;
import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.report.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's writer gives each slot of its ring back once every destination took the slot's event (a destination
 * copies what it takes), not only after the push that ends its batch: a push blocked in I/O (a direct write waits for
 * the disk) then leaves the ring room, where the router would otherwise wait (block) or drop.
 */
class StreamWriterTest
{
    private static final int RING = 64;

    @Test
    @Timeout(60)
    void aSlotIsFreeOnceItsEventWasTakenEvenWhileThePushOfItsBatchIsBlocked() throws Exception
    {
        final TestDestination slow = TestDestination.gated("slow");
        final Stream stream = stream(slow);
        SeqRecords.routeThroughMainRing(stream, RING);

        assertTrue(slow.awaitFlush(30), "the writer took a batch and pushes it");
        final int taken = slow.taken();
        assertTrue(taken > 0);
        assertEquals(RING - taken, stream.ringUsed(), "the slots of the events taken are free while their push waits");

        slow.open();
        stream.drainAndClose();
        assertEquals(RING, stream.counters().matched());
        assertEquals(RING, stream.counters().delivered());
        assertEquals(RING, slow.accepted().size(), "what the reader got equals delivered");
    }

    private static Stream stream(final TestDestination destination)
    {
        final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
            new Problems(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
            new DrainDeadline(Duration.ofSeconds(60)));
        return new Stream(new StreamConfig("s", List.of("d"), List.of(), List.of(), BufferMode.BLOCK, RING, false),
            EventIdFilter.all(), PolicyFilter.all(), null,
            List.of(new StreamOutput(destination, new SeqFormatter("", -1), RetryPolicy.DEFAULTS)), environment);
    }
}
