package io.sluice.cli.config;

import io.sluice.config.DestinationConfig;
import io.sluice.config.BufferMode;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rules of design §3, each with the config that breaks it and the exact refusal: origin (file:line or
 * {@code --output <flag>}), field and value.
 */
class OutputRulesTest
{
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- a stream and its destinations

    @Test
    void aStreamMustReferenceAtLeastOneDestination()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  buffer:
                    mode: drop
            """);
        assertEquals(file + ":5: output.streams[0].destinations: a stream must reference at least one destination",
            Load.yamlError(file));
        assertEquals("--output streams.s.buffer.mode=drop: streams.s.destinations: a stream must reference at least"
            + " one destination", Load.flagError("destinations.d.path=/tmp/d", "streams.s.buffer.mode=drop"));
    }

    @Test
    void anEmptyDestinationListIsNoDestination()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations: []
            """);
        assertEquals(file + ":6: output.streams[0].destinations: a stream must reference at least one destination",
            Load.yamlError(file));
        assertEquals("--output streams.s.destinations=: streams.s.destinations: a stream must reference at least one"
            + " destination", Load.flagError("streams.s.destinations="));
    }

    @Test
    void aReferencedDestinationMustBeDeclared()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations:
                    - d
                    - nowhere
            """);
        assertEquals(file + ":8: output.streams[0].destinations[1] = 'nowhere': no destination of that name is"
            + " declared", Load.yamlError(file));
        assertEquals("--output streams.s.destinations=d,nowhere: streams.s.destinations = 'nowhere': no destination of"
            + " that name is declared", Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d,nowhere"));
    }

    @Test
    void aDestinationBelongsToAtMostOneStream()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: shared
              streams:
                - name: first
                  destinations: [shared]
                - name: second
                  destinations: [shared]
            """);
        assertEquals(file + ":8: output.streams[1].destinations[0] = 'shared': destination already belongs to stream"
            + " 'first' (a destination can be in at most one stream)", Load.yamlError(file));
    }

    @Test
    void aDestinationIsListedOnceInAStream()
    {
        assertEquals("--output streams.s.destinations=d,d: streams.s.destinations = 'd': destination listed twice",
            Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d,d"));
    }

    @Test
    void anEmptyListItemIsAnError()
    {
        assertEquals("--output streams.s.destinations=d,: streams.s.destinations = '': empty destination name",
            Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d,"));
        assertEquals("--output streams.s.filters.events=openat,,execve: streams.s.filters.events = '': empty event"
            + " name", Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.filters.events=openat,,execve"));
    }

    @Test
    void aStreamBroadcastsToAllItsDestinations()
    {
        final OutputConfig config = Load.flags("destinations.a.path=/tmp/a", "destinations.b.path=/tmp/b",
            "streams.s.destinations=a,b");
        assertEquals(List.of(new StreamConfig("s", List.of("a", "b"), List.of(), List.of(), BufferMode.BLOCK, 1024,
            false)), config.streams());
    }

    // ---------------------------------------------------------------- implicit streams

    @Test
    void implicitStreamsFollowTheExplicitOnesInDestinationOrder()
    {
        final OutputConfig config = Load.flags("destinations.a.path=/tmp/a", "destinations.b.path=/tmp/b",
            "destinations.c.path=/tmp/c", "streams.s.destinations=b");
        assertEquals(List.of("s", "a-stream", "c-stream"), config.streams().stream().map(StreamConfig::name).toList());
        assertEquals(List.of(false, true, true), config.streams().stream().map(StreamConfig::implicit).toList());
    }

    @Test
    void anImplicitStreamNameThatCollidesGetsANumber()
    {
        final OutputConfig config = Load.flags("destinations.a.path=/tmp/a", "destinations.b.path=/tmp/b",
            "streams.a-stream.destinations=b");
        assertEquals(new StreamConfig("a-stream-2", List.of("a"), List.of(), List.of(), BufferMode.BLOCK, 1024, true),
            config.streams().get(1));
    }

    // ---------------------------------------------------------------- buffer

    @Test
    void bufferModeIsBlockOrDrop()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations: [d]
                  buffer:
                    mode: fast
            """);
        assertEquals(file + ":8: output.streams[0].buffer.mode = 'fast': must be block or drop", Load.yamlError(file));
        assertEquals("--output streams.s.buffer.mode=Drop: streams.s.buffer.mode = 'Drop': must be block or drop",
            Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d", "streams.s.buffer.mode=Drop"));
    }

    @Test
    void bufferSizeMustBePositive()
    {
        assertEquals("--output streams.s.buffer.size=0: streams.s.buffer.size = '0': must be a positive integer",
            Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d", "streams.s.buffer.size=0"));
        assertEquals("--output streams.s.buffer.size=-8: streams.s.buffer.size = '-8': must be a positive integer",
            Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d", "streams.s.buffer.size=-8"));
    }

    @Test
    void bufferSizeIsCappedAt16Mi()
    {
        assertEquals(1 << 24, Load.flags("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.buffer.size=16777216").streams().get(0).bufferSize());
        assertEquals("--output streams.s.buffer.size=16777217: streams.s.buffer.size = '16777217': must be at most"
            + " 16777216", Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.buffer.size=16777217"));
    }

    @Test
    void aBufferSizeThatIsNoPowerOfTwoIsRoundedUpWithAWarning()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations: [d]
                  buffer:
                    size: 1000
            """);
        assertEquals(1024, Load.yaml(file).streams().get(0).bufferSize());
        assertEquals(List.of(file + ":8: output.streams[0].buffer.size = '1000': rounded up to 1024 (buffer sizes are"
            + " powers of two)"), Load.WARNINGS);

        assertEquals(4, Load.flags("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.buffer.size=3").streams().get(0).bufferSize());
        assertEquals(List.of("--output streams.s.buffer.size=3: streams.s.buffer.size = '3': rounded up to 4 (buffer"
            + " sizes are powers of two)"), Load.WARNINGS);
    }

    @Test
    void aPowerOfTwoIsKeptWithoutWarning()
    {
        assertEquals(1, Load.flags("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.buffer.size=1").streams().get(0).bufferSize());
        assertEquals(List.of(), Load.WARNINGS);
    }

    // ---------------------------------------------------------------- names

    @Test
    void namesAreMadeOfLettersDigitsUnderscoreDotAndDash()
    {
        assertEquals("--output destinations.my out.path=/tmp/x: destinations.my out = 'my out': invalid destination"
            + " name (use letters, digits, '_', '.' and '-')", Load.flagError("destinations.my out.path=/tmp/x"));
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: "s/1"
                  destinations: [d]
            """);
        assertEquals(file + ":5: output.streams[0].name = 's/1': invalid stream name (use letters, digits, '_', '.'"
            + " and '-')", Load.yamlError(file));
    }

    @Test
    void namesAreNotEmpty()
    {
        assertEquals("--output destinations..path=/tmp/x: destinations. = '': empty destination name",
            Load.flagError("destinations..path=/tmp/x"));
        final Path file = Load.write(dir, "output:\n  destinations:\n    - name: \"\"\n");
        assertEquals(file + ":3: output.destinations[0].name = '': empty destination name", Load.yamlError(file));
    }

    @Test
    void destinationAndStreamNamesAreSeparateNamespaces()
    {
        final OutputConfig config = Load.flags("destinations.x.path=/tmp/x", "streams.x.destinations=x");
        assertEquals("x", config.streams().get(0).name());
    }

    // ---------------------------------------------------------------- type, url, format, path

    @Test
    void anUnknownTypeIsAnError()
    {
        assertEquals("--output destinations.d.type=s3: destinations.d.type = 's3': unknown type (expected one of:"
            + " file, webhook, forward, journal, kafka)", Load.flagError("destinations.d.type=s3"));
    }

    @Test
    void aKafkaDestinationNeedsItsUrl()
    {
        assertEquals("--output destinations.d.type=kafka: destinations.d.url: missing: a kafka destination needs a url"
            + " (kafka://HOST:PORT[,HOST:PORT...]/TOPIC)", Load.flagError("destinations.d.type=kafka"));
    }

    @Test
    void aUrlWithoutTypeIsInferred()
    {
        // http(s) without a tag parameter means webhook
        assertEquals("webhook", Load.flags("destinations.d.url=http://localhost:8080/events").destination("d").type());
        assertEquals("webhook", Load.flags("destinations.d.url=HTTPS://collector/e").destination("d").type());
        assertEquals("forward", Load.flags("destinations.d.url=tcp://127.0.0.1:24224").destination("d").type());
        // udp:// means forward, which sends over TCP only
        assertEquals("--output destinations.d.url=udp://fluent:24224: destinations.d.url = 'udp://fluent:24224':"
            + " udp:// is not available: Fluentd's forward input takes events over TCP only (use tcp://)",
            Load.flagError("destinations.d.url=udp://fluent:24224"));
        // A tag parameter means forward, whatever the scheme (seed 001's fluent_destination): http:// is plain TCP.
        final DestinationConfig severe = Load.flags("destinations.d.url=http://localhost:2222?tag=severe").destination("d");
        assertEquals("forward", severe.type());
        assertEquals("severe", severe.options().get("tag"));
        assertEquals("--output destinations.d.url=https://localhost:2222?tag=severe: destinations.d.url ="
            + " 'https://localhost:2222?tag=severe': a forward destination sends to a tcp://HOST[:PORT] URL (or tls://,"
            + " for TLS)", Load.flagError("destinations.d.url=https://localhost:2222?tag=severe"));
    }

    @Test
    void aUrlWhoseTypeCannotBeInferredIsAnError()
    {
        assertEquals("--output destinations.d.url=ftp://host/x: destinations.d.url = 'ftp://host/x': cannot infer the"
            + " destination type from this URL (tcp://, tls:// and udp:// mean forward, http:// and https:// mean webhook,"
            + " kafka:// means kafka); set type", Load.flagError("destinations.d.url=ftp://host/x"));
        assertEquals("--output destinations.d.url=http://a b: destinations.d.url = 'http://a b': not a valid URL"
            + " (Illegal character in authority)", Load.flagError("destinations.d.url=http://a b"));
    }

    @Test
    void aFileDestinationTakesNoUrl()
    {
        assertEquals("--output destinations.d.url=http://x: destinations.d.url = 'http://x': a file destination takes"
            + " a path, not a url", Load.flagError("destinations.d.type=file", "destinations.d.url=http://x"));
    }

    @Test
    void anUnknownFormatIsAnError()
    {
        assertEquals("--output destinations.d.format=xml: destinations.d.format = 'xml': unknown format (expected json,"
            + " table, gotemplate=FILE, compact, protobuf or table-verbose)", Load.flagError("destinations.d.format=xml"));
    }

    @Test
    void aTemplateFormatNeedsItsFile()
    {
        assertEquals("--output destinations.d.format=gotemplate: destinations.d.format = 'gotemplate': needs a template"
            + " file: gotemplate=FILE", Load.flagError("destinations.d.format=gotemplate"));
    }

    @Test
    void aDeclaredFormatIsFromTheFileToo()
    {
        final Path file = Load.write(dir, "output:\n  destinations:\n    - name: d\n      format: gotemplate\n");
        assertEquals(file + ":4: output.destinations[0].format = 'gotemplate': needs a template file: gotemplate=FILE",
            Load.yamlError(file));
    }

    @Test
    void anEmptyPathIsAnError()
    {
        assertEquals("--output destinations.d.path=: destinations.d.path = '': empty path (use stdout, stderr or a"
            + " file path)", Load.flagError("destinations.d.path="));
    }

    @Test
    void twoDestinationsCannotWriteToTheSameFile()
    {
        assertEquals("--output destinations.b.path=/tmp/x/../out.json: destinations.b.path = '/tmp/x/../out.json':"
            + " already the path of destination 'a' (two destinations cannot write to the same file)",
            Load.flagError("destinations.a.path=/tmp/out.json", "destinations.b.path=/tmp/x/../out.json"));
        // Two destinations that name no path both mean stdout.
        assertEquals("--output destinations.b.format=json: destinations.b.path = 'stdout': already the path of"
            + " destination 'a' (two destinations cannot write to the same file)",
            Load.flagError("destinations.a.format=table", "destinations.b.format=json"));
    }

    // ---------------------------------------------------------------- filters

    @Test
    void anUnknownEventIsAnError()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
              streams:
                - name: s
                  destinations: [d]
                  filters:
                    events: [sched_process_exec, sched_process_explode]
            """);
        assertEquals(file + ":8: output.streams[0].filters.events[1] = 'sched_process_explode': unknown event (not in"
            + " Sluice's event catalog)", Load.yamlError(file));
    }

    @Test
    void anUnknownPolicyIsAnError()
    {
        assertEquals("--output streams.s.filters.policies=severe: streams.s.filters.policies = 'severe': unknown"
            + " policy (no policy is loaded)", Load.flagError("destinations.d.path=/tmp/d", "streams.s.destinations=d",
            "streams.s.filters.policies=severe"));
        final ConfigException refused = assertThrows(ConfigException.class, () -> Load.load(null, Set.of("mild"),
            "destinations.d.path=/tmp/d", "streams.s.destinations=d", "streams.s.filters.policies=mild,severe"));
        assertEquals("--output streams.s.filters.policies=mild,severe: streams.s.filters.policies = 'severe': unknown"
            + " policy", refused.getMessage());
        assertEquals("--output streams.s.filters.policies=mild,severe", refused.origin());
        assertEquals("streams.s.filters.policies", refused.field());
        assertEquals("severe", refused.value());
    }

    @Test
    void knownPoliciesAndEventsPassAndRepeatsAreDropped()
    {
        final StreamConfig stream = Load.load(null, Set.of("severe", "mild"), "destinations.d.path=/tmp/d",
            "streams.s.destinations=d", "streams.s.filters.policies=severe,mild,severe",
            "streams.s.filters.events=openat,execve,openat").streams().get(0);
        assertEquals(List.of("severe", "mild"), stream.policies());
        assertEquals(List.of("openat", "execve"), stream.events());
    }
}
