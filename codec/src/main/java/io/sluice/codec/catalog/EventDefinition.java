package io.sluice.codec.catalog;

import java.util.List;
import java.util.Map;

/**
 * One event of the catalog: a stable id, a name, its arguments in output order, and the syscall behind it.
 *
 * @param id       stable numeric id (Tracee's public EventId number where it has one).
 * @param name     the name used in config, policies and output.
 * @param args     data fields in output order.
 * @param syscalls syscall number per architecture ({@code x86_64}, {@code arm64}); empty for non-syscall events.
 */
public record EventDefinition(int id, String name, List<ArgDefinition> args, Map<String, Integer> syscalls)
{
    /**
     * @return true when a syscall stands behind this event.
     */
    public boolean isSyscall()
    {
        return !syscalls.isEmpty();
    }
}
