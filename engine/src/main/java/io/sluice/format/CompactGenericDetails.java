package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;

/**
 * The details of an event the table has no entry for: its name, as Tetragon prints the function of a kprobe it does
 * not know, then every argument as {@code name=value} in cyan ({@code listen sockfd=3 backlog=128 returnValue=0}).
 */
final class CompactGenericDetails implements CompactDetails
{
    private final EventCatalog catalog;
    private final CompactValue value = new CompactValue();

    /**
     * @param catalog the event catalog (names of ids).
     */
    CompactGenericDetails(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    @Override
    public void render(final EventRecordView view, final CompactLine line)
    {
        line.eventName(view, catalog);
        final EventValueCursor values = view.data();
        while (values.next())
        {
            line.space();
            line.open(CompactLine.CYAN);
            line.text(view.buffer(), values.nameOffset(), values.nameLength());
            line.put((byte)'=');
            value.put(line, view.buffer(), values, CompactArg.Style.VALUE);
            line.close();
        }
    }
}
