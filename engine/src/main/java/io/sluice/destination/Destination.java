package io.sluice.destination;

import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Where a stream's rendered events go, and the contract that makes "delivered" mean "accepted".
 *
 * <p>A destination <em>takes</em> events ({@link #offer}) into what it holds, and <em>pushes</em> what it holds
 * ({@link #flush}) to its target. It tells the stream, through the {@link Receipts} given at {@link #open}, when each
 * event it took was <em>accepted</em> (for a file: the {@code write} that carried its last byte returned; for a
 * network destination: the peer acknowledged it, or the request that carried it returned 2xx) or <em>failed</em>
 * (given up). Receipts come in the order the events were offered. An event is delivered only when every destination
 * of its stream accepted it.
 *
 * <p>Threads: {@link #open} runs on a thread of its own (it may block: a FIFO waits for its reader) and returns before
 * any other call; {@link #unblock} may come from the engine's thread at exit; every other method is called by the
 * stream's writer thread only, and receipts must be reported on
 * that thread (an asynchronous destination collects acknowledgements and reports them from {@link #flush} or
 * {@link #poll}).
 *
 * <p>Failures: {@link #flush} throws when some held events could not be pushed; they stay held. The stream then
 * retries ({@link io.sluice.config.RetryPolicy}) in block mode, or calls {@link #discard} in drop mode. A
 * {@link DestinationGoneException} says retrying is pointless (a pipe whose reader left).
 */
public interface Destination extends AutoCloseable
{
    /**
     * @return the destination's configured name.
     */
    String name();

    /**
     * Open the destination, writing the format's preamble (a table header) if any. May block.
     *
     * @param preamble bytes to write before the first event; may be empty.
     * @param receipts where this destination reports what became of the events it takes.
     * @throws IOException when it cannot be opened.
     */
    void open(byte[] preamble, Receipts receipts) throws IOException;

    /**
     * Take one rendered event: copy it into what the destination holds, without pushing it anywhere. The event is
     * pending until a receipt resolves it.
     *
     * @param rendered the rendered event, without record separator.
     * @param offset   where it starts.
     * @param length   its length.
     * @return false when the destination holds all it can: {@link #flush} first, then offer again.
     */
    boolean offer(DirectBuffer rendered, int offset, int length);

    /**
     * Take one rendered event with the enriched record it was rendered from, for a destination that reads more than
     * the rendering (a kafka record's key and headers); by default the record is not needed.
     *
     * @param rendered     the rendered event, without record separator.
     * @param offset       where it starts.
     * @param length       its length.
     * @param record       the event's enriched record, SBE message header first, at offset 0.
     * @param recordLength its length.
     * @return false when the destination holds all it can: {@link #flush} first, then offer again.
     */
    default boolean offer(final DirectBuffer rendered, final int offset, final int length, final DirectBuffer record,
        final int recordLength)
    {
        return offer(rendered, offset, length);
    }

    /**
     * Push out what is held and report what became of it.
     *
     * @throws IOException when some held events could not be pushed (they stay held, unresolved).
     */
    void flush() throws IOException;

    /**
     * Give up on the held events that have not started to leave: report them failed. An event partly written (a file
     * write that stopped mid-event) stays held so that the target never sees half an event followed by another.
     */
    void discard();

    /**
     * Report receipts that arrived since the last call (asynchronous destinations); cheap when there are none.
     */
    default void poll()
    {
    }

    /**
     * How soon the writer must come back to an asynchronous destination that has events pending ({@link #pending()} &gt;
     * 0) when no event arrives: it then calls {@link #poll} and {@link #flush} at least this often, so acknowledgements
     * are reported and a partly filled batch leaves even on an idle stream. Fixed for a destination: the stream reads it
     * when it is built, to choose how its writer waits, and after each push.
     *
     * @return the interval in nanoseconds; 0 (the default) for a destination that resolves what it holds in
     * {@link #flush}.
     */
    default long pollIntervalNanos()
    {
        return 0;
    }

    /**
     * The run is stopping: every push from now on is the last chance of what is held, so none may wait for more events
     * (a file's linger ends). Called once, by the writer thread, before its last pushes.
     */
    default void draining()
    {
    }

    /**
     * Called from another thread when the writer is stuck in a blocking push past the drain deadline (a FIFO whose
     * reader stopped reading): make the push fail, for instance by closing the channel it writes to. The only method
     * not called on the writer thread.
     */
    default void unblock()
    {
    }

    /**
     * @return events taken and not yet resolved.
     */
    int pending();

    /**
     * @return true when the destination pushes every event as soon as it is taken (a terminal), so the stream flushes
     * after each event rather than at the end of each batch.
     */
    default boolean flushesEachEvent()
    {
        return false;
    }

    /**
     * @return a line for the run's summary about what this destination kept (a journal's count), or null.
     */
    default String report()
    {
        return null;
    }

    /**
     * Release the destination. Whatever is still held is not pushed: the stream flushes before closing, and counts
     * what stays held as undelivered.
     *
     * @throws IOException when releasing fails.
     */
    @Override
    void close() throws IOException;
}
