package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.detect.yaml.YamlDetectors;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --detectors}: YAML detector files (Tracee's {@code type: detector} and {@code type: string_list}), or
 * directories of them, loaded and compiled once at start-up into the run's catalog.
 */
public final class DetectorOptions
{
    @Option(names = "--detectors", paramLabel = "FILE|DIR",
        description = "YAML detectors (Tracee's 'type: detector' files, and 'type: string_list' lists) to load: a file, or a "
            + "directory whose top-level .yaml/.yml files are read; repeatable. See docs/detectors.md.")
    private List<String> paths = new ArrayList<>();

    /**
     * @param base the shipped catalog.
     * @return the catalog of the run: the shipped one, or one with the YAML detectors' events (their detectors with it).
     * @throws io.sluice.config.ConfigException for a bad detector file.
     */
    public EventCatalog catalog(final EventCatalog base)
    {
        return YamlDetectors.load(paths, base);
    }

    /**
     * The catalog a listing shows, with its one-line report when a detector file is bad.
     *
     * @param options the mixin, or null when the command was built without one.
     * @param err     where a bad detector file is reported, as one line.
     * @return the run's catalog, or null after the report (the command then exits 2).
     */
    public static EventCatalog catalogOrReport(final DetectorOptions options, final PrintWriter err)
    {
        try
        {
            return options == null ? EventCatalog.standard() : options.catalog(EventCatalog.standard());
        }
        catch (final ConfigException ex)
        {
            err.println("sluice: " + ex.getMessage());
            return null;
        }
    }
}
