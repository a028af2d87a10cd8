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
 * Tracee's short {@code --output} forms. Each short-form destination is named {@code <format>-<n>} (n counting the
 * short forms of that format, in flag order) and goes into the one implicit stream {@code default-stream}.
 */
class ShortFormsTest
{
    private static DestinationConfig file(final String name, final FormatSpec format, final String path)
    {
        return new DestinationConfig(name, "file", format, path, null);
    }

    private static StreamConfig defaultStream(final String... destinations)
    {
        return new StreamConfig("default-stream", List.of(destinations), List.of(), List.of(), BufferMode.BLOCK, 1024,
            true);
    }

    @Test
    void jsonAndTableWriteToStdout()
    {
        assertEquals(new OutputConfig(List.of(file("json-1", FormatSpec.JSON, "stdout")),
            List.of(defaultStream("json-1")), OutputOptions.NONE), Load.flags("json"));
        assertEquals(new OutputConfig(List.of(file("table-1", FormatSpec.TABLE, "stdout")),
            List.of(defaultStream("table-1")), OutputOptions.NONE), Load.flags("table"));
    }

    @Test
    void aPathFollowsTheColonAndStdoutOrStderrAreAcceptedAsPaths()
    {
        final OutputConfig config = Load.flags("json:/var/log/sluice.json", "table:stderr", "json:stdout");
        assertEquals(List.of(
            file("json-1", FormatSpec.JSON, "/var/log/sluice.json"),
            file("table-1", FormatSpec.TABLE, "stderr"),
            file("json-2", FormatSpec.JSON, "stdout")), config.destinations());
        assertEquals(List.of(defaultStream("json-1", "table-1", "json-2")), config.streams());
    }

    @Test
    void severalCommaSeparatedPathsMakeSeveralDestinations()
    {
        // As Tracee's json:/a,/b.
        assertEquals(List.of(file("json-1", FormatSpec.JSON, "/tmp/a.json"), file("json-2", FormatSpec.JSON,
            "/tmp/b.json")), Load.flags("json:/tmp/a.json,/tmp/b.json").destinations());
    }

    @Test
    void anEmptyPathIsAnError()
    {
        assertEquals("--output json:: path = '': empty path (write json:PATH)", Load.flagError("json:"));
        assertEquals("--output json:/a,: path = '/a,': empty path (write json:PATH)", Load.flagError("json:/a,"));
    }

    @Test
    void twoShortFormsOnOnePathAreRefused()
    {
        // Tracee: "cannot use the same path for multiple outputs".
        assertEquals("--output table: path = 'stdout': already the path of destination 'json-1' (two destinations"
            + " cannot write to the same file)", Load.flagError("json", "table"));
    }

    @Test
    void shortFormsMixWithDeclaredDestinations()
    {
        final OutputConfig config = Load.flags("json:/tmp/x.json", "destinations.screen.format=table");
        assertEquals(List.of(defaultStream("json-1"),
            new StreamConfig("screen-stream", List.of("screen"), List.of(), List.of(), BufferMode.BLOCK, 1024, true)),
            config.streams());
    }

    @Test
    void bareOptionNamesAndTraceesOptionFormSetOptions()
    {
        assertEquals(new OutputOptions(false, true, false, false), Load.flags("exec-env").options());
        assertEquals(new OutputOptions(false, true, false, false), Load.flags("option:exec-env").options());
        assertEquals(new OutputOptions(true, false, false, false), Load.flags("sort-events").options());
        assertEquals(new OutputOptions(false, false, true, false), Load.flags("parse-arguments").options());
        assertEquals(new OutputOptions(false, false, true, false), Load.flags("option:parse-arguments").options());
        assertEquals(new OutputOptions(true, true, true, false),
            Load.flags("option:sort-events,parse-arguments", "exec-env").options());
        assertEquals(new OutputOptions(false, false, false, true), Load.flags("stack-addresses").options());
        assertEquals(new OutputOptions(false, true, false, true),
            Load.flags("option:exec-env,stack-addresses").options());
    }

