package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A destination key neither front end knows is kept for the destination's type ({@link DestinationSettings#option}):
 * from YAML flattened to a dotted key with its scalar as written, from a flag as given; the type refuses any it does not
 * declare, naming origin, field and value and listing what it takes.
 */
class DestinationOwnKeysTest
{
    @TempDir
    Path dir;

    @Test
    void yamlKeepsUnknownKeysFlattenedAndAsWritten()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: k
                  type: kafka
                  acks: all
                  linger.ms: 5
                  kafka:
                    security.protocol: SSL
                    enable:
                      idempotence: true
                  path: /tmp/x
            """);
        final RawOutputTree tree = new RawOutputTree();
        YamlOutputReader.read(file, tree);
        final DestinationSettings k = tree.destinations.get("k");
        assertEquals(List.of("acks", "linger.ms", "kafka.security.protocol", "kafka.enable.idempotence"),
            List.copyOf(k.optionKeys()));
        assertEquals("all", k.option("acks").value());
        assertEquals("5", k.option("linger.ms").value());
        assertEquals("SSL", k.option("kafka.security.protocol").value());
        assertEquals("true", k.option("kafka.enable.idempotence").value());
        assertEquals(file + ":8", k.option("kafka.security.protocol").origin());
        assertEquals(file + ":8: output.destinations[0].kafka.security.protocol = 'SSL': bad",
            k.option("kafka.security.protocol").error("bad").getMessage());
        assertNull(k.option("compression"));
        // the keys the reader knows keep their own fields
        assertEquals("/tmp/x", k.path().value());
        assertEquals("kafka", k.type().value());
    }

    @Test
    void flagsKeepUnknownKeysAsGivenAfterTheDeclaredName()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: out.v2
                  type: kafka
                  acks: all
            """);
        final RawOutputTree tree = new RawOutputTree();
        YamlOutputReader.read(file, tree);
        OutputFlagParser.apply(List.of("destinations.k.type=kafka", "destinations.k.linger.ms=5",
            "destinations.k.kafka.security.protocol=SSL", "destinations.out.v2.acks=1"), tree);
        final DestinationSettings k = tree.destinations.get("k");
        assertEquals(List.of("linger.ms", "kafka.security.protocol"), List.copyOf(k.optionKeys()));
        assertEquals("5", k.option("linger.ms").value());
        assertEquals("--output destinations.k.linger.ms=5", k.option("linger.ms").origin());
        // a flag replaces the file's value of the same key, under the name the file declared
        final DestinationSettings v2 = tree.destinations.get("out.v2");
        assertEquals(List.of("acks"), List.copyOf(v2.optionKeys()));
        assertEquals("1", v2.option("acks").value());
        assertEquals(List.of("out.v2", "k"), List.copyOf(tree.destinations.keySet()));
    }

    @Test
    void aKeyTheFileTypeDoesNotTakeIsRefusedFromYamlWithFileAndLine()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
                  path: /tmp/sluice-own-keys.json
                  format: json
                  retry:
                    backoff: 1s
                  acks: all
            """);
        assertEquals(file + ":8: output.destinations[0].acks = 'all': not a key of file destinations"
            + " (file takes: path, format, rotate, retry)", Load.yamlError(file));
        final Path nested = Load.write(dir, """
            output:
              destinations:
                - name: j
                  type: journal
                  path: /tmp/sluice-own-keys
                  kafka:
                    acks: 1
            """);
        assertEquals(nested + ":7: output.destinations[0].kafka.acks = '1': not a key of journal destinations"
            + " (journal takes: path, format, roll, retry)", Load.yamlError(nested));
        final Path empty = Load.write(dir, """
            output:
              destinations:
                - name: d
                  colour: {}
            """);
        assertEquals(empty + ":4: output.destinations[0].colour = '': not a key of file destinations"
            + " (file takes: path, format, rotate, retry)", Load.yamlError(empty), "an empty mapping is no way around it");
    }

    @Test
    void aKeyTheFileTypeDoesNotTakeIsRefusedFromAFlag()
    {
        assertEquals("--output destinations.d.linger.ms=5: destinations.d.linger.ms = '5': not a key of file destinations"
            + " (file takes: path, format, rotate, retry)", Load.flagError("destinations.d.path=/tmp/x", "destinations.d.linger.ms=5"));
        assertEquals("--output destinations.d.acks: destinations.d.acks: expects a value: destinations.d.acks=<value>",
            Load.flagError("destinations.d.acks"));
    }

    @Test
    void aKeyTheKafkaTypeDoesNotTakeIsRefusedListingWhatItTakes()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: k
                  url: kafka://b1:9092/events
                  acks: all
                  batch: 5
            """);
        assertEquals(file + ":6: output.destinations[0].batch = '5': not a key of kafka destinations (kafka takes: url,"
            + " format, retry, acks, batch.size, compression, kafka.*, key, linger.ms)", Load.yamlError(file));
    }

    @Test
    void aKeyWrittenBothDottedAndNestedOrAsAListIsRefused()
    {
        final Path twice = Load.write(dir, """
            output:
              destinations:
                - name: k
                  kafka.acks: 1
                  kafka:
                    acks: 2
            """);
        final ConfigException duplicate = assertThrows(ConfigException.class,
            () -> YamlOutputReader.read(twice, new RawOutputTree()));
        assertEquals(twice + ":6: output.destinations[0].kafka.acks: duplicate key (written twice, dotted and nested)",
            duplicate.getMessage());
        final Path list = Load.write(dir, """
            output:
              destinations:
                - name: k
                  brokers: [a, b]
            """);
        assertEquals(list + ":4: output.destinations[0].brokers: expected a string, a number, a boolean or a mapping,"
            + " got a list", Load.yamlError(list));
    }
}
