package io.sluice.cli.bench;

import io.sluice.cli.list.JsonText;
import io.sluice.engine.EngineSummary;
import org.HdrHistogram.Histogram;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code sluice bench} run measured, as one ordered tree of named figures: rendered as JSON (the form
 * {@code --compare} reads back) or as a table. Rates and per-event figures are over the measured window, from the source's
 * start to the engine's end (drain included). CPU figures say how much of them the kernel took
 * ({@code system_ns_per_event}): a file destination's writes are mostly the kernel's copy into the page cache, whose
 * cost depends on the machine's memory more than on Sluice (docs/performance-log.md, "Twelfth pass").
 */
public final class BenchReport
{
    /** Version of the report's layout, its first field. */
    public static final int VERSION = 1;

    private final Map<String, Object> figures = new LinkedHashMap<>();

    private BenchReport()
    {
    }

    /**
     * @param run     what was run and how long it took.
     * @param summary the engine's per-stream counts.
     * @param latency the latencies recorded.
     * @param threads each thread's CPU and allocation.
     * @param gc      each collector's collections.
     * @return the report.
     */
    public static BenchReport of(final Run run, final EngineSummary summary, final LatencyRecorders latency,
        final List<ThreadSampler.ThreadFigures> threads, final List<GcReadings.Collector> gc)
    {
        final BenchReport report = new BenchReport();
        final Map<String, Object> f = report.figures;
        final long events = run.events();
        long cpu = 0;
        long system = 0;
        long bytes = 0;
        for (final ThreadSampler.ThreadFigures thread : threads)
        {
            cpu += thread.cpuNanos();
            system += thread.systemNanos();
            bytes += thread.allocatedBytes();
        }
        f.put("sluice_bench", VERSION);
        f.put("source", run.source());
        f.put("events", events);
        f.put("seconds", round(run.nanos() / 1e9));
        f.put("events_per_second", round(events / Math.max(run.nanos() / 1e9, 1e-9)));
        f.put("cpu_ns_per_event", perEvent(cpu, events));
        f.put("system_ns_per_event", perEvent(system, events));
        f.put("process_cpu_ns_per_event", perEvent(run.processCpuNanos(), events));
        f.put("bytes_per_event", perEvent(bytes, events));
        f.put("latency_ns", percentiles(latency.total()));
        final List<Object> streams = new ArrayList<>();
        for (final EngineSummary.StreamSummary stream : summary.streams())
        {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", stream.name());
            s.put("mode", stream.mode());
            s.put("matched", stream.matched());
            s.put("delivered", stream.delivered());
            s.put("dropped", stream.dropped());
            s.put("failed", stream.failed());
            s.put("undelivered", stream.undelivered());
            final Histogram histogram = latency.of(stream.name());
            s.put("latency_ns", histogram == null ? null : percentiles(histogram));
            streams.add(s);
        }
        f.put("streams", streams);
        final List<Object> perThread = new ArrayList<>();
        for (final ThreadSampler.ThreadFigures thread : threads)
        {
            final Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", thread.name());
            t.put("cpu_ns_per_event", perEvent(thread.cpuNanos(), events));
            t.put("system_ns_per_event", perEvent(thread.systemNanos(), events));
            t.put("bytes_per_event", perEvent(thread.allocatedBytes(), events));
            perThread.add(t);
        }
        f.put("threads", perThread);
        f.put("gc", gc(gc));
        return report;
    }

    /**
     * What was run.
     *
     * @param source          the source's description.
     * @param events          events the source produced.
     * @param nanos           the measured window.
     * @param processCpuNanos CPU time of the whole process in the window (GC and compiler threads included).
     */
    public record Run(String source, long events, long nanos, long processCpuNanos)
    {
    }

    /**
     * @return the figures, in report order (nested maps and lists).
     */
    public Map<String, Object> figures()
    {
        return Collections.unmodifiableMap(figures);
    }

    /**
     * @return the report as one line of JSON.
     */
    public String json()
    {
        return JsonText.of(figures);
    }

    /**
     * @return the report as a table for a terminal.
     */
    public String table()
    {
        return BenchTable.render(figures);
    }

    private static Map<String, Object> percentiles(final Histogram histogram)
    {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", histogram.getTotalCount());
        p.put("p50", histogram.getValueAtPercentile(50));
        p.put("p90", histogram.getValueAtPercentile(90));
        p.put("p99", histogram.getValueAtPercentile(99));
        p.put("p99_9", histogram.getValueAtPercentile(99.9));
        p.put("max", histogram.getMaxValue());
        return p;
    }

    private static Map<String, Object> gc(final List<GcReadings.Collector> collectors)
    {
        final Map<String, Object> gc = new LinkedHashMap<>();
        long count = 0;
        long millis = 0;
        final List<Object> each = new ArrayList<>();
        for (final GcReadings.Collector collector : collectors)
        {
            count += collector.count();
            millis += collector.millis();
            final Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", collector.name());
            c.put("count", collector.count());
            c.put("time_ms", collector.millis());
            each.add(c);
        }
        gc.put("count", count);
        gc.put("time_ms", millis);
        gc.put("collectors", each);
        return gc;
    }

    private static BigDecimal perEvent(final long total, final long events)
    {
        return round(events == 0 ? 0 : (double)total / events);
    }

    /** Three decimals, written plainly ({@code 12500000.000}, never {@code 1.25E7}, which YAML 1.1 reads as text). */
    private static BigDecimal round(final double value)
    {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
