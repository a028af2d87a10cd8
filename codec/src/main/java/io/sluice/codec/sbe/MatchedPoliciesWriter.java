package io.sluice.codec.sbe;

import org.agrona.MutableDirectBuffer;

/**
 * Writes what judging an event adds to its finished {@code Event} record: the matched-policies bitmap and its presence
 * bit (set when any policy matched, so that {@code policies.matched} prints). In one place because the ingest writes
 * it into records it did not decode, the policy view into records it did, and benchmarks into records they made.
 * <p>
 * Not thread-safe: one per thread.
 */
public final class MatchedPoliciesWriter
{
    private final EventEncoder encoder = new EventEncoder();

    /**
     * @param buffer   the record's buffer.
     * @param offset   where the record (SBE message header, then an {@code Event}) starts.
     * @param policies the bitmap: bit i = policy i.
     */
    public void write(final MutableDirectBuffer buffer, final int offset, final long policies)
    {
        encoder.wrap(buffer, offset + MessageHeaderEncoder.ENCODED_LENGTH).policiesMatched(policies);
        encoder.presence().policies(policies != 0);
    }
}