    @Test
    void anUnknownOptionIsAnError()
    {
        assertEquals("--output option:colour: option = 'colour': unknown option (expected one of: exec-env, sort-events,"
            + " parse-arguments, stack-addresses)", Load.flagError("option:colour"));
        assertEquals("--output option:: option: needs a name: option:exec-env|sort-events|parse-arguments|stack-addresses",
            Load.flagError("option:"));
    }

    @Test
    void traceeOptionsSluiceDoesNotOfferAreNotAvailableYet()
    {
        assertEquals("--output option:exec-hash=inode: option = 'exec-hash=inode': not available yet",
            Load.flagError("option:exec-hash=inode"));
        assertEquals("--output relative-time: option = 'relative-time': not available yet",
            Load.flagError("relative-time"));
    }

    @Test
    void noneMeansNoDestinationsAndNoStreams()
    {
        assertEquals(new OutputConfig(List.of(), List.of(), OutputOptions.NONE), Load.flags("none"));
    }

    @Test
    void noneKeepsTheOptions()
    {
        assertEquals(new OutputConfig(List.of(), List.of(), new OutputOptions(false, true, false, false)),
            Load.flags("none", "exec-env"));
    }

    @Test
    void noneCannotBeCombinedWithAnotherDestination()
    {
        assertEquals("--output none: none: cannot be combined with other destinations (destination 'json-1' from"
            + " --output json)", Load.flagError("none", "json"));
        assertEquals("--output none: none: cannot be combined with other destinations (destination 'd' from"
            + " --output destinations.d.format=json)", Load.flagError("destinations.d.format=json", "none"));
    }

    @Test
    void noneCannotBeCombinedWithAStream()
    {
        assertEquals("--output none: none: cannot be combined with streams (stream 's' from --output"
            + " streams.s.buffer.mode=drop)", Load.flagError("none", "streams.s.buffer.mode=drop"));
    }

    @Test
    void noneTakesNoPath()
    {
        assertEquals("--output none:/tmp/x: none = '/tmp/x': takes no path", Load.flagError("none:/tmp/x"));
    }

    @Test
    void anyFileFormatOfTheRegistryHasAShortFormWhichTheRegistryValidates()
    {
        assertEquals("--output json=x: format = 'json=x': unknown format (expected json, table,"
            + " gotemplate=FILE, compact, protobuf or table-verbose)", Load.flagError("json=x"));
        assertEquals("--output gotemplate:/out.txt: format = 'gotemplate': needs a template file: gotemplate=FILE",
            Load.flagError("gotemplate:/out.txt"));
    }

    @Test
    void goTemplateTakesTheFileBeforeTheFirstColonAndPathsAfterIt()
    {
        // As Tracee's gotemplate=FILE[:PATH[,PATH]]: stdout when no path is given.
        final FormatSpec template = new FormatSpec("gotemplate", "/t.tmpl");
        assertEquals(List.of(file("gotemplate-1", template, "stdout")), Load.flags("gotemplate=/t.tmpl").destinations());
        assertEquals(List.of(file("gotemplate-1", template, "/out.txt"), file("gotemplate-2", template, "/b.txt")),
            Load.flags("gotemplate=/t.tmpl:/out.txt,/b.txt").destinations());
        assertEquals(List.of(defaultStream("gotemplate-1")), Load.flags("gotemplate=/t.tmpl:/out.txt").streams());
        assertEquals("--output gotemplate=/t.tmpl:: path = '': empty path (write gotemplate=/t.tmpl:PATH)",
            Load.flagError("gotemplate=/t.tmpl:"));
        assertEquals("--output gotemplate=:/out.txt: format = 'gotemplate=': needs a template file: gotemplate=FILE",
            Load.flagError("gotemplate=:/out.txt"));
    }

    @Test
    void journalRecordsHaveNoShortForm()
    {
        assertEquals("--output sbe:/tmp/j: --output = 'sbe:/tmp/j': not understood (expected"
            + " destinations.<name>.<field>=<value>, streams.<name>.<field>=<value>, options.<name>,"
            + " FORMAT[=ARG][:PATH], none, option:<name> or a bare option name)", Load.flagError("sbe:/tmp/j"));
    }

