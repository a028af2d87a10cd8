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
 * @param sets     the event sets it belongs to, such as {@code default} or {@code fs}.
 * @param capture  how it is captured (the sensor's hook, a detector, the synthetic source only).
 */
public record EventDefinition(int id, String name, List<ArgDefinition> args, Map<String, Integer> syscalls, List<String> sets,
    Capture capture)
{
    /** The set traced when no events are selected. */
    public static final String DEFAULT_SET = "default";

    /**
     * An event captured as its kind of event is by default ({@link Capture#byDefault}).
     *
     * @param id       stable numeric id.
     * @param name     the name used in config, policies and output.
     * @param args     data fields in output order.
     * @param syscalls syscall number per architecture; empty for non-syscall events.
     * @param sets     the event sets it belongs to.
     */
    public EventDefinition(final int id, final String name, final List<ArgDefinition> args, final Map<String, Integer> syscalls,
        final List<String> sets)
    {
        this(id, name, args, syscalls, sets, Capture.byDefault(id, !syscalls.isEmpty()));
    }

    /**
     * @param arch an architecture name as {@code uname -m} or Java's {@code os.arch} says it
     *             ({@code x86_64}/{@code amd64}, {@code aarch64}/{@code arm64}).
     * @return the syscall number on that architecture, or -1 when none.
     */
    public int syscallNumber(final String arch)
    {
        final String key = switch (arch)
        {
            case "amd64" -> "x86_64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
        final Integer nr = syscalls.get(key);
        return nr == null ? -1 : nr;
    }

    /**
     * @return true when a syscall stands behind this event.
     */
    public boolean isSyscall()
    {
        return !syscalls.isEmpty();
    }
}
