package io.sluice.service;

import com.google.protobuf.FieldMask;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * the server goes on. Over TCP a block client is refused unless allowed, and a client past the cap; a Unix socket is
 * owner only, serves block clients, and is never taken from a server still listening on it.
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
        server = new EventServer(ServiceAddress.parse("127.0.0.1:0"), null, null, true, 64);
        engine = engine(server);
        run = CompletableFuture.supplyAsync(engine::run);
        // a fixed HTTP/2 window (no auto-tuning): a client that stops reading takes a bounded amount in at once, so
        // "it holds the tracer back" is a fact of the protocol, not of how fast the window grew on a loaded machine
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().flowControlWindow(65_535).build();
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
    void overTcpBlockClientsAreRefusedUnlessAllowedAndClientsPastTheCapAreRefused() throws Exception
    {
        final EventServer guarded = new EventServer(ServiceAddress.parse("127.0.0.1:0"), null, null, false, 2);
        final Engine other = engine(guarded);
        final CompletableFuture<EngineSummary> otherRun = CompletableFuture.supplyAsync(other::run);
        final ManagedChannel otherChannel = NettyChannelBuilder.forAddress("127.0.0.1", guarded.port()).usePlaintext().build();
        try
        {
            final SluiceServiceGrpc.SluiceServiceBlockingStub client = SluiceServiceGrpc.newBlockingStub(otherChannel);
            final StatusRuntimeException block = assertThrows(StatusRuntimeException.class, () -> client.streamEvents(
                StreamEventsRequest.newBuilder().setMode(ClientMode.CLIENT_MODE_BLOCK).build()).hasNext());
            assertEquals(Status.Code.PERMISSION_DENIED, block.getStatus().getCode());
            assertEquals(SluiceServiceCalls.BLOCK_REFUSED, block.getStatus().getDescription());
            assertTrue(client.streamEvents(StreamEventsRequest.getDefaultInstance()).hasNext(), "drop clients are served");
            assertTrue(client.streamEvents(StreamEventsRequest.getDefaultInstance()).hasNext());
            final StatusRuntimeException third = assertThrows(StatusRuntimeException.class,
                () -> client.streamEvents(StreamEventsRequest.getDefaultInstance()).hasNext());
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, third.getStatus().getCode());
            assertEquals("too many clients connected (2; see --grpc-max-clients)", third.getStatus().getDescription());
        }
        finally
        {
            other.requestStop();
            otherRun.get(30, TimeUnit.SECONDS);
            otherChannel.shutdownNow();
        }
    }

    @Test
    void aUnixSocketIsOwnerOnlyServesBlockClientsAndIsNeverTakenFromALiveServer(@TempDir final Path dir) throws Exception
    {
        final Path socket = dir.resolve("sluice.sock");
        final EventServer unix = new EventServer(ServiceAddress.parse("unix:" + socket), null, null, false, 64);
        final Engine other = engine(unix);
        final CompletableFuture<EngineSummary> otherRun = CompletableFuture.supplyAsync(other::run);
        final EpollEventLoopGroup loops = new EpollEventLoopGroup(1);
        final ManagedChannel unixChannel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
            .channelType(EpollDomainSocketChannel.class).eventLoopGroup(loops).usePlaintext().build();
        try
        {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            try (java.util.stream.Stream<Path> files = Files.list(dir))
            {
                assertEquals(List.of(socket), files.toList(), "the private directory it was bound in is gone");
            }
            assertTrue(SluiceServiceGrpc.newBlockingStub(unixChannel).streamEvents(StreamEventsRequest.newBuilder()
                .setMode(ClientMode.CLIENT_MODE_BLOCK).build()).hasNext(), "a block client is served on a Unix socket");
            final IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> engine(new EventServer(ServiceAddress.parse("unix:" + socket), null, null, false, 64)));
            assertEquals("--grpc-address: 'unix:" + socket + "': another running server is listening on it (stop it, or"
                + " choose another path)", taken.getMessage());
        }
        finally
        {
            other.requestStop();
            otherRun.get(30, TimeUnit.SECONDS);
            unixChannel.shutdownNow();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private Engine engine(final EventServer service)
    {
        final OutputConfig none = new OutputConfig(List.of(), List.of(), OutputOptions.NONE);
        return new Engine(Pipeline.of(none, new SyntheticSource(SyntheticSpec.parse("synthetic:count=0,rate=50000", catalog)),
            catalog, EngineOptions.DEFAULTS.withDrainTimeout(java.time.Duration.ofSeconds(2))).withService(service));
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
