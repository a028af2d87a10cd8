package io.sluice.service;

import com.google.protobuf.FieldMask;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.BufferMode;
import io.sluice.config.ConfigException;
import io.sluice.config.StreamConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.proto.v1beta1.CapFilter;
import io.sluice.proto.v1beta1.CapFilterSet;
import io.sluice.proto.v1beta1.ClientMode;
import io.sluice.proto.v1beta1.FieldFilter;
import io.sluice.proto.v1beta1.FieldFilterAction;
import io.sluice.proto.v1beta1.Filter;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientStreamConfigTest
{
    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void aRequestWithoutFiltersIsADropStreamOfEveryEvent()
    {
        final StreamConfig config = ClientStreamConfig.of("client-1", StreamEventsRequest.getDefaultInstance());
        assertEquals(BufferMode.DROP, config.mode());
        assertEquals(ClientStreamConfig.DEFAULT_BUFFER_SIZE, config.bufferSize());
        assertTrue(config.events().isEmpty());
        assertTrue(config.exports().isEmpty());
    }

    @Test
    void tetragonFiltersBecomeTheFilterLinesAConfiguredStreamWouldHold()
    {
        final StreamEventsRequest request = StreamEventsRequest.newBuilder()
            .setMode(ClientMode.CLIENT_MODE_BLOCK)
            .setBufferSize(256)
            .addEvents("execve")
            .addPolicies("p1")
            .addAllowList(Filter.newBuilder().addBinaryRegex("^/usr/bin/curl$").addPid(42)
                .setCapabilities(CapFilter.newBuilder().setEffective(CapFilterSet.newBuilder().addAny("CAP_SYS_ADMIN"))))
            .addDenyList(Filter.newBuilder().addNamespace(""))
            .setMask(FieldMask.newBuilder().addPaths("name").addPaths("workload.process.pid"))
            .addFieldFilters(FieldFilter.newBuilder().addEventSet("execve").setAction(FieldFilterAction.EXCLUDE)
                .setFields(FieldMask.newBuilder().addPaths("workload.process.executable")).setInvertEventSet(true))
            .build();
        final StreamConfig config = ClientStreamConfig.of("client-2", request);
        assertEquals(BufferMode.BLOCK, config.mode());
        assertEquals(256, config.bufferSize());
        assertEquals(List.of("execve"), config.events());
        assertEquals(List.of("p1"), config.policies());
        assertEquals(List.of("{\"binary_regex\":[\"^/usr/bin/curl$\"],\"pid\":[42],"
            + "\"capabilities\":{\"effective\":{\"any\":[\"CAP_SYS_ADMIN\"]}}}"), config.exports().allow());
        assertEquals(List.of("{\"namespace\":[\"\"]}"), config.exports().deny());
        assertEquals(List.of("{\"fields\":\"name,workload.process.pid\",\"action\":\"INCLUDE\"}",
            "{\"event_set\":[\"execve\"],\"fields\":\"workload.process.executable\",\"action\":\"EXCLUDE\",\"invert_event_set\":true}"),
            config.exports().fields());
        assertNotNull(StreamExportFilters.compile(config.name(), config.exports(), catalog, new String[] {"p1"}));
    }

    @Test
    void aBadFilterIsRefusedByTheFilterCompilerNamingTheClient()
    {
        final StreamEventsRequest request = StreamEventsRequest.newBuilder()
            .addAllowList(Filter.newBuilder().addBinaryRegex("(")).build();
        final StreamConfig config = ClientStreamConfig.of("client-3", request);
        final ConfigException error = assertThrows(ConfigException.class,
            () -> StreamExportFilters.compile(config.name(), config.exports(), catalog, new String[0]));
        assertTrue(error.getMessage().contains("client-3"), error.getMessage());
    }

    @Test
    void aBufferSizeThatIsNotAPowerOfTwoIsRefused()
    {
        assertThrows(IllegalArgumentException.class,
            () -> ClientStreamConfig.of("c", StreamEventsRequest.newBuilder().setBufferSize(1000).build()));
    }

    @Test
    void aRingLargerThanAClientMayAskForIsRefused()
    {
        assertEquals(ClientStreamConfig.MAX_BUFFER_SIZE, ClientStreamConfig.of("c",
            StreamEventsRequest.newBuilder().setBufferSize(ClientStreamConfig.MAX_BUFFER_SIZE).build()).bufferSize());
        final IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
            () -> ClientStreamConfig.of("c", StreamEventsRequest.newBuilder().setBufferSize(1 << 31).build()));
        assertEquals("buffer_size 2147483648 is more than 65536", huge.getMessage());
    }
}
