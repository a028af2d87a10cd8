package io.sluice.service;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One rendered {@code StreamEventsResponse}, as the bytes the server sends: a view over a client destination's held
 * bytes, reused for every message. gRPC's {@link #MARSHALLER} hands the view itself to the transport as the message's
 * stream, and the transport copies it out ({@link #drainTo}) inside {@code onNext}: so the server never builds or
 * parses an {@code Event} per event, and a message allocates nothing of its own. Used by one client's writer thread.
 */
final class ResponseBytes extends InputStream implements KnownLength, Drainable
{
    /**
     * The response marshaller of the byte-level {@code StreamEvents} method. A server only streams responses;
     * {@code parse} (a client's side) keeps the bytes, for tests.
     */
    static final MethodDescriptor.Marshaller<ResponseBytes> MARSHALLER = new MethodDescriptor.Marshaller<>()
    {
        @Override
        public InputStream stream(final ResponseBytes value)
        {
            return value;
        }

        @Override
        public ResponseBytes parse(final InputStream stream)
        {
            try
            {
                final byte[] bytes = stream.readAllBytes();
                final ResponseBytes parsed = new ResponseBytes();
                parsed.wrap(bytes, 0, bytes.length);
                return parsed;
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    };

    private byte[] bytes = new byte[0];
    private int position;
    private int limit;

    /**
     * @param source the bytes.
     * @param offset where the message starts.
     * @param length its length.
     * @return this view over them, read from the start.
     */
    ResponseBytes wrap(final byte[] source, final int offset, final int length)
    {
        this.bytes = source;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    /**
     * @return a copy of the message's bytes (tests and clients).
     */
    byte[] toByteArray()
    {
        return new ByteArrayInputStream(bytes, position, limit - position).readAllBytes();
    }

    @Override
    public int drainTo(final OutputStream target) throws IOException
    {
        final int length = limit - position;
        target.write(bytes, position, length);
        position = limit;
        return length;
    }

    @Override
    public int available()
    {
        return limit - position;
    }

    @Override
    public int read()
    {
        return position < limit ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(final byte[] target, final int offset, final int length)
    {
        if (position >= limit)
        {
            return -1;
        }
        final int n = Math.min(length, limit - position);
        System.arraycopy(bytes, position, target, offset, n);
        position += n;
        return n;
    }
}
