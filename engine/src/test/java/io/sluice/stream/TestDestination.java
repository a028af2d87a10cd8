package io.sluice.stream;

import io.sluice.destination.Destination;
import io.sluice.destination.Receipts;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A destination that keeps what it accepted in memory; a gated one holds its writer in {@code flush} until opened,
 * as a reader that stopped reading would, and fails it once the engine unblocks it; one may throw from {@code offer}
 * on its n-th event or fail to open.
 */
final class TestDestination implements Destination
{
    private final String name;
    private final List<String> held = new ArrayList<>();
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch flushing = new CountDownLatch(1);
    /** Events taken so far: offers that returned true (written by the writer thread, read by the test's). */
    private volatile int taken;
    private Receipts receipts;
    private int offers;
    private int throwOn = -1;
    private String openFailure;
    private volatile boolean unblocked;
    private final boolean gated;
    private long flushMillis;

    TestDestination(final String name)
    {
        this(name, false);
    }

    private TestDestination(final String name, final boolean gated)
    {
        this.name = name;
        this.gated = gated;
        if (!gated)
        {
            gate.countDown();
        }
    }

    /**
     * @param name its name.
     * @return a destination whose writer waits in flush until {@link #open()}.
     */
    static TestDestination gated(final String name)
    {
        return new TestDestination(name, true);
    }

    /**
     * @param offer the 0-based offer that throws.
     * @return this destination, which throws from that offer.
     */
    TestDestination throwingOn(final int offer)
    {
        throwOn = offer;
        return this;
    }

    /**
     * @param why the open failure's message.
     * @return this destination, which cannot be opened.
     */
    TestDestination failingToOpen(final String why)
    {
        openFailure = why;
        return this;
    }

    /**
     * @param millis how long each flush takes.
     * @return this destination, flushed after each event, each flush taking that long: a slow reader that keeps up.
     */
    TestDestination flushingEachEventIn(final long millis)
    {
        flushMillis = millis;
        return this;
    }

    /** Let the writer through. */
    void open()
    {
        gate.countDown();
    }

    /**
     * @param seconds how long to wait.
     * @return true once the writer has called {@link #flush} (a gated one stays in it).
     * @throws InterruptedException when interrupted.
     */
    boolean awaitFlush(final long seconds) throws InterruptedException
    {
        return flushing.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** @return events taken so far (from any thread). */
    int taken()
    {
        return taken;
    }

    /** @return what it accepted, in order. */
    List<String> accepted()
    {
        return accepted;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts) throws java.io.IOException
    {
        if (openFailure != null)
        {
            throw new java.io.IOException(openFailure);
        }
        this.receipts = receipts;
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        if (offers++ == throwOn)
        {
            throw new IllegalStateException("boom");
        }
        held.add(rendered.getStringWithoutLengthAscii(offset, length));
        taken++;
        return true;
    }

    @Override
    public void flush() throws java.io.IOException
    {
        flushing.countDown();
        try
        {
            gate.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        if (unblocked)
        {
            throw new java.io.IOException("closed by the engine");
        }
        if (flushMillis > 0)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(flushMillis * 1_000_000L);
        }
        accepted.addAll(held);
        final int count = held.size();
        held.clear();
        receipts.accepted(count);
    }

    /**
     * As the engine closing a FIFO whose reader stopped reading: a gated destination's write blocked in flush fails, and
     * every one after. Any other destination is not blocked and goes on as before.
     */
    @Override
    public void unblock()
    {
        if (gated)
        {
            unblocked = true;
            gate.countDown();
        }
    }

    @Override
    public void discard()
    {
        final int count = held.size();
        held.clear();
        receipts.failed(count);
    }

    @Override
    public int pending()
    {
        return held.size();
    }

    @Override
    public boolean flushesEachEvent()
    {
        return flushMillis > 0;
    }

    @Override
    public void close()
    {
    }
}
