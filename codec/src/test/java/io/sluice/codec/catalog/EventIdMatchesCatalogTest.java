package io.sluice.codec.catalog;

import io.sluice.proto.v1beta1.EventId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The proto {@code EventId} enum and {@code events.yaml} name the same events with the same numbers, so an event id
 * prints as its catalog name exactly when the catalog knows it (detector ids, 6000 and up, print as numbers).
 */
class EventIdMatchesCatalogTest
{
    @Test
    void everyNonDetectorCatalogEventIsInTheEnumAndNothingElseIs()
    {
        final Map<Integer, String> catalog = new TreeMap<>();
        for (final EventDefinition event : EventCatalog.standard().events())
        {
            if (event.id() < EventCatalog.FIRST_DETECTOR_ID)
            {
                catalog.put(event.id(), event.name());
            }
        }

        final Map<Integer, String> enumeration = new TreeMap<>();
        for (final EventId id : EventId.values())
        {
            if (id != EventId.UNRECOGNIZED && id.getNumber() != 0)
            {
                enumeration.put(id.getNumber(), id.getValueDescriptor().getName());
            }
        }

        assertEquals(catalog, enumeration);
    }

    @Test
    void zeroIsTheUnspecifiedDefault()
    {
        assertEquals("unspecified", EventId.forNumber(0).getValueDescriptor().getName());
        assertEquals(null, EventCatalog.standard().byId(0));
    }
}
