import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client of sluice's event service that costs as little as a gRPC client can: CALLS StreamEvents calls (empty
 * request: every event, drop mode), each on a channel of its own, whose messages are counted and skipped, never
 * parsed. Prints 'RECEIVED messages bytes' per call when the server ends them. Runs as a single-file program:
 * java -cp "cli/target/lib/*" perf/service/CountClient.java HOST PORT CALLS
 */
public final class CountClient
{
    private static final MethodDescriptor.Marshaller<byte[]> REQUEST = new MethodDescriptor.Marshaller<>()
    {
        @Override
        public InputStream stream(final byte[] value)
        {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(final InputStream stream)
        {
            throw new UnsupportedOperationException();
        }
    };

    private static final MethodDescriptor.Marshaller<Integer> SKIP = new MethodDescriptor.Marshaller<>()
    {
        @Override
        public InputStream stream(final Integer value)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public Integer parse(final InputStream stream)
        {
            try
            {
                final int size = stream.available();
                stream.skip(size);
                return size;
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    };

    private static final MethodDescriptor<byte[], Integer> STREAM_EVENTS = MethodDescriptor.<byte[], Integer>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
        .setFullMethodName("sluice.v1beta1.SluiceService/StreamEvents")
        .setRequestMarshaller(REQUEST).setResponseMarshaller(SKIP).build();

    public static void main(final String[] args) throws InterruptedException
    {
        final int calls = Integer.parseInt(args[2]);
        final CountDownLatch done = new CountDownLatch(calls);
        for (int c = 0; c < calls; c++)
        {
            final ManagedChannel channel = NettyChannelBuilder.forAddress(args[0], Integer.parseInt(args[1])).usePlaintext().build();
            final ClientCall<byte[], Integer> call = channel.newCall(STREAM_EVENTS, CallOptions.DEFAULT);
            final AtomicLong messages = new AtomicLong();
            final AtomicLong bytes = new AtomicLong();
            call.start(new ClientCall.Listener<>()
            {
                @Override
                public void onMessage(final Integer size)
                {
                    messages.incrementAndGet();
                    bytes.addAndGet(size);
                    call.request(1);
                }

                @Override
                public void onClose(final Status status, final Metadata trailers)
                {
                    System.out.println("RECEIVED " + messages.get() + " " + bytes.get() + " " + status.getCode());
                    channel.shutdown();
                    done.countDown();
                }
            }, new Metadata());
            call.sendMessage(new byte[0]);
            call.halfClose();
            call.request(64);
        }
        done.await();
    }
}
