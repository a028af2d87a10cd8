package io.sluice.engine;

import io.sluice.stream.Stream;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, counted: events ingested, lost upstream (kernel), rejected records, and per stream matched,
 * delivered, dropped and failed. Printed on stderr at exit.
 *
 * @param source       the source's description.
 * @param ingested     events read from the shared ring (Loss records and the sensor's process-tree-only records are not events).
 * @param published    events published to the main ring.
 * @param lostKernel   events lost before the shared ring (kernel ringbuf reserve failures).
 * @param rejected     records the engine could not use (unknown type, truncated).
 * @param streams      per-stream counts.
 * @param problems     errors seen while closing destinations.
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
     * @param failed    events at least one destination failed to take.
     */
    public record StreamSummary(String name, String mode, long matched, long delivered, long dropped, long failed)
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
            summaries.add(new StreamSummary(stream.config().name(), stream.mode().key(), stream.counters().matched(),
                stream.counters().delivered(), stream.counters().dropped(), stream.counters().failed()));
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
     * @return true when nothing failed: no failure, no write error, no problem closing.
     */
    public boolean clean()
    {
        if (failure != null || !problems.isEmpty())
        {
            return false;
        }
        for (final StreamSummary stream : streams)
        {
            if (stream.failed() != 0)
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
        int width = "STREAM".length();
        for (final StreamSummary stream : streams)
        {
            width = Math.max(width, stream.name().length());
        }
        text.append(String.format("%-" + width + "s  %-5s  %12s  %12s  %12s  %12s%n",
            "STREAM", "MODE", "MATCHED", "DELIVERED", "DROPPED", "WRITE-ERRORS"));
        for (final StreamSummary stream : streams)
        {
            text.append(String.format("%-" + width + "s  %-5s  %12d  %12d  %12d  %12d%n",
                stream.name(), stream.mode(), stream.matched(), stream.delivered(), stream.dropped(), stream.failed()));
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
}
