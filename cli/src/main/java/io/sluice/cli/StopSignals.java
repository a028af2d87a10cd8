package io.sluice.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM during a run: the first asks the engine to stop (it drains every block stream and flushes
 * every destination, then prints its summary); a second one exits at once with 130.
 */
final class StopSignals
{
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private StopSignals(final SignalHandler previousInt, final SignalHandler previousTerm)
    {
        this.previousInt = previousInt;
        this.previousTerm = previousTerm;
    }

    static StopSignals install(final Runnable stop)
    {
        final AtomicInteger received = new AtomicInteger();
        final SignalHandler handler = signal ->
        {
            if (received.incrementAndGet() == 1)
            {
                LOG.info("{} received: draining streams (send again to exit at once)", signal.getName());
                stop.run();
            }
            else
            {
                Runtime.getRuntime().halt(130);
            }
        };
        return new StopSignals(Signal.handle(new Signal("INT"), handler), Signal.handle(new Signal("TERM"), handler));
    }

    void uninstall()
    {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
