package io.sluice.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Puts each call's remote address in its gRPC context, so a client's counters name its peer.
 */
final class PeerAddress implements ServerInterceptor
{
    private static final Context.Key<String> PEER = Context.key("sluice-peer");

    /**
     * @return the remote address of the call running on this thread, or {@code unknown}.
     */
    static String current()
    {
        final String peer = PEER.get();
        return peer == null ? "unknown" : peer;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(final ServerCall<Q, R> call, final Metadata headers,
        final ServerCallHandler<Q, R> next)
    {
        final SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        final String peer = remote instanceof InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort()
            : remote == null ? "unknown" : remote.toString();
        return Contexts.interceptCall(Context.current().withValue(PEER, peer.isEmpty() ? "unix" : peer), call, headers, next);
    }
}
