package io.sluice.cli.config;

import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Sluice does when the user says little or nothing.
 */
class DefaultsTest
{
    private static final OutputConfig TABLE_TO_STDOUT = new OutputConfig(
        List.of(new DestinationConfig("table-1", "file", FormatSpec.TABLE, "stdout", null)),
        List.of(new StreamConfig("default-stream", List.of("table-1"), List.of(), List.of(), BufferMode.BLOCK, 1024,
            true)),
        OutputOptions.NONE);

    @Test
    void nothingConfiguredMeansATableOnStdoutInTheDefaultStream()
    {
        assertEquals(TABLE_TO_STDOUT, Load.flags());
        assertTrue(Load.WARNINGS.isEmpty());
    }

    @Test
    void nothingConfiguredIsTheSameAsOutputTable()
    {
        assertEquals(Load.flags("table"), Load.flags());
    }

    @Test
    void aFileWithNoOutputSectionConfiguresNothing(@TempDir final Path dir)
    {
        assertEquals(TABLE_TO_STDOUT, Load.yaml(Load.write(dir, "")));
        assertEquals(TABLE_TO_STDOUT, Load.yaml(Load.write(dir, "output:\n")));
        assertEquals(TABLE_TO_STDOUT, Load.yaml(Load.write(dir, "output:\n  destinations: []\n  streams: []\n")));
    }

    @Test
    void optionsAloneStillGiveTheDefaultOutput()
    {
        final OutputConfig config = Load.flags("exec-env");
        assertEquals(TABLE_TO_STDOUT.destinations(), config.destinations());
        assertEquals(TABLE_TO_STDOUT.streams(), config.streams());
        assertEquals(new OutputOptions(false, true, false, false), config.options());
    }

    @Test
    void aDeclaredDestinationDefaultsToTypeFileFormatTablePathStdout()
    {
        // Tracee's defaults: type file; format table for a file (json only for webhook and forward); path stdout.
        final OutputConfig config = Load.flags("destinations.out.path=stdout");
        assertEquals(List.of(new DestinationConfig("out", "file", FormatSpec.TABLE, "stdout", null)),
            config.destinations());
        assertEquals(Load.flags("destinations.out.type=file"), config);
        assertEquals(Load.flags("destinations.out.format=table"), config);
    }

    @Test
    void aDestinationNoStreamNamesGetsItsOwnFilterlessStream()
    {
        final OutputConfig config = Load.flags("destinations.out.format=json");
        assertEquals(List.of(new StreamConfig("out-stream", List.of("out"), List.of(), List.of(), BufferMode.BLOCK,
            1024, true)), config.streams());
    }

    @Test
    void aStreamDefaultsToBlockAnd1024WithNoFilters()
    {
        final OutputConfig config = Load.flags("destinations.out.format=json", "streams.s.destinations=out");
        assertEquals(List.of(new StreamConfig("s", List.of("out"), List.of(), List.of(), BufferMode.BLOCK, 1024,
            false)), config.streams());
    }

    @Test
    void optionsDefaultToOff()
    {
        assertEquals(OutputOptions.NONE, Load.flags("json").options());
    }
}
