package io.sluice.destination.forward;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One chunk: the MessagePack entries ({@code [time, record]}, concatenated; the record Tracee's
 * {@code {"event": "<json>"}}, or with {@code record=map} the event's JSON as a map, {@link JsonTranscoder}) of up to
 * a batch of events, sent as one PackedForward or Forward-mode message; its unique id (a base64 string, the
 * {@code chunk} option the peer acknowledges), and where it stands. Reused: its buffer grows to the largest chunk once and is kept.
 *
 * <p>Time is MessagePack ext type 0 (Fluentd's EventTime: seconds and nanoseconds, big-endian 32-bit each), which
 * Fluentd has accepted since v0.14 and Fluent Bit reads; it is the time Sluice took the event.
 */
final class Chunk
{
    /** Taking events. */
    static final int OPEN = 0;
    /** Full or pushed: waiting to be written. */
    static final int SEALED = 1;
    /** Written, waiting for the peer's acknowledgement. */
    static final int SENT = 2;
    /** Accepted: written (no acknowledgements) or acknowledged. */
    static final int DONE = 3;
    /** Given up on. */
    static final int DISCARDED = 4;

    private static final byte[] EVENT_KEY = "event".getBytes(StandardCharsets.US_ASCII);
    private static final int ENTRY_OVERHEAD = 1 + 10 + 1 + 1 + EVENT_KEY.length + 5;

    private final byte[] id;
    private byte[] entries = new byte[64 * 1024];
    private int length;
    private int events;
    private int state;
    private long sentAt;
    private int sends;

    /**
     * @param id the chunk's unique id, base64 ASCII.
     */
    Chunk(final byte[] id)
    {
        this.id = id.clone();
    }

    /**
     * Empty the chunk for new events, under a new id.
     *
     * @param newId the id, base64 ASCII, as long as the first.
     */
    void reset(final byte[] newId)
    {
        System.arraycopy(newId, 0, id, 0, id.length);
        length = 0;
        events = 0;
        sends = 0;
        state = OPEN;
    }

    /**
     * Append one event as a Forward entry.
     *
     * @param rendered  the event as JSON.
     * @param offset    where it starts.
     * @param count     its length in bytes.
     * @param epochNanos the event's time.
     * @param map       the transcoder of {@code record=map}, or null for Tracee's record.
     */
    void append(final DirectBuffer rendered, final int offset, final int count, final long epochNanos,
        final JsonTranscoder map)
    {
        ensure(length + (map == null ? count : count * JsonTranscoder.EXPANSION) + ENTRY_OVERHEAD);
        final byte[] b = entries;
        int at = length;
        b[at++] = (byte)0x92;
        b[at++] = (byte)0xd7;
        b[at++] = 0;
        at = MsgPack.putInt(b, at, (int)(epochNanos / 1_000_000_000L));
        at = MsgPack.putInt(b, at, (int)(epochNanos % 1_000_000_000L));
        if (map != null)
        {
            length = map.transcode(rendered, offset, count, b, at);
            events++;
            return;
        }
        b[at++] = (byte)0x81;
        b[at++] = (byte)(0xa0 | EVENT_KEY.length);
        System.arraycopy(EVENT_KEY, 0, b, at, EVENT_KEY.length);
        at += EVENT_KEY.length;
        at = MsgPack.strHeader(b, at, count);
        rendered.getBytes(offset, b, at, count);
        length = at + count;
        events++;
    }

    private void ensure(final int capacity)
    {
        if (capacity > entries.length)
        {
            entries = Arrays.copyOf(entries, Math.max(capacity, entries.length * 2));
        }
    }

    byte[] entries()
    {
        return entries;
    }

    int length()
    {
        return length;
    }

    int events()
    {
        return events;
    }

    byte[] id()
    {
        return id;
    }

    int state()
    {
        return state;
    }

    void state(final int newState)
    {
        state = newState;
    }

    /**
     * @param now when it was written (nanoTime).
     * @return how many times it was written before.
     */
    int sent(final long now)
    {
        sentAt = now;
        state = SENT;
        return sends++;
    }

    long sentAt()
    {
        return sentAt;
    }

    /**
     * @param ackId bytes holding an acknowledged chunk id.
     * @param from  where it starts.
     * @param count its length.
     * @return true when it is this chunk's.
     */
    boolean isId(final byte[] ackId, final int from, final int count)
    {
        return count == id.length && Arrays.equals(id, 0, id.length, ackId, from, from + count);
    }
}
