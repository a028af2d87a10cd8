package io.sluice.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sluice validate} and a run refuse a webhook whose URL is not one, word for word, in one line; a host nobody
 * listens on is not refused (a peer that is down is retried by the run, not checked before it).
 */
class WebhookValidateTest
{
    private final CommandRun command = new CommandRun();

    @Test
    void aMalformedUrlIsOneLineFromValidateAndFromARun()
    {
        assertEquals("sluice: --output webhook:http://a b: url = 'http://a b': not a valid URL (Illegal character in"
            + " authority)\n", command.refusedLikeARun(List.of(), "--output", "webhook:http://a b"));
    }

    @Test
    void aSchemeOtherThanHttpIsOneLine()
    {
        assertEquals("sluice: --output destinations.w.url=file:///tmp/x: destinations.w.url = 'file:///tmp/x': a webhook"
            + " posts to an http:// or https:// URL\n", command.refusedLikeARun(List.of(), "--output",
            "destinations.w.type=webhook", "--output", "destinations.w.url=file:///tmp/x"));
    }

    @Test
    void aHostNobodyListensOnIsNotAPreflightError()
    {
        assertEquals(ExitCodes.OK, command.run("validate", "--output", "webhook:http://127.0.0.1:1/never?batch=10"),
            command.err.toString());
        final String out = command.out.toString();
        assertTrue(out.startsWith("configuration is valid\n"), out);
        assertTrue(out.contains("  destination webhook-1: webhook json -> http://127.0.0.1:1/never?batch=10"), out);
    }
}
