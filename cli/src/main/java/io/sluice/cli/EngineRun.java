package io.sluice.cli;

import io.sluice.config.ConfigException;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.PolicySet;
import io.sluice.source.SourceFailure;

import java.io.PrintWriter;

/**
 * What every command that runs the engine does the same way: the stages given onto its pipeline, a refused set-up
 * becomes its exit code, SIGINT/SIGTERM
 * drain the engine while it runs, and the per-stream summary goes to stderr at the end.
 */
final class EngineRun
{
    private EngineRun()
    {
    }

    /**
     * @param err     where the one-line reason goes.
     * @param problem what stopped the set-up.
     * @return {@link ExitCodes#USAGE} for configuration and usage errors, {@link ExitCodes#RUNTIME_FAILURE} for a
     *         source that cannot start.
     */
    static int refused(final PrintWriter err, final RuntimeException problem)
    {
        err.println("sluice: " + problem.getMessage());
        err.flush();
        return problem instanceof SourceFailure ? ExitCodes.RUNTIME_FAILURE : ExitCodes.USAGE;
    }

    /**
     * The ingest stages the command line gave, onto the pipeline (the option loaders answer null for a stage not given).
     *
     * @param pipeline      the pipeline without stages.
     * @param policies      the loaded policies, or null.
     * @param exportFilters the global export filters, or null.
     * @param redactions    the redaction filters, or null.
     * @param fieldFilters  the field filters, or null.
     * @return the pipeline with the stages given.
     */
    static Pipeline stages(final Pipeline pipeline, final PolicySet policies, final ExportFilters exportFilters,
        final RedactionFilters redactions, final FieldFilters fieldFilters)
    {
        Pipeline staged = policies == null ? pipeline : pipeline.withPolicies(policies);
        staged = exportFilters == null ? staged : staged.withExportFilters(exportFilters);
        staged = redactions == null ? staged : staged.withRedactions(redactions);
        return fieldFilters == null ? staged : staged.withFieldFilters(fieldFilters);
    }

    /**
     * @param problem what stopped the set-up.
     * @return true for the kinds {@link #refused} knows.
     */
    static boolean isRefusal(final RuntimeException problem)
    {
        return problem instanceof ConfigException || problem instanceof IllegalArgumentException ||
            problem instanceof SourceFailure;
    }

    /**
     * Runs the engine to its end (source done, or a stop signal), then prints its summary to stderr.
     *
     * @param engine   the configured engine.
     * @param err      where a failure to run is reported.
     * @param whenDone run after the engine stopped, before the summary (progress bars), may be null.
     * @return the summary.
     */
    static EngineSummary run(final Engine engine, final PrintWriter err, final Runnable whenDone)
    {
        return run(engine, err, whenDone, null);
    }

    /**
     * As {@link #run(Engine, PrintWriter, Runnable)}, with SIGHUP reloading what {@code reloaded} builds and SIGUSR1
     * printing the counters ({@link OperatorSignals}).
     *
     * @param engine   the configured engine.
     * @param err      where a failure to run is reported.
     * @param whenDone run after the engine stopped, before the summary, may be null.
     * @param reloaded builds the pipeline the files describe now, or null when the command has nothing to reload.
     * @return the summary.
     */
    static EngineSummary run(final Engine engine, final PrintWriter err, final Runnable whenDone,
        final java.util.function.Supplier<Pipeline> reloaded)
    {
        err.flush();
        final StopSignals signals = StopSignals.install(engine::requestStop);
        final OperatorSignals operator = OperatorSignals.install(engine, reloaded);
        final EngineSummary summary;
        try
        {
            summary = engine.run();
        }
        finally
        {
            signals.uninstall();
            operator.uninstall();
            if (whenDone != null)
            {
                whenDone.run();
            }
        }
        summary.printTo(System.err);
        return summary;
    }

    /**
     * @param err     where the failure is explained.
     * @param summary the run's summary.
     * @return {@link ExitCodes#RUNTIME_FAILURE} when the run failed or was not clean, else {@link ExitCodes#OK}.
     */
    static int exitCode(final PrintWriter err, final EngineSummary summary)
    {
        final Throwable failure = summary.failure();
        if (failure != null)
        {
            err.println("sluice: " + (failure instanceof SourceFailure ? failure.getMessage() : "run failed: " + failure));
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        err.flush();
        return summary.clean() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }
}
