package io.sluice.engine;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.parse.ArgumentParsing;
import io.sluice.ring.EventSlot;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The ingest's last step for an event it keeps: render the arguments Tracee parses ({@link ArgumentParsing}), claim the
 * next slot ({@link IngestSlots}: the main ring's, or the ingest's own when nothing reads the main ring), copy the
 * event into it with its id, its matched policies, when its pass over the shared ring began and the generation of the
 * stages that decided it, and publish it; then, when the streams' routers run on the ingest thread
 * ({@link RoutingOnIngest}), route it. The slot is published even when the copy throws, so the ring never holds a
 * claimed slot back. Used by the ingest thread only; allocates nothing per event.
 */
final class MainRingPublisher
{
    private final IngestSlots slots;
    private final ArgumentParsing arguments;
    private final IngestCounters counters;
    private final RoutingOnIngest routing;
    private final ExpandableArrayBuffer parsed = new ExpandableArrayBuffer(4096);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    /** When the current pass over the shared ring began: each event it publishes carries it. */
    private long passNanos;

    MainRingPublisher(final IngestSlots slots, final ArgumentParsing arguments, final IngestCounters counters,
        final RoutingOnIngest routing)
    {
        this.routing = routing;
        this.slots = slots;
        this.arguments = arguments;
        this.counters = counters;
    }

    /**
     * @param nanos {@link System#nanoTime()} as a pass over the shared ring begins ({@link EventSlot#entryNanos()} of
     *              what it publishes).
     */
    void passBegins(final long nanos)
    {
        passNanos = nanos;
    }

    /**
     * @param buffer the record.
     * @param index  where it starts (its message header).
     * @return the event id of the record.
     */
    int eventId(final MutableDirectBuffer buffer, final int index)
    {
        wrap(buffer, index);
        return event.eventId();
    }

    /**
     * Publish a record, its event id and matched policies read from it.
     *
     * @param buffer     the record.
     * @param index      where it starts.
     * @param length     its length.
     * @param generation the generation of the stages that decided it.
     */
    void publish(final MutableDirectBuffer buffer, final int index, final int length, final int generation)
    {
        wrap(buffer, index);
        publish(buffer, index, length, event.eventId(), event.policiesMatched(), generation);
    }

    /**
     * Publish a record whose event id and matched policies the caller knows (a masked record may have lost them).
     *
     * @param buffer     the record.
     * @param index      where it starts.
     * @param length     its length.
     * @param eventId    the event's id.
     * @param policies   the policies it matched.
     * @param generation the generation of the stages that decided it.
     */
    void publish(
        final MutableDirectBuffer buffer, final int index, final int length, final int eventId, final long policies,
        final int generation)
    {
        final int parsedLength = arguments.parse(eventId, buffer, index, length, parsed);
        final long claimed = slots.claim();
        final EventSlot slot = slots.slot(claimed);
        try
        {
            if (parsedLength > 0)
            {
                slot.set(parsed, 0, parsedLength, eventId, policies, claimed);
            }
            else
            {
                slot.set(buffer, index, length, eventId, policies, claimed);
            }
            slot.stamp(passNanos);
            slot.generation(generation);
        }
        finally
        {
            slots.publish(claimed);
        }
        counters.onPublished();
        routing.route(slot, claimed);
    }

    private void wrap(final MutableDirectBuffer buffer, final int index)
    {
        header.wrap(buffer, index);
        event.wrap(buffer, index + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }
}
