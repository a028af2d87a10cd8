package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicySet;
import io.sluice.source.EventSource;
import io.sluice.source.KernelSource;
import io.sluice.source.KernelSpec;
import io.sluice.source.SourceFailure;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice}: trace (or replay, or load-test) and route events to streams and destinations, configured with
 * Tracee's YAML and {@code --output} flags.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCommand.Version.class,
    subcommands = {VersionCommand.class, ListCommand.class, ValidateCommand.class, ReplayCommand.class,
        io.sluice.cli.getevents.GetEventsCommand.class, BenchCommand.class},
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "High-rate eBPF host tracer and event router.",
        "Events flow from a source through streams (filters, block/drop buffers) to destinations."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  sluice                                        (trace this host: default events as a table)",
        "  sluice --events sched_process_exec,openat,connect --output json:/tmp/events.json",
        "  sluice --source synthetic:count=1000000,rate=0 --output json:/tmp/events.json",
        "  sluice --source synthetic:count=100,events=openat;execve --output table",
        "  sluice --config sluice.yaml --source synthetic:count=10000",
        "  sluice validate --config sluice.yaml",
        "  sluice --source synthetic:count=100000 --output destinations.j.type=journal --output destinations.j.path=/tmp/j",
        "  sluice replay /tmp/j --pace original --output json",
        "  sluice list",
        "  sluice bench --count 3000000 --output json:/dev/null     (the pipeline under load, measured; perf/README.md)",
        "  sluice --grpc-address --output none                 (serve events over gRPC on 127.0.0.1:4466, see docs/service.md)",
        "  sluice --metrics-address                            (Prometheus /metrics and /healthz on 127.0.0.1:3366, docs/metrics.md)",
        "  sluice --source synthetic:count=10000 \\",
        "         --output destinations.d1.format=json --output destinations.d1.path=/tmp/exec.json \\",
        "         --output streams.execs.destinations=d1 --output streams.execs.filters.events=sched_process_exec \\",
        "         --output streams.execs.buffer.mode=drop",
        "",
        "Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.",
        "A per-stream summary is printed on stderr at exit."})
