package io.sluice.stream;

import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * A destination being opened on a thread of its own, so that one that takes long (a FIFO without a reader, a peer
 * that does not answer) delays only its stream. The opener thread hands the outcome to the writer thread through a
 * {@link CompletableFuture}: its completion happens-before {@link #isDone()} returns true.
 */
final class DestinationOpening
{
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    private final Destination destination;

    /**
     * @param destination the destination to open.
     */
    DestinationOpening(final Destination destination)
    {
        this.destination = destination;
    }

    /**
     * Start opening on a new thread.
     *
     * @param threads  where the thread comes from.
     * @param name     the thread's name.
     * @param preamble what the destination writes first (a format's header), or empty.
     * @param receipts where the destination reports what its peer acknowledged.
     */
    void start(final ThreadFactory threads, final String name, final byte[] preamble, final Receipts receipts)
    {
        final Thread opener = threads.newThread(() ->
        {
            try
            {
                destination.open(preamble, receipts);
                outcome.complete(null);
            }
            catch (final Throwable ex)
            {
                outcome.completeExceptionally(ex);
            }
        });
        opener.setName(name);
        opener.start();
    }

    /**
     * @return true once the opening ended, opened or failed.
     */
    boolean isDone()
    {
        return outcome.isDone();
    }

    /**
     * @return true when the destination opened.
     */
    boolean opened()
    {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /**
     * @return why the opening failed, or null when the destination opened; call once {@link #isDone()}.
     */
    Throwable failure()
    {
        try
        {
            outcome.join();
            return null;
        }
        catch (final RuntimeException ex)
        {
            return ex.getCause() == null ? ex : ex.getCause();
        }
    }
}