    @Test
    void tableVerboseAndCompactWriteToStdoutOrAPath()
    {
        final FormatSpec verbose = new FormatSpec("table-verbose", null);
        final FormatSpec compact = new FormatSpec("compact", null);
        assertEquals(new OutputConfig(List.of(file("table-verbose-1", verbose, "stdout")),
            List.of(defaultStream("table-verbose-1")), OutputOptions.NONE), Load.flags("table-verbose"));
        assertEquals(new OutputConfig(List.of(file("compact-1", compact, "stdout")),
            List.of(defaultStream("compact-1")), OutputOptions.NONE), Load.flags("compact"));
        assertEquals(List.of(file("compact-1", compact, "/tmp/a.log"), file("table-verbose-1", verbose, "stderr"),
            file("compact-2", compact, "/tmp/b.log")),
            Load.flags("compact:/tmp/a.log", "table-verbose:stderr", "compact:/tmp/b.log").destinations());
        assertEquals("--output compact:: path = '': empty path (write compact:PATH)", Load.flagError("compact:"));
    }

    @Test
    void webhookPostsToItsUrl()
    {
        final OutputConfig config = Load.flags("webhook:http://localhost:8080/events?batch=100", "json",
            "webhook:https://collector.example/in");
        assertEquals(List.of("webhook-1", "json-1", "webhook-2"),
            config.destinations().stream().map(DestinationConfig::name).toList());
        final DestinationConfig webhook = config.destination("webhook-1");
        assertEquals("webhook", webhook.type());
        assertEquals(FormatSpec.JSON, webhook.format());
        assertEquals("http://localhost:8080/events?batch=100", webhook.url());
        assertEquals("100", webhook.options().get("batch"));
        assertEquals(List.of(defaultStream("webhook-1", "json-1", "webhook-2")), config.streams());
        assertEquals("--output webhook: webhook: needs a URL: --output webhook:URL", Load.flagError("webhook"));
        assertEquals("--output webhook:localhost:8080: url = 'localhost:8080': a webhook posts to an http:// or https://"
            + " URL", Load.flagError("webhook:localhost:8080"));
    }

    @Test
    void aDeclaredDestinationCannotTakeAShortFormName()
    {
        assertEquals("--output destinations.json-1.format=table: destinations.json-1 = 'json-1': is the name of the"
            + " short-form destination of --output json; declare yours under another name",
            Load.flagError("json", "destinations.json-1.format=table"));
        assertEquals("--output destinations.json-1.path=/tmp/x: destinations.json-1 = 'json-1': this name is taken by"
            + " the short form --output json; rename the declared destination",
            Load.flagError("destinations.json-1.path=/tmp/x", "json"));
    }

    @Test
    void defaultStreamIsReservedWhenShortFormsAreUsed()
    {
        assertEquals("--output streams.default-stream.destinations=d: streams.default-stream = 'default-stream': this"
            + " stream name is reserved for the short --output forms (json, table, json:PATH ...)",
            Load.flagError("json", "destinations.d.path=/tmp/d", "streams.default-stream.destinations=d"));
    }

    @Test
    void forwardSendsToItsUrlWithTheUrlsParametersAsSettings()
    {
        final OutputConfig config = Load.flags("forward:tcp://127.0.0.1:24224?tag=tr.ace&requireAck=t", "forward:tcp://f");
        final DestinationConfig forward = config.destination("forward-1");
        assertEquals("forward", forward.type());
        assertEquals(FormatSpec.JSON, forward.format());
        assertEquals("tcp://127.0.0.1:24224?tag=tr.ace&requireAck=t", forward.url());
        assertEquals("tr.ace", forward.options().get("tag"));
        assertEquals("true", forward.options().get("requireAck"));
        assertEquals("10s", forward.options().get("connectionTimeout"));
        assertEquals("30s", forward.options().get("ackTimeout"));
        assertEquals("1000", forward.options().get("batch"));
        assertEquals("sluice", config.destination("forward-2").options().get("tag"));
        assertEquals("--output forward: forward: needs a URL: --output forward:URL", Load.flagError("forward"));
        assertEquals("--output forward:tcp://h:1?requireAck=yes: url = 'tcp://h:1?requireAck=yes': url parameter"
            + " requireAck: expected true or false", Load.flagError("forward:tcp://h:1?requireAck=yes"));
        assertEquals("--output forward:tcp://h:1?ackTimeout=0s: url = 'tcp://h:1?ackTimeout=0s': url parameter"
            + " ackTimeout: must be more than 0", Load.flagError("forward:tcp://h:1?ackTimeout=0s"));
        assertEquals("--output forward:tcp://h:1?record=json: url = 'tcp://h:1?record=json': url parameter record:"
            + " expected event or map", Load.flagError("forward:tcp://h:1?record=json"));
        assertEquals("--output forward:tcp://u@h:1: url = 'tcp://u@h:1': a user needs a password (user:password@), as"
            + " Tracee requires both or neither", Load.flagError("forward:tcp://u@h:1"));
        assertEquals("--output forward:ftp://h:1: url = 'ftp://h:1': a forward destination sends to a tcp://HOST[:PORT]"
            + " URL (or tls://, for TLS)", Load.flagError("forward:ftp://h:1"));
    }

