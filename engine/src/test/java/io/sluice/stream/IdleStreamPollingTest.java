package io.sluice.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.config.BufferMode;
import io.sluice.config.ConfigException;
import io.sluice.config.RetryPolicy;
import io.sluice.config.Setting;
import io.sluice.config.StreamConfig;
import io.sluice.destination.http.LoopbackPeer;
import io.sluice.destination.http.WebhookDestination;
import io.sluice.destination.http.WebhookRules;
import io.sluice.destination.http.WebhookSettings;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.format.EventFormatter;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream whose destination answers asynchronously (a webhook) is polled while no event comes: the writer, waiting
 * with {@link PollingWait}, sends the batch that lingers and reports the answer, so the events are delivered without a
 * further event and before the stream is drained.
 */
class IdleStreamPollingTest
{
    @Test
    void anIdleStreamSendsItsLingeringBatchAndReportsTheAnswer() throws Exception
    {
        try (LoopbackPeer peer = new LoopbackPeer(body -> 200))
        {
            final String url = peer.url("batch=100&linger=50ms");
            final WebhookDestination webhook = new WebhookDestination("w", "s",
                WebhookSettings.of(url, WebhookRules.resolve(setting(url), key -> null)), Problems.toStderr());
            final StreamEnvironment environment = new StreamEnvironment(BlockingWaitStrategy::new, DaemonThreads.factory(),
                Problems.toStderr(), new DrainDeadline(Duration.ofSeconds(5)));
            final Stream stream = new Stream(new StreamConfig("s", List.of("w"), List.of(), List.of(), BufferMode.BLOCK, 256,
                false), EventIdFilter.all(), PolicyFilter.all(), null,
                List.of(new StreamOutput(webhook, new SeqFormatter(), RetryPolicy.DEFAULTS)), environment);
            final Disruptor<EventSlot> main = new Disruptor<>(EventSlot::new, 1024, DaemonThreads.factory(), ProducerType.SINGLE,
                new BlockingWaitStrategy());
            main.handleEventsWith(stream.router());
            stream.start();
            main.start();
            assertTrue(stream.awaitRunning(10, TimeUnit.SECONDS));
            final RingBuffer<EventSlot> ring = main.getRingBuffer();
            final UnsafeBuffer record = new UnsafeBuffer(new byte[Long.BYTES]);
            for (int i = 0; i < 3; i++)
            {
                record.putLong(0, i);
                final long claimed = ring.next();
                ring.get(claimed).set(record, 0, Long.BYTES, 7, 0, i);
                ring.publish(claimed);
            }
            final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (stream.counters().delivered() < 3 && System.nanoTime() < until)
            {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertEquals(3, stream.counters().delivered(), "delivered while the stream is idle, before any drain");
            assertEquals(List.of("200 application/json seq=0\nseq=1\nseq=2"), peer.received);
            main.shutdown(10, TimeUnit.SECONDS);
            stream.drainAndClose();
        }
    }

    private static Setting<String> setting(final String url)
    {
        return new Setting<>()
        {
            @Override
            public String value()
            {
                return url;
            }

            @Override
            public String origin()
            {
                return "test";
            }

            @Override
            public ConfigException error(final String problem)
            {
                return new ConfigException("test", "url", url, problem);
            }
        };
    }


    /** Renders "seq=N" from the record's sequence number. */
    private static final class SeqFormatter implements EventFormatter
    {
        @Override
        public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out,
            final int outOffset)
        {
            return out.putStringWithoutLengthAscii(outOffset, "seq=" + record.getLong(offset));
        }

        @Override
        public byte[] preamble()
        {
            return new byte[0];
        }
    }
}
