package io.sluice.source;

import io.sluice.ring.SharedRing;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Something that writes records into the shared ring on a thread of its own: the kernel sensor, a journal
 * replay, synthetic load. The engine starts it, may ask it to stop, and waits for it to finish.
 */
public interface EventSource
{
    /**
     * @return a short description for logs and the summary, for instance {@code synthetic(count=1000)}.
     */
    String description();

    /**
     * Begin what takes this source long to get ready, while the engine builds its stages: the kernel sensor's loader
     * loads and verifies its programs meanwhile. What the source writes before the engine runs waits in the shared
     * ring. Called at most once, before {@link #start(SharedRing)}, by the thread that builds the engine; the engine
     * asks a launched source to stop if it cannot be built. Most sources have nothing to begin early.
     *
     * @param shared the shared ring it will write into.
     */
    default void launch(final SharedRing shared)
    {
    }

    /**
     * Start producing into the ring. Returns at once.
     *
     * @param ring the ring to write into; this source is its only producer.
     */
    void start(RingBuffer ring);

    /**
     * Start producing into the shared ring. Sources in another process (the kernel sensor) need its file; the
     * others just write into it.
     *
     * @param shared the shared ring; this source is its only producer.
     */
    default void start(final SharedRing shared)
    {
        start(shared.ring());
    }

    /**
     * Ask the source to stop producing soon. Idempotent; returns at once.
     */
    void requestStop();

    /**
     * @return true once the source has written its last record (finite source done, or stopped).
     */
    boolean isDone();

    /**
     * @return records written into the ring so far: a source may publish the count in steps while it runs (the
     *         synthetic source every 1,024 records); exact once {@link #isDone()}.
     */
    long produced();

    /**
     * @return a failure that ended the source, or null.
     */
    Throwable failure();

    /**
     * @return true when the source writes raw kernel records, which the engine enriches with its process tree.
     */
    default boolean writesKernelRecords()
    {
        return false;
    }
}
