package io.sluice.sort;

import org.agrona.concurrent.MessageHandler;

/**
 * The order in which records read from the shared ring go on to the ingest thread's processing: as they arrive
 * ({@link ArrivalOrder}), or by timestamp within a bounded window ({@link TimestampOrder}, the {@code sort-events}
 * option). Sits between the shared ring and the ingest handler, on the ingest thread.
 */
public interface EventOrder extends MessageHandler
{
    /** Called after each read of the shared ring, whether it found records or not: time-based release happens here. */
    void tick();

    /** @return whether records are held for a later {@link #tick()} to pass on (the ingest then keeps ticking). */
    boolean holding();

    /** The input has ended: pass on everything still held, in order. */
    void flush();
}
