package io.sluice.cli.list;

import io.sluice.cli.DetectorOptions;
import io.sluice.codec.catalog.EventCatalog;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

/**
 * The catalog a listing of events or detectors shows, as a picocli mixin: the shipped one, or with the
 * {@code --detectors} given, read once.
 */
public final class ListedCatalog
{
    @Mixin
    private DetectorOptions detectorOptions;

    private EventCatalog catalog;

    /**
     * Read the run's catalog; a bad detector file is reported as one line.
     *
     * @param err where to report.
     * @return false after a report (the command then exits 2).
     */
    boolean read(final PrintWriter err)
    {
        catalog = DetectorOptions.catalogOrReport(detectorOptions, err);
        return catalog != null;
    }

    /**
     * @param listed the mixin of a command, or null when the command was built without picocli.
     * @return the catalog read, or the shipped one.
     */
    static EventCatalog of(final ListedCatalog listed)
    {
        return listed == null || listed.catalog == null ? EventCatalog.standard() : listed.catalog;
    }
}
