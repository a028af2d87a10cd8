package io.sluice.destination;

import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Where a stream's rendered events go. Owned and called by one stream writer thread only.
 */
public interface Destination extends AutoCloseable
{
    /**
     * @return the destination's configured name.
     */
    String name();

    /**
     * Open the destination, writing the format's preamble (a table header) if any.
     *
     * @param preamble bytes to write before the first event; may be empty.
     * @throws IOException when it cannot be opened.
     */
    void open(byte[] preamble) throws IOException;

    /**
     * Write one rendered event, followed by the record separator.
     *
     * @param rendered the rendered event.
     * @param offset   where it starts.
     * @param length   its length.
     * @throws IOException when the write fails; the event is counted as failed for this destination.
     */
    void write(DirectBuffer rendered, int offset, int length) throws IOException;

    /**
     * The writer has no more events for now: push buffered bytes out per the destination's flush policy.
     *
     * @throws IOException when the flush fails.
     */
    void endOfBatch() throws IOException;

    /**
     * @return a line for the run's summary about what this destination kept (a journal's count), or null.
     */
    default String report()
    {
        return null;
    }

    /**
     * Flush everything and release the destination.
     *
     * @throws IOException when the final flush fails.
     */
    @Override
    void close() throws IOException;
}
