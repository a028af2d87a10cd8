package io.sluice.codec.catalog;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's image: what start-up reads is {@code schemas/events.yaml}, event for event, and an image that is not
 * one is refused with a line that says so.
 */
class CatalogImageTest
{
    @Test
    void theShippedCatalogIsEventsYamlEventForEvent() throws IOException
    {
        final List<EventDefinition> fromYaml;
        try (InputStream in = Files.newInputStream(Path.of("..", "schemas", "events.yaml")))
        {
            fromYaml = EventCatalog.parse(in).events();
        }
        assertTrue(fromYaml.size() > 500, "events.yaml has " + fromYaml.size() + " events");
        assertEquals(fromYaml, EventCatalog.standard().events());
    }

    @Test
    void anImageReadsBackToTheSameDefinitionsInTheSameOrder() throws IOException
    {
        final List<EventDefinition> events = EventCatalog.parse(yaml("""
            events:
              - {id: 7, name: zeta, syscall: {x86_64: 9, arm64: 222}, sets: [default, fs],
                 args: [{name: path, type: str}, {name: addr, type: sockaddr}, {name: argv, type: str_array}]}
              - {id: 2, name: alpha}
              - {id: 3, name: beta, capture: "tracepoint:sched_process_fork"}
              - {id: 6001, name: detected, sets: [signatures]}
            """)).events();
        assertEquals(events, CatalogImage.read(new ByteArrayInputStream(image(events))));
    }

    @Test
    void aCaptureReadsBackPointForPointWhateverItsPointsHold() throws IOException
    {
        final List<EventDefinition> events = List.of(
            new EventDefinition(1, "comma", List.of(), Map.of(), List.of(), new Capture(Capture.Kind.TRACEPOINT, List.of("a,b"))),
            new EventDefinition(2, "empty", List.of(), Map.of(), List.of(), new Capture(Capture.Kind.DERIVED, List.of("", ""))),
            new EventDefinition(3, "none", List.of(), Map.of(), List.of(), new Capture(Capture.Kind.SYNTHETIC, List.of())));
        assertEquals(events, CatalogImage.read(new ByteArrayInputStream(image(events))));
    }

    @Test
    void theSameCatalogMakesTheSameImageWhateverOrderItsSyscallMapsIterateIn() throws IOException
    {
        // the build's own maps (Map.copyOf) iterate in an order Java draws afresh in every JVM
        final Map<String, Integer> x86First = new LinkedHashMap<>();
        x86First.put("x86_64", 257);
        x86First.put("arm64", 56);
        final Map<String, Integer> armFirst = new LinkedHashMap<>();
        armFirst.put("arm64", 56);
        armFirst.put("x86_64", 257);
        assertArrayEquals(image(List.of(new EventDefinition(257, "openat", List.of(), x86First, List.of()))),
            image(List.of(new EventDefinition(257, "openat", List.of(), armFirst, List.of()))));
    }

    @Test
    void anImageOfAnotherLayoutCutShortOrWithBytesAfterItIsRefused() throws IOException
    {
        final byte[] image = image(EventCatalog.parse(yaml("events: [{id: 1, name: a, args: [{name: fd, type: int32}]}]")).events());
        final byte[] otherVersion = image.clone();
        otherVersion[7] = 3;
        assertEquals("event catalog image: expected magic 534c4543 version 2, found 534c4543 version 3",
            assertThrows(IllegalStateException.class, () -> CatalogImage.read(new ByteArrayInputStream(otherVersion))).getMessage());
        final byte[] cut = Arrays.copyOf(image, image.length - 3);
        assertEquals("event catalog image: cut short",
            assertThrows(IllegalStateException.class, () -> CatalogImage.read(new ByteArrayInputStream(cut))).getMessage());
        final byte[] longer = Arrays.copyOf(image, image.length + 1);
        assertEquals("event catalog image: bytes after its 1 events",
            assertThrows(IllegalStateException.class, () -> CatalogImage.read(new ByteArrayInputStream(longer))).getMessage());
    }

    private static byte[] image(final List<EventDefinition> events) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogImage.write(events, out);
        return out.toByteArray();
    }

    private static ByteArrayInputStream yaml(final String text)
    {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
