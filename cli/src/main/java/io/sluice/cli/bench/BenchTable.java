package io.sluice.cli.bench;

import java.util.List;
import java.util.Map;

/**
 * A {@link BenchReport} as a table for a terminal: the run's figures, then one line per stream and one per thread.
 */
final class BenchTable
{
    private BenchTable()
    {
    }

    static String render(final Map<String, Object> f)
    {
        final StringBuilder out = new StringBuilder();
        line(out, "source", f.get("source"));
        line(out, "events", f.get("events"));
        line(out, "seconds", f.get("seconds"));
        line(out, "events/s", f.get("events_per_second"));
        line(out, "CPU ns/event", f.get("cpu_ns_per_event") + " (pipeline threads, of which system " + f.get("system_ns_per_event")
            + "), " + f.get("process_cpu_ns_per_event") + " (process)");
        line(out, "bytes/event", f.get("bytes_per_event"));
        line(out, "latency ns", latency(map(f.get("latency_ns"))));
        final Map<String, Object> gc = map(f.get("gc"));
        line(out, "GC", gc.get("count") + " collections, " + gc.get("time_ms") + " ms");
        out.append(String.format("%n%-24s %-6s %12s %10s %10s %12s  %s%n", "STREAM", "MODE", "DELIVERED", "DROPPED", "FAILED",
            "UNDELIVERED", "LATENCY NS"));
        for (final Object each : (List<?>)f.get("streams"))
        {
            final Map<String, Object> s = map(each);
            out.append(String.format("%-24s %-6s %12s %10s %10s %12s  %s%n", s.get("name"), s.get("mode"), s.get("delivered"),
                s.get("dropped"), s.get("failed"), s.get("undelivered"), s.get("latency_ns") == null ? "-"
                : latency(map(s.get("latency_ns")))));
        }
        out.append(String.format("%n%-32s %14s %14s %14s%n", "THREAD", "CPU NS/EVENT", "OF IT SYSTEM", "BYTES/EVENT"));
        for (final Object each : (List<?>)f.get("threads"))
        {
            final Map<String, Object> t = map(each);
            out.append(String.format("%-32s %14s %14s %14s%n", t.get("name"), t.get("cpu_ns_per_event"),
                t.get("system_ns_per_event"), t.get("bytes_per_event")));
        }
        return out.toString();
    }

    private static String latency(final Map<String, Object> p)
    {
        return "p50 " + p.get("p50") + "  p90 " + p.get("p90") + "  p99 " + p.get("p99") + "  p99.9 " + p.get("p99_9")
            + "  max " + p.get("max");
    }

    private static void line(final StringBuilder out, final String name, final Object value)
    {
        out.append(String.format("%-14s %s%n", name, value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>)value;
    }
}
