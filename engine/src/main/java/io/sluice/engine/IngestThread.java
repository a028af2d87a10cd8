package io.sluice.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * The ingest's own thread ({@code sluice-ingest}), and how the thread running the engine learns of its end: the
 * ingest's thread sets {@link #ended()} and then unparks that waiter (the flag first: the woken thread must not find
 * the ingest still running and park again). A stop request wakes both, so neither sleeps out a long park.
 */
final class IngestThread
{
    private final IngestLoop ingest;
    /** The thread running the engine, stored before the ingest's thread starts: woken by its end and by a stop. */
    private volatile Thread waiter;
    /** The ingest's thread, once started. */
    private volatile Thread thread;
    /** Set by the ingest's thread when its work is over, before it wakes {@link #waiter}. */
    private volatile boolean ended;

    IngestThread(final IngestLoop ingest)
    {
        this.ingest = ingest;
    }

    /** Start the ingest's thread; the calling thread is the one its end wakes. */
    void start()
    {
        waiter = Thread.currentThread();
        final Thread ingesting = new Thread(this::runThenWake, "sluice-ingest");
        thread = ingesting;
        ingesting.start();
    }

    /** @return true once the ingest's work is over (its thread may still be exiting: {@link #join()}). */
    boolean ended()
    {
        return ended;
    }

    /** A stop was asked for (any thread): wake the ingest from its park, and the waiter, if the run started. */
    void wake()
    {
        final Thread ingesting = thread;
        if (ingesting != null)
        {
            LockSupport.unpark(ingesting);
            LockSupport.unpark(waiter);
        }
    }

    /** @return whether the calling thread was interrupted while joining the ingest's thread, which is past its work. */
    boolean join()
    {
        boolean interrupted = false;
        final Thread ingesting = thread;
        while (ingesting.isAlive())
        {
            try
            {
                ingesting.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private void runThenWake()
    {
        try
        {
            ingest.run();
        }
        finally
        {
            ended = true;
            LockSupport.unpark(waiter);
        }
    }
}
