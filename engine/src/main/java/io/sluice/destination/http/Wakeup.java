package io.sluice.destination.http;

import java.util.concurrent.locks.LockSupport;

/**
 * How the writer waits in {@code flush} for an answer and how the HTTP client's thread wakes it. The writer
 * {@link #arm arms} it (a volatile write) and then checks the answer (a volatile read) before each park; the client
 * writes the answer (a volatile write) and then reads who is armed (a volatile read): with both orders sequentially
 * consistent, either the writer sees the answer or the client sees the writer, so no wake-up is lost.
 */
final class Wakeup implements Runnable
{
    private volatile Thread armed;

    /**
     * Writer thread: from now on, an answer unparks it.
     */
    void arm()
    {
        armed = Thread.currentThread();
    }

    /**
     * Writer thread, armed: park until woken or the time passes.
     */
    void park(final long nanos)
    {
        LockSupport.parkNanos(this, nanos);
    }

    /**
     * Writer thread: no longer waiting.
     */
    void disarm()
    {
        armed = null;
    }

    @Override
    public void run()
    {
        final Thread writer = armed;
        if (writer != null)
        {
            LockSupport.unpark(writer);
        }
    }
}
