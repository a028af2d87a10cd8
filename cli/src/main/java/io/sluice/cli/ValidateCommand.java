package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.engine.StreamPlan;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicySet;
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
 * Exit 0 when valid, with the effective configuration printed ({@link EffectiveConfig}: options, policies, filters,
 * streams, destinations, secrets masked); 2 with the one-line error otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
    description = {"Check --config, --output, policies and the global export, redaction and field filters without running;",
        "print the effective configuration: options, policies (scope, rules), global filters, streams (filters, buffer)",
        "and destinations (type, format, path or url, own keys; secrets masked). Exit 0 when valid, 2 otherwise."})
public final class ValidateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private DetectorOptions detectorOptions;

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
        final EventCatalog catalog;
        try
        {
            catalog = detectorOptions.catalog(EventCatalog.standard());
        }
        catch (final ConfigException ex)
        {
            err.println("sluice: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        final List<String> warnings = new ArrayList<>();
        final OutputConfig output;
        final List<PolicyDocument> documents;
        final PolicySet policies;
        try
        {
            documents = policyOptions.documents(catalog, events);
            policies = documents == null ? null : new PolicyCompiler(catalog).compile(documents);
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
        final EffectiveConfig shown = new EffectiveConfig(out);
        shown.options(output.options());
        shown.policies(policies, documents);
        shown.globalFilters(exportFilterOptions.given(), exportFilterOptions.values());
        shown.streams(output);
        out.flush();
        return ExitCodes.OK;
    }
}
