package io.sluice.sort;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.report.Problems;
import io.sluice.ring.RecordType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@code sort-events} option: records leave in timestamp order within a bounded reorder window. Each event
 * (enriched or raw kernel record) is copied into a preallocated pool ({@link HeldRecords}) and leaves, oldest
 * timestamp first, once
 * <ul>
 *   <li>it is older than the newest timestamp seen minus the window ({@link #WINDOW_NANOS}, Tracee's 100 ms), or</li>
 *   <li>some held event arrived a window ago in wall time (a quiet host holds nothing longer than that: everything up
 *       to that event's timestamp leaves), or</li>
 *   <li>the pool is full (the oldest leave to make room), or the input ends ({@link #flush}).</li>
 * </ul>
 * A <em>late</em> event, older than one already passed on, is not dropped: it leaves at once, out of order (as
 * Tracee's sorter sends it with its next batch), is counted, and reported once. Loss records, records that are not
 * events and events without a timestamp (a field filter dropped it) pass at once. Records carry no CPU number, so
 * unlike Tracee's per-CPU queues this is one queue over all CPUs, ordered by timestamp alone. Allocates nothing per
 * record.
 */
public final class TimestampOrder implements EventOrder
{
    /** The reorder window: Tracee's minimum delay before events are sent on ({@code sorting.minDelay}). */
    public static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The pool: records held at most. */
    static final int SLOTS = 1 << 16;
    /** The pool: bytes of records held at most. */
    static final int ARENA_BYTES = 16 * 1024 * 1024;

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;
    private static final int TIMESTAMP_BYTES = 12;

    private final MessageHandler next;
    private final Problems problems;
    private final String lateMessage;
    private final long window;
    private final LongSupplier clock;
    private final HeldRecords held;
    private final TimestampHeap heap;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final KernelEventDecoder kernelEvent = new KernelEventDecoder();
    private long newest = NO_TIMESTAMP;
    private long lastPassed = NO_TIMESTAMP;
    private long sequence;
    private long now;
    private long late;

    /**
     * @param next     the ingest handler.
     * @param problems where a late event is reported (once; counted always).
     */
    public TimestampOrder(final MessageHandler next, final Problems problems)
    {
        this(next, problems, WINDOW_NANOS, ARENA_BYTES, SLOTS, System::nanoTime);
    }

    /** With another window, pool and clock (tests). */
    TimestampOrder(final MessageHandler next, final Problems problems, final long window, final int bytes, final int slots,
        final LongSupplier clock)
    {
        this.next = next;
        this.problems = problems;
        this.lateMessage = "sort-events: an event arrived after later ones had left (more than the "
            + TimeUnit.NANOSECONDS.toMillis(window) + " ms window late): passed on out of order";
        this.window = window;
        this.clock = clock;
        this.now = clock.getAsLong();
        this.held = new HeldRecords(bytes, slots);
        this.heap = new TimestampHeap(slots);
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long timestamp = timestamp(msgTypeId, buffer, index, length);
        if (timestamp == NO_TIMESTAMP)
        {
            next.onMessage(msgTypeId, buffer, index, length);
            return;
        }
        if (held.isEmpty())
        {
            // arrivals are stamped with the clock of the last tick; with nothing held that may be long ago (the first
            // read after start), and a stale stamp would release this batch at the next tick, unsorted
            now = clock.getAsLong();
        }
        int slot = held.hold(msgTypeId, buffer, index, length, timestamp, now);
        while (slot < 0 && !held.isEmpty())
        {
            passOldest();
            slot = held.hold(msgTypeId, buffer, index, length, timestamp, now);
        }
        if (slot < 0)
        {
            // larger than the whole pool: nothing is held any more, so it goes on now
            pass(msgTypeId, buffer, index, length, timestamp);
            return;
        }
        heap.push(slot, timestamp, sequence++);
        newest = Math.max(newest, timestamp);
        while (!heap.isEmpty() && heap.minTimestamp() <= newest - window)
        {
            passOldest();
        }
    }

    @Override
    public void tick()
    {
        now = clock.getAsLong();
        while (!held.isEmpty() && now - held.arrival(held.oldestArrival()) >= window)
        {
            passOldest();
        }
    }

    @Override
    public void flush()
    {
        while (!heap.isEmpty())
        {
            passOldest();
        }
    }

    /** @return events passed on older than one passed before them. */
    public long late()
    {
        return late;
    }

    @Override
    public boolean holding()
    {
        return !held.isEmpty();
    }

    /** @return events held now. */
    int held()
    {
        return held.count();
    }

    private void passOldest()
    {
        final int slot = heap.pop();
        pass(held.type(slot), held.arena(), held.offset(slot), held.length(slot), held.timestamp(slot));
        held.release(slot);
    }

    private void pass(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length,
        final long timestamp)
    {
        if (timestamp < lastPassed)
        {
            late++;
            problems.report("sort-events: late events", lateMessage);
        }
        else
        {
            lastPassed = timestamp;
        }
        next.onMessage(msgTypeId, buffer, index, length);
    }

    /** @return the record's timestamp (ns since the epoch), or {@link #NO_TIMESTAMP} for a record that is no event. */
    private long timestamp(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + TIMESTAMP_BYTES)
        {
            return NO_TIMESTAMP;
        }
        header.wrap(buffer, index);
        final int body = index + MessageHeaderDecoder.ENCODED_LENGTH;
        if (msgTypeId == RecordType.EVENT && header.templateId() == EventDecoder.TEMPLATE_ID &&
            header.schemaId() == EventDecoder.SCHEMA_ID)
        {
            event.wrap(buffer, body, header.blockLength(), header.version());
            // a record whose timestamp a field filter dropped has no time to be sorted by
            return event.presence().timestamp() ? event.timestampSeconds() * 1_000_000_000L + event.timestampNanos()
                : NO_TIMESTAMP;
        }
        if (msgTypeId == RecordType.KERNEL_EVENT && header.templateId() == KernelEventDecoder.TEMPLATE_ID &&
            header.schemaId() == KernelEventDecoder.SCHEMA_ID)
        {
            kernelEvent.wrap(buffer, body, header.blockLength(), header.version());
            return kernelEvent.timestampNanos();
        }
        return NO_TIMESTAMP;
    }
}
