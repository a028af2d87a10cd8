package io.sluice.engine;

import io.sluice.stream.Stream;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, counted: events ingested, lost upstream (kernel), rejected records; per stream matched, delivered,
 * dropped, failed and undelivered at exit ({@code matched == delivered + dropped + failed + undelivered}); per
 * destination written, failed and retried. Printed on stderr at exit.
 *
 * @param source       the source's description.
 * @param ingested     events read from the shared ring (Loss records and the sensor's process-tree-only records are not events).
 * @param published    events published to the main ring.
 * @param lostKernel   events lost before the shared ring (kernel ringbuf reserve failures).
 * @param rejected     records the engine could not use (unknown type, truncated).
 * @param streams      per-stream counts.
 * @param problems     problems reported more than once during the run, one line per kind, with its count.
 * @param failure      what ended the run abnormally, or null.
 * @param notes        what destinations report about themselves (a journal's appended count), one line each.
 */
public record EngineSummary(
    String source,
    long ingested,
    long published,
    long lostKernel,
    long rejected,
    List<StreamSummary> streams,
    List<String> problems,
    Throwable failure,
    List<String> notes)
{
    /**
     * One stream's counts.
     *
     * @param name      stream name.
     * @param mode      block or drop.
     * @param matched   events that passed its filters.
     * @param delivered events every destination took.
     * @param dropped   events dropped because its ring was full.
     * @param failed    events at least one destination failed (or that could not be filtered or rendered).
     * @param undelivered events still held when the drain deadline at exit passed.
     * @param destinations per destination of the stream, its counts.
     */
    public record StreamSummary(String name, String mode, long matched, long delivered, long dropped, long failed,
        long undelivered, List<DestinationSummary> destinations)
    {
        /**
         * @return events matched and then counted nowhere: 0 but when a writer stuck in a write that could not be made
         *         to fail was left with events in its ring at exit.
         */
        public long uncounted()
        {
            return matched - delivered - dropped - failed - undelivered;
        }
    }

    /**
     * One destination's counts.
     *
     * @param name    destination name.
     * @param written events it accepted.
     * @param failed  events it failed.
     * @param retried retries of failed writes.
     */
    public record DestinationSummary(String name, long written, long failed, long retried)
    {
    }

    static EngineSummary of(
        final String source, final long ingested, final long published, final long lostKernel, final long rejected,
        final List<Stream> streams, final List<String> problems, final Throwable failure)
    {
        final List<String> notes = new ArrayList<>();
        for (final Stream stream : streams)
        {
            notes.addAll(stream.reports());
        }
        final List<StreamSummary> summaries = new ArrayList<>();
        for (final Stream stream : streams)
        {
            final List<DestinationSummary> destinations = new ArrayList<>();
            final String[] names = stream.destinationNames();
            for (int d = 0; d < names.length; d++)
            {
                destinations.add(new DestinationSummary(names[d], stream.destinationCounters(d).written(),
                    stream.destinationCounters(d).failed(), stream.destinationCounters(d).retried()));
            }
            summaries.add(new StreamSummary(stream.config().name(), stream.mode().key(), stream.counters().matched(),
                stream.counters().delivered(), stream.counters().dropped(), stream.counters().failed(),
                stream.counters().undelivered(), List.copyOf(destinations)));
        }
        return new EngineSummary(source, ingested, published, lostKernel, rejected, List.copyOf(summaries),
            List.copyOf(problems), failure, List.copyOf(notes));
    }

    /**
     * @param name a stream name.
     * @return its counts, or null.
     */
    public StreamSummary stream(final String name)
    {
        for (final StreamSummary stream : streams)
        {
            if (stream.name().equals(name))
            {
                return stream;
            }
        }
        return null;
    }

    /**
     * @return true when nothing was lost: no failure, and every stream delivered or (drop mode) dropped what it matched;
     * a write that failed and was then retried with success is not a loss.
     */
    public boolean clean()
    {
        if (failure != null)
        {
            return false;
        }
        for (final StreamSummary stream : streams)
        {
            if (stream.failed() != 0 || stream.undelivered() != 0 || stream.uncounted() != 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Print the summary, one line per stream.
     *
     * @param out where to print (stderr).
     */
    public void printTo(final PrintStream out)
    {
        final StringBuilder text = new StringBuilder();
        text.append("sluice: source ").append(source).append(": ingested ").append(ingested)
            .append(", published ").append(published).append(", lost (kernel) ").append(lostKernel);
        if (rejected != 0)
        {
            text.append(", rejected records ").append(rejected);
        }
        text.append('\n');
        if (!streams.isEmpty())
        {
            // a run without streams (--output none beside the event service) has no table to show
            appendTables(text);
        }
        for (final StreamSummary stream : streams)
        {
            if (stream.undelivered() != 0)
            {
                text.append("sluice: stream ").append(stream.name()).append(": ").append(stream.undelivered())
                    .append(" events undelivered at exit (the drain timeout passed)\n");
            }
            if (stream.uncounted() != 0)
            {
                text.append("sluice: stream ").append(stream.name()).append(": ").append(stream.uncounted())
                    .append(" events matched but not counted at exit (a writer stuck in a write)\n");
            }
        }
        for (final String note : notes)
        {
            text.append("sluice: ").append(note).append('\n');
        }
        for (final String problem : problems)
        {
            text.append("sluice: ").append(problem).append('\n');
        }
        out.print(text);
        out.flush();
    }

    private void appendTables(final StringBuilder text)
    {
        int width = "DESTINATION".length() + 2;
        for (final StreamSummary stream : streams)
        {
            width = Math.max(width, stream.name().length());
            for (final DestinationSummary destination : stream.destinations())
            {
                width = Math.max(width, destination.name().length() + 2);
            }
        }
        text.append(String.format("%-" + width + "s  %-5s  %12s  %12s  %12s  %12s  %12s%n",
            "STREAM", "MODE", "MATCHED", "DELIVERED", "DROPPED", "FAILED", "UNDELIVERED"));
        for (final StreamSummary stream : streams)
        {
            text.append(String.format("%-" + width + "s  %-5s  %12d  %12d  %12d  %12d  %12d%n",
                stream.name(), stream.mode(), stream.matched(), stream.delivered(), stream.dropped(), stream.failed(),
                stream.undelivered()));
        }
        text.append(String.format("%-" + width + "s  %-5s  %12s  %12s  %12s%n", "  DESTINATION", "", "WRITTEN", "FAILED", "RETRIED"));
        for (final StreamSummary stream : streams)
        {
            for (final DestinationSummary destination : stream.destinations())
            {
                text.append(String.format("%-" + width + "s  %-5s  %12d  %12d  %12d%n", "  " + destination.name(),
                    "", destination.written(), destination.failed(), destination.retried()));
            }
        }
    }
}
