package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.sluice.config.BufferMode;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.filter.StreamExportFilters;
import io.sluice.policy.EventView;
import io.sluice.report.Problems;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import io.sluice.ring.Rendering;
import io.sluice.ring.RingRoom;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * A stream's handler on the main ring: applies the stream's filters and copies each passing event into the
 * stream's own ring, claiming with {@code next()} in block mode (waits for room, back-pressure reaches the
 * source) or {@code tryNext()} in drop mode (counts a drop when the ring is full). A stream with Tetragon filters
 * of its own decodes the event (reading the shared slot only) and may send a rewritten copy; a filter that throws
 * fails the event for this stream (counted, reported once) and never stops the main ring. In a {@link RouterGroup}
 * the router also hands its stream, beside an event it passes on unchanged, the renderings the group makes once for
 * its streams (a reference each, valid until the writer passed the slot), without the record when the writer needs nothing else
 * ({@link #withoutRecord}), and publishes to the stream's ring in batches ({@link #publishInBatches}).
 */
final class StreamRouter implements EventHandler<EventSlot>
{
    /** Most events published to the stream's ring in one go (a quarter of a smaller ring). */
    static final int PUBLISH_BATCH = 64;
    /**
     * Most publishes of a busy router per signal to its writer ({@link BatchedSignalWaitStrategy}): a writer that blocked
     * is woken every {@code 4 × 64} events (a quarter of the default ring) or at the end of the main ring's batch, one
     * that runs sees every publish. A smaller ring is signalled at least once per quarter ({@link #publishesPerSignal}).
     */
    static final int PUBLISHES_PER_SIGNAL = 4;

    /**
     * @param ringSize the stream ring's slots.
     * @return publishes per signal to its writer: {@link #PUBLISHES_PER_SIGNAL}, fewer when their events would be more
     *         than a quarter of the ring (a writer woken only once its ring is full would make a drop stream drop).
     */
    static int publishesPerSignal(final int ringSize)
    {
        return Math.max(1, Math.min(PUBLISHES_PER_SIGNAL, ringSize / 4 / PUBLISH_BATCH));
    }

    /**
     * The filters of the next reload: written by the signal thread ({@link #reload}) before the ingest thread's stages
     * of the same generation are put in force. The ingest thread publishes each event on the main ring after reading its
     * stages (volatile), and this thread reads the slot after the ring's barrier, so when an event of the new generation
     * arrives, the set written here is visible whole.
     */
    private volatile RouteFilters next;
    /** The filters routing events: this thread's own; they change when an event of another generation arrives. */
    private RouteFilters filters;
    private final boolean block;
    private final RingBuffer<EventSlot> ring;
    private final StreamCounters counters;
    private final EventView view = new EventView(null);
    private final String streamName;
    private final Problems problems;
    private final CountDownLatch running;
    private final PendingPublish unpublished;
    /** A block stream's wait for room in its full ring: for an eighth of it, not {@code next()}'s wake-up every ~50 µs. */
    private final RingRoom room;
    /** The renderings the router group makes for this stream and others, in the order of the stream's slots. */
    private SharedRendering[] shared = new SharedRendering[0];
    /** This stream's index among the users of each of {@link #shared}. */
    private int[] userOf = new int[0];
    /** The routers sharing this one's thread, itself included: what they hold is published before this one waits. */
    private StreamRouter[] group = {this};
    /** False when the stream's writer needs only the group's renderings of an unchanged event, not its record. */
    private boolean copyRecord = true;

    StreamRouter(
        final String streamName,
        final EventIdFilter events,
        final PolicyFilter policies,
        final BufferMode mode,
        final RingBuffer<EventSlot> ring,
        final BatchedSignalWaitStrategy signals,
        final StreamCounters counters,
        final StreamExportFilters exports,
        final Problems problems,
        final CountDownLatch running)
    {
        this.running = running;
        this.streamName = streamName;
        this.problems = problems;
        this.filters = new RouteFilters(events, policies, exports, 0);
        this.block = mode == BufferMode.BLOCK;
        this.ring = ring;
        this.unpublished = new PendingPublish(ring, signals);
        this.room = RingRoom.eighthOf(ring);
        this.counters = counters;
    }

    /**
     * @param next the stream's new filters, in force from the first event the ingest stages of its generation decide
     *             (their lineage bits and these filters belong together).
     */
    void reload(final RouteFilters next)
    {
        this.next = next;
    }

    /**
     * Before the main ring starts: the router group renders this format for this stream too; the stream's writer
     * finds the rendering at the returned index of each slot the event reaches unchanged.
     *
     * @param rendering a rendering of the router's group.
     * @return its index in this stream's slots.
     */
    int share(final SharedRendering rendering)
    {
        shared = Arrays.copyOf(shared, shared.length + 1);
        shared[shared.length - 1] = rendering;
        userOf = Arrays.copyOf(userOf, shared.length);
        userOf[shared.length - 1] = rendering.addUser(ring);
        return shared.length - 1;
    }

    /**
     * Before the main ring starts: every format of the stream is rendered by the router group and no destination reads
     * the record, so an event passed on unchanged reaches the stream's slot without its record (a rewritten event still
     * carries its own: the writer renders it).
     */
    void withoutRecord()
    {
        copyRecord = false;
    }

    /**
     * Before the main ring starts, for a router that sees every event of the main ring (a group's, not a client's of
     * the hub, which may stop calling it in the middle of a batch): publish to the stream's ring at the end of each
     * batch of the main ring, or every {@link #PUBLISH_BATCH} events, and signal its writer at the batch's end or every
     * few publishes ({@link #publishesPerSignal}), so a writer that blocked is woken once per batch rather than once per
     * event. A block stream about to wait for room publishes what it holds first, and a drop
     * stream that finds its ring full does too.
     */
    void publishInBatches()
    {
        unpublished.batchUpTo(PUBLISH_BATCH);
    }

    /**
     * Before the main ring starts: the routers that run on this one's thread (itself among them). A block stream about
     * to wait for room publishes what each of them holds first, so a stream sharing the thread is never kept from
     * events it was already given (a drop stream's writer goes on delivering them while the block stream waits).
     *
     * @param members the group's routers.
     */
    void runsWith(final StreamRouter[] members)
    {
        group = members.clone();
    }

    /** The set routing an event of {@code generation}: the next reload's from its first event on. */
    private RouteFilters filtersFor(final int generation)
    {
        final RouteFilters current = filters;
        if (generation != current.generation)
        {
            final RouteFilters pending = next;
            if (pending != null && pending.generation == generation)
            {
                filters = pending;
                return pending;
            }
        }
        return current;
    }

    /** The end of a batch the group's thread saw without the main ring's word for it: publish and signal what is held. */
    void endOfBatch()
    {
        unpublished.publishAndSignal();
    }

    @Override
    public void onStart()
    {
        unpublished.onProducerThread();
        running.countDown();
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        try
        {
            route(slot, sequence);
        }
        finally
        {
            // whatever escaped routing, what was claimed and filled before is shown to the writer at the batch's end
            if (endOfBatch)
            {
                unpublished.publishAndSignal();
            }
            else if (unpublished.full())
            {
                unpublished.publish();
            }
        }
    }

    private void route(final EventSlot slot, final long sequence)
    {
        final RouteFilters current = filtersFor(slot.generation());
        final StreamExportFilters exports = current.exports;
        if (!current.events.matches(slot.eventId()) || !current.policies.matches(slot.policies()))
        {
            return;
        }
        int rewritten = 0;
        if (exports != null)
        {
            // the slot is shared with the other routers: read only (its buffer is an ExpandableArrayBuffer)
            // a global field filter may have cleared id and policies from the record: the slot keeps the event's own
            try
            {
                rewritten = exports.apply(view.wrap((MutableDirectBuffer)slot.buffer(), 0, slot.length())
                    .asPublished(slot.eventId(), slot.policies()));
            }
            catch (final RuntimeException | StackOverflowError ex)
            {
                // a redaction or CEL filter may recurse too deep on one event: that event fails, the stream goes on
                problems.report("stream " + streamName + ": filters", "stream " + streamName +
                    ": export filters failed on event id " + slot.eventId() + ": " + ex);
                counters.onMatched();
                counters.onFailedRouting();
                return;
            }
            if (rewritten == StreamExportFilters.DROPPED)
            {
                return;
            }
        }
        counters.onMatched();
        final long claimed = claim();
        if (claimed < 0)
        {
            counters.onDropped();
            return;
        }
        try
        {
            fill(claimed, slot, sequence, rewritten, exports);
        }
        finally
        {
            unpublished.filled(claimed);
        }
    }

    /**
     * @return the claimed sequence of the stream's ring, or -1 when a drop stream's ring is full. A block stream's
     *         wait for room is a wait for its writer, which must see every event claimed before: those are published
     *         first.
     */
    private long claim()
    {
        if (block)
        {
            if (!ring.hasAvailableCapacity(1))
            {
                // about to wait: the writers of every stream of the group must see what they were given meanwhile
                for (final StreamRouter member : group)
                {
                    member.unpublished.publishAndSignal();
                }
                do
                {
                    room.awaitFull(1);
                }
                while (!ring.hasAvailableCapacity(1));
            }
            return ring.next();
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            // full with events the writer has not been shown yet: show them, the ring stays full for this event
            unpublished.publishAndSignal();
            return -1;
        }
    }

    private void fill(final long claimed, final EventSlot slot, final long sequence, final int rewritten,
        final StreamExportFilters exports)
    {
        final EventSlot target = ring.get(claimed);
        if (rewritten > 0)
        {
            // rewritten for this stream alone: its writer renders it
            target.set(exports.out(), 0, rewritten, slot.eventId(), slot.policies(), slot.sequenceInSource());
            target.stamp(slot.entryNanos());
            return;
        }
        if (copyRecord)
        {
            target.copyFrom(slot);
        }
        else
        {
            target.copyWithoutRecord(slot);
        }
        for (int i = 0; i < shared.length; i++)
        {
            final Rendering rendering = shared[i].render(slot, sequence);
            rendering.place(userOf[i], claimed);
            target.addRendering(rendering);
        }
    }
}
