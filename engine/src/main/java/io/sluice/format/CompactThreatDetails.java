package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;

/**
 * The details of a detection (an event with a {@code threat}; the line's label is its severity): the detector's event
 * name and the threat's name, quoted as Tetragon quotes text with spaces, in cyan
 * ({@code anti_debugging "Anti-Debugging detected"}).
 */
final class CompactThreatDetails implements CompactDetails
{
    private final EventCatalog catalog;

    /**
     * @param catalog the event catalog (names of ids).
     */
    CompactThreatDetails(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    @Override
    public void render(final EventRecordView view, final CompactLine line)
    {
        line.open(CompactLine.CYAN);
        line.eventName(view, catalog);
        line.close();
        line.space();
        line.open(CompactLine.CYAN);
        line.text(view.buffer(), view.stringOffset(EventVarData.THREAT_NAME), view.stringLength(EventVarData.THREAT_NAME));
        line.close();
    }
}
