package io.sluice.format;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Renders one enriched event record (SBE header + Event) as the bytes a destination writes, without the
 * record separator. A stream renders each event once per formatter and hands the bytes to every destination
 * using it. Implementations are used by one thread and allocate nothing per event.
 */
public interface EventFormatter
{
    /**
     * @param record    the record buffer.
     * @param offset    where the record starts (its SBE message header).
     * @param length    record length.
     * @param out       an expandable buffer to render into.
     * @param outOffset where to start writing in {@code out}.
     * @return bytes written.
     */
    int format(DirectBuffer record, int offset, int length, MutableDirectBuffer out, int outOffset);

    /**
     * @return bytes a destination writes once before its first event (a table header), or an empty array.
     */
    byte[] preamble();

    /**
     * @return true when the rendering is the record itself: the stream then hands destinations the record as it
     * is, without calling {@link #format}.
     */
    default boolean passesRecordThrough()
    {
        return false;
    }
}
