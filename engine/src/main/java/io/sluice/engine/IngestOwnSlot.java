package io.sluice.engine;

import io.sluice.ring.EventSlot;

/**
 * The ingest's own slot, used again for every event when no thread reads the main ring: the routers on the ingest
 * thread take what they need from it (a copy, or a rendering) before the next event is claimed. The copy of each
 * record then goes to lines this thread's caches already hold, not to the next of the main ring's 2,048 slots: in
 * {@code sluice bench} a tenth to a fifth of the ingest's CPU per event, and hardly anything at a kernel source's rate
 * (docs/performance-log.md, "Seventeenth pass"). Sequences count from 0 as the main ring's would, so every event
 * carries the number it would have had there. Owned by the ingest thread.
 */
final class IngestOwnSlot implements IngestSlots
{
    private final EventSlot slot = new EventSlot();
    private long sequence = -1;

    @Override
    public long claim()
    {
        return ++sequence;
    }

    @Override
    public EventSlot slot(final long sequence)
    {
        return slot;
    }

    @Override
    public void publish(final long sequence)
    {
        // nothing reads it: the routers saw it on this thread
    }
}
