package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code sbe} entry of {@link Formats}: the enriched SBE record as it is ({@link RecordFormatter}), what a journal
 * stores; no other destination type may use it.
 */
final class SbeFormat implements Format
{
    /** The one destination type that stores records as they are. */
    private static final String JOURNAL = "journal";

    @Override
    public String key()
    {
        return "sbe";
    }

    @Override
    public boolean allows(final String destinationType)
    {
        return JOURNAL.equals(destinationType);
    }

    @Override
    public String misuse()
    {
        return "sbe is the format of journal destinations (type: journal), not of files";
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new RecordFormatter();
    }
}
