package io.sluice.cli;

import io.sluice.cli.bench.BenchComparison;
import io.sluice.cli.bench.BenchReport;
import io.sluice.cli.bench.Measurement;
import io.sluice.cli.bench.StreamCopies;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.source.SourceFailure;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import io.sluice.stream.IoProblemText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench}: the real pipeline (the engine {@code sluice} runs, with the streams and destinations of
 * {@code --config}/{@code --output}) under synthetic load from a pool of records encoded before the run, measured: events/s,
 * ring-entry-to-destination latency percentiles, per-stream counts, CPU and allocation per event per thread, GC. With
 * {@code --compare}, a regression run: exit 1 naming each figure worse than the baseline's past the tolerance.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Run the real pipeline under synthetic load and measure it (events/s, latency, CPU and bytes per event, GC);",
        "compare with a baseline report for regression runs."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  sluice bench --count 3000000 --output json:/dev/null",
        "  sluice bench --count 3000000 --streams 4 --output json:/dev/null --report json --report-file base.json",
        "  sluice bench --duration 30s --rate 500000 --config sluice.yaml",
        "  sluice bench --count 3000000 --output json:/dev/null --compare base.json --tolerance 5",
        "",
        "Exit codes: 0 success (no figure regressed), 1 a figure regressed past --tolerance or the run failed,",
        "2 usage or configuration error."})
public final class BenchCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--count", paramLabel = "N",
        description = "Events the source produces, at least 1 (default: 1000000, or until --duration ends when that is given).")
    private Long count;

    @Option(names = "--duration", paramLabel = "DURATION", converter = ConfigOptions.DurationConverter.class,
        description = "How long the source produces (30s, 2m), counted from its start; with --count, whichever ends first.")
    private Duration duration;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
        description = "Events per second the source offers (default: 0, as fast as the pipeline takes them).")
    private long rate;

    @Option(names = "--streams", paramLabel = "K", defaultValue = "1",
        description = "Copies of every stream of the output, each with its own destinations (default: ${DEFAULT-VALUE}).")
    private int streams;

    @Option(names = "--pool", paramLabel = "N", defaultValue = "4096",
        description = "Records the source encodes before the run and copies in turn (default: ${DEFAULT-VALUE}).")
    private int pool;

    @Option(names = "--report", paramLabel = "FORMAT", defaultValue = "table",
        description = "table (default) or json: the report, on stdout or into --report-file.")
    private String report;

    @Option(names = "--report-file", paramLabel = "FILE", description = "Write the report into FILE instead of stdout.")
    private Path reportFile;

    @Option(names = "--compare", paramLabel = "BASELINE.json",
        description = "Compare with a report written by --report json: exit 1 naming each figure that regressed; "
            + "a warning when it measured another load (source, streams).")
    private Path compare;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "10",
        description = "How much worse than the baseline a figure may be, in percent (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Mixin
    private WaitStrategyOption waitStrategy;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final BenchComparison baseline;
        final SyntheticSource source;
        final Engine engine;
        final Measurement measurement;
        try
        {
            checkFlags();
            baseline = compare == null ? null : BenchComparison.load(compare);
            final EventCatalog catalog = EventCatalog.standard();
            final long events = count != null ? count : duration != null ? 0 : 1_000_000L;
            source = new SyntheticSource(SyntheticSpec.parse(SyntheticSpec.PREFIX + ":count=" + events + ",rate=" + rate
                + ",pool=" + pool, catalog));
            final List<String> warnings = new ArrayList<>();
            final OutputConfig output = StreamCopies.of(configOptions.loadOutput(warnings), streams);
            warnings.forEach(warning -> err.println("sluice: warning: " + warning));
            engine = new Engine(Pipeline.of(output, source, catalog, EngineOptions.DEFAULTS.withWaitStrategy(waitStrategy.checked())
                .withDrainTimeout(configOptions.drainTimeout()).withColor(configOptions.color())));
            measurement = new Measurement();
            measurement.watch(engine, duration);
        }
        catch (final ConfigException | IllegalArgumentException | SourceFailure ex)
        {
            return EngineRun.refused(err, ex);
        }
        final EngineSummary summary = EngineRun.run(engine, err, null);
        final BenchReport measured = measurement.close(source.description(), source.produced(), summary);
        final int exit = EngineRun.exitCode(err, summary);
        if (!write(measured, err))
        {
            return ExitCodes.RUNTIME_FAILURE;
        }
        return exit != ExitCodes.OK || baseline == null ? exit : compared(baseline, measured, err);
    }

    private void checkFlags()
    {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--output")
            && !spec.commandLine().getParseResult().hasMatchedOption("--config"))
        {
            throw new IllegalArgumentException("bench: give the destinations to measure with --output or --config "
                + "(for instance --output json:/dev/null, or --output none for the pipeline without streams)");
        }
        // --count 0 would be the synthetic source's "no end": a run without --duration that never stops
        atLeast("--count", count == null ? 1 : count, 1, count);
        atLeast("--rate", rate, 0, rate);
        atLeast("--streams", streams, 1, streams);
        atLeast("--pool", pool, 1, pool);
        atLeast("--tolerance", tolerance, 0, tolerance);
        if (pool > SyntheticSpec.MAX_POOL)
        {
            throw new IllegalArgumentException("--pool: must be at most " + SyntheticSpec.MAX_POOL + ", got " + pool);
        }
        if (duration != null && (duration.isNegative() || duration.isZero()))
        {
            throw new IllegalArgumentException("--duration: must be positive, got " + duration);
        }
        final Path reportDirectory = reportFile == null ? null : reportFile.toAbsolutePath().getParent();
        if (reportDirectory != null && !Files.isDirectory(reportDirectory))
        {
            // refused before the run rather than after it, with the report lost
            throw new IllegalArgumentException("--report-file " + reportFile + ": " + reportDirectory + " is no directory");
        }
        if (!report.equals("table") && !report.equals("json"))
        {
            throw new IllegalArgumentException("--report: '" + report + "' is not table or json");
        }
        waitStrategy.checked();
    }

    private static void atLeast(final String flag, final double value, final long least, final Object given)
    {
        if (value < least)
        {
            throw new IllegalArgumentException(flag + ": must be at least " + least + ", got " + given);
        }
    }

    private boolean write(final BenchReport measured, final PrintWriter err)
    {
        final String text = report.equals("json") ? measured.json() + System.lineSeparator() : measured.table();
        if (reportFile == null)
        {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return true;
        }
        try
        {
            Files.writeString(reportFile, text);
            return true;
        }
        catch (final IOException ex)
        {
            err.println("sluice: --report-file " + IoProblemText.describe(ex));
            err.flush();
            return false;
        }
    }

    private int compared(final BenchComparison baseline, final BenchReport measured, final PrintWriter err)
    {
        final List<String> lines = new ArrayList<>();
        final List<String> regressed = baseline.regressions(measured, tolerance / 100, lines);
        final String otherLoad = baseline.otherLoad(measured);
        if (otherLoad != null)
        {
            err.println("sluice: warning: --compare " + compare + " measured another load: " + otherLoad);
        }
        err.println("sluice: bench against " + compare + " (ratio to the baseline, tolerance " + tolerance + "%):");
        lines.forEach(line -> err.println("  " + line));
        for (final String figure : regressed)
        {
            err.println("sluice: regressed: " + figure);
        }
        err.flush();
        return regressed.isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }
}
