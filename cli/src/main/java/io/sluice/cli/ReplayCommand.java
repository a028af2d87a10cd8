package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.destination.FileDestination;
import io.sluice.destination.kafka.KafkaUrl;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.format.TerminalCheck;
import io.sluice.policy.PolicySet;
import io.sluice.source.ReplaySpec;
import io.sluice.source.SourceFailure;
import io.sluice.source.kafka.KafkaReplaySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice replay SOURCE}: feed a journal, or a Kafka topic written by a kafka destination, into the same pipeline
 * as live input (the shared ring), through the streams and destinations of {@code --config}/{@code --output}, within a
 * time range, following a journal or topic still being written if asked (a journal at the recorded pace if asked). Exit
 * code 3 when the journal was damaged or records of the topic could not be read (the rest is replayed and the damage
 * listed).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Replay a journal (written by a 'journal' destination) or a Kafka topic (written by a 'kafka' destination)",
        "through streams and destinations, as live."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  sluice replay /var/lib/sluice/journal --output json:/tmp/replayed.json",
        "  sluice replay DIR --pace original --from 2026-11-23T10:00:00Z --to 2026-11-23T10:05:00Z --output table",
        "  sluice replay DIR --follow --output json",
        "  sluice replay DIR --recorded-policies --output streams.s.destinations=d --output streams.s.filters.policies=p1 \\",
        "                    --output destinations.d.format=json",
        "  sluice replay kafka://broker1:9092,broker2:9092/sluice-events --from 0 --events execve --output table",
        "  sluice replay 'kafka://broker1:9092/sluice-events?group=analysts' --follow --kafka security.protocol=SSL",
        "",
        "Exit codes: 0 success, 1 runtime failure (a broker that does not answer, a topic that does not exist),",
        "2 usage or configuration error, 3 the journal is damaged or records of the topic could not be read",
        "(what was intact was replayed; the damage is listed)."})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private DetectorOptions detectorOptions;

    @Mixin
    private ConfigOptions configOptions;

    @Parameters(index = "0", paramLabel = "SOURCE", description = {"The journal directory, or a Kafka topic:",
        "kafka://HOST:PORT[,HOST:PORT...]/TOPIC[?group=GROUP&format=sbe|protobuf|json] (format: when the records carry",
        "no format header)."})
    private String source;

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "max",
        description = "max (default: as fast as possible), original (the recorded timing) or a speed-up such as 10x (journals).")
    private String pace;

    @Option(names = "--from", paramLabel = "TIME",
        description = {"Replay events at or after TIME: RFC 3339 (2026-11-23T10:00:00Z, 2026-11-23T12:00:00.5+02:00) or seconds",
            "since the epoch. A topic is read from the first record at or after TIME (--from 0: from the beginning);",
            "without --from, from the group's committed offsets, else the beginning."})
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Replay events at or before TIME (same forms as --from).")
    private String to;

    @Option(names = "--follow", description = "Keep reading as the journal or topic grows, until SIGINT/SIGTERM.")
    private boolean follow;

    @Option(names = "--group", paramLabel = "GROUP",
        description = "A topic's consumer group (default " + KafkaReplaySpec.DEFAULT_GROUP + "): the offsets read are committed to it.")
    private String group;

    @Option(names = "--kafka", paramLabel = "PROPERTY=VALUE",
        description = "A property of Kafka's consumer, as it is (security.protocol=SSL, sasl.mechanism=PLAIN, ...); repeatable.")
    private List<String> kafka = new ArrayList<>();

    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private ExportFilterOptions exportFilterOptions;

    @Option(names = {"-e", "--events"}, paramLabel = "EVENTS", parameterConsumer = DashValueConsumer.class,
        description = {"Events to let through, in Tracee's grammar (as for sluice): with --scope, the replay's implicit policy",
            "(" + io.sluice.policy.CliPolicy.NAME + "). Cannot be combined with --policy or --recorded-policies."})
    private List<String> events = new ArrayList<>();

    @Option(names = "--recorded-policies",
        description = "Keep the policies matched at capture time (and their names) instead of applying the replay's (journals).")
    private boolean recordedPolicies;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
        description = "Progress bar on stderr: auto (default: when stderr is a terminal), always, never.")
    private String progress;

    @Mixin
    private WaitStrategyOption waitStrategy;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final EventCatalog catalog;
        try
        {
            // the recording run's YAML detectors: their events are named, and a replay's policies may run them again
            catalog = detectorOptions.catalog(EventCatalog.standard());
        }
        catch (final ConfigException ex)
        {
            return EngineRun.refused(err, ex);
        }
        final ReplayInput input;
        final Engine engine;
        final boolean showProgress;
        try
        {
            final ReplayRequest request = new ReplayRequest(source, ReplaySpec.parsePace(pace), time("--from", from,
                Long.MIN_VALUE), time("--to", to, Long.MAX_VALUE), follow, recordedPolicies, group, kafka);
            if (request.fromNanos() > request.toNanos())
            {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
            showProgress = showProgress();
            waitStrategy.checked();
            // the policies given to replay are evaluated afresh; --recorded-policies keeps those of the capture instead
            final PolicySet policies = policyOptions.load(catalog, events);
            if (policies != null && recordedPolicies)
            {
                throw new IllegalArgumentException("--recorded-policies keeps the policies matched at capture time: "
                    + "it cannot be combined with --policy, --events or --scope");
            }
            input = source.regionMatches(true, 0, KafkaUrl.SCHEME, 0, KafkaUrl.SCHEME.length())
                ? KafkaInput.open(request, catalog) : JournalInput.open(request);
            final String[] policyNames = policies != null ? policies.names() : input.policyNames();
            final OutputConfig output = loadOutput(err, policyNames);
            input.describe(err);
            engine = new Engine(EngineRun.stages(Pipeline.of(output, input.source(), catalog, EngineOptions.DEFAULTS
                .withWaitStrategy(waitStrategy.checked()).withPolicyNames(policyNames).withDrainTimeout(configOptions.drainTimeout())
                .withColor(configOptions.color())),
                policies, exportFilterOptions.load(catalog, policyNames), exportFilterOptions.redactions(),
                exportFilterOptions.fieldFilters(catalog)));
        }
        catch (final ConfigException | IllegalArgumentException | SourceFailure ex)
        {
            return EngineRun.refused(err, ex);
        }
        final ReplayProgress bar = showProgress ? ReplayProgress.start(input.source(), input.totalEstimate(), System.err) : null;
        final long started = System.nanoTime();
        final EngineSummary summary = EngineRun.run(engine, err, bar == null ? null : () ->
        {
            bar.finish(input.source().produced());
            bar.close();
        });
        final double seconds = (System.nanoTime() - started) / 1e9;
        return report(err, input, summary, seconds);
    }

    private boolean showProgress()
    {
        return switch (progress)
        {
            case "auto" -> TerminalCheck.isTerminal(FileDestination.STDERR);
            case "always" -> true;
            case "never" -> false;
            default -> throw new IllegalArgumentException("--progress: '" + progress + "' is not auto, always or never");
        };
    }

    private OutputConfig loadOutput(final PrintWriter err, final String[] policyNames)
    {
        final List<String> warnings = new ArrayList<>();
        final OutputConfig output = configOptions.loadOutput(warnings, new LinkedHashSet<>(Arrays.asList(policyNames)));
        if (output.options().execEnv())
        {
            warnings.add("option exec-env has no effect on replay (exec events carry an environment only if the"
                + " recording captured one)");
        }
        if (output.options().stackAddresses())
        {
            warnings.add("option stack-addresses has no effect on replay (events carry a user stack only if the"
                + " recording captured one)");
        }
        warnings.forEach(warning -> err.println("sluice: warning: " + warning));
        return output;
    }

    private static int report(final PrintWriter err, final ReplayInput input, final EngineSummary summary, final double seconds)
    {
        final long produced = input.source().produced();
        err.printf("sluice: replayed %d events in %.2f s (%.0f events/s)%s, %s%n", produced, seconds,
            produced / Math.max(seconds, 1e-9),
            input.outsideRange() == 0 ? "" : ", " + input.outsideRange() + " outside --from/--to skipped", input.origin());
        input.reportProblems(err);
        final int exit = EngineRun.exitCode(err, summary);
        if (exit != ExitCodes.OK)
        {
            return exit;
        }
        final String damage = input.damage();
        if (damage != null)
        {
            err.println("sluice: " + damage + " (exit code " + ExitCodes.DAMAGED_INPUT + ")");
            err.flush();
            return ExitCodes.DAMAGED_INPUT;
        }
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * @param flag  the flag, for messages.
     * @param value RFC 3339 date-time, or seconds since the epoch (decimals allowed), or null.
     * @param none  what null means.
     * @return nanoseconds since the epoch.
     */
    static long time(final String flag, final String value, final long none)
    {
        if (value == null)
        {
            return none;
        }
        try
        {
            final OffsetDateTime time = OffsetDateTime.parse(value.trim());
            return time.toEpochSecond() * 1_000_000_000L + time.getNano();
        }
        catch (final DateTimeParseException notADate)
        {
            try
            {
                return new BigDecimal(value.trim()).movePointRight(9).longValueExact();
            }
            catch (final NumberFormatException | ArithmeticException notANumber)
            {
                throw new IllegalArgumentException(flag + ": '" + value +
                    "' is neither an RFC 3339 time (2026-11-23T10:00:00Z) nor seconds since the epoch");
            }
        }
    }
}
