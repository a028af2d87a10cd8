package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text formats on the real command line: {@code --output compact:FILE} (Tetragon's lines, not coloured in a file
 * unless {@code --color always}), {@code --output table-verbose:FILE} (a header, then one row per event), and Tracee's
 * container columns when a policy scopes containers.
 */
class TextFormatsFlagTest
{
    private static final int EVENTS = 300;
    private static final String SYNTHETIC = "synthetic:count=" + EVENTS + ",seed=3";
    /** Label, source, binary: {@code 🚀 process host /usr/bin/curl}. */
    private static final Pattern COMPACT = Pattern.compile("^\\S+ [a-z0-9]+ *host /usr/bin/\\S+( .*)?$");

    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();
    private int runs;

    /** Run over the synthetic events with {@code --output FORMAT:FILE} and the flags; the lines of the file. */
    private List<String> run(final String format, final String... flags) throws IOException
    {
        final Path out = dir.resolve(format + "-" + runs++ + ".log");
        final String[] args = new String[flags.length + 4];
        args[0] = "--source";
        args[1] = SYNTHETIC;
        args[2] = "--output";
        args[3] = format + ":" + out;
        System.arraycopy(flags, 0, args, 4, flags.length);
        assertEquals(ExitCodes.OK, sluice.run(args), sluice.err);
        return Sluice.lines(out);
    }

    @Test
    void compactWritesOneLinePerEventAndNoColourToAFile() throws IOException
    {
        final List<String> lines = run("compact");
        assertEquals(EVENTS, lines.size());
        for (final String line : lines)
        {
            assertTrue(COMPACT.matcher(line).matches(), line);
            assertFalse(line.contains("\u001b"), line);
        }
        // the process events among a few (over the whole catalog, 300 events need not draw them)
        final List<String> process = run("compact", "--events", "sched_process_exec,sched_process_exit,openat,connect");
        assertTrue(process.stream().anyMatch(line -> line.startsWith("🚀 process host /usr/bin/")), process::toString);
        assertTrue(process.stream().anyMatch(line -> line.startsWith("💥 exit    host /usr/bin/")), process::toString);
    }

    @Test
    void colorAlwaysColoursEvenAFile() throws IOException
    {
        final List<String> lines = run("compact", "--color", "always");
        assertEquals(EVENTS, lines.size());
        for (final String line : lines)
        {
            assertTrue(line.startsWith("\u001b[34m"), line);
            assertTrue(line.contains("\u001b[0m \u001b[32mhost\u001b[0m \u001b[35m/usr/bin/"), line);
        }
        assertTrue(run("compact", "--color", "never").stream().noneMatch(line -> line.contains("\u001b")));
    }

    @Test
    void tableVerboseWritesItsHeaderThenOneRowPerEvent() throws IOException
    {
        final List<String> lines = run("table-verbose");
        assertEquals(EVENTS + 1, lines.size());
        final String header = lines.get(0);
        assertTrue(header.matches("TIME +UTS_NAME +CONTAINER_ID +MNT_NS +PID_NS +UID +COMM +PID +TID +PPID +RET +EVENT +ARGS"),
            header);
        final EventCatalog catalog = EventCatalog.standard();
        for (final String row : lines.subList(1, lines.size()))
        {
            // the synthetic source's UTS name, and a catalog event where the header says EVENT is
            assertTrue(row.startsWith("synthetic ", header.indexOf("UTS_NAME")), row);
            final String event = row.substring(header.indexOf("EVENT")).split(" ", 2)[0];
            assertNotNull(catalog.byName(event), row);
        }
    }

    @Test
    void aContainerScopeGivesTheTablesContainerColumns() throws IOException
    {
        final String table = run("table", "--events", "openat", "--scope", "container").get(0);
        assertTrue(table.matches("TIME +CONTAINER_ID +UID +COMM +PID/host +TID/host +EVENT +ARGS"), table);
        assertTrue(run("table", "--events", "openat").get(0).matches("TIME +UID +COMM +PID +TID +EVENT +ARGS"));
    }

    @Test
    void aColourModeItDoesNotKnowIsOneLine()
    {
        assertEquals(ExitCodes.USAGE, sluice.run("--source", SYNTHETIC, "--output", "compact", "--color", "rainbow"));
        assertEquals("sluice: --color: 'rainbow' (expected auto, always or never)\n", sluice.err);
        assertEquals(ExitCodes.USAGE, sluice.run("validate", "--output", "compact", "--color", "rainbow"));
        assertEquals("sluice: --color: 'rainbow' (expected auto, always or never)\n", sluice.err);
    }
}
