package io.sluice.policy;

import io.sluice.codec.sbe.EventDecoder;

import java.util.Arrays;

/**
 * The ancestors an event record lists (the parent first), decoded for {@code tree=}-style scopes when there is no
 * process tree to ask. Arrays grow only when an event lists more ancestors, or longer paths, than any before.
 */
final class EventAncestors
{
    private int count;
    private int[] pids = new int[4];
    private int[] nsPids = new int[4];
    private byte[][] exes = new byte[4][];
    private int[] exeLengths = new int[4];

    /**
     * Read the event's ancestors group (the decoder must be positioned at it) and leave the decoder after it.
     *
     * @param event the event decoder.
     */
    void decode(final EventDecoder event)
    {
        count = 0;
        for (final EventDecoder.AncestorsDecoder ancestor : event.ancestors())
        {
            final int a = count++;
            if (a >= pids.length)
            {
                pids = Arrays.copyOf(pids, a * 2);
                nsPids = Arrays.copyOf(nsPids, a * 2);
                exes = Arrays.copyOf(exes, a * 2);
                exeLengths = Arrays.copyOf(exeLengths, a * 2);
            }
            pids[a] = (int)ancestor.hostPid();
            nsPids[a] = (int)ancestor.pid();
            final int exeLength = ancestor.executablePathLength();
            if (exes[a] == null || exes[a].length < exeLength)
            {
                exes[a] = new byte[Math.max(exeLength, 256)];
            }
            exeLengths[a] = ancestor.getExecutablePath(exes[a], 0, exeLength);
        }
    }

    int count()
    {
        return count;
    }

    int pid(final int i)
    {
        return pids[i];
    }

    int nsPid(final int i)
    {
        return nsPids[i];
    }

    byte[] exe(final int i)
    {
        return exes[i];
    }

    int exeLength(final int i)
    {
        return exeLengths[i];
    }
}
