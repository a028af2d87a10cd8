package io.sluice.source;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The loader's {@code --events} selection: scheduler and network events by id alone (the packet sensor serves the
 * network events), syscall events with their number and argument types.
 */
class KernelSpecTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Test
    void networkEventsAreAskedOfTheSensorByIdAlone()
    {
        final List<EventDefinition> events = List.of(
            CATALOG.byName("sched_process_exit"), CATALOG.byName("net_packet_dns_request"), CATALOG.byName("kill"));
        final KernelSpec spec = new KernelSpec(Path.of("loader"), events, false, false, List.of(), List.of(), List.of(), 0, "amd64");
        assertEquals("1016,2007,63:62:ii", spec.selection());
    }
}
