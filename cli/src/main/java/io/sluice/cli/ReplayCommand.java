package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.destination.FileDestination;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.engine.WaitStrategies;
import io.sluice.format.TerminalCheck;
import io.sluice.journal.JournalDamage;
import io.sluice.journal.JournalHeader;
import io.sluice.policy.PolicySet;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;
import io.sluice.source.SourceFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice replay DIR}: feed a journal into the same pipeline as live input (the shared ring), through the
 * streams and destinations of {@code --config}/{@code --output}, at the recorded pace or as fast as possible, within
 * a time range, following a journal still being written if asked. Exit code 3 when the journal was damaged (the
 * intact part is replayed and the damage listed).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {"Replay a journal (written by a 'journal' destination) through streams and destinations, as live."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  sluice replay /var/lib/sluice/journal --output json:/tmp/replayed.json",
        "  sluice replay DIR --pace original --from 2026-11-23T10:00:00Z --to 2026-11-23T10:05:00Z --output table",
        "  sluice replay DIR --follow --output json",
        "  sluice replay DIR --recorded-policies --output streams.s.destinations=d --output streams.s.filters.policies=p1 \\",
        "                    --output destinations.d.format=json",
        "",
        "Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error,",
        "3 the journal is damaged (what was intact was replayed; the damage is listed with file and index)."})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    private Path dir;

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "max",
        description = "max (default: as fast as possible), original (the recorded timing) or a speed-up such as 10x.")
    private String pace;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Replay events at or after TIME: RFC 3339 (2026-11-23T10:00:00Z, 2026-11-23T12:00:00.5+02:00) or seconds since the epoch.")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Replay events at or before TIME (same forms as --from).")
    private String to;

    @Option(names = "--follow", description = "Keep reading as the journal grows, until SIGINT/SIGTERM.")
    private boolean follow;

    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private ExportFilterOptions exportFilterOptions;

    @Option(names = {"-e", "--events"}, paramLabel = "EVENTS", parameterConsumer = DashValueConsumer.class,
        description = {"Events to let through, in Tracee's grammar (as for sluice): with --scope, the replay's implicit policy",
            "(" + io.sluice.policy.CliPolicy.NAME + "). Cannot be combined with --policy or --recorded-policies."})
    private List<String> events = new ArrayList<>();

    @Option(names = "--recorded-policies",
        description = "Keep the policies matched at capture time (and their names) instead of applying the replay's.")
    private boolean recordedPolicies;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
        description = "Progress bar on stderr: auto (default: when stderr is a terminal), always, never.")
    private String progress;

    @Option(names = "--wait-strategy", paramLabel = "NAME", defaultValue = "phased",
        description = "How pipeline threads wait for events: " + WaitStrategies.NAMES + " (default: ${DEFAULT-VALUE}).")
    private String waitStrategy;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final EventCatalog catalog = EventCatalog.standard();
        final ReplaySource source;
        final Engine engine;
        final boolean showProgress;
        try
        {
            final ReplaySpec replay = new ReplaySpec(dir, ReplaySpec.parsePace(pace), time("--from", from, Long.MIN_VALUE),
                time("--to", to, Long.MAX_VALUE), follow, recordedPolicies);
            if (replay.fromNanos() > replay.toNanos())
            {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
            showProgress = switch (progress)
            {
                case "auto" -> TerminalCheck.isTerminal(FileDestination.STDERR);
                case "always" -> true;
                case "never" -> false;
                default -> throw new IllegalArgumentException("--progress: '" + progress + "' is not auto, always or never");
            };
            WaitStrategies.byName(waitStrategy);
            // the policies given to replay are evaluated afresh; --recorded-policies keeps those of the capture instead
            final PolicySet policies = policyOptions.load(catalog, events);
            if (policies != null && recordedPolicies)
            {
                throw new IllegalArgumentException("--recorded-policies keeps the policies matched at capture time: "
                    + "it cannot be combined with --policy, --events or --scope");
            }
            source = ReplaySource.open(replay);
            final String[] policyNames = policies != null ? policies.names() : source.policyNames();
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
            describe(err, source.firstHeader(), !source.damageAtOpen().isEmpty());
            // files that are not readable at all are named now, before a replay that may be long or never end (--follow)
            source.damageAtOpen().forEach(damage -> err.println("sluice: journal damaged: " + damage));
            engine = new Engine(EngineRun.stages(Pipeline.of(output, source, catalog, EngineOptions.DEFAULTS
                .withWaitStrategy(waitStrategy).withPolicyNames(policyNames).withDrainTimeout(configOptions.drainTimeout())
                .withColor(configOptions.color())),
                policies, exportFilterOptions.load(catalog, policyNames), exportFilterOptions.redactions(),
                exportFilterOptions.fieldFilters(catalog)));
        }
        catch (final ConfigException | IllegalArgumentException | SourceFailure ex)
        {
            return EngineRun.refused(err, ex);
        }
        final ReplayProgress bar = showProgress && !follow
            ? ReplayProgress.start(source, source.excerptCountEstimate(), System.err)
            : showProgress ? ReplayProgress.start(source, -1, System.err) : null;
        final long started = System.nanoTime();
        final EngineSummary summary = EngineRun.run(engine, err, bar == null ? null : () ->
        {
            bar.finish(source.produced());
            bar.close();
        });
        final double seconds = (System.nanoTime() - started) / 1e9;
        return report(err, source, summary, seconds);
    }

    private static int report(final PrintWriter err, final ReplaySource source, final EngineSummary summary, final double seconds)
    {
        err.printf("sluice: replayed %d events in %.2f s (%.0f events/s)%s, %d writer session(s)%n", source.produced(), seconds,
            source.produced() / Math.max(seconds, 1e-9),
            source.outsideRange() == 0 ? "" : ", " + source.outsideRange() + " outside --from/--to skipped", source.headers());
        source.notes().forEach(note -> err.println("sluice: note: " + note));
        final List<JournalDamage> damage = source.damage();
        for (final JournalDamage place : damage.subList(source.damageAtOpen().size(), damage.size()))
        {
            err.println("sluice: journal damaged: " + place);
        }
        final int exit = EngineRun.exitCode(err, summary);
        if (exit != ExitCodes.OK)
        {
            return exit;
        }
        if (!source.damage().isEmpty())
        {
            err.println("sluice: the journal is damaged: " + source.damage().size() +
                " place(s) skipped, everything intact was replayed (exit code " + ExitCodes.DAMAGED_INPUT + ")");
            err.flush();
            return ExitCodes.DAMAGED_INPUT;
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static void describe(final PrintWriter err, final JournalHeader header, final boolean damagedFiles)
    {
        if (header == null)
        {
            if (damagedFiles)
            {
                return;  // the damaged files, listed next, explain it
            }
            err.println("sluice: warning: the journal has no header (not written by a Sluice journal destination?)");
            return;
        }
        err.println("sluice: " + header);
        if (header.eventSchemaId() != EventDecoder.SCHEMA_ID || header.eventSchemaVersion() > EventDecoder.SCHEMA_VERSION)
        {
            err.println("sluice: warning: the journal was written with event schema " + header.eventSchemaId() + " v" +
                header.eventSchemaVersion() + "; this sluice reads " + EventDecoder.SCHEMA_ID + " v" + EventDecoder.SCHEMA_VERSION);
        }
        else if (header.eventSchemaVersion() < 2)
        {
            err.println("sluice: warning: the journal was written with event schema v" + header.eventSchemaVersion() +
                ": its events carry no capabilities or UTS names (capabilities filters and uts= scopes never match them)");
        }
    }

    /** Linux: is file descriptor 2 a terminal (stdout may well be redirected to a file)? */

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
