package io.sluice.config;

import java.time.Duration;

/**
 * How a destination's failed writes are retried ({@code retry.backoff}, {@code retry.max-backoff}): the first retry
 * waits {@code backoff}, each further one twice as long, never more than {@code maxBackoff}. A block stream retries
 * until the write is accepted (or the drain grace period at exit runs out); a drop stream does not wait: while the
 * destination backs off, its events are counted failed.
 *
 * @param backoff    the first wait, positive.
 * @param maxBackoff the longest wait, at least {@code backoff}.
 */
public record RetryPolicy(Duration backoff, Duration maxBackoff)
{
    /** 100 ms doubling to 5 s: quick enough for a full disk that is freed, gentle enough for a peer that is down. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5));

    /**
     * @param backoff    the first wait.
     * @param maxBackoff the longest wait.
     */
    public RetryPolicy
    {
        if (backoff.isNegative() || backoff.isZero())
        {
            throw new IllegalArgumentException("retry.backoff must be positive: " + backoff);
        }
        if (maxBackoff.compareTo(backoff) < 0)
        {
            throw new IllegalArgumentException("retry.max-backoff " + maxBackoff + " is shorter than retry.backoff " + backoff);
        }
    }

    /**
     * @param currentNanos the wait just used (0 before the first retry).
     * @return the next wait, in nanoseconds.
     */
    public long nextBackoffNanos(final long currentNanos)
    {
        if (currentNanos <= 0)
        {
            return backoff.toNanos();
        }
        return Math.min(currentNanos * 2, maxBackoff.toNanos());
    }
}
