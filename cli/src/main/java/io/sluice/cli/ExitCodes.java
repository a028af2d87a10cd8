package io.sluice.cli;

/**
 * What {@code sluice} exit codes mean.
 */
public final class ExitCodes
{
    /** Everything went as asked. */
    public static final int OK = 0;
    /** The run started but failed: a source, a destination or the engine broke. */
    public static final int RUNTIME_FAILURE = 1;
    /** Bad usage or bad configuration: nothing ran. */
    public static final int USAGE = 2;
    /** {@code replay}: the journal was damaged or records of the topic unreadable; the rest was replayed, the damage listed. */
    public static final int DAMAGED_INPUT = 3;

    private ExitCodes()
    {
    }
}
