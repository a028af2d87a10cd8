package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The detectors loaded at start-up ({@code --detectors}) beside the ones Sluice ships, kept with the catalog that
 * names their events: a run's catalog is built once with their events, so whoever holds the catalog finds its
 * detectors, and two runs in one JVM (tests) never see each other's.
 */
public final class CatalogDetectors
{
    private static final Map<EventCatalog, List<Detector>> LOADED = new WeakHashMap<>();
    private static final Object LOCK = new Object();

    private CatalogDetectors()
    {
    }

    /**
     * @param catalog   a catalog that names the detectors' events.
     * @param detectors the detectors it comes with.
     */
    public static void register(final EventCatalog catalog, final List<Detector> detectors)
    {
        synchronized (LOCK)
        {
            LOADED.put(catalog, List.copyOf(detectors));
        }
    }

    /**
     * @param catalog a catalog.
     * @return the detectors registered with it (none for the shipped catalog).
     */
    public static List<Detector> of(final EventCatalog catalog)
    {
        synchronized (LOCK)
        {
            return LOADED.getOrDefault(catalog, List.of());
        }
    }
}
