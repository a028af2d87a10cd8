package io.sluice.journal;

/**
 * A part of a journal replay could not read: where (the Chronicle Queue file and the excerpt's index) and what.
 *
 * @param file    the queue file's name.
 * @param index   the Chronicle index of the first excerpt affected (cycle and sequence), or -1 when unknown.
 * @param problem what is wrong and what was skipped.
 */
public record JournalDamage(String file, long index, String problem)
{
    @Override
    public String toString()
    {
        return file + (index < 0 ? "" : " at index 0x" + Long.toHexString(index)) + ": " + problem;
    }
}
