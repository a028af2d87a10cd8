package io.sluice.format;

import io.sluice.codec.sbe.EventRecordView;

/**
 * What a {@code compact} line prints after the binary for one kind of event (the arguments of an exec, the status of
 * an exit, the path of an open, ...): the renderer of an entry of {@link CompactTable}. Implementations keep their
 * scratch state, so each formatter builds its own; they allocate nothing per event.
 */
interface CompactDetails
{
    /**
     * @param view a located record.
     * @param line the line, positioned after the binary and its space.
     */
    void render(EventRecordView view, CompactLine line);
}
