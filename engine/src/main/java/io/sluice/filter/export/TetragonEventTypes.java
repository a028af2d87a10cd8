package io.sluice.filter.export;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tetragon's event type names in {@code event_set} ({@code tetragon.EventType}), mapped to Sluice's events, so a
 * Tetragon filter line works unchanged. Sluice's sensor hooks tracepoints only (sched_process_* and the syscall
 * tracepoints), so:
 * <ul>
 *     <li>{@code PROCESS_EXEC}: {@code sched_process_exec}; {@code PROCESS_EXIT}: {@code sched_process_exit};</li>
 *     <li>{@code PROCESS_TRACEPOINT}: every sensor event but those two (the syscall events and
 *     {@code sched_process_fork});</li>
 *     <li>{@code PROCESS_KPROBE}: the syscall events (what Tetragon's kprobe policies mostly hook);</li>
 *     <li>{@code PROCESS_UPROBE}, {@code PROCESS_LSM}, {@code PROCESS_USDT}, {@code PROCESS_LOADER},
 *     {@code PROCESS_THROTTLE}, {@code RATE_LIMIT_INFO}, {@code TEST}, {@code UNDEF}: no Sluice event (accepted, they
 *     select nothing).</li>
 * </ul>
 * Detector events (ids 6000 and up) have no Tetragon type: name them by their Sluice names. Export filters and field
 * filters both read {@code event_set} through it.
 */
public final class TetragonEventTypes
{
    private static final String EXEC = "sched_process_exec";
    private static final String EXIT = "sched_process_exit";
    private static final int FIRST_DETECTOR_ID = 6000;
    private static final Set<String> WITHOUT_EVENTS = Set.of("PROCESS_UPROBE", "PROCESS_LSM", "PROCESS_USDT", "PROCESS_LOADER",
        "PROCESS_THROTTLE", "RATE_LIMIT_INFO", "TEST", "UNDEF");

    private TetragonEventTypes()
    {
    }

    /**
     * @param name    an {@code event_set} entry.
     * @param catalog the event catalog.
     * @return the ids of the Sluice events a Tetragon type name stands for (empty for a type Sluice has no events of), or
     *         null when the name is not one of Tetragon's types.
     */
    public static List<Integer> ids(final String name, final EventCatalog catalog)
    {
        final List<Integer> ids = new ArrayList<>();
        switch (name)
        {
            case "PROCESS_EXEC" -> ids.add(catalog.byName(EXEC).id());
            case "PROCESS_EXIT" -> ids.add(catalog.byName(EXIT).id());
            case "PROCESS_KPROBE", "PROCESS_TRACEPOINT" ->
            {
                for (final EventDefinition event : catalog.events())
                {
                    final boolean sensor = event.id() < FIRST_DETECTOR_ID && !event.name().equals(EXEC) && !event.name().equals(EXIT);
                    if (sensor && (event.isSyscall() || name.equals("PROCESS_TRACEPOINT")))
                    {
                        ids.add(event.id());
                    }
                }
            }
            default ->
            {
                if (!WITHOUT_EVENTS.contains(name))
                {
                    return null;
                }
            }
        }
        return ids;
    }
}
