package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A webhook destination's configuration: a url with http(s) and no tag means webhook; Tracee's URL parameters
 * {@code timeout} and {@code contentType} and Sluice's {@code batch}, {@code linger} and {@code inflight} are each a
 * URL parameter or a key, with Tracee's defaults; every bad value is one line naming origin, field and value.
 */
class WebhookConfigTest
{
    private static final String URL = "destinations.w.url=http://collector:8080/in";

    @TempDir
    Path dir;

    @Test
    void defaultsAreTraceesAndOneEventPerRequest()
    {
        final DestinationConfig webhook = Load.flags("destinations.w.type=webhook", URL).destination("w");
        assertEquals("webhook", webhook.type());
        assertEquals(FormatSpec.JSON, webhook.format());
        assertNull(webhook.path());
        assertEquals("http://collector:8080/in", webhook.url());
        assertEquals(Map.of("timeout", "10s", "contentType", "application/json", "batch", "1", "linger", "5ms",
            "inflight", "4"), webhook.options());
    }

    @Test
    void settingsComeFromTheUrlOrFromKeys()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: w
                  url: http://collector:8080/in?timeout=2s&contentType=application%2Fx-ndjson
                  batch: 500
                  linger: 20ms
                  inflight: 8
            """);
        assertEquals(Map.of("timeout", "2s", "contentType", "application/x-ndjson", "batch", "500", "linger", "20ms",
            "inflight", "8"), Load.yaml(file).destination("w").options());
        assertEquals(Map.of("timeout", "1m", "contentType", "text/plain", "batch", "50", "linger", "0", "inflight", "1"),
            Load.flags(URL + "?batch=50&linger=0&inflight=1", "destinations.w.timeout=1m",
                "destinations.w.contentType=text/plain").destination("w").options());
    }

    @Test
    void aSettingGivenInTheUrlAndAsAKeyIsRefused()
    {
        assertEquals("--output destinations.w.batch=20: destinations.w.batch = '20': also given in the url (batch=10);"
            + " keep one", Load.flagError(URL + "?batch=10", "destinations.w.batch=20"));
    }

    @Test
    void aBadUrlIsOneLineNamingFileLineFieldAndValue()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: w
                  type: webhook
                  url: ftp://collector/in
            """);
        assertEquals(file + ":5: output.destinations[0].url = 'ftp://collector/in': a webhook posts to an http:// or"
            + " https:// URL", Load.yamlError(file));
        assertEquals("--output destinations.w.url=http://a b: destinations.w.url = 'http://a b': not a valid URL"
            + " (Illegal character in authority)", Load.flagError("destinations.w.url=http://a b"));
        assertEquals("--output destinations.w.url=http:///in: destinations.w.url = 'http:///in': no host in the URL"
            + " (expected http://HOST[:PORT][/PATH])", Load.flagError("destinations.w.url=http:///in"));
        assertEquals("--output destinations.w.url=http://h:70000/in: destinations.w.url = 'http://h:70000/in': port 70000"
            + " is out of range (1 to 65535)", Load.flagError("destinations.w.url=http://h:70000/in"));
        assertEquals("--output destinations.w.type=webhook: destinations.w.url: missing: a webhook destination needs a"
            + " url (http:// or https://)", Load.flagError("destinations.w.type=webhook"));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting()
    {
        assertEquals("--output " + URL + "?timeout=soon: destinations.w.url = 'http://collector:8080/in?timeout=soon':"
            + " url parameter timeout: expected a duration such as 500ms, 5s or 1m (0 = no limit)",
            Load.flagError(URL + "?timeout=soon"));
        assertEquals("--output destinations.w.batch=0: destinations.w.batch = '0': must be from 1 to 10000",
            Load.flagError(URL, "destinations.w.batch=0"));
        assertEquals("--output destinations.w.batch=ten: destinations.w.batch = 'ten': expected a whole number from 1 to"
            + " 10000", Load.flagError(URL, "destinations.w.batch=ten"));
        assertEquals("--output destinations.w.inflight=1000: destinations.w.inflight = '1000': must be from 1 to 256",
            Load.flagError(URL, "destinations.w.inflight=1000"));
        assertEquals("--output destinations.w.linger=2s: destinations.w.linger = '2s': at most 1s",
            Load.flagError(URL, "destinations.w.linger=2s"));
        assertEquals("--output destinations.w.contentType=: destinations.w.contentType = '': empty (expected a media type"
            + " such as application/json)", Load.flagError(URL, "destinations.w.contentType="));
        assertEquals("--output destinations.w.path=/tmp/x: destinations.w.path = '/tmp/x': a webhook destination takes a"
            + " url, not a path", Load.flagError(URL, "destinations.w.path=/tmp/x"));
        assertEquals("--output destinations.w.acks=all: destinations.w.acks = 'all': not a key of webhook destinations"
            + " (webhook takes: url, format, retry, batch, contentType, inflight, linger, timeout)",
            Load.flagError(URL, "destinations.w.acks=all"));
        assertEquals("--output destinations.w.format=sbe: destinations.w.format = 'sbe': sbe is the format of journal"
            + " destinations (type: journal) and of kafka destinations, not of files", Load.flagError(URL, "destinations.w.format=sbe"));
    }

    @Test
    void anyFormatOfTheRegistryMayBeGiven()
    {
        assertEquals(FormatSpec.TABLE, Load.flags(URL, "destinations.w.format=table").destination("w").format());
    }

    @Test
    void theUrlsGotemplateParameterSetsTheFormatAsAFormatKeyWould()
    {
        // Tracee's --output webhook:URL?gotemplate=FILE: the format registry decides, as for format: gotemplate=FILE
        final String viaUrl = outcome(() -> Load.flags("webhook:http://collector/in?gotemplate=/tmp/t.tmpl")
            .destination("webhook-1").format().toString());
        final String viaKey = outcome(() -> Load.flags(URL, "destinations.w.format=gotemplate=/tmp/t.tmpl")
            .destination("w").format().toString());
        assertEquals(viaKey, viaUrl.replace("url parameter gotemplate: ", ""));
        assertEquals("--output destinations.w.format=json: destinations.w.format = 'json': the url's gotemplate"
            + " parameter gives the format too; keep one", Load.flagError(URL + "?gotemplate=/tmp/t.tmpl",
            "destinations.w.format=json"));
    }

    /** The format, or the problem of the refusal (what follows the value). */
    private static String outcome(final Supplier<String> load)
    {
        try
        {
            return load.get();
        }
        catch (final ConfigException ex)
        {
            return ex.getMessage().substring(ex.getMessage().lastIndexOf("': ") + 3);
        }
    }
}
