package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's own Tetragon filters: {@code filters.allow}, {@code filters.deny}, {@code filters.redact} and
 * {@code filters.fields} in YAML (a list of JSON objects) and as dotted flags (JSON lines or {@code @FILE}); each object
 * is checked at start-up and errors name the file and line or the flag.
 */
class StreamExportFiltersConfigTest
{
    @Test
    void yamlListsOfJsonObjects(@TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, """
            output:
              destinations:
                - name: d
                  path: stdout
              streams:
                - name: s
                  destinations: [d]
                  filters:
                    allow:
                      - '{"event_set": ["sched_process_exec"], "binary_regex": ["^/usr/bin/"]}'
                    deny: ['{"pid": [1]}']
                    redact: ['{"redact": ["--password(?:\\\\s+|=)(\\\\S*)"]}']
                    fields: ['{"fields": "data", "action": "EXCLUDE"}']
            """);
        final OutputConfig output = OutputConfigLoader.load(config, List.of(), Set.of(), new java.util.ArrayList<>());
        final StreamConfig stream = output.streams().get(0);
        assertEquals(1, stream.exports().allow().size());
        assertEquals(List.of("{\"pid\": [1]}"), stream.exports().deny());
        assertEquals(1, stream.exports().redact().size());
        assertEquals(1, stream.exports().fields().size());
    }

    @Test
    void dottedFlagsTakeJsonWithCommas()
    {
        final OutputConfig output = OutputConfigLoader.load(null, List.of("streams.s.destinations=d", "destinations.d.path=stdout",
            "streams.s.filters.allow={\"event_set\": [\"openat\", \"execve\"]}"), Set.of(), new java.util.ArrayList<>());
        assertEquals(List.of("{\"event_set\": [\"openat\", \"execve\"]}"), output.streams().get(0).exports().allow());
    }

    @Test
    void badFiltersNameTheFileLineOrFlag(@TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
            output:
              destinations: [{name: d, path: stdout}]
              streams:
                - name: s
                  destinations: [d]
                  filters:
                    allow: ['{"binary_regex": ["("]}']
            """);
        final String message = assertThrows(ConfigException.class,
            () -> OutputConfigLoader.load(config, List.of(), Set.of(), new java.util.ArrayList<>())).getMessage();
        assertTrue(message.startsWith(config + ":7: binary_regex = '(': bad regular expression"), message);
        final String flag = assertThrows(ConfigException.class, () -> OutputConfigLoader.load(null, List.of("streams.s.destinations=d",
            "destinations.d.path=stdout", "streams.s.filters.fields={\"fields\": \"nope\", \"action\": \"INCLUDE\"}"), Set.of(),
            new java.util.ArrayList<>())).getMessage();
        assertTrue(flag.contains("fields = 'nope': unknown field of v1beta1.Event"), flag);
    }
}