public final class SluiceCommand implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(SluiceCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private PolicyOptions policyOptions;

    @Mixin
    private ExportFilterOptions exportFilterOptions;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "kernel",
        description = {"Where events come from: kernel (default: this host's kernel, through eBPF) or",
            "synthetic[:count=N,rate=R,seed=S,events=a;b,policies=p1;p2,pool=N] (count 0 = until stopped; rate in events/s, 0 = as fast as",
            "possible; policies: names the events pretend to match, for policy filters; not with --policy, --events or --scope;",
            "pool: N records encoded once and copied in turn, each with its own seq and timestamp, as sluice bench does)."})
    private String source;

    @Option(names = {"-e", "--events"}, paramLabel = "EVENTS", parameterConsumer = DashValueConsumer.class,
        description = {"Events to trace, comma-separated, in Tracee's grammar (default: the catalog's default set; see 'sluice list'):",
            "openat,execve; -openat (all but); fs (a set); openat.data.pathname=/etc/*; openat.retval<0; openat.scope.comm=bash.",
            "With --scope, one implicit policy named " + io.sluice.policy.CliPolicy.NAME + "."})
    private List<String> events = new ArrayList<>();

    @Mixin
    private ServiceOptions serviceOptions;

    @Mixin
    private MetricsOptions metricsOptions;

    @Mixin
    private LogOptions logOptions;

    @Mixin
    private DetectorOptions detectorOptions;

    /** The run's source, built once; a reload keeps it. */
    private EventSource eventSource;
    /** The policies the run started with (a kernel source's programs were chosen from them). */
    private PolicySet startPolicies;

    @Mixin
    private WaitStrategyOption waitStrategy;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final EventCatalog catalog;
        try
        {
            catalog = detectorOptions.catalog(EventCatalog.standard());
        }
        catch (final ConfigException ex)
        {
            return EngineRun.refused(err, ex);
        }
        final List<String> warnings = new ArrayList<>();
        final Engine engine;
        final io.sluice.metrics.MetricsServer metrics;
        try
        {
            logOptions.apply();
            final Pipeline pipeline = assemble(catalog, warnings, null, err);
            final MetricsOptions.Listener listener = metricsOptions.plan(serviceOptions.server(), configOptions.server());
            engine = new Engine(serviceOptions.onto(pipeline, configOptions.server()));
            metrics = listener == null ? null : listener.start(engine.readings(), err);
        }
        catch (final ConfigException | IllegalArgumentException | SourceFailure ex)
        {
            return EngineRun.refused(err, ex);
        }
        announceWhenStarted(engine, eventSource);
        final EngineSummary summary = EngineRun.run(engine, err, metrics == null ? null : metrics::close, () ->
        {
            final List<String> reloadWarnings = new ArrayList<>();
            final Pipeline next = assemble(catalog, reloadWarnings, eventSource, null);
            reloadWarnings.forEach(warning -> LOG.warn("warning: {}", warning));
            return next;
        });
        return EngineRun.exitCode(err, summary);
    }

    /**
     * The pipeline the flags and files describe, with its ingest stages: at start (and the source built), and again on
     * SIGHUP from the same files with the same loaders (the running source kept; a kernel source's programs cannot change).
     *
     * @param err where warnings go at start, or null on a reload (the caller logs them).
     */
    private Pipeline assemble(final EventCatalog catalog, final List<String> warnings, final EventSource running,
        final PrintWriter err)
    {
        final PolicySet policies = policyOptions.load(catalog, events);
        // policies (--policy, --events, --scope) are evaluated on every event, synthetic ones too: the bitmap the
        // synthetic source would pretend with policies=... would be overwritten, so the two are not mixed
        final String[] pretended = syntheticPolicies(catalog);
        if (policies != null && pretended.length > 0)
        {
            throw new ConfigException("--source", "policies", String.join(";", pretended), "the synthetic source's"
                + " pretended matches cannot be combined with --policy, --events or --scope (their policies are evaluated)");
        }
        final String[] policyNames = policies != null ? policies.names() : syntheticPolicies(catalog);
        final OutputConfig output = configOptions.loadOutput(warnings, java.util.Set.of(policyNames));
        if (isSynthetic() && output.options().execEnv())
        {
            warnings.add("option exec-env has no effect on the synthetic source (only the kernel sensor captures"
                + " exec environments)");
        }
        if (isSynthetic() && output.options().stackAddresses())
        {
            warnings.add("option stack-addresses has no effect on the synthetic source (only the kernel sensor"
                + " captures user stacks)");
        }
        final io.sluice.filter.export.ExportFilters exportFilters = exportFilterOptions.load(catalog, policyNames, warnings);
        if (err != null)
        {
            warnings.forEach(warning -> err.println("sluice: warning: " + warning));
        }
        final io.sluice.filter.redact.RedactionFilters redactions = exportFilterOptions.redactions();
        final io.sluice.filter.field.FieldFilters fieldFilters = exportFilterOptions.fieldFilters(catalog);
        if (running == null)
        {
            eventSource = source(catalog, output, policies);
            startPolicies = policies;
        }
        else if (!isSynthetic())
        {
            KernelReloadCheck.sameSelection(catalog, startPolicies, policies);
        }
        final String waitStrategyName = waitStrategy.checked();
        return EngineRun.stages(Pipeline.of(output, eventSource, catalog,
            EngineOptions.DEFAULTS.withWaitStrategy(waitStrategyName).withPolicyNames(policyNames)
                .withDrainTimeout(configOptions.drainTimeout()).withColor(configOptions.color())), policies, exportFilters,
            redactions, fieldFilters);
    }

    private static void announceWhenStarted(final Engine engine, final EventSource eventSource)
    {
        final Thread announcer = new Thread(() ->
        {
            try
            {
                engine.awaitSourceStarted(Long.MAX_VALUE, java.util.concurrent.TimeUnit.DAYS);
                if (eventSource.failure() == null)
                {
                    LOG.info("ready: {}", eventSource.description());
                }
            }
            catch (final InterruptedException ignore)
            {
                // exiting
            }
        }, "sluice-announce");
        announcer.setDaemon(true);
        announcer.start();
    }

    /** The policy names a synthetic source's events carry ({@code policies=a;b}); none for other sources. */
    private String[] syntheticPolicies(final EventCatalog catalog)
    {
        if (isSynthetic())
        {
            return SyntheticSpec.parse(source, catalog).policies().toArray(new String[0]);
        }
        return new String[0];
    }

    private boolean isSynthetic()
    {
        return source.equals(SyntheticSpec.PREFIX) || source.startsWith(SyntheticSpec.PREFIX + ":");
    }

    private EventSource source(final EventCatalog catalog, final OutputConfig output, final PolicySet policies)
    {
        if (isSynthetic())
        {
            // without events=, the synthetic source draws from what the run selects, as the kernel would trace it alone
            return new SyntheticSource(SyntheticSpec.parse(source, catalog,
                policies == null ? List.of() : KernelSelection.events(catalog, policies)));
        }
        if (!source.equals("kernel"))
        {
            throw new IllegalArgumentException("--source: unknown source '" + source + "' (expected kernel or synthetic:...)");
        }
        if (policies == null)
        {
            return new KernelSource(new KernelSpec(KernelSource.findLoader(), defaultEvents(catalog), output.options().execEnv(),
                output.options().stackAddresses(), List.of(), List.of(), List.of(), 0, System.getProperty("os.arch")));
        }
        // push-down: the union of the policies' events selects the programs; pid/comm/uid scopes every policy has
        final Policy.PushDown pushDown = policies.pushDown();
        return new KernelSource(new KernelSpec(KernelSource.findLoader(), KernelSelection.events(catalog, policies),
            output.options().execEnv(), output.options().stackAddresses(), pushDown.pids(), pushDown.comms(),
            pushDown.uids(), 0, System.getProperty("os.arch")));
    }

    private static List<EventDefinition> defaultEvents(final EventCatalog catalog)
    {
        final List<EventDefinition> selected = new ArrayList<>();
        for (final EventDefinition event : catalog.events())
        {
            if (event.sets().contains(EventDefinition.DEFAULT_SET))
            {
                selected.add(event);
            }
        }
        return selected;
    }

    /** Supplies {@code --version}. */
    static final class Version implements picocli.CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"sluice " + VersionCommand.version()};
        }
    }
}
