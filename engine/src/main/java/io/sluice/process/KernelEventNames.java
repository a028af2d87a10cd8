package io.sluice.process;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The names a raw {@code KernelEvent} record leaves out, from the event catalog: each event's argument names (a
 * syscall's return value after its own arguments, as {@link KernelEventEnricher#RETURN_VALUE}) and the syscall name of
 * an event, or of a syscall number for an event that is not a syscall itself. Built once from the catalog; read only
 * afterwards, by the ingest thread.
 */
final class KernelEventNames
{
    private static final byte[] EMPTY = new byte[0];

    private final UnsafeBuffer[][] argNames;
    private final boolean[] isSyscall;
    private final byte[][] eventNames;
    private final byte[][] syscallNames;
    private final UnsafeBuffer emptyName = new UnsafeBuffer(EMPTY);
    private final UnsafeBuffer returnValueName =
        new UnsafeBuffer(KernelEventEnricher.RETURN_VALUE.getBytes(StandardCharsets.UTF_8));

    /**
     * @param catalog the event catalog.
     * @param arch    this machine's architecture ({@code os.arch} style or {@code uname -m}): syscall numbers are its own.
     */
    KernelEventNames(final EventCatalog catalog, final String arch)
    {
        final int maxId = catalog.maxId();
        argNames = new UnsafeBuffer[maxId + 1][];
        isSyscall = new boolean[maxId + 1];
        eventNames = new byte[maxId + 1][];
        int maxNr = 0;
        for (final EventDefinition definition : catalog.events())
        {
            final UnsafeBuffer[] names = new UnsafeBuffer[definition.args().size()];
            for (int i = 0; i < names.length; i++)
            {
                names[i] = new UnsafeBuffer(definition.args().get(i).name().getBytes(StandardCharsets.UTF_8));
            }
            argNames[definition.id()] = names;
            isSyscall[definition.id()] = definition.isSyscall();
            eventNames[definition.id()] = definition.name().getBytes(StandardCharsets.UTF_8);
            maxNr = Math.max(maxNr, definition.syscallNumber(arch));
        }
        syscallNames = new byte[maxNr + 1][];
        for (final EventDefinition definition : catalog.events())
        {
            final int nr = definition.syscallNumber(arch);
            if (nr >= 0)
            {
                syscallNames[nr] = eventNames[definition.id()];
            }
        }
    }

    /**
     * @param eventId the event.
     * @return its argument names in the catalog's order, or null for an id the catalog does not know.
     */
    UnsafeBuffer[] argumentsOf(final int eventId)
    {
        return eventId > 0 && eventId < argNames.length ? argNames[eventId] : null;
    }

    /**
     * @param names   {@link #argumentsOf} the event.
     * @param eventId the event.
     * @param index   the argument's place in the kernel record.
     * @return its name: the catalog's, the return value's for the one after a syscall's own, else empty.
     */
    UnsafeBuffer argument(final UnsafeBuffer[] names, final int eventId, final int index)
    {
        if (names == null)
        {
            return emptyName;
        }
        if (index < names.length)
        {
            return names[index];
        }
        return isSyscall[eventId] && index == names.length ? returnValueName : emptyName;
    }

    /**
     * @param eventId   the event.
     * @param syscallNr the syscall the kernel record was made in, or negative.
     * @return the event's own name for a syscall event, else the name of that syscall, else empty.
     */
    byte[] syscall(final int eventId, final int syscallNr)
    {
        if (eventId > 0 && eventId < isSyscall.length && isSyscall[eventId])
        {
            return eventNames[eventId];
        }
        if (syscallNr >= 0 && syscallNr < syscallNames.length && syscallNames[syscallNr] != null)
        {
            return syscallNames[syscallNr];
        }
        return EMPTY;
    }
}