    @Test
    void forwardTakesTheHandshakeTlsRecordAndModeSettings()
    {
        final DestinationConfig forward = Load.flags("forward:tls://u:p%40ss@h:1?sharedKey=k&record=map&mode=forward"
            + "&tlsVerify=false&selfHostname=me").destination("forward-1");
        assertEquals("map", forward.options().get("record"));
        assertEquals("forward", forward.options().get("mode"));
        assertEquals("k", forward.options().get("sharedKey"));
        assertEquals("false", forward.options().get("tlsVerify"));
        final DestinationConfig plain = Load.flags("forward:tcp://h:1").destination("forward-1");
        assertEquals("packed", plain.options().get("mode"));
        assertEquals("event", plain.options().get("record"));
        assertEquals("", plain.options().get("sharedKey"));
        assertEquals("false", plain.options().get("tls"));
        assertEquals("--output forward:tcp://h:1?tlsVerify=false: url = 'tcp://h:1?tlsVerify=false': url parameter"
            + " tlsVerify: only with tls=true (or a tls:// URL)", Load.flagError("forward:tcp://h:1?tlsVerify=false"));
        assertEquals("--output forward:tls://h:1?tls=false: url = 'tls://h:1?tls=false': url parameter tls: a tls://"
            + " URL is always TLS", Load.flagError("forward:tls://h:1?tls=false"));
        assertEquals("--output forward:tcp://h:1?selfHostname=me: url = 'tcp://h:1?selfHostname=me': url parameter"
            + " selfHostname: only with a handshake (sharedKey, or user:password@ in the URL)",
            Load.flagError("forward:tcp://h:1?selfHostname=me"));
        assertEquals("--output forward:tcp://h:1?mode=message: url = 'tcp://h:1?mode=message': url parameter mode:"
            + " expected packed or forward", Load.flagError("forward:tcp://h:1?mode=message"));
        assertEquals("--output forward:tcp://h:1?tls=1&tlsCa=/no/such.pem: url = 'tcp://h:1?tls=1&tlsCa=/no/such.pem':"
            + " url parameter tlsCa: cannot read the file: no such file",
            Load.flagError("forward:tcp://h:1?tls=1&tlsCa=/no/such.pem"));
    }

    @Test
    void aShortFormDestinationBelongsToDefaultStreamOnly()
    {
        assertEquals("--output streams.s.destinations=json-1: streams.s.destinations = 'json-1': destination already"
            + " belongs to stream 'default-stream' (a destination can be in at most one stream)",
            Load.flagError("json", "streams.s.destinations=json-1"));
    }

    @Test
    void protobufWritesToAPathOrStdoutLikeJson()
    {
        final FormatSpec protobuf = new FormatSpec("protobuf", null);
        assertEquals(new OutputConfig(List.of(file("protobuf-1", protobuf, "/tmp/events.pb"), file("protobuf-2", protobuf, "stdout")),
            List.of(defaultStream("protobuf-1", "protobuf-2")), OutputOptions.NONE), Load.flags("protobuf:/tmp/events.pb", "protobuf"));
        assertEquals("--output protobuf:: path = '': empty path (write protobuf:PATH)", Load.flagError("protobuf:"));
    }
}
