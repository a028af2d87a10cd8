package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.detect.yaml.YamlDetectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics' detector labels are the run's detectors: those Sluice ships and those loaded with {@code --detectors}.
 */
class EngineReadingsTest
{
    @TempDir
    Path dir;

    @Test
    void detectorMetricsNameTheLoadedYamlDetectorsToo() throws IOException
    {
        Files.writeString(dir.resolve("shell.yaml"), """
            type: detector
            id: yaml-042
            produced_event:
              name: shell_started
              version: 1.0.0
              description: A shell ran
            requirements:
              events:
                - name: sched_process_exec
                  data_filters:
                    - pathname=/bin/sh
            auto_populate:
              threat: false
              detected_from: true
            """);
        final EventCatalog catalog = YamlDetectors.load(List.of(dir.toString()), EventCatalog.standard());
        final EngineReadings readings = new EngineReadings(null, null, null, null, List.of(), List.of(), null, catalog);
        assertTrue(readings.detectorNames().contains("shell_started"), readings.detectorNames().toString());
        assertTrue(readings.detectorNames().contains("anti_debugging"), "and the shipped ones");
    }
}
