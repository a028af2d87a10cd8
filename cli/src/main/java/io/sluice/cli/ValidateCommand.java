package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import io.sluice.config.UrlSecrets;
import io.sluice.engine.StreamPlan;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.lineage.LineageMarker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice validate}: check a configuration without running anything, and show the streams and
 * destinations it resolves to (implicit ones included). The global Tetragon filters ({@code --export-allowlist},
 * {@code --export-denylist}, {@code --redaction-filters}, {@code --field-filters}) are parsed and compiled as a run
 * would, with the policies loaded here for {@code policy_names}; the streams are compiled into the {@link StreamPlan} a run
 * compiles, and each destination is pre-flighted as a run does (a file it could not write is refused here too).
 * Exit 0 when valid, 2 with the error otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
    description = {"Check --config, --output, policies and the global export, redaction and field filters without running;",
        "print the policies, streams and destinations."})
public final class ValidateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private ExportFilterOptions exportFilterOptions;

    @picocli.CommandLine.Option(names = {"-e", "--events"}, paramLabel = "EVENTS", parameterConsumer = DashValueConsumer.class,
        description = "Events in Tracee's grammar, as for sluice (with --scope, the implicit policy).")
    private List<String> events = new ArrayList<>();

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final EventCatalog catalog = EventCatalog.standard();
        final List<String> warnings = new ArrayList<>();
        final OutputConfig output;
        final io.sluice.policy.PolicySet policies;
        try
        {
            policies = policyOptions.load(catalog, events);
            // as a run: the loaded policies are the names filters.policies and policy_names may use (validate has no
            // source, so a synthetic source's policies=... names are not known here)
            final String[] policyNames = policies != null ? policies.names() : new String[0];
            output = configOptions.loadOutput(warnings, java.util.Set.of(policyNames));
            configOptions.color();
            // the same calls, in the same order, as SluiceCommand and ReplayCommand make before building the engine
            final ExportFilters global = exportFilterOptions.load(catalog, policyNames, warnings);
            warnings.forEach(warning -> err.println("sluice: warning: " + warning));
            exportFilterOptions.redactions();
            exportFilterOptions.fieldFilters(catalog);
            // the streams compiled and their destinations pre-flighted by the same code as the engine's, and the lineage
            // fields of all filters counted as the engine counts them
            final StreamPlan plan = StreamPlan.compile(output, catalog, policyNames);
            plan.preflight();
            final List<LineageCondition> lineage = new ArrayList<>(global == null ? List.of() : global.lineageConditions());
            lineage.addAll(plan.lineageConditions());
            LineageMarker.assign(lineage);
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            return EngineRun.refused(err, ex);
        }
        out.println("configuration is valid");
        if (policies != null)
        {
            for (final io.sluice.policy.Policy policy : policies.policies())
            {
                out.printf("policy %s (%s): %d events%s%n", policy.name(), policy.origin(), policy.eventIds().length,
                    policy.follow() ? ", follow" : "");
            }
        }
        for (final String filters : exportFilterOptions.given())
        {
            out.println("global filters " + filters);
        }
        for (final StreamConfig stream : output.streams())
        {
            out.printf("stream %s%s: %s, buffer %d, events %s, policies %s%n", stream.name(),
                stream.implicit() ? " (implicit)" : "", stream.mode().key(), stream.bufferSize(),
                stream.events().isEmpty() ? "all" : String.join(",", stream.events()),
                stream.policies().isEmpty() ? "all" : String.join(",", stream.policies()));
            for (final String name : stream.destinations())
            {
                final DestinationConfig destination = output.destination(name);
                out.printf("  destination %s: %s %s -> %s%s%n", name, destination.type(), destination.format(),
                    destination.path() != null ? destination.path() : UrlSecrets.masked(destination.url()), extras(destination) + retry(destination));
            }
        }
        return ExitCodes.OK;
    }

    private static String retry(final DestinationConfig destination)
    {
        final io.sluice.config.RetryPolicy retry = destination.retry();
        return retry.equals(io.sluice.config.RetryPolicy.DEFAULTS) ? "" : ", retry every " + retry.backoff().toMillis() +
            "ms up to " + retry.maxBackoff().toMillis() + "ms";
    }

    private static String extras(final DestinationConfig destination)
    {
        if (destination.roll() != null)
        {
            return ", roll " + destination.roll().key();
        }
        final io.sluice.config.RotationConfig rotation = destination.rotation();
        if (rotation == null)
        {
            return "";
        }
        return ", rotate at " + rotation.maxSizeBytes() / io.sluice.config.RotationConfig.MEGABYTE + " MB, keep " +
            (rotation.maxBackups() == 0 ? "all" : Integer.toString(rotation.maxBackups())) + " backups" +
            (rotation.compress() ? ", gzip" : "") + (rotation.interval().isZero() ? "" :
            ", every " + rotation.interval().toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    }
}
