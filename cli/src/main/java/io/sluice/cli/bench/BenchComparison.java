package io.sluice.cli.bench;

import io.sluice.config.YamlSyntax;
import io.sluice.stream.IoProblemText;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sluice bench --compare BASELINE.json}: each compared figure of a run as a ratio to the same figure of a
 * baseline report (ratios, not absolute times), and which regressed past the tolerance. A figure regressed when it is
 * worse than the baseline's by a factor above 1 + tolerance, both ways alike: events/s below baseline / 1.1 at 10%, or
 * CPU per event, bytes per event or a latency percentile (p50 to p99.9) above baseline &times; 1.1. The latency maximum
 * is reported but not compared: one pause decides it. Bytes per event regress only when they also grew by more than
 * {@link #BYTES_NOISE}: a pipeline that allocates nothing per event still allocates a little once per run (ring slots
 * growing for a large event, lock waits), and spread over a short run that is tens or hundreds of bytes per event
 * whose ratio means nothing.
 */
public final class BenchComparison
{
    /** Bytes per event a run may add to its baseline's before the ratio counts. */
    static final double BYTES_NOISE = 256;

    /** The compared figures: a path into the report, and whether more is better. */
    private static final String[] FIGURES = {"events_per_second", "cpu_ns_per_event", "bytes_per_event", "latency_ns.p50",
        "latency_ns.p90", "latency_ns.p99", "latency_ns.p99_9"};

    private final Path file;
    private final Map<String, Object> baseline;

    private BenchComparison(final Path file, final Map<String, Object> baseline)
    {
        this.file = file;
        this.baseline = new LinkedHashMap<>(baseline);
    }

    /**
     * Reads a baseline, before the run, so a bad one is refused at once.
     *
     * @param file a report written by {@code sluice bench --report json}.
     * @return the comparison against it.
     * @throws IllegalArgumentException naming the file and what is wrong with it.
     */
    @SuppressWarnings("unchecked")
    public static BenchComparison load(final Path file)
    {
        final Object parsed;
        try
        {
            parsed = new Yaml().load(Files.readString(file));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("--compare " + IoProblemText.describe(ex));
        }
        catch (final MarkedYAMLException ex)
        {
            final YamlSyntax syntax = YamlSyntax.of(file.toString(), ex);
            throw new IllegalArgumentException("--compare " + syntax.where() + ": not a bench report (JSON syntax: "
                + syntax.problem() + ")");
        }
        catch (final YAMLException ex)
        {
            throw new IllegalArgumentException("--compare " + file + ": not a bench report (" + YamlSyntax.firstLine(ex) + ")");
        }
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("sluice_bench"))
        {
            throw new IllegalArgumentException("--compare " + file + ": not a sluice bench report (no sluice_bench field)");
        }
        final BenchComparison comparison = new BenchComparison(file, (Map<String, Object>)map);
        for (final String figure : FIGURES)
        {
            comparison.figure(comparison.baseline, figure);
        }
        return comparison;
    }

    /**
     * @param current   the run's report.
     * @param tolerance how much worse a figure may be, as a fraction (0.1 = 10%).
     * @param lines     receives one line per compared figure.
     * @return the figures that regressed past the tolerance, each named with its ratio.
     */
    public List<String> regressions(final BenchReport current, final double tolerance, final List<String> lines)
    {
        final List<String> regressed = new ArrayList<>();
        for (final String figure : FIGURES)
        {
            final double now = figure(current.figures(), figure);
            final double then = figure(baseline, figure);
            final double ratio = then == 0 ? (now == 0 ? 1 : Double.POSITIVE_INFINITY) : now / then;
            final boolean higherIsBetter = figure.equals("events_per_second");
            final boolean worse = (higherIsBetter ? 1 / ratio : ratio) > 1 + tolerance
                && (!figure.equals("bytes_per_event") || now - then > BYTES_NOISE);
            final String text = String.format("%s %.3fx the baseline (%s, baseline %s)", figure, ratio, number(now),
                number(then));
            lines.add(String.format("%-20s %10.3fx  %s", figure, ratio, worse ? "REGRESSED" : "ok"));
            if (worse)
            {
                regressed.add(text);
            }
        }
        return regressed;
    }

    /**
     * Ratios mean little between runs of different work: another source (count, rate, pool) or other streams.
     *
     * @param current the run's report.
     * @return what differs, in one line, or null when the baseline measured the same load.
     */
    public String otherLoad(final BenchReport current)
    {
        final Map<String, Object> now = current.figures();
        final List<String> differences = new ArrayList<>();
        if (!String.valueOf(baseline.get("source")).equals(String.valueOf(now.get("source"))))
        {
            differences.add("source " + baseline.get("source") + " (this run: " + now.get("source") + ")");
        }
        final List<String> streamsThen = streams(baseline);
        final List<String> streamsNow = streams(now);
        if (!streamsThen.equals(streamsNow))
        {
            differences.add("streams " + streamsThen + " (this run: " + streamsNow + ")");
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    /** Each stream of a report as {@code name/mode}. */
    private static List<String> streams(final Map<String, Object> report)
    {
        final List<String> streams = new ArrayList<>();
        if (report.get("streams") instanceof List<?> list)
        {
            for (final Object stream : list)
            {
                if (stream instanceof Map<?, ?> map)
                {
                    streams.add(map.get("name") + "/" + map.get("mode"));
                }
            }
        }
        return streams;
    }

    private double figure(final Map<String, Object> report, final String path)
    {
        Object value = report;
        for (final String key : path.split("\\."))
        {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue()) || number.doubleValue() < 0)
        {
            throw new IllegalArgumentException("--compare " + file + ": " + path + " is missing or not a number >= 0 (" +
                value + ")");
        }
        return number.doubleValue();
    }

    private static String number(final double value)
    {
        return value == Math.rint(value) ? String.valueOf((long)value) : String.valueOf(value);
    }
}
