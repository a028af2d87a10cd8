package io.sluice.detect;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;

/**
 * Tracee's {@code /proc/(?:\d+|self)/mem$} (a path ending in a process's memory file), matched on the bytes
 * without a regular expression, so a match allocates nothing.
 */
final class ProcMemPath
{
    private static final byte[] PROC = "/proc/".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SELF = "self".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MEM = "/mem".getBytes(StandardCharsets.UTF_8);

    private ProcMemPath()
    {
    }

    /**
     * @param event an event.
     * @param index a data index, or -1.
     * @return true when the value at the index is such a path.
     */
    static boolean matches(final EventView event, final int index)
    {
        return index >= 0 && matches(event.dataValue(index), event.dataValueLength(index));
    }

    /**
     * @param path   a path.
     * @param length its length.
     * @return true when it ends with {@code /proc/<digits>/mem} or {@code /proc/self/mem}.
     */
    static boolean matches(final byte[] path, final int length)
    {
        final int mem = length - MEM.length;
        if (!ByteSearch.regionEquals(path, length, mem, MEM))
        {
            return false;
        }
        final int self = mem - SELF.length;
        if (ByteSearch.regionEquals(path, length, self, SELF) && ByteSearch.regionEquals(path, length, self - PROC.length, PROC))
        {
            return true;
        }
        int digits = mem;
        while (digits > 0 && path[digits - 1] >= '0' && path[digits - 1] <= '9')
        {
            digits--;
        }
        return digits < mem && ByteSearch.regionEquals(path, length, digits - PROC.length, PROC);
    }
}
