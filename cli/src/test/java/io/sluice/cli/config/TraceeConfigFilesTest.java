package io.sluice.cli.config;

import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config files as current Tracee reads them ({@code pkg/cmd/flags/config.go}, {@code output.go}): the list-of-flags
 * form of {@code output}, an empty {@code url}, and a whole Tracee config (its {@code examples/config/global_config}
 * files, YAML and JSON) whose sections without a Sluice equivalent are named once, in one warning.
 */
class TraceeConfigFilesTest
{
    @TempDir
    Path dir;

    private Path file(final String yaml)
    {
        return Load.write(dir, yaml);
    }

    @Test
    void outputAsAListOfFlagsIsReadByTheFlagParser()
    {
        final OutputConfig config = Load.yaml(file("output:\n  - json\n"));
        assertTrue(Load.WARNINGS.isEmpty(), Load.WARNINGS.toString());
        assertEquals(Load.flags("json"), config);
    }

    @Test
    void theListFormTakesDestinationAndStreamFlags()
    {
        final OutputConfig config = Load.yaml(file("output:\n  - destinations.audit.type=file\n  - destinations.audit.format=json\n"
            + "  - destinations.audit.path=/tmp/audit.json\n  - streams.s.destinations=audit\n  - sort-events\n"));
        assertEquals(Load.flags("destinations.audit.type=file", "destinations.audit.format=json",
            "destinations.audit.path=/tmp/audit.json", "streams.s.destinations=audit", "sort-events"), config);
        assertEquals("/tmp/audit.json", config.destination("audit").path());
        assertTrue(config.options().sortEvents());
    }

    @Test
    void listFormShortFormsAndFlagsCountTogether()
    {
        final OutputConfig config = Load.yaml(file("output: [json]\n"), "json:/tmp/b.json");
        assertEquals(List.of("json-1", "json-2"), config.destinations().stream().map(DestinationConfig::name).toList());
    }

    @Test
    void aBadListItemNamesTheFileLineAndItem()
    {
        final Path path = file("output:\n  - json\n  - destinations.x\n");
        assertEquals(path + ":3 (output[1]): destinations.x: expected "
            + "destinations.<name>.<field>=<value>", Load.yamlError(path));
    }

    @Test
    void anEmptyUrlIsNoUrl()
    {
        final OutputConfig config = Load.yaml(file("output:\n  destinations:\n    - name: d\n      type: file\n      path: /tmp/x\n"
            + "      format: json\n      url: \"\"\n"));
        assertNull(config.destination("d").url());
    }

    @Test
    void traceesWholeYamlConfigIsAcceptedWithOneWarning() throws IOException
    {
        final Path path = resource("global_config.yaml");
        final OutputConfig config = Load.yaml(path);
        final List<String> warnings = List.copyOf(Load.WARNINGS);
        assertEquals(Load.flags(), config, "its output section is all comments: the defaults");
        assertEquals(List.of(path + ": Tracee sections without a Sluice equivalent, ignored: buffers (line 8: Sluice sizes its rings"
            + " itself), stores (line 16: Sluice always keeps its process tree), capabilities (line 26: Sluice does not drop"
            + " capabilities), enrichment (line 35: Sluice always enriches containers and pods), artifacts (line 70: Sluice captures"
            + " no artifacts), detectors (line 104: Sluice has no YAML detectors yet), signatures-dir (line 137: Sluice has no"
            + " Go or Rego signatures)"), warnings);
    }

    @Test
    void traceesWholeJsonConfigIsAcceptedAndItsOutputHonoured() throws IOException
    {
        final OutputConfig config = Load.yaml(resource("global_config.json"));
        final DestinationConfig destination = config.destination("default_destination");
        assertEquals("file", destination.type());
        assertEquals("stdout", destination.path());
        assertNull(destination.url(), "url: \"\" is no url");
        final StreamConfig stream = config.streams().get(0);
        assertEquals("default_stream", stream.name());
        assertEquals(BufferMode.BLOCK, stream.mode());
        assertEquals(1024, stream.bufferSize());
        assertEquals(1, Load.WARNINGS.size(), Load.WARNINGS.toString());
        assertTrue(Load.WARNINGS.get(0).contains("ignored: buffers (line 2"), Load.WARNINGS.get(0));
    }

    @Test
    void unknownKeysInsideAnHonouredSectionStayErrors()
    {
        final Path path = file("buffers:\n  pipeline: 1000\noutput:\n  destinations:\n    - name: d\n      type: file\n"
            + "      colour: red\n");
        assertEquals(path + ":7: output.destinations[0].colour = 'red': not a key of file destinations (file takes: path, format,"
            + " rotate, retry)", Load.yamlError(path));
    }

    /** Copies a test resource to the temp dir, so that messages name a real file path. */
    private Path resource(final String name) throws IOException
    {
        try (InputStream in = TraceeConfigFilesTest.class.getResourceAsStream("tracee/" + name))
        {
            assertNotNull(in, name);
            final Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
