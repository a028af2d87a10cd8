package io.sluice.cli.bench;

import io.sluice.stream.Stream;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Ring-entry-to-destination latency of every event a run delivers, per stream, with HdrHistogram's precision (three
 * significant digits, 1 ns to an hour): the engine's own {@link io.sluice.stream.LatencyHistogram} buckets, 1-2.5-5
 * apart, are too wide for percentiles a regression run can compare. Each stream's histogram is written by its writer
 * thread alone ({@link io.sluice.stream.LatencyHistogram#tap}) and read once the engine has stopped.
 */
public final class LatencyRecorders
{
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int DIGITS = 3;

    private final List<String> names = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();

    /**
     * Taps every stream's latency; before the engine runs.
     *
     * @param streams the engine's streams.
     */
    public void attach(final List<Stream> streams)
    {
        for (final Stream stream : streams)
        {
            final Histogram histogram = new Histogram(1, HIGHEST_NANOS, DIGITS);
            names.add(stream.config().name());
            histograms.add(histogram);
            stream.latency().tap(nanos -> histogram.recordValue(Math.min(nanos, HIGHEST_NANOS)));
        }
    }

    /**
     * @param stream a stream's name.
     * @return its latencies, or null for a stream not tapped.
     */
    public Histogram of(final String stream)
    {
        final int at = names.indexOf(stream);
        return at < 0 ? null : histograms.get(at);
    }

    /**
     * @return every stream's latencies together.
     */
    public Histogram total()
    {
        final Histogram total = new Histogram(1, HIGHEST_NANOS, DIGITS);
        histograms.forEach(total::add);
        return total;
    }
}
