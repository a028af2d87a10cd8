package io.sluice.cli.getevents;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.sluice.cli.ExitCodes;
import io.sluice.proto.v1beta1.SluiceServiceGrpc;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.proto.v1beta1.StreamEventsResponse;
import io.sluice.service.RootCause;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code getevents} reading a server's {@code StreamEvents}: one call at a time, its events printed as they come, and
 * when the call ends (the server not up yet, gone, restarted, or ending the stream as it stops) a new connection after
 * a backoff (100 ms doubling to 5 s, back to 100 ms once a connection was made), until SIGINT or SIGTERM
 * ({@link #stop}). Each change of state is one line on stderr ({@link ConnectionReport}). A request the server
 * refuses ({@code INVALID_ARGUMENT}: an unknown event or policy, a bad filter; {@code PERMISSION_DENIED}: block mode
 * where the server does not allow it) is not retried: its message is printed
 * and the exit code is 2.
 */
final class ServerEvents
{
    static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int IN_FLIGHT = 256;

    static
    {
        // Netty warns at every connection to a Unix socket that SO_KEEPALIVE (which gRPC sets) does not apply to it
        System.setProperty("org.slf4j.simpleLogger.log.io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap", "error");
    }

    private final String address;
    private final String target;
    private final ChannelCredentials credentials;
    private final StreamEventsRequest request;
    private final EventPrinter printer;
    private final PrintWriter err;
    private final ConnectionReport report;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService printing = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "sluice-getevents-print");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Attempt current;

    /**
     * @param address     the server address as given ({@code HOST:PORT} or {@code unix:/PATH}).
     * @param credentials plaintext or TLS ({@link ServerCredentials}).
     * @param request     what to ask for.
     * @param printer     where events go.
     * @param err         where states and errors go.
     */
    ServerEvents(final String address, final ChannelCredentials credentials, final StreamEventsRequest request,
        final EventPrinter printer, final PrintWriter err)
    {
        this.address = address;
        this.target = ServerAddress.target(address);
        this.credentials = credentials;
        this.request = request;
        this.printer = printer;
        this.err = err;
        this.report = new ConnectionReport(err);
    }

    /**
     * @return the exit code: 0 when stopped, 2 when the server refused the request, 1 when stdout broke.
     * @throws InterruptedException when interrupted.
     */
    int run() throws InterruptedException
    {
        long backoff = FIRST_BACKOFF_NANOS;
        try
        {
            while (stopped.getCount() > 0)
            {
                final ManagedChannel channel = Grpc.newChannelBuilder(target, credentials).build();
                final Attempt attempt = new Attempt(channel);
                current = attempt;
                if (stopped.getCount() == 0)
                {
                    attempt.call.cancel("stopped", null);
                }
                final Status status = attempt.closed();
                channel.shutdownNow();
                if (stopped.getCount() == 0)
                {
                    break;
                }
                if (attempt.failure != null)
                {
                    if (!EventPrinter.readerLeft(attempt.failure))
                    {
                        err.println("sluice getevents: stdout: " + attempt.failure.getMessage());
                        err.flush();
                    }
                    return ExitCodes.RUNTIME_FAILURE;
                }
                if (status.getCode() == Status.Code.INVALID_ARGUMENT || status.getCode() == Status.Code.PERMISSION_DENIED)
                {
                    err.println("sluice getevents: " + address + " refused the request: " + status.getDescription());
                    err.flush();
                    return ExitCodes.USAGE;
                }
                backoff = attempt.connected ? FIRST_BACKOFF_NANOS : backoff;
                closed(status);
                if (stopped.await(backoff, TimeUnit.NANOSECONDS))
                {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
            return ExitCodes.OK;
        }
        finally
        {
            printing.shutdown();
        }
    }

    /** Stop: end the call in progress, or the wait before the next one; {@link #run} returns 0. */
    void stop()
    {
        stopped.countDown();
        final Attempt attempt = current;
        if (attempt != null)
        {
            attempt.call.cancel("stopped", null);
        }
    }

    private void closed(final Status status)
    {
        switch (status.getCode())
        {
            case OK -> report.enter("ended", address + ": the server ended the stream; reconnecting");
            case UNAVAILABLE -> report.enter("UNAVAILABLE", address + ": not reachable (" + reason(status) +
                "); retrying until it is");
            default -> report.enter(status.getCode().name(), address + ": " + status.getCode() + ": " + reason(status) +
                "; retrying");
        }
    }

    /** gRPC's description of a failed connection is "io exception": the cause says what happened. */
    private static String reason(final Status status)
    {
        return status.getCause() == null ? String.valueOf(status.getDescription()) : RootCause.message(status.getCause());
    }

    /** One {@code StreamEvents} call: its events printed on the printing thread, its end awaited by {@link #run}. */
    private final class Attempt extends ClientCall.Listener<StreamEventsResponse>
    {
        private final ManagedChannel channel;
        private final ClientCall<StreamEventsRequest, StreamEventsResponse> call;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Status status;
        private volatile boolean connected;
        private volatile IOException failure;
        // only the printing thread reads and writes it; volatile for the checker, which cannot know that
        private volatile boolean flushQueued;

        Attempt(final ManagedChannel channel)
        {
            this.channel = channel;
            watch();
            call = channel.newCall(SluiceServiceGrpc.getStreamEventsMethod(), CallOptions.DEFAULT.withExecutor(printing));
            call.start(this, new Metadata());
            call.sendMessage(request);
            call.halfClose();
            call.request(IN_FLIGHT);
        }

        Status closed() throws InterruptedException
        {
            done.await();
            return status;
        }

        @Override
        public void onHeaders(final Metadata headers)
        {
            connected();
        }

        @Override
        public void onMessage(final StreamEventsResponse message)
        {
            connected();
            try
            {
                printer.print(printer.record(), 0, printer.encode(message.getEvent()));
                if (!flushQueued)
                {
                    // behind the messages already queued on the printing thread: one write for all of them
                    flushQueued = true;
                    printing.execute(this::flush);
                }
            }
            catch (final IllegalArgumentException ex)
            {
                report.enter("bad event", "an event from " + address + " could not be printed (" + ex.getMessage() + ")");
            }
            catch (final IOException ex)
            {
                failure = ex;
                call.cancel("stdout failed", ex);
                return;
            }
            call.request(1);
        }

        @Override
        public void onClose(final Status closedWith, final Metadata trailers)
        {
            flush();
            status = closedWith;
            done.countDown();
        }

        private void flush()
        {
            flushQueued = false;
            if (failure != null)
            {
                return;
            }
            try
            {
                printer.flush();
            }
            catch (final IOException ex)
            {
                failure = ex;
                call.cancel("stdout failed", ex);
            }
        }

        private void connected()
        {
            if (!connected)
            {
                connected = true;
                report.enter("connected", "connected to " + address);
            }
        }

        /** The channel reaching READY is a connection, even before the server sends anything. */
        private void watch()
        {
            final ConnectivityState now = channel.getState(false);
            if (now == ConnectivityState.READY)
            {
                connected();
            }
            if (now != ConnectivityState.SHUTDOWN)
            {
                channel.notifyWhenStateChanged(now, this::watch);
            }
        }
    }
}
