package io.sluice.codec.catalog;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How each catalog event is captured: what {@code events.yaml} says, or the default for its kind of event, and every
 * kernel hook it names is one the sensor ({@code bpf-native/src/sluice.bpf.c}) attaches to.
 */
class CaptureTest
{
    private static final Pattern HOOK = Pattern.compile("SEC\\(\"tp_btf/([a-z_0-9]+)\"\\)");

    @Test
    void syscallEventsAreTheSensorsSyscallHooksDetectorsAreDetectorsTheRestSaysSo()
    {
        final EventCatalog catalog = EventCatalog.standard();
        assertEquals("raw_tracepoint:sys_enter,sys_exit", catalog.byName("openat").capture().toString());
        assertEquals("raw_tracepoint:sched_process_exec,sched_prepare_exec", catalog.byName("sched_process_exec").capture().toString());
        assertEquals(Capture.Kind.DETECTOR, catalog.byName("anti_debugging").capture().kind());
    }

    @Test
    void everyRawTracepointIsOneTheSensorAttachesTo() throws IOException
    {
        final String sensor = Files.readString(Path.of("..", "bpf-native", "src", "sluice.bpf.c"));
        final Set<String> hooks = new TreeSet<>();
        final Matcher matcher = HOOK.matcher(sensor);
        while (matcher.find())
        {
            hooks.add(matcher.group(1));
        }
        assertTrue(hooks.contains("sys_enter"), hooks.toString());
        for (final EventDefinition event : EventCatalog.standard().events())
        {
            if (event.capture().kind() == Capture.Kind.RAW_TRACEPOINT)
            {
                assertTrue(hooks.containsAll(event.capture().points()), event.name() + " " + event.capture() + " not in " + hooks);
            }
        }
    }

    @Test
    void anEntryWithoutCaptureGetsItsDefaultAndABadKindIsRefusedNamingTheEvent()
    {
        final EventCatalog catalog = EventCatalog.parse(yaml("""
            events:
              - {id: 1, name: a, syscall: {x86_64: 1}}
              - {id: 2, name: b}
              - {id: 3, name: c, capture: derived}
              - {id: 6001, name: d}
            """));
        assertEquals(List.of("raw_tracepoint:sys_enter,sys_exit", "synthetic", "derived", "detector"),
            catalog.events().stream().map(event -> event.capture().toString()).toList());
        final IllegalStateException bad = assertThrows(IllegalStateException.class,
            () -> EventCatalog.parse(yaml("events: [{id: 1, name: a, capture: uprobe}]")));
        assertEquals("events.yaml: event a: unknown capture kind 'uprobe' (expected tracepoint, raw_tracepoint, derived, "
            + "detector or synthetic)", bad.getMessage());
    }

    private static ByteArrayInputStream yaml(final String text)
    {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
