package io.sluice.service;

import com.google.protobuf.FieldMask;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineOptions;
import io.sluice.engine.EngineSummary;
import io.sluice.engine.Pipeline;
import io.sluice.engine.SluiceVersion;
import io.sluice.proto.v1beta1.ClientMode;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventDefinition;
import io.sluice.proto.v1beta1.Filter;
import io.sluice.proto.v1beta1.GetCountersRequest;
import io.sluice.proto.v1beta1.GetCountersResponse;
import io.sluice.proto.v1beta1.GetEventDefinitionsRequest;
import io.sluice.proto.v1beta1.GetVersionRequest;
import io.sluice.proto.v1beta1.SluiceServiceGrpc;
import io.sluice.proto.v1beta1.StreamCounters;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.proto.v1beta1.StreamEventsResponse;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event service of a running engine (synthetic source, no configured stream), read by a grpc-java client over
 * loopback: every event a client got is counted delivered for it, and when the server stops the call completes after
 * the client got exactly what was counted delivered; a client that leaves keeps its final counters; field masks and
 * event filters shape what a client gets; bad requests get INVALID_ARGUMENT with one line naming field and value, and
 * the server goes on.
 */
class EventServerTest
{
    private final EventCatalog catalog = EventCatalog.standard();
    private EventServer server;
    private Engine engine;
    private CompletableFuture<EngineSummary> run;
    private ManagedChannel channel;
    private SluiceServiceGrpc.SluiceServiceBlockingStub stub;

