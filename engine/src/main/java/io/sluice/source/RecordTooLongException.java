package io.sluice.source;

/**
 * A replayed event longer than the shared ring takes (an eighth of its capacity): the replay cannot hand it on. Thrown
 * from a journal reader's listener, which records it as damage at its excerpt and reads on; its text is the one line
 * the report shows.
 */
public final class RecordTooLongException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param length the event's length in bytes.
     * @param max    the longest record the shared ring takes.
     */
    public RecordTooLongException(final int length, final int max)
    {
        super("an event of " + length + " bytes, longer than the shared ring takes (" + max + ")");
    }

    @Override
    public String toString()
    {
        return getMessage();
    }
}
