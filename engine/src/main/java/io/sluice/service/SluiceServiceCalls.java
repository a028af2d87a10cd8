package io.sluice.service;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.sluice.engine.LiveEngine;
import io.sluice.proto.v1beta1.ClientMode;
import io.sluice.proto.v1beta1.GetCountersRequest;
import io.sluice.proto.v1beta1.GetCountersResponse;
import io.sluice.proto.v1beta1.GetEventDefinitionsRequest;
import io.sluice.proto.v1beta1.GetEventDefinitionsResponse;
import io.sluice.proto.v1beta1.GetVersionRequest;
import io.sluice.proto.v1beta1.GetVersionResponse;
import io.sluice.proto.v1beta1.SluiceServiceGrpc;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;

/**
 * {@code sluice.v1beta1.SluiceService}'s calls. {@code StreamEvents} is bound with a byte-level response marshaller
 * ({@link ResponseBytes}): the generated method's descriptor with the same name and request type, whose responses are
 * the rendered {@code StreamEventsResponse} bytes, so the server never builds an {@code Event} object; the other calls
 * use the generated descriptors. A request the server refuses gets {@code INVALID_ARGUMENT} with one line naming the
 * field and value; block mode where the server does not allow it {@code PERMISSION_DENIED}, and a client past the cap
 * {@code RESOURCE_EXHAUSTED}.
 */
final class SluiceServiceCalls
{
    /** {@code StreamEvents} with its responses as bytes. */
    static final MethodDescriptor<StreamEventsRequest, ResponseBytes> STREAM_EVENTS = SluiceServiceGrpc.getStreamEventsMethod()
        .toBuilder(ProtoUtils.marshaller(StreamEventsRequest.getDefaultInstance()), ResponseBytes.MARSHALLER).build();

    /** Why a block client is refused where block clients are not allowed. */
    static final String BLOCK_REFUSED = "mode: CLIENT_MODE_BLOCK: refused: a block client can hold tracing back; this server"
        + " allows it on a unix: socket, or over TCP when started with --grpc-allow-block";

    private final LiveEngine engine;
    private final boolean blockAllowed;
    private final ClientRegistry clients;
    private final ClientStreams streams;
    private final ServiceAnswers answers;

    /**
     * @param engine  the running engine.
     * @param clients      where clients are kept.
     * @param blockAllowed whether a client may ask for block mode (and so hold the main ring back).
     */
    SluiceServiceCalls(final LiveEngine engine, final ClientRegistry clients, final boolean blockAllowed)
    {
        this.engine = engine;
        this.blockAllowed = blockAllowed;
        this.clients = clients;
        this.streams = new ClientStreams(engine);
        this.answers = new ServiceAnswers(engine);
    }

    /**
     * @return the service, bound to these calls.
     */
    ServerServiceDefinition definition()
    {
        final ServiceDescriptor descriptor = ServiceDescriptor.newBuilder(SluiceServiceGrpc.SERVICE_NAME)
            .setSchemaDescriptor(SluiceServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
            .addMethod(STREAM_EVENTS)
            .addMethod(SluiceServiceGrpc.getGetEventDefinitionsMethod())
            .addMethod(SluiceServiceGrpc.getGetVersionMethod())
            .addMethod(SluiceServiceGrpc.getGetCountersMethod())
            .build();
        return ServerServiceDefinition.builder(descriptor)
            .addMethod(STREAM_EVENTS, ServerCalls.asyncServerStreamingCall(this::streamEvents))
            .addMethod(SluiceServiceGrpc.getGetEventDefinitionsMethod(), ServerCalls.asyncUnaryCall(this::getEventDefinitions))
            .addMethod(SluiceServiceGrpc.getGetVersionMethod(), ServerCalls.asyncUnaryCall(this::getVersion))
            .addMethod(SluiceServiceGrpc.getGetCountersMethod(), ServerCalls.asyncUnaryCall(this::getCounters))
            .build();
    }

    private void streamEvents(final StreamEventsRequest request, final StreamObserver<ResponseBytes> observer)
    {
        final ServerCallStreamObserver<ResponseBytes> call = (ServerCallStreamObserver<ResponseBytes>)observer;
        if (request.getMode() == ClientMode.CLIENT_MODE_BLOCK && !blockAllowed)
        {
            call.onError(Status.PERMISSION_DENIED.withDescription(BLOCK_REFUSED).asRuntimeException());
            return;
        }
        final String name = clients.nextName();
        final ClientDestination destination = new ClientDestination(call);
        final StreamEnvironment environment = engine.clientEnvironment();
        final Stream stream;
        try
        {
            stream = streams.build(name, request, destination, environment);
        }
        catch (final BadRequestException ex)
        {
            call.onError(Status.INVALID_ARGUMENT.withDescription(ex.getMessage()).asRuntimeException());
            return;
        }
        final ClientSession session = new ClientSession(name, PeerAddress.current(), stream, destination, environment,
            engine.hub(), engine.drainTimeout());
        final Status refused = clients.add(session);
        if (refused != null)
        {
            call.onError(refused.asRuntimeException());
            return;
        }
        call.setOnCancelHandler(() -> clients.endLater(session));
        session.start();
    }

    private void getEventDefinitions(final GetEventDefinitionsRequest request,
        final StreamObserver<GetEventDefinitionsResponse> observer)
    {
        try
        {
            observer.onNext(answers.definitions(request.getEventNamesList()));
            observer.onCompleted();
        }
        catch (final BadRequestException ex)
        {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(ex.getMessage().replace("events: ", "event_names: "))
                .asRuntimeException());
        }
    }

    private void getVersion(final GetVersionRequest request, final StreamObserver<GetVersionResponse> observer)
    {
        observer.onNext(ServiceAnswers.version());
        observer.onCompleted();
    }

    private void getCounters(final GetCountersRequest request, final StreamObserver<GetCountersResponse> observer)
    {
        final ClientRegistry.Counters now = clients.counters();
        observer.onNext(answers.counters(now.live(), now.ended()));
        observer.onCompleted();
    }
}
