package io.sluice.ring;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * One event rendered once and handed to several streams' writers without a copy per stream: the stream slots that
 * carry it hold a reference ({@link EventSlot#addRendering}), and it notes where in each stream's ring it was placed
 * ({@link #placedAt}). Its owner (a router group's pool) fills it again only once every writer it was placed for has
 * gone past that slot, so a writer that falls behind never sees it reused under its feet, and no writer has anything
 * to release: its ring's sequence says it is done.
 *
 * <p>Threads: the owner fills it and notes its placements before publishing the slots; writers read the bytes after
 * the slot's publication. The writer's sequence, set after it handled the slot and read by the owner before refilling,
 * orders the writer's reads before the owner's next writes.
 */
public final class Rendering
{
    /** Room a rendering starts with. */
    public static final int INITIAL_CAPACITY = 1024;
    /** Room it keeps: one made larger by an unusual event (a long argv) is replaced by a new one when next taken. */
    public static final int KEPT_CAPACITY = 16 * 1024;
    /** {@link #placedAt} of a stream the rendering was not given to. */
    public static final long NOT_PLACED = -1;

    private final long[] placements;
    private ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private int length;

    /**
     * @param users how many streams it may be given to.
     */
    public Rendering(final int users)
    {
        this.placements = new long[users];
        Arrays.fill(placements, NOT_PLACED);
    }

    /**
     * By its owner, once no writer needs it any more: take it for a new event, placed nowhere yet.
     *
     * @return the buffer to render into, at offset 0 (then {@link #rendered}).
     */
    public MutableDirectBuffer take()
    {
        if (bytes.capacity() > KEPT_CAPACITY)
        {
            // once per unusually large event: the pool's memory stays bounded
            bytes = new ExpandableArrayBuffer(INITIAL_CAPACITY);
        }
        Arrays.fill(placements, NOT_PLACED);
        return bytes;
    }

    /**
     * @param length the rendering's length, or -1 when the event could not be rendered (already reported).
     */
    public void rendered(final int length)
    {
        this.length = length;
    }

    /**
     * By its owner: the rendering goes into a slot of a stream's ring.
     *
     * @param user     the stream's index among the rendering's users.
     * @param sequence the slot's sequence in that stream's ring.
     */
    public void place(final int user, final long sequence)
    {
        placements[user] = sequence;
    }

    /**
     * @param user a stream's index among the rendering's users.
     * @return the sequence of the slot of that stream's ring that carries it, or {@link #NOT_PLACED}.
     */
    public long placedAt(final int user)
    {
        return placements[user];
    }

    /**
     * @return the rendered bytes, valid in {@code [0, length())} while a writer it was placed for has not passed it.
     */
    public DirectBuffer bytes()
    {
        return bytes;
    }

    /**
     * @return the rendering's length, -1 when the event could not be rendered in its format.
     */
    public int length()
    {
        return length;
    }
}
