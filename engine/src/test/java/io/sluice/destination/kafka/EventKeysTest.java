package io.sluice.destination.kafka;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A kafka record's key and headers, read from the event's enriched record: {@code pid} keys are {@code HOST/PID} (the
 * host's view of the pid), {@code container} keys the container id or the host outside containers, {@code event} the
 * event's name (the catalog's for an event recorded by id, the stored one otherwise); the headers name the event, the
 * host, the record's schema version and the value's format.
 */
class EventKeysTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer();

    @Test
    void pidKeysAreTheHostAndTheHostsPid()
    {
        final EventKeys keys = new EventKeys(CATALOG, PartitionKey.PID, "node-7", "sbe");
        // 104242 and 108338 share a slot of the key cache
        for (final int pid : new int[] {104_242, 108_338, 104_242})
        {
            final int length = new EventProtoEncoder(CATALOG).encode(withHostPid(event("sched_process_exec", false), pid),
                record, 0);
            keys.read(record, length);
            assertEquals("node-7/" + pid, text(keys.key()));
        }
    }

    private static Event withHostPid(final Event event, final int hostPid)
    {
        final Event.Builder builder = event.toBuilder();
        builder.getWorkloadBuilder().getProcessBuilder().setHostPid(UInt32Value.newBuilder().setValue(hostPid));
        return builder.build();
    }

    @Test
    void containerKeysAreTheContainerIdOrTheHostOutsideContainers()
    {
        assertEquals("c0ffee", text(read(PartitionKey.CONTAINER, event("sched_process_exec", true)).key()));
        assertEquals("node-7", text(read(PartitionKey.CONTAINER, event("sched_process_exec", false)).key()));
        assertEquals("node-7", text(read(PartitionKey.HOST, event("sched_process_exec", true)).key()));
    }

    @Test
    void eventKeysAndHeadersNameTheEventAsTheFormatsDo()
    {
        assertEquals("sched_process_exec", text(read(PartitionKey.EVENT, event("sched_process_exec", false)).key()));
        assertEquals("my_own_event", text(read(PartitionKey.EVENT, event("my_own_event", false)).key()));
        final Map<String, String> headers = new LinkedHashMap<>();
        for (final Header header : read(PartitionKey.PID, event("security_file_open", false)).headers())
        {
            headers.put(header.key(), text(header.value()));
        }
        assertEquals(Map.of("event", "security_file_open", "host", "node-7", "schema-version",
            Integer.toString(EventDecoder.SCHEMA_VERSION), "format", "sbe"), headers);
    }

    private EventKeys read(final PartitionKey keyBy, final Event event)
    {
        final int length = new EventProtoEncoder(CATALOG).encode(event, record, 0);
        final EventKeys keys = new EventKeys(CATALOG, keyBy, "node-7", "sbe");
        keys.read(record, length);
        return keys;
    }

    private static Event event(final String name, final boolean inContainer)
    {
        final Workload.Builder workload = Workload.newBuilder().setProcess(Process.newBuilder()
            .setPid(UInt32Value.newBuilder().setValue(4242)).setHostPid(UInt32Value.newBuilder().setValue(104_242)));
        if (inContainer)
        {
            workload.setContainer(Container.newBuilder().setId("c0ffee"));
        }
        final Event.Builder event = Event.newBuilder().setWorkload(workload);
        if (CATALOG.byName(name) != null)
        {
            event.setIdValue(CATALOG.byName(name).id());
        }
        else
        {
            event.setName(name);
        }
        return event.build();
    }

    private static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
