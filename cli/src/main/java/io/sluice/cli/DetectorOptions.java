package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.yaml.YamlDetectors;
import picocli.CommandLine.Option;

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
}
