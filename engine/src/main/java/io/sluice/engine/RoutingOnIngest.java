package io.sluice.engine;

import io.sluice.ring.EventSlot;
import io.sluice.stream.RouterGroup;

/**
 * The streams' routers when they run on the ingest thread ({@link RouterGroup#threadsFor}: a machine of two cores or
 * fewer), or nothing when they have threads of their own on the main ring. The ingest hands each event it published
 * to the group at once, while the record is still in its caches, and ends each pass by publishing what the group's
 * routers hold to their stream rings; at a paced rate that is one wake-up and one hand-over between CPUs fewer per
 * batch than a router thread of its own (docs/performance-log.md, "Sixteenth pass").
 *
 * <p>Each stream keeps its claim strategy on its own ring: a drop stream never waits, a block stream whose ring is full
 * waits for room, and the ingest with it (as it did once the main ring filled behind a router thread waiting so). The
 * main ring is published to only when the event service is on (its clients' hub reads it on its own thread); otherwise
 * the ingest hands the group events from a slot of its own ({@link IngestOwnSlot}).
 * Owned by the ingest thread from {@link #start()} on; allocates nothing.
 */
final class RoutingOnIngest
{
    /** No routing on the ingest thread: the routers have threads of their own (or there are no streams). */
    static final RoutingOnIngest NONE = new RoutingOnIngest(new RouterGroup[0]);

    /** None, or the one group of every stream's router. */
    private final RouterGroup[] groups;

    private RoutingOnIngest(final RouterGroup[] groups)
    {
        this.groups = groups;
    }

    /**
     * @param group the routers of every configured stream, on no thread of the main ring.
     * @return routing through them on the ingest thread.
     */
    static RoutingOnIngest of(final RouterGroup group)
    {
        return new RoutingOnIngest(new RouterGroup[] {group});
    }

    /** On the ingest thread, before its first record: the routers run (streams count them started) on this thread. */
    void start()
    {
        for (final RouterGroup group : groups)
        {
            group.onStart();
        }
    }

    /**
     * On the ingest thread: the event just published in the main ring's slot, to every stream that takes it.
     *
     * @param slot     the slot, published.
     * @param sequence its sequence on the main ring.
     */
    void route(final EventSlot slot, final long sequence)
    {
        for (final RouterGroup group : groups)
        {
            group.onEvent(slot, sequence, false);
        }
    }

    /** On the ingest thread, at the end of a pass and at its end: every stream's writer is shown what it was given. */
    void endOfPass()
    {
        for (final RouterGroup group : groups)
        {
            group.endOfBatch();
        }
    }
}
