package io.sluice.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events each policy matched at ingest, by policy bit: the ingest thread counts the bits of every non-empty
 * matched-policies bitmap it computes (plain ordered stores, no allocation); any thread may read.
 */
final class PolicyMatches
{
    private final AtomicLongArray counts = new AtomicLongArray(Long.SIZE);

    /**
     * @param matched a matched-policies bitmap. Ingest thread only.
     */
    void count(final long matched)
    {
        long bits = matched;
        while (bits != 0)
        {
            final int bit = Long.numberOfTrailingZeros(bits);
            counts.lazySet(bit, counts.get(bit) + 1);
            bits &= bits - 1;
        }
    }

    /**
     * @param bit a policy's bit.
     * @return events that policy matched.
     */
    long matches(final int bit)
    {
        return counts.get(bit);
    }
}
