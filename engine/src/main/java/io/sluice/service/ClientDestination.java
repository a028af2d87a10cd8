package io.sluice.service;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.sluice.destination.Destination;
import io.sluice.destination.DestinationGoneException;
import io.sluice.destination.Receipts;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code StreamEvents} call as its stream's one destination. {@link #offer} copies the rendered
 * {@code StreamEventsResponse} into what the destination holds; {@link #flush} hands held messages to gRPC while the
 * call is ready ({@link ServerCallStreamObserver#isReady()}), and when it is not, parks until gRPC's on-ready handler
 * wakes it. So a client that reads slower than events come keeps its writer waiting here, its ring fills, and its
 * router drops (drop mode, counted) or holds the main ring back (block mode): that is what a slow client is.
 *
 * <p><em>Accepted</em> means {@code onNext} returned: gRPC's flow-controlled window took the message (HTTP/2 flow
 * control: the bytes are on their way to, or buffered for, a client that is reading; gRPC holds at most about its
 * on-ready threshold beyond what the client's window admits). A cancelled call (the client left) is a
 * {@link DestinationGoneException}. Every method but {@link #unblock} and the gRPC handlers runs on the stream's
 * writer thread; those two only set a volatile flag and unpark the writer.
 */
final class ClientDestination implements Destination
{
    /** Most messages held before the writer must flush. */
    static final int MAX_HELD = 1024;
    private static final int INITIAL_BYTES = 64 * 1024;
    private static final long PARK_NANOS = 50_000_000L;

    private final ServerCallStreamObserver<ResponseBytes> call;
    private final ResponseBytes message = new ResponseBytes();
    private final int[] starts = new int[MAX_HELD];
    private final int[] lengths = new int[MAX_HELD];
    private byte[] held = new byte[INITIAL_BYTES];
    private int used;
    private int count;
    private int next;
    private Receipts receipts;
    private volatile Thread waiter;
    private volatile boolean cancelled;
    private volatile boolean unblocked;
    private volatile boolean completeOnClose;

    /**
     * @param call the server side of the client's call; its on-ready and on-cancel handlers are set here, so this must
     *             be built while gRPC runs the call's method.
     */
    ClientDestination(final ServerCallStreamObserver<ResponseBytes> call)
    {
        this.call = call;
        call.setOnReadyHandler(this::wake);
    }

    /**
     * gRPC cancelled the call (the client left or its deadline passed): the writer stops waiting and the destination is
     * gone. Safe from any thread.
     */
    void cancelled()
    {
        cancelled = true;
        wake();
    }

    /**
     * The server is stopping: once the writer has pushed what it holds, {@link #close} completes the call.
     */
    void completeOnClose()
    {
        completeOnClose = true;
    }

    private void wake()
    {
        final Thread writer = waiter;
        if (writer != null)
        {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public String name()
    {
        return "grpc";
    }

    @Override
    public void open(final byte[] preamble, final Receipts receipts)
    {
        this.receipts = receipts;
    }

    @Override
    public boolean offer(final DirectBuffer rendered, final int offset, final int length)
    {
        if (count == MAX_HELD || (count > 0 && used + length > held.length))
        {
            return false;
        }
        if (used + length > held.length)
        {
            held = Arrays.copyOf(held, Math.max(held.length * 2, used + length));
        }
        rendered.getBytes(offset, held, used, length);
        starts[count] = used;
        lengths[count] = length;
        used += length;
        count++;
        return true;
    }

    @Override
    public void flush() throws IOException
    {
        waiter = Thread.currentThread();
        int sent = 0;
        try
        {
            while (next < count)
            {
                if (cancelled)
                {
                    throw new DestinationGoneException("the client left", null);
                }
                if (!call.isReady())
                {
                    acknowledge(sent);
                    sent = 0;
                    awaitReady();
                    continue;
                }
                call.onNext(message.wrap(held, starts[next], lengths[next]));
                next++;
                sent++;
            }
        }
        catch (final StatusRuntimeException ex)
        {
            throw new DestinationGoneException("the call ended: " + ex.getStatus(), ex);
        }
        finally
        {
            acknowledge(sent);
        }
        count = 0;
        next = 0;
        used = 0;
    }

    private void acknowledge(final int sent)
    {
        if (sent > 0)
        {
            receipts.accepted(sent);
        }
    }

    private void awaitReady() throws IOException
    {
        while (!call.isReady())
        {
            if (cancelled)
            {
                throw new DestinationGoneException("the client left", null);
            }
            if (unblocked)
            {
                throw new IOException("the client is not reading");
            }
            LockSupport.parkNanos(this, PARK_NANOS);
        }
    }

    @Override
    public void discard()
    {
        final int left = count - next;
        count = 0;
        next = 0;
        used = 0;
        if (left > 0)
        {
            receipts.failed(left);
        }
    }

    @Override
    public void unblock()
    {
        unblocked = true;
        wake();
    }

    @Override
    public int pending()
    {
        return count - next;
    }

    @Override
    public void close()
    {
        if (completeOnClose && !cancelled)
        {
            try
            {
                call.onCompleted();
            }
            catch (final StatusRuntimeException ex)
            {
                // the client left meanwhile: nothing to complete
                cancelled = true;
            }
        }
    }
}
