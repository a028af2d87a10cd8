package io.sluice.detect;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;

/**
 * Tracee's dynamic loader pattern {@code ^/(lib|usr/lib).*}{@code /ld.*\.so[^/]*} (a path under {@code /lib} or
 * {@code /usr/lib} with {@code /ld} and, after it, {@code .so}), matched on the bytes without a regular expression,
 * so a match allocates nothing.
 */
final class LoaderPath
{
    private static final byte[] LIB = "/lib".getBytes(StandardCharsets.UTF_8);
    private static final byte[] USR_LIB = "/usr/lib".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LD = "/ld".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SO = ".so".getBytes(StandardCharsets.UTF_8);

    private LoaderPath()
    {
    }

    /**
     * @param event an event.
     * @param index a data index, or -1.
     * @return true when the value at the index is a loader's path.
     */
    static boolean matches(final EventView event, final int index)
    {
        return index >= 0 && matches(event.dataValue(index), event.dataValueLength(index));
    }

    /**
     * @param path   a path.
     * @param length its length.
     * @return true when the pattern finds a match in it.
     */
    static boolean matches(final byte[] path, final int length)
    {
        final int prefix = ByteSearch.regionEquals(path, length, 0, LIB) ? LIB.length
            : ByteSearch.regionEquals(path, length, 0, USR_LIB) ? USR_LIB.length : -1;
        if (prefix < 0)
        {
            return false;
        }
        final int ld = ByteSearch.indexOf(path, length, LD, prefix);
        return ld >= 0 && ByteSearch.indexOf(path, length, SO, ld + LD.length) >= 0;
    }
}
