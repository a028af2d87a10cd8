package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code sbe} entry of {@link Formats}: the enriched SBE record as it is ({@link RecordFormatter}), what a journal
 * stores and what a kafka destination may produce for Sluice's own consumers; no other destination type may use it.
 */
final class SbeFormat implements Format
{
    /** The destination type that stores records as they are. */
    private static final String JOURNAL = "journal";
    /** The destination type that may produce them as they are. */
    private static final String KAFKA = "kafka";

    @Override
    public String key()
    {
        return "sbe";
    }

    @Override
    public boolean allows(final String destinationType)
    {
        return JOURNAL.equals(destinationType) || KAFKA.equals(destinationType);
    }

    @Override
    public String misuse()
    {
        return "sbe is the format of journal destinations (type: journal) and of kafka destinations, not of files";
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new RecordFormatter();
    }
}
