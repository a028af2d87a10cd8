package io.sluice.cli;

import io.sluice.config.ConfigException;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.log.LogFormat;
import io.sluice.log.Logging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.function.Supplier;

/**
 * The signals an operator sends a running engine besides stopping it: SIGUSR1 prints the counters so far (the table
 * the summary prints at exit) to stderr and the run goes on; SIGHUP re-reads the policy files, the config and flags'
 * stream filters and the export, redaction and field filters with the same loaders as at start, and puts them in
 * force ({@link Engine#reload}) or, when any of it does not compile or changes what a run cannot change, logs one line
 * saying why and keeps the running set. Handlers run on the JVM's signal thread, one signal at a time.
 */
final class OperatorSignals
{
    private static final Logger LOG = LoggerFactory.getLogger(OperatorSignals.class);

    private final SignalHandler previousHup;
    private final SignalHandler previousUsr1;

    private OperatorSignals(final SignalHandler previousHup, final SignalHandler previousUsr1)
    {
        this.previousHup = previousHup;
        this.previousUsr1 = previousUsr1;
    }

    /**
     * @param engine   the running engine.
     * @param reloaded builds the pipeline the files describe now (throws a {@link ConfigException} naming file, field
     *                 and value for what is wrong), or null when the command has nothing to reload.
     * @return the installed handlers, to {@link #uninstall}.
     */
    static OperatorSignals install(final Engine engine, final Supplier<Pipeline> reloaded)
    {
        final SignalHandler hup = signal -> reload(engine, reloaded);
        final SignalHandler usr1 = signal -> printCounters(engine.snapshot());
        return new OperatorSignals(Signal.handle(new Signal("HUP"), hup), Signal.handle(new Signal("USR1"), usr1));
    }

    private static void reload(final Engine engine, final Supplier<Pipeline> reloaded)
    {
        if (reloaded == null)
        {
            LOG.warn("SIGHUP: this command has nothing to reload: ignored");
            return;
        }
        // the config's logging section is read with the rest and put in force only when the rest is
        Logging.hold();
        final String reloadedSet;
        try
        {
            reloadedSet = engine.reload(reloaded.get());
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            Logging.release(false);
            LOG.atError().addKeyValue("signal", "SIGHUP").log("SIGHUP: reload refused, the running set stays: " + ex.getMessage());
            return;
        }
        catch (final RuntimeException ex)
        {
            Logging.release(false);
            LOG.atError().addKeyValue("signal", "SIGHUP").log("SIGHUP: reload failed, the running set stays: " + ex);
            return;
        }
        try
        {
            Logging.release(true);
        }
        catch (final ConfigException ex)
        {
            LOG.error("SIGHUP: logging stays as it was: {}", ex.getMessage());
        }
        LOG.info("SIGHUP: reloaded: {}", reloadedSet);
    }

    /** As text, the summary's own lines; as JSON, one line for the source and one per stream and destination. */
    static void printCounters(final EngineSummary counters)
    {
        if (Logging.settings().format() == LogFormat.TEXT)
        {
            System.err.println("sluice: SIGUSR1: counters so far");
            counters.printTo(System.err);
            return;
        }
        LOG.atInfo().addKeyValue("signal", "SIGUSR1").addKeyValue("source", counters.source())
            .addKeyValue("ingested", counters.ingested()).addKeyValue("published", counters.published())
            .addKeyValue("lost_kernel", counters.lostKernel()).log("counters so far");
        for (final EngineSummary.StreamSummary stream : counters.streams())
        {
            LOG.atInfo().addKeyValue("signal", "SIGUSR1").addKeyValue("stream", stream.name())
                .addKeyValue("mode", stream.mode()).addKeyValue("matched", stream.matched())
                .addKeyValue("delivered", stream.delivered()).addKeyValue("dropped", stream.dropped())
                .addKeyValue("failed", stream.failed()).log("stream counters so far");
            for (final EngineSummary.DestinationSummary destination : stream.destinations())
            {
                LOG.atInfo().addKeyValue("signal", "SIGUSR1").addKeyValue("stream", stream.name())
                    .addKeyValue("destination", destination.name()).addKeyValue("written", destination.written())
                    .addKeyValue("failed", destination.failed()).addKeyValue("retried", destination.retried())
                    .log("destination counters so far");
            }
        }
    }

    void uninstall()
    {
        Signal.handle(new Signal("HUP"), previousHup);
        Signal.handle(new Signal("USR1"), previousUsr1);
    }
}
