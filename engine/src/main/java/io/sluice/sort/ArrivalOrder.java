package io.sluice.sort;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * {@code sort-events} off: every record goes on at once, in the order the shared ring holds it.
 */
public final class ArrivalOrder implements EventOrder
{
    private final MessageHandler next;

    /**
     * @param next the ingest handler.
     */
    public ArrivalOrder(final MessageHandler next)
    {
        this.next = next;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        next.onMessage(msgTypeId, buffer, index, length);
    }

    @Override
    public void tick()
    {
        // nothing is held
    }

    @Override
    public boolean holding()
    {
        return false;
    }

    @Override
    public void flush()
    {
        // nothing is held
    }
}
