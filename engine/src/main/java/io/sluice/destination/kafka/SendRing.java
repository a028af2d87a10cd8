package io.sluice.destination.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The records a kafka destination took and has not reported yet, oldest first, each in a slot with its state: held
 * (taken, not sent, or to be sent again), sent, acknowledged, or failed. Each slot has its own preallocated
 * {@link Callback}, which the producer's I/O thread calls: it files the outcome (a volatile write, read by the writer
 * with a volatile read, so the error written before it is visible) and wakes the writer if it waits for the oldest.
 * Everything else runs on the stream's writer thread, which reports outcomes oldest first.
 */
final class SendRing
{
    /** Taken, not sent (or sent, failed retriably, and to be sent again). */
    static final int HELD = 0;
    /** Handed to the producer, no outcome yet. */
    static final int SENT = 1;
    /** The broker acknowledged it. */
    static final int ACKED = 2;
    /**
     * Failed retriably (the broker was unreachable past the delivery timeout, or refused the credentials): to be held
     * again and resent.
     */
    static final int RETRY = 3;
    /** Given up on without being sent ({@link #discard}). */
    static final int DISCARDED = 4;
    /** Refused for good (too large, invalid): failed, not retried. */
    static final int REJECTED = 5;

    private final int mask;
    private final ProducerRecord<byte[], byte[]>[] records;
    private final Exception[] errors;
    private final Callback[] callbacks;
    private final AtomicIntegerArray states;
    private final AtomicInteger retries = new AtomicInteger();
    private volatile Thread waiter;
    private long head;
    private long firstHeld;
    private long tail;

    /**
     * @param capacity the most records held at once, a power of two.
     */
    @SuppressWarnings("unchecked")
    SendRing(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.mask = capacity - 1;
        this.records = new ProducerRecord[capacity];
        this.errors = new Exception[capacity];
        this.callbacks = new Callback[capacity];
        this.states = new AtomicIntegerArray(capacity);
        for (int i = 0; i < capacity; i++)
        {
            callbacks[i] = new Outcome(i);
        }
    }

    boolean full()
    {
        return tail - head == records.length;
    }

    int size()
    {
        return (int) (tail - head);
    }

    void hold(final ProducerRecord<byte[], byte[]> record)
    {
        final int slot = (int) (tail & mask);
        records[slot] = record;
        states.set(slot, HELD);
        tail++;
    }

    /**
     * @return the position of the oldest record that may be held, to send from with {@link #nextHeld}.
     */
    long firstHeld()
    {
        return firstHeld;
    }

    /**
     * @param from a position at or after {@link #firstHeld()}.
     * @return the first held record's position from there, or {@link #end()}.
     */
    long nextHeld(final long from)
    {
        long at = from;
        while (at < tail && states.get((int) (at & mask)) != HELD)
        {
            at++;
        }
        return at;
    }

    long end()
    {
        return tail;
    }

    ProducerRecord<byte[], byte[]> record(final long at)
    {
        return records[(int) (at & mask)];
    }

    /**
     * Mark a held record sent (before handing it to the producer, whose callback may come at once) and return its
     * callback. Everything before it has been sent.
     */
    Callback sending(final long at)
    {
        final int slot = (int) (at & mask);
        states.set(slot, SENT);
        firstHeld = at + 1;
        return callbacks[slot];
    }

    /**
     * @return true when a callback filed a retriable failure not yet taken back by {@link #holdRetries}.
     */
    boolean retriesFiled()
    {
        return retries.get() > 0;
    }

    /**
     * Hold again every record whose send failed retriably.
     *
     * @return the first such failure, or null when there was none.
     */
    Exception holdRetries()
    {
        Exception first = null;
        int taken = 0;
        for (long at = head; at < tail && retries.get() > taken; at++)
        {
            final int slot = (int) (at & mask);
            if (states.get(slot) == RETRY)
            {
                first = first == null ? errors[slot] : first;
                errors[slot] = null;
                states.set(slot, HELD);
                firstHeld = Math.min(firstHeld, at);
                taken++;
            }
        }
        retries.addAndGet(-taken);
        return first;
    }

    /**
     * Give up on every held record.
     */
    void discard()
    {
        holdRetries();
        for (long at = firstHeld; at < tail; at++)
        {
            final int slot = (int) (at & mask);
            if (states.get(slot) == HELD)
            {
                states.set(slot, DISCARDED);
            }
        }
        firstHeld = tail;
    }

    /**
     * @return the state of the oldest record (call only when {@link #size()} &gt; 0).
     */
    int oldestState()
    {
        return states.get((int) (head & mask));
    }

    /**
     * @return the error of the oldest record, filed with its state.
     */
    Exception oldestError()
    {
        return errors[(int) (head & mask)];
    }

    /**
     * Forget the oldest record, once reported.
     */
    void release()
    {
        final int slot = (int) (head & mask);
        records[slot] = null;
        errors[slot] = null;
        head++;
    }

    /**
     * Wait until the oldest record, sent, has an outcome, or the time is up.
     *
     * @param nanos the longest wait.
     */
    void awaitOldest(final long nanos)
    {
        final long deadline = System.nanoTime() + nanos;
        waiter = Thread.currentThread();
        try
        {
            long left = nanos;
            while (size() > 0 && oldestState() == SENT && !retriesFiled() && left > 0)
            {
                LockSupport.parkNanos(this, left);
                left = deadline - System.nanoTime();
            }
        }
        finally
        {
            waiter = null;
        }
    }

    /**
     * @param exception why a send failed.
     * @return true for a broker that did not answer in time, and for one that refused the producer's credentials or
     *     rights: an operator can fix either on the broker's side, so a block stream holds back rather than lose events.
     */
    static boolean retriable(final Exception exception)
    {
        return exception instanceof RetriableException || exception instanceof AuthenticationException
            || exception instanceof AuthorizationException;
    }

    /** One slot's callback, called by the producer's I/O thread (or by {@code send} itself when it times out). */
    private final class Outcome implements Callback
    {
        private final int slot;

        Outcome(final int slot)
        {
            this.slot = slot;
        }

        @Override
        public void onCompletion(final RecordMetadata metadata, final Exception exception)
        {
            if (exception == null)
            {
                states.set(slot, ACKED);
            }
            else
            {
                errors[slot] = exception;
                if (retriable(exception))
                {
                    states.set(slot, RETRY);
                    retries.incrementAndGet();
                }
                else
                {
                    states.set(slot, REJECTED);
                }
            }
            final Thread waiting = waiter;
            if (waiting != null)
            {
                LockSupport.unpark(waiting);
            }
        }
    }
}
