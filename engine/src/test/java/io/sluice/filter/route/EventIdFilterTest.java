package io.sluice.filter.route;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdFilterTest
{
    @Test
    void emptySelectionLetsEverythingThrough()
    {
        final EventIdFilter filter = EventIdFilter.of(List.of());
        assertTrue(filter.isAll());
        assertTrue(filter.matches(1015));
        assertTrue(filter.matches(6001));
    }

    @Test
    void selectsExactlyTheGivenIds()
    {
        final EventIdFilter filter = EventIdFilter.of(List.of(258, 1015, 6001, 63, 64));
        assertTrue(filter.matches(258));
        assertTrue(filter.matches(1015));
        assertTrue(filter.matches(6001));
        assertTrue(filter.matches(63));
        assertTrue(filter.matches(64));
        assertFalse(filter.matches(257));
        assertFalse(filter.matches(0));
        assertFalse(filter.matches(65));
        assertFalse(filter.matches(-1));
        assertFalse(filter.matches(100_000));
    }
}
