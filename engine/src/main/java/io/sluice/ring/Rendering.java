package io.sluice.ring;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event rendered once and handed to several streams' writers without a copy per stream: the stream slots that
 * carry it hold a reference ({@link EventSlot#addRendering}) and each writer releases it once it offered the bytes.
 * Its owner (a router group's pool) fills it only while no one holds it ({@link #free()}), so a writer that falls
 * behind never sees it reused under its feet.
 *
 * <p>Threads: the owner fills it and takes one hold per stream ({@link #hold}) before publishing the slots; each
 * writer reads the bytes after the slot's publication and then releases its hold. A release is an atomic decrement
 * with release semantics, and {@link #free()} a volatile read, so a writer's reads happen before the owner writes the
 * next event into it.
 */
public final class Rendering
{
    /** Room a rendering starts with. */
    public static final int INITIAL_CAPACITY = 1024;
    /** Room it keeps: one made larger by an unusual event (a long argv) is replaced by a new one when next taken. */
    public static final int KEPT_CAPACITY = 16 * 1024;

    private static final VarHandle HOLDS;

    static
    {
        try
        {
            HOLDS = MethodHandles.lookup().findVarHandle(Rendering.class, "holds", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private int length;
    @SuppressWarnings("unused") // through HOLDS
    private volatile int holds;

    /**
     * @return true when no one holds it: its owner may fill it with another event.
     */
    public boolean free()
    {
        return holds == 0;
    }

    /**
     * By its owner, on a free rendering: take it for a new event, held by the owner until {@link #release}.
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
        holds = 1;
        return bytes;
    }

    /**
     * @param length the rendering's length, or -1 when the event could not be rendered (already reported).
     */
    public void rendered(final int length)
    {
        this.length = length;
    }

    /** One more holder (a stream slot about to be published with it): by the owner, which holds it meanwhile. */
    public void hold()
    {
        HOLDS.getAndAdd(this, 1);
    }

    /** A holder is done with the bytes. */
    public void release()
    {
        HOLDS.getAndAdd(this, -1);
    }

    /**
     * @return the rendered bytes, valid in {@code [0, length())} while held.
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
