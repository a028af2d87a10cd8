package io.sluice.stream;

import java.util.concurrent.ThreadFactory;

/**
 * The stream tests' threads: daemons, so a test that fails with a ring still running does not keep the fork alive.
 */
final class DaemonThreads
{
    private DaemonThreads()
    {
    }

    /** @return a factory of daemon threads. */
    static ThreadFactory factory()
    {
        return runnable ->
        {
            final Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }
}
