package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.config.BufferMode;
import io.sluice.config.StreamConfig;
import io.sluice.destination.Destination;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.StreamExportFilters;
import io.sluice.format.EventFormatter;
import io.sluice.ring.EventSlot;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * One configured stream: its filters, its own ring (sized by {@code buffer.size}), the writer thread that
 * drains that ring into its destinations, and its counters. Its {@link #router()} runs on the main ring.
 */
public final class Stream
{
    private final StreamConfig config;
    private final StreamCounters counters = new StreamCounters();
    private final Disruptor<EventSlot> disruptor;
    private final StreamRouter router;
    private final List<LineageCondition> lineage;
    private final StreamWriter writer;
    private final Destination[] destinations;
    private final byte[][] preambles;

    /**
     * @param config        the stream's configuration.
     * @param events        its event filter.
     * @param policies      its policy filter.
     * @param formatters    one formatter per distinct format its destinations use.
     * @param destinations  its destinations.
     * @param formatOf      for each destination, the index of its formatter.
     * @param waitStrategy  how the writer thread waits for events.
     * @param threadFactory makes the writer thread.
     */
    public Stream(
        final StreamConfig config,
        final EventIdFilter events,
        final PolicyFilter policies,
        final EventFormatter[] formatters,
        final Destination[] destinations,
        final int[] formatOf,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory)
    {
        this(config, events, policies, null, formatters, destinations, formatOf, waitStrategy, threadFactory);
    }

    /**
     * @param config        the stream's configuration.
     * @param events        its event filter.
     * @param policies      its policy filter.
     * @param exports       its own Tetragon filters, or null.
     * @param formatters    one formatter per distinct format its destinations use.
     * @param destinations  its destinations.
     * @param formatOf      for each destination, the index of its formatter.
     * @param waitStrategy  how the writer thread waits for events.
     * @param threadFactory makes the writer thread.
     */
    public Stream(
        final StreamConfig config,
        final EventIdFilter events,
        final PolicyFilter policies,
        final StreamExportFilters exports,
        final EventFormatter[] formatters,
        final Destination[] destinations,
        final int[] formatOf,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory)
    {
        this.config = config;
        this.destinations = destinations.clone();
        this.preambles = new byte[destinations.length][];
        for (int d = 0; d < destinations.length; d++)
        {
            preambles[d] = formatters[formatOf[d]].preamble();
        }
        this.disruptor = new Disruptor<>(EventSlot::new, config.bufferSize(), threadFactory, ProducerType.SINGLE, waitStrategy);
        this.writer = new StreamWriter(config.name(), formatters, this.destinations, formatOf, counters);
        this.disruptor.handleEventsWith(new EventHandler[] {writer});
        this.router = new StreamRouter(events, policies, config.mode(), disruptor.getRingBuffer(), counters, exports);
        this.lineage = exports == null ? List.of() : exports.lineageConditions();
    }

    /** @return the lineage conditions of this stream's export filters (the ingest thread answers them). */
    public List<LineageCondition> lineageConditions()
    {
        return lineage;
    }

    /**
     * Open every destination, then start the writer thread.
     *
     * @throws IOException when a destination cannot be opened; destinations opened so far are closed.
     */
    public void start() throws IOException
    {
        for (int d = 0; d < destinations.length; d++)
        {
            try
            {
                destinations[d].open(preambles[d]);
            }
            catch (final IOException ex)
            {
                for (int o = 0; o < d; o++)
                {
                    closeQuietly(destinations[o]);
                }
                throw new IOException("stream " + config.name() + ": destination " + destinations[d].name() +
                    ": cannot open: " + ex.getMessage(), ex);
            }
        }
        disruptor.start();
    }

    /**
     * Wait until the writer has written everything published to this stream's ring, stop it, then flush and
     * close every destination. Call only after the main ring has drained (no more events for this stream).
     *
     * @return problems closing destinations, empty when all went well.
     */
    public List<String> drainAndClose()
    {
        disruptor.shutdown();
        final java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        for (final Destination destination : destinations)
        {
            try
            {
                destination.close();
            }
            catch (final IOException | RuntimeException ex)
            {
                problems.add("stream " + config.name() + ": destination " + destination.name() + ": " + ex.getMessage());
            }
        }
        return problems;
    }

    /**
     * @return what the destinations report about themselves (journal counts), after {@link #drainAndClose()}.
     */
    public List<String> reports()
    {
        final java.util.ArrayList<String> reports = new java.util.ArrayList<>();
        for (final Destination destination : destinations)
        {
            final String report = destination.report();
            if (report != null)
            {
                reports.add("stream " + config.name() + ": " + report);
            }
        }
        return reports;
    }

    /**
     * @return the handler to run on the main ring.
     */
    public EventHandler<EventSlot> router()
    {
        return router;
    }

    /**
     * @return the stream's configuration.
     */
    public StreamConfig config()
    {
        return config;
    }

    /**
     * @return the stream's counters.
     */
    public StreamCounters counters()
    {
        return counters;
    }

    /**
     * @return the stream's mode.
     */
    public BufferMode mode()
    {
        return config.mode();
    }

    /**
     * @return names of the destinations, in order.
     */
    public String[] destinationNames()
    {
        final String[] names = new String[destinations.length];
        for (int d = 0; d < names.length; d++)
        {
            names[d] = destinations[d].name();
        }
        return names;
    }

    /**
     * @param destination index of a destination of this stream.
     * @return its write errors so far.
     */
    public long destinationErrors(final int destination)
    {
        return writer.destinationErrors(destination);
    }

    private static void closeQuietly(final Destination destination)
    {
        try
        {
            destination.close();
        }
        catch (final IOException | RuntimeException ignore)
        {
            // already failing to start; the open error is the one reported
        }
    }
}
