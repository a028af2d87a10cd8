package io.sluice.service;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.sluice.destination.DestinationGoneException;
import io.sluice.destination.Receipts;
import io.sluice.proto.v1beta1.SluiceServiceGrpc;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client destination over a real gRPC call on loopback, driven as a stream's writer drives it, against a client
 * that reads only when told to (manual flow control): {@code flush} hands messages over while the call is ready, then
 * waits, so a client that does not read holds the writer (that is how its ring fills); each message {@code onNext}
 * took is accepted, in order; the client reading again resumes the flush; the engine's {@code unblock} ends a wait with
 * an error, and a cancelled call is a {@link DestinationGoneException}.
 */
class ClientDestinationTest
{
    private static final int MESSAGE = 1024;
    /** The client's HTTP/2 window: what a client that does not read lets through, with gRPC's buffer on top. */
    private static final int WINDOW = 64 * 1024;
    /** Far more than the window and gRPC's buffer hold. */
    private static final int MESSAGES = 4 * ClientDestination.MAX_HELD;

    private final CompletableFuture<ClientDestination> destination = new CompletableFuture<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<ClientCallStreamObserver<StreamEventsRequest>> clientCall = new AtomicReference<>();
    private final CountDownLatch completed = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Counted receipts = new Counted();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void connect() throws IOException
    {
        final ServiceDescriptor descriptor = ServiceDescriptor.newBuilder(SluiceServiceGrpc.SERVICE_NAME)
            .addMethod(SluiceServiceCalls.STREAM_EVENTS).build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerServiceDefinition.builder(descriptor).addMethod(SluiceServiceCalls.STREAM_EVENTS,
                ServerCalls.asyncServerStreamingCall((request, observer) ->
                {
                    final ServerCallStreamObserver<ResponseBytes> call = (ServerCallStreamObserver<ResponseBytes>)observer;
                    final ClientDestination client = new ClientDestination(call);
                    call.setOnCancelHandler(() ->
                    {
                        client.cancelled();
                        cancelled.countDown();
                    });
                    destination.complete(client);
                })).build())
            .build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
            .initialFlowControlWindow(WINDOW).build();
        ClientCalls.asyncServerStreamingCall(channel.newCall(SluiceServiceCalls.STREAM_EVENTS, io.grpc.CallOptions.DEFAULT),
            StreamEventsRequest.getDefaultInstance(), new ClientResponseObserver<StreamEventsRequest, ResponseBytes>()
            {
                @Override
                public void beforeStart(final ClientCallStreamObserver<StreamEventsRequest> call)
                {
                    call.disableAutoRequestWithInitial(0);
                    clientCall.set(call);
                }

                @Override
                public void onNext(final ResponseBytes value)
                {
                    assertEquals(MESSAGE, value.toByteArray().length);
                    received.incrementAndGet();
                }

                @Override
                public void onError(final Throwable ex)
                {
                    completed.countDown();
                }

                @Override
                public void onCompleted()
                {
                    completed.countDown();
                }
            });
    }

    @AfterEach
    void close() throws InterruptedException
    {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatDoesNotReadHoldsTheFlushUntilItReadsAgain() throws Exception
    {
        final ClientDestination client = opened();
        final AtomicInteger offered = new AtomicInteger();
        final CompletableFuture<Void> flushing = CompletableFuture.runAsync(() -> pump(client, MESSAGES, offered));
        TimeUnit.MILLISECONDS.sleep(300);
        assertFalse(flushing.isDone(), "the flush waits for a client that does not read");
        final int accepted = receipts.accepted.get();
        assertTrue(accepted > 0 && accepted < MESSAGES, "what gRPC's window took is accepted, the rest waits: " + accepted);
        assertEquals(offered.get() - accepted, client.pending());

        clientCall.get().request(Integer.MAX_VALUE);
        flushing.get(10, TimeUnit.SECONDS);
        final int offeredAll = offered.get();
        assertEquals(MESSAGES, offeredAll);
        assertEquals(offeredAll, receipts.accepted.get());
        assertEquals(0, client.pending());
        client.completeOnClose();
        client.close();
        assertTrue(completed.await(10, TimeUnit.SECONDS));
        assertEquals(offeredAll, received.get(), "the client got every accepted message");
        assertEquals(0, receipts.failed.get());
    }

    @Test
    void unblockEndsTheWaitWithAnErrorAndDiscardFailsWhatIsHeld() throws Exception
    {
        final ClientDestination client = opened();
        final AtomicInteger offered = new AtomicInteger();
        final CompletableFuture<Void> flushing = CompletableFuture.runAsync(() -> pump(client, MESSAGES, offered));
        TimeUnit.MILLISECONDS.sleep(200);
        client.unblock();
        final Throwable error = assertThrows(java.util.concurrent.ExecutionException.class,
            () -> flushing.get(10, TimeUnit.SECONDS)).getCause().getCause();
        assertInstanceOf(IOException.class, error);
        assertFalse(error instanceof DestinationGoneException);
        client.discard();
        assertEquals(offered.get(), receipts.accepted.get() + receipts.failed.get());
        assertTrue(receipts.failed.get() > 0);
    }

    @Test
    void aCancelledCallIsGone() throws Exception
    {
        final ClientDestination client = opened();
        final CompletableFuture<Void> flushing = CompletableFuture.runAsync(() -> pump(client, MESSAGES, new AtomicInteger()));
        TimeUnit.MILLISECONDS.sleep(200);
        clientCall.get().cancel("leaving", null);
        assertTrue(cancelled.await(10, TimeUnit.SECONDS));
        final Throwable error = assertThrows(java.util.concurrent.ExecutionException.class,
            () -> flushing.get(10, TimeUnit.SECONDS)).getCause().getCause();
        assertInstanceOf(DestinationGoneException.class, error);
    }

    private ClientDestination opened() throws Exception
    {
        final ClientDestination client = destination.get(10, TimeUnit.SECONDS);
        client.open(new byte[0], receipts);
        return client;
    }

    /** As a stream's writer does: offer until the destination holds all it can, flush, again, up to {@code total}. */
    private static void pump(final ClientDestination client, final int total, final AtomicInteger offered)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE]);
        try
        {
            while (offered.get() < total)
            {
                while (offered.get() < total && client.offer(message, 0, MESSAGE))
                {
                    offered.incrementAndGet();
                }
                client.flush();
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Receipts counted. */
    private static final class Counted implements Receipts
    {
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        @Override
        public void accepted(final int events)
        {
            accepted.addAndGet(events);
        }

        @Override
        public void failed(final int events)
        {
            failed.addAndGet(events);
        }

        @Override
        public void revoked(final int events)
        {
            throw new AssertionError("a client destination revokes nothing");
        }
    }
}
