package io.sluice.filter.redact;

import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.config.ConfigException;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tetragon's redaction filters: every capture group of a {@code redact} expression becomes {@code *****} in the
 * arguments (matched as one space-joined string) and in each environment entry; {@code binary_regex} limits a
 * filter to some executables. The rest of the event is untouched.
 */
class RedactionFiltersTest
{
    private static final String PASSWORD = "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}";

    /** @return the event after redaction, decoded (the original when nothing was redacted). */
    private static Event redact(final String filters, final TestEvent event)
    {
        final RedactionFilters redactions = new RedactionFilters(RedactionFilters.parse("--redaction-filters", filters));
        final int[] length = new int[1];
        final ExpandableArrayBuffer record = event.record(length);
        final EventView view = new EventView(null).wrap(record, 0, length[0]);
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int redacted = redactions.redact(view, out);
        final EventProtoDecoder decoder = new EventProtoDecoder(TestEvent.CATALOG);
        return redacted == 0 ? decoder.decode(record, 0, length[0]) : decoder.decode(out, 0, redacted);
    }

    private static List<String> values(final Event event, final String name)
    {
        return event.getDataList().stream().filter(v -> v.getName().equals(name)).findFirst().map(EventValue::getStrArray)
            .orElseThrow().getValueList();
    }

    @Test
    void seed004sPasswordExample()
    {
        final Event event = redact(PASSWORD, TestEvent.of("sched_process_exec").exe("/usr/bin/app").str("pathname", "/usr/bin/app")
            .argv("app", "--password=foo", "--verbose"));
        assertEquals(List.of("app", "--password=*****", "--verbose"), values(event, "argv"));
        assertEquals("/usr/bin/app", event.getData(0).getStr(), "other data untouched");
        assertEquals("/usr/bin/app", event.getWorkload().getProcess().getExecutable().getPath());
    }

    @Test
    void aMatchAcrossArgumentsMasksTheValueArgument()
    {
        final Event event = redact(PASSWORD, TestEvent.of("execve").argv("app", "--password", "hunter2", "-v"));
        assertEquals(List.of("app", "--password", "*****", "-v"), values(event, "argv"));
    }

    @Test
    void binaryRegexLimitsAFilterToSomeExecutables()
    {
        final String filters = PASSWORD + "\n{\"binary_regex\": [\"(?:^|/)foo$\"], \"redact\": [\"-p(?:\\\\s+|=)(\\\\S*)\"]}";
        assertEquals(List.of("foo", "-p=*****", "--password=*****"),
            values(redact(filters, TestEvent.of("execve").exe("/usr/bin/foo").argv("foo", "-p=secret", "--password=x")), "argv"));
        assertEquals(List.of("bar", "-p=secret", "--password=*****"),
            values(redact(filters, TestEvent.of("execve").exe("/usr/bin/bar").argv("bar", "-p=secret", "--password=x")), "argv"));
    }

    @Test
    void environmentEntriesAreRedactedOneByOne()
    {
        final Event event = redact("{\"redact\": [\"^AWS_SECRET_ACCESS_KEY=(.*)$\"]}", TestEvent.of("sched_process_exec")
            .argv("env").strArray("env", "HOME=/root", "AWS_SECRET_ACCESS_KEY=abc123"));
        assertEquals(List.of("HOME=/root", "AWS_SECRET_ACCESS_KEY=*****"), values(event, "env"));
    }

    @Test
    void everyGroupAndEveryMatchIsMasked()
    {
        final Event event = redact("{\"redact\": [\"(user)=(\\\\w+)\"]}", TestEvent.of("execve").argv("x", "user=a", "user=b"));
        assertEquals(List.of("x", "*****=*****", "*****=*****"), values(event, "argv"));
    }

    @Test
    void nothingToRedactLeavesTheEventAsItWas()
    {
        final TestEvent event = TestEvent.of("execve").argv("ls", "-la");
        final RedactionFilters redactions = new RedactionFilters(RedactionFilters.parse("--redaction-filters", PASSWORD));
        final int[] length = new int[1];
        final ExpandableArrayBuffer record = event.record(length);
        assertEquals(0, redactions.redact(new EventView(null).wrap(record, 0, length[0]), new ExpandableArrayBuffer()));
    }

    @Test
    void badFiltersAreRefused()
    {
        assertTrue(refusal("{\"redact\": [\"(\"]}").startsWith("--redaction-filters: redact = '(': bad regular expression"));
        assertTrue(refusal("{\"redakt\": [\"x\"]}").startsWith("--redaction-filters: redakt: unknown redaction filter field"));
        assertTrue(refusal("{\"binary_regex\": [\"x\"]}").contains("needs at least one expression"));
    }

    private static String refusal(final String json)
    {
        return assertThrows(ConfigException.class, () -> RedactionFilters.parse("--redaction-filters", json)).getMessage();
    }
}