    @BeforeEach
    void start()
    {
        server = new EventServer(ServiceAddress.parse("127.0.0.1:0"), null, null);
        final OutputConfig none = new OutputConfig(List.of(), List.of(), OutputOptions.NONE);
        engine = new Engine(Pipeline.of(none, new SyntheticSource(SyntheticSpec.parse("synthetic:count=0,rate=50000", catalog)),
            catalog, EngineOptions.DEFAULTS.withDrainTimeout(java.time.Duration.ofSeconds(2))).withService(server));
        run = CompletableFuture.supplyAsync(engine::run);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        stub = SluiceServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws Exception
    {
        engine.requestStop();
        run.get(30, TimeUnit.SECONDS);
        channel.shutdownNow();
    }

    @Test
    void aClientGetsExactlyWhatIsCountedDeliveredAndTheCallCompletesWhenTheServerStops() throws Exception
    {
        final Iterator<StreamEventsResponse> events = stub.streamEvents(StreamEventsRequest.newBuilder()
            .setMode(ClientMode.CLIENT_MODE_BLOCK).build());
        long received = 0;
        while (received < 5_000 && events.hasNext())
        {
            assertTrue(events.next().hasEvent());
            received++;
        }
        final GetCountersResponse live = stub.getCounters(GetCountersRequest.getDefaultInstance());
        assertEquals(1, live.getClientsCount());
        assertTrue(live.getClients(0).getDelivered() >= received, "what the client got was delivered: " + live);
        assertTrue(live.getIngested() > 0);
        engine.requestStop();
        while (events.hasNext())
        {
            events.next();
            received++;
        }
        assertNull(run.get(30, TimeUnit.SECONDS).failure());
        final StreamCounters last = server.endedClients().get(0);
        assertEquals(received, last.getDelivered(), "the client got exactly what was delivered: " + last);
        assertEquals(last.getMatched(), last.getDelivered() + last.getDropped() + last.getFailed() + last.getUndelivered());
        assertEquals(0, last.getDropped(), "a block client drops nothing");
        assertTrue(last.getPeer().startsWith("127.0.0.1:"), last.getPeer());
    }

    @Test
    void aBlockClientThatStopsReadingHoldsTheRunBackNoLongerThanTheDrainTimeout() throws Exception
    {
        final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        final io.grpc.ClientCall<StreamEventsRequest, ResponseBytes> call = channel.newCall(SluiceServiceCalls.STREAM_EVENTS,
            io.grpc.CallOptions.DEFAULT);
        call.start(new io.grpc.ClientCall.Listener<>()
        {
            @Override
            public void onMessage(final ResponseBytes message)
            {
                received.incrementAndGet();
            }
        }, new io.grpc.Metadata());
        call.sendMessage(StreamEventsRequest.newBuilder().setMode(ClientMode.CLIENT_MODE_BLOCK).setBufferSize(64).build());
        call.halfClose();
        call.request(100);
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.get() < 100 && System.nanoTime() < until)
        {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertEquals(100, received.get(), "it read 100, then stopped reading");
        TimeUnit.MILLISECONDS.sleep(500);
        final long ingested = engine.ingested();
        TimeUnit.MILLISECONDS.sleep(500);
        assertEquals(ingested, engine.ingested(), "a block client that does not read holds the tracer back");
        final long stopping = System.nanoTime();
        engine.requestStop();
        assertNull(run.get(30, TimeUnit.SECONDS).failure());
        final long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        assertTrue(tookMillis < 9_000, "the drain timeout (2 s) and the stuck-writer grace (2 s) bound the stop: " + tookMillis);
        final StreamCounters last = server.endedClients().get(0);
        assertTrue(last.getUndelivered() > 0, last.toString());
        assertEquals(last.getMatched(), last.getDelivered() + last.getDropped() + last.getFailed() + last.getUndelivered(),
            last.toString());
        call.cancel("done", null);
    }

    @Test
    void aClientThatLeavesKeepsItsFinalCounters() throws Exception
    {
        final Context.CancellableContext call = Context.current().withCancellation();
        final long received = call.call(() ->
        {
            final Iterator<StreamEventsResponse> events = stub.streamEvents(StreamEventsRequest.getDefaultInstance());
            long got = 0;
            while (got < 1_000 && events.hasNext())
            {
                events.next();
                got++;
            }
            return got;
        });
        call.cancel(null);
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        GetCountersResponse counters = stub.getCounters(GetCountersRequest.getDefaultInstance());
        while (counters.getEndedClientsCount() == 0 && System.nanoTime() < until)
        {
            TimeUnit.MILLISECONDS.sleep(10);
            counters = stub.getCounters(GetCountersRequest.getDefaultInstance());
        }
        assertEquals(0, counters.getClientsCount(), counters.toString());
        final StreamCounters ended = counters.getEndedClients(0);
        assertTrue(ended.getDelivered() >= received, ended.toString());
        assertEquals(ended.getMatched(), ended.getDelivered() + ended.getDropped() + ended.getFailed() + ended.getUndelivered(),
            ended.toString());
    }

    @Test
    void aMaskAndAnEventFilterShapeWhatTheClientGets()
    {
        final Iterator<StreamEventsResponse> events = stub.streamEvents(StreamEventsRequest.newBuilder().addEvents("openat")
            .setMask(FieldMask.newBuilder().addPaths("name").addPaths("workload.process.pid")).build());
        for (int i = 0; i < 200; i++)
        {
            final Event event = events.next().getEvent();
            assertEquals("openat", event.getName());
            assertTrue(event.getWorkload().getProcess().hasPid(), event.toString());
            assertFalse(event.hasTimestamp(), event.toString());
            assertEquals(0, event.getDataCount(), event.toString());
            assertFalse(event.getWorkload().getProcess().hasExecutable(), event.toString());
        }
    }

    @Test
    void badRequestsAreRefusedWithOneLineNamingFieldAndValue()
    {
        assertRefused("allow_list: binary_regex = '(': bad regular expression: missing closing )",
            StreamEventsRequest.newBuilder().addAllowList(Filter.newBuilder().addBinaryRegex("(")).build());
        assertRefused("events: 'no_such_event': no such event or set (see GetEventDefinitions)",
            StreamEventsRequest.newBuilder().addEvents("no_such_event").build());
        assertRefused("buffer_size 1000 is not a power of two", StreamEventsRequest.newBuilder().setBufferSize(1000).build());
        assertRefused("policies: 'p9': no such policy (in force: none)", StreamEventsRequest.newBuilder().addPolicies("p9").build());
        assertEquals(SluiceVersion.get(), stub.getVersion(GetVersionRequest.getDefaultInstance()).getVersion(),
            "the server goes on");
    }

    @Test
    void eventDefinitionsComeFromTheCatalogWithTypedArgumentsAndDetectorsThreats()
    {
        final List<EventDefinition> all = stub.getEventDefinitions(GetEventDefinitionsRequest.getDefaultInstance())
            .getDefinitionsList();
        assertEquals(catalog.events().size(), all.size());
        final EventDefinition openat = stub.getEventDefinitions(GetEventDefinitionsRequest.newBuilder()
            .addEventNames("openat").build()).getDefinitions(0);
        assertEquals(catalog.byName("openat").id(), openat.getId());
        assertEquals("pathname", openat.getArguments(1).getName());
        assertEquals("str", openat.getArguments(1).getType());
        assertTrue(all.stream().anyMatch(definition -> definition.hasThreat()
            && !definition.getThreat().getMitre().getTechnique().getExternalId().isEmpty()), "detectors carry threats");
        final StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> stub.getEventDefinitions(
            GetEventDefinitionsRequest.newBuilder().addEventNames("nope").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
    }

    private void assertRefused(final String message, final StreamEventsRequest request)
    {
        final StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
            () -> stub.streamEvents(request).hasNext());
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(message, refused.getStatus().getDescription());
    }
}
