package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What detectors read from an exec ({@code sched_process_exec}): its environment (captured with
 * {@code --output exec-env}, as Tracee's detectors need its environment enrichment), the executable's name and the
 * name the process had before ({@code prev_comm}).
 */
final class Execs
{
    /** {@code sched_process_exec}'s id. */
    static final int EXEC = EventCatalog.standard().byName("sched_process_exec").id();

    private static final byte[] ENV = "env".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREV_COMM = "prev_comm".getBytes(StandardCharsets.UTF_8);

    private Execs()
    {
    }

    /**
     * @param event    an exec.
     * @param prefixes variable prefixes ({@code LD_PRELOAD=}), as UTF-8.
     * @return true when a variable of its environment starts with one of them.
     */
    static boolean environmentHas(final EventView event, final byte[][] prefixes)
    {
        final int env = event.dataIndex(ENV);
        if (env < 0)
        {
            return false;
        }
        final byte[] value = event.dataValue(env);
        final int length = event.dataValueLength(env);
        int at = 0;
        while (at + 4 <= length)
        {
            final int size = (value[at] & 0xff) | (value[at + 1] & 0xff) << 8 | (value[at + 2] & 0xff) << 16 | (value[at + 3] & 0xff) << 24;
            at += 4;
            final int end = size < 0 || size > length - at ? length : at + size;
            for (final byte[] prefix : prefixes)
            {
                if (end - at >= prefix.length && Arrays.equals(value, at, at + prefix.length, prefix, 0, prefix.length))
                {
                    return true;
                }
            }
            at = end;
        }
        return false;
    }

    /**
     * Tracee's {@code getApiAddressFromEnvs}: the first variable containing the text, its value after the first
     * {@code =}, trimmed.
     *
     * @param event an exec.
     * @param text  what the variable contains ({@code KUBERNETES_SERVICE_HOST=}), as UTF-8.
     * @return the value, or null when no variable contains the text (allocates only when one does).
     */
    static String environmentValue(final EventView event, final byte[] text)
    {
        final int env = event.dataIndex(ENV);
        if (env < 0)
        {
            return null;
        }
        final byte[] value = event.dataValue(env);
        final int length = event.dataValueLength(env);
        int at = 0;
        while (at + 4 <= length)
        {
            final int size = (value[at] & 0xff) | (value[at + 1] & 0xff) << 8 | (value[at + 2] & 0xff) << 16 | (value[at + 3] & 0xff) << 24;
            at += 4;
            final int end = size < 0 || size > length - at ? length : at + size;
            final int found = ByteSearch.indexOf(value, end, text, at);
            if (found >= 0)
            {
                int equals = at;
                while (value[equals] != '=')
                {
                    equals++;
                }
                return new String(value, equals + 1, end - equals - 1, StandardCharsets.UTF_8).trim();
            }
            at = end;
        }
        return null;
    }

    /**
     * @param event an event.
     * @param names executable names, as UTF-8.
     * @return true when the name of the process's executable (its path's last element) is one of them.
     */
    static boolean executableNamed(final EventView event, final byte[][] names)
    {
        return FileAccess.baseNameIn(event.executable(), event.executableLength(), names);
    }

    /**
     * @param event an exec.
     * @param names process names, as UTF-8.
     * @return true when the name the process had before the exec is one of them.
     */
    static boolean previousNameIn(final EventView event, final byte[][] names)
    {
        final int prev = event.dataIndex(PREV_COMM);
        return prev >= 0 && FileAccess.equalsAny(event.dataValue(prev), 0, event.dataValueLength(prev), names);
    }
}
