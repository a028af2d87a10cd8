package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --events} on the real command line, in Tracee's grammar: {@code -openat} (the default set but openat) is a
 * value, not an option, in every spelling ({@code --events -openat}, {@code --events=-openat}, {@code -e -openat},
 * {@code -e=-openat}), while a real option where a value is expected is still a usage error.
 */
class EventsFlagTest
{
    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();
    private int runs;

    /** Run sluice over 400 synthetic events of every kind with these flags; the event names it wrote. */
    private Set<String> eventsWritten(final String... flags) throws IOException
    {
        final Path out = dir.resolve("events-" + runs++ + ".json");
        final List<String> args = new ArrayList<>(List.of("--source", "synthetic:count=400,seed=7", "--output", "json:" + out));
        args.addAll(List.of(flags));
        assertEquals(ExitCodes.OK, sluice.run(args.toArray(new String[0])), sluice.err);
        final Set<String> names = new TreeSet<>();
        final List<String> lines = Sluice.lines(out);
        for (final String line : lines)
        {
            names.add(Sluice.eventOf(line));
        }
        assertFalse(lines.isEmpty(), () -> "nothing written by " + args + ": " + sluice.err);
        return names;
    }

    private static Set<String> defaultSetBut(final String name)
    {
        final Set<String> names = new TreeSet<>();
        for (final EventDefinition event : EventCatalog.standard().events())
        {
            if (event.sets().contains(EventDefinition.DEFAULT_SET) && !event.name().equals(name))
            {
                names.add(event.name());
            }
        }
        return names;
    }

    @Test
    void aLeadingDashExcludesFromTheDefaultSetInEverySpelling() throws IOException
    {
        final Set<String> expected = defaultSetBut("openat");
        assertFalse(expected.isEmpty());
        assertEquals(expected, eventsWritten("--events", "-openat"));
        assertEquals(expected, eventsWritten("--events=-openat"));
        assertEquals(expected, eventsWritten("-e", "-openat"));
        assertEquals(expected, eventsWritten("-e=-openat"));
    }

    @Test
    void exclusionsCombineWithSelectionsAndRepeat() throws IOException
    {
        assertEquals(Set.of("openat"), eventsWritten("--events", "openat,-execve"));
        assertEquals(Set.of("openat"), eventsWritten("--events", "openat", "--events", "-execve"));
        final Set<String> expected = defaultSetBut("openat");
        expected.remove("connect");
        assertEquals(expected, eventsWritten("--events", "-openat", "-e", "-connect"));
    }

    @Test
    void anOptionWhereTheValueShouldBeIsStillAUsageError()
    {
        assertEquals(ExitCodes.USAGE, sluice.run("--events", "--output", "json"));
        assertTrue(sluice.err.contains("Expected parameter for option '--events' but found '--output'"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("-e", "-o", "json"));
        assertTrue(sluice.err.contains("Expected parameter for option '--events' but found '-o'"), sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--events"));
        assertTrue(sluice.err.contains("Missing required parameter for option '--events'"), sluice.err);
        // a single-dash word that is no option is a value, and a value must name an event or a set
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1", "--events", "-opnat"));
        assertTrue(sluice.err.contains("--events: events = '-opnat': unknown event or event set"), sluice.err);
    }

    @Test
    void eventsBeforeASubcommandAreStillRefused()
    {
        assertEquals(ExitCodes.USAGE, sluice.run("--events", "-openat", "validate"));
        assertTrue(sluice.err.contains("--events is given before the subcommand 'validate': put options after it"), sluice.err);
    }

    @Test
    void validateAndReplayTakeTheSameSpelling()
    {
        assertEquals(ExitCodes.OK, sluice.run("validate", "--events", "-openat"), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("validate", "-e=-openat"), sluice.err);
        // the journal does not exist: the arguments were parsed, the run refused afterwards
        sluice.run("replay", dir.resolve("no-journal").toString(), "--events", "-openat");
        assertFalse(sluice.err.contains("Expected parameter"), sluice.err);
    }

    @Test
    void syntheticPretendedPoliciesAreNotMixedWithEvaluatedOnes()
    {
        assertEquals(ExitCodes.USAGE, sluice.run("--source", "synthetic:count=1,policies=a;b", "--events", "openat",
            "--output", "none"));
        assertTrue(sluice.err.contains("--source: policies = 'a;b': the synthetic source's pretended matches cannot be combined"),
            sluice.err);
    }
}
