package io.sluice.cli.getevents;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy bits getevents learns from events: every order an event lists its policies in is kept (a record prints
 * them in bit order), names given on the command line have bits from the start, and a contradicting order or a 65th
 * name starts again from the event at hand. Also: which stdin getevents reads events from.
 */
class PolicyOrderTest
{
    @Test
    void aNewNameGoesRightAfterTheNameTheEventListsBeforeIt()
    {
        final PolicyOrder order = new PolicyOrder(List.of("given"));
        assertArrayEquals(new String[] {"given"}, order.names());
        assertTrue(order.learn(List.of("b")));
        assertArrayEquals(new String[] {"b", "given"}, order.names());
        assertTrue(order.learn(List.of("a", "b")));
        assertArrayEquals(new String[] {"a", "b", "given"}, order.names());
        assertTrue(order.learn(List.of("b", "c", "given")));
        assertArrayEquals(new String[] {"a", "b", "c", "given"}, order.names());
        final int version = order.version();
        assertFalse(order.learn(List.of("a", "c")), "an order already kept changes nothing");
        assertFalse(order.learn(List.of()));
        assertTrue(version == order.version());
    }

    @Test
    void aContradictingOrderStartsAgainFromThatEvent()
    {
        final PolicyOrder order = new PolicyOrder(List.of("given"));
        order.learn(List.of("a", "b", "c"));
        assertTrue(order.learn(List.of("c", "a")));
        assertArrayEquals(new String[] {"c", "a", "given"}, order.names());
    }

    @Test
    void aSixtyFifthNameStartsAgainAndAnEventOfMoreThanSixtyFourIsRefused()
    {
        final PolicyOrder order = new PolicyOrder(List.of());
        final List<String> many = new ArrayList<>();
        for (int i = 0; i < 64; i++)
        {
            many.add("p" + i);
            order.learn(List.of("p" + i));
        }
        assertTrue(order.learn(List.of("late")));
        assertArrayEquals(new String[] {"late"}, order.names());
        many.add("late");
        assertThrows(IllegalArgumentException.class, () -> order.learn(many));
    }

    @Test
    void stdinThatIsACharacterDeviceIsNotReadForEvents() throws Exception
    {
        assertFalse(StdinKind.piped(Path.of("/dev/null")), "a character device: connect");
        assertFalse(StdinKind.piped(Path.of("/nonexistent/fd/0")), "no stdin: connect");
        final Path file = Files.createTempFile("getevents", ".json");
        try
        {
            assertTrue(StdinKind.piped(file), "a file: read it");
        }
        finally
        {
            Files.delete(file);
        }
    }
}
