package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import io.sluice.destination.Destination;
import io.sluice.format.EventFormatter;
import io.sluice.ring.EventSlot;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A stream's consumer: renders each event once per format the stream's destinations use, then writes the
 * rendering to every destination of that format. An event is delivered when every destination took it, and
 * failed otherwise; each destination's write errors are counted on their own and the first one is reported.
 */
final class StreamWriter implements EventHandler<EventSlot>
{
    private final String streamName;
    private final EventFormatter[] formatters;
    private final ExpandableArrayBuffer[] renderings;
    private final int[] renderedLengths;
    private final boolean[] passThrough;
    private final Destination[] destinations;
    private final int[] formatOfDestination;
    private final AtomicLongArray destinationErrors;
    private final boolean[] errorReported;
    private final StreamCounters counters;

    StreamWriter(
        final String streamName,
        final EventFormatter[] formatters,
        final Destination[] destinations,
        final int[] formatOfDestination,
        final StreamCounters counters)
    {
        this.streamName = streamName;
        this.formatters = formatters;
        this.renderings = new ExpandableArrayBuffer[formatters.length];
        for (int i = 0; i < renderings.length; i++)
        {
            renderings[i] = new ExpandableArrayBuffer(4096);
        }
        this.renderedLengths = new int[formatters.length];
        this.passThrough = new boolean[formatters.length];
        for (int f = 0; f < formatters.length; f++)
        {
            passThrough[f] = formatters[f].passesRecordThrough();
        }
        this.destinations = destinations;
        this.formatOfDestination = formatOfDestination;
        this.destinationErrors = new AtomicLongArray(destinations.length);
        this.errorReported = new boolean[destinations.length];
        this.counters = counters;
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        boolean allTook = true;
        for (int f = 0; f < formatters.length; f++)
        {
            if (passThrough[f])
            {
                continue;
            }
            try
            {
                renderedLengths[f] = formatters[f].format(slot.buffer(), 0, slot.length(), renderings[f], 0);
            }
            catch (final RuntimeException ex)
            {
                renderedLengths[f] = -1;
                reportOnce(-1, "cannot render event id " + slot.eventId() + ": " + ex);
            }
        }
        for (int d = 0; d < destinations.length; d++)
        {
            final int f = formatOfDestination[d];
            if (!passThrough[f] && renderedLengths[f] < 0)
            {
                allTook = false;
                continue;
            }
            try
            {
                if (passThrough[f])
                {
                    destinations[d].write(slot.buffer(), 0, slot.length());
                }
                else
                {
                    destinations[d].write(renderings[f], 0, renderedLengths[f]);
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                allTook = false;
                destinationErrors.lazySet(d, destinationErrors.get(d) + 1);
                reportOnce(d, ex.toString());
            }
        }
        if (allTook)
        {
            counters.onDelivered();
        }
        else
        {
            counters.onFailed();
        }
        if (endOfBatch)
        {
            flushAll();
        }
    }

    /**
     * @param destination index of a destination of this stream.
     * @return write errors of that destination so far.
     */
    long destinationErrors(final int destination)
    {
        return destinationErrors.get(destination);
    }

    private void flushAll()
    {
        for (int d = 0; d < destinations.length; d++)
        {
            try
            {
                destinations[d].endOfBatch();
            }
            catch (final IOException | RuntimeException ex)
            {
                destinationErrors.lazySet(d, destinationErrors.get(d) + 1);
                reportOnce(d, ex.toString());
            }
        }
    }

    private void reportOnce(final int destination, final String problem)
    {
        if (destination < 0)
        {
            System.err.println("sluice: stream " + streamName + ": " + problem);
        }
        else if (!errorReported[destination])
        {
            errorReported[destination] = true;
            System.err.println("sluice: stream " + streamName + ": destination " + destinations[destination].name() +
                ": write failed: " + problem + " (further errors are counted, not printed)");
        }
    }
}
