package io.sluice.cli.config;

import io.sluice.config.BufferMode;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.StreamConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code --output} flags: the dotted tree ({@code destinations.*}, {@code streams.*}, {@code options.*}) and the
 * errors of a malformed flag. Errors name the whole flag, the dotted key and the value.
 */
class OutputFlagsTest
{
    @Test
    void dottedFlagsBuildDestinationsAndStreams()
    {
        final OutputConfig config = Load.flags(
            "destinations.file_out.type=file",
            "destinations.file_out.format=json",
            "destinations.file_out.path=/my/out.json",
            "streams.execs.destinations=file_out",
            "streams.execs.filters.events=sched_process_exec,sched_process_exit",
            "streams.execs.buffer.mode=drop",
            "streams.execs.buffer.size=256");
        assertEquals(new OutputConfig(
            List.of(new DestinationConfig("file_out", "file", FormatSpec.JSON, "/my/out.json", null)),
            List.of(new StreamConfig("execs", List.of("file_out"), List.of("sched_process_exec", "sched_process_exit"),
                List.of(), BufferMode.DROP, 256, false)),
            OutputOptions.NONE), config);
    }

    @Test
    void listsAreCommaSeparatedAndTrimmed()
    {
        final OutputConfig config = Load.flags("destinations.a.path=/tmp/a", "destinations.b.path=/tmp/b",
            "streams.s.destinations=a, b", "streams.s.filters.events=openat , execve");
        assertEquals(List.of("a", "b"), config.streams().get(0).destinations());
        assertEquals(List.of("openat", "execve"), config.streams().get(0).events());
    }

    @Test
    void anEmptyFilterListMeansEverything()
    {
        final OutputConfig config = Load.flags("destinations.a.format=json", "streams.s.destinations=a",
            "streams.s.filters.events=", "streams.s.filters.policies=");
        assertEquals(List.of(), config.streams().get(0).events());
        assertEquals(List.of(), config.streams().get(0).policies());
    }

    @Test
    void namesMayContainDots()
    {
        final OutputConfig config = Load.flags("destinations.out.v2.format=json", "streams.s.v2.destinations=out.v2",
            "streams.s.v2.buffer.size=64");
        assertEquals("out.v2", config.destinations().get(0).name());
        assertEquals(new StreamConfig("s.v2", List.of("out.v2"), List.of(), List.of(), BufferMode.BLOCK, 64, false),
            config.streams().get(0));
    }

    @Test
    void optionsTakeTrueFalseOrNothing()
    {
        assertEquals(new OutputOptions(false, true, false, false),
            Load.flags("options.exec-env", "options.stack-addresses=false").options());
        assertEquals(new OutputOptions(false, false, false, false),
            Load.flags("options.exec-env=true", "options.exec-env=false").options());
        // only an option's last value counts
        assertEquals(OutputOptions.NONE, Load.flags("options.sort-events", "options.sort-events=false").options());
        assertEquals(new OutputOptions(true, false, true, false),
            Load.flags("options.sort-events", "options.parse-arguments=true").options());
    }

    @Test
    void anUnknownDestinationFieldIsAnError()
    {
        assertEquals("--output destinations.d.colour=red: destinations.d.colour = 'red': not a key of file destinations"
            + " (file takes: path, format, rotate, retry)", Load.flagError("destinations.d.colour=red"));
        // under a group the parser knows, an unknown sub-field is still the parser's to refuse
        assertEquals("--output destinations.d.rotate.colour=red: destinations.d.rotate.colour: unknown field 'rotate.colour'"
            + " (expected one of: type, format, path, url, roll, rotate, rotate.max-size-mb, rotate.max-backups,"
            + " rotate.compress, rotate.interval, retry.backoff, retry.max-backoff)", Load.flagError("destinations.d.rotate.colour=red"));
    }

    @Test
    void anUnknownStreamFieldIsAnError()
    {
        assertEquals("--output streams.s.bufer.mode=drop: streams.s.bufer.mode: unknown field 'bufer.mode' (expected"
            + " one of: filters.policies, filters.events, filters.allow, filters.deny, filters.redact, filters.fields, destinations, buffer.mode, buffer.size)",
            Load.flagError("streams.s.bufer.mode=drop"));
    }

    @Test
    void aStreamGroupNeedsItsSubField()
    {
        assertEquals("--output streams.s.buffer=drop: streams.s.buffer: needs a sub-field: buffer.mode or buffer.size",
            Load.flagError("streams.s.buffer=drop"));
        assertEquals("--output streams.s.filters=openat: streams.s.filters: needs a sub-field: filters.events or"
            + " filters.policies", Load.flagError("streams.s.filters=openat"));
    }

    @Test
    void aFlagWithNoFieldIsAnError()
    {
        assertEquals("--output destinations.d: destinations.d: expected destinations.<name>.<field>=<value>",
            Load.flagError("destinations.d"));
        assertEquals("--output streams.s=x: streams.s: expected streams.<name>.<field>[.<sub>]=<value>",
            Load.flagError("streams.s=x"));
    }

    @Test
    void aDottedFieldNeedsAValue()
    {
        assertEquals("--output destinations.d.format: destinations.d.format: expects a value:"
            + " destinations.d.format=<value>", Load.flagError("destinations.d.format"));
        assertEquals("--output streams.s.buffer.mode: streams.s.buffer.mode: expects a value:"
            + " streams.s.buffer.mode=<value>", Load.flagError("streams.s.buffer.mode"));
    }

    @Test
    void aNonIntegerBufferSizeIsAnError()
    {
        assertEquals("--output streams.s.buffer.size=1k: streams.s.buffer.size = '1k': expected an integer",
            Load.flagError("streams.s.buffer.size=1k"));
    }

    @Test
    void anOptionIsTrueOrFalse()
    {
        assertEquals("--output options.exec-env=yes: options.exec-env = 'yes': must be true or false",
            Load.flagError("options.exec-env=yes"));
    }

    @Test
    void optionsNotImplementedYetAreRefusedWhenOnNamingTheFlag()
    {
        assertEquals("--output options.stack-addresses=true: options.stack-addresses = 'true': not implemented yet",
            Load.flagError("options.exec-env", "options.stack-addresses=true"));
    }

    @Test
    void anUnknownOptionIsAnError()
    {
        assertEquals("--output options.colour: options.colour = 'colour': unknown option (expected one of:"
            + " exec-env, sort-events, parse-arguments)", Load.flagError("options.colour"));
    }

    @Test
    void anEmptyFlagIsAnError()
    {
        assertEquals("--output : --output = '': empty value", Load.flagError(""));
    }

    @Test
    void anUnrecognisedFlagIsAnError()
    {
        assertEquals("--output destination.d.type=file: --output = 'destination.d.type=file': not understood"
            + " (expected destinations.<name>.<field>=<value>, streams.<name>.<field>=<value>, options.<name>,"
            + " FORMAT[=ARG][:PATH], none, option:<name> or a bare option name)",
            Load.flagError("destination.d.type=file"));
    }
}
