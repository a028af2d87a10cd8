package io.sluice.destination;

import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Receipts a test reads back: how many events a destination said it accepted, failed and revoked.
 */
final class CountingReceipts implements Receipts
{
    long accepted;
    long failed;
    long revoked;

    @Override
    public void accepted(final int events)
    {
        accepted += events;
    }

    @Override
    public void failed(final int events)
    {
        failed += events;
    }

    @Override
    public void revoked(final int events)
    {
        revoked += events;
    }

    /**
     * Offer an event as a stream writer does: when the destination is full, push and offer again.
     */
    static void offer(final Destination destination, final DirectBuffer bytes, final int offset, final int length)
        throws IOException
    {
        while (!destination.offer(bytes, offset, length))
        {
            destination.flush();
        }
    }
}
