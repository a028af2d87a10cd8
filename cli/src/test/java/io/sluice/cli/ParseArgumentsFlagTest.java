package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.ValueType;
import io.sluice.config.JournalRoll;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalWriter;
import io.sluice.parse.ArgumentParsers;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code parse-arguments} on the real command line: a replayed journal of chosen values prints Tracee's strings in
 * the JSON, and on the synthetic source every argument of the table, and nothing else, changes from its number to its
 * string (a run with the option against the same run without it).
 */
class ParseArgumentsFlagTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();
    /** What differs between two runs of the same synthetic load: the event's time and the threads' start times. */
    private static final Pattern TIMES = Pattern.compile("^\\{\"timestamp\":\\{[^}]*},|\"start_time\":\\{[^}]*},");

    @TempDir
    Path dir;

    private final Sluice sluice = new Sluice();

    @Test
    void aReplayedJournalPrintsTraceesStrings() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final EventRecordWriter writer = new EventRecordWriter();
        try (JournalWriter out = JournalWriter.open(journal, JournalRoll.HOURLY, JournalHeader.now(new String[0], "s", "test")))
        {
            out.append(buffer, 0, event(writer, buffer, "openat", new Object[] {"dirfd", ValueType.INT32, -100L},
                new Object[] {"flags", ValueType.INT32, 02000000L}, new Object[] {"mode", ValueType.UINT32, 0L}));
            out.append(buffer, 0, event(writer, buffer, "socket", new Object[] {"domain", ValueType.INT32, 10L},
                new Object[] {"type", ValueType.INT32, 02004002L}, new Object[] {"protocol", ValueType.INT32, 17L}));
            out.append(buffer, 0, event(writer, buffer, "ptrace", new Object[] {"request", ValueType.INT64, 0L},
                new Object[] {"pid", ValueType.INT32, 0L}));
            out.append(buffer, 0, event(writer, buffer, "prctl", new Object[] {"option", ValueType.INT32, 0x59616d61L}));
            out.append(buffer, 0, event(writer, buffer, "bpf", new Object[] {"cmd", ValueType.INT32, 0L}));
            out.append(buffer, 0, event(writer, buffer, "kill", new Object[] {"pid", ValueType.INT32, 1L},
                new Object[] {"sig", ValueType.INT32, 9L}));
        }
        final Path json = dir.resolve("out.json");
        assertEquals(ExitCodes.OK, sluice.run("replay", journal.toString(), "--progress", "never",
            "--output", "option:parse-arguments", "--output", "json:" + json), sluice.err);
        final List<String> lines = Sluice.lines(json);
        assertEquals(6, lines.size());
        assertTrue(lines.get(0).endsWith("\"data\":[{\"name\":\"dirfd\",\"int32\":-100},"
            + "{\"name\":\"flags\",\"str\":\"O_RDONLY|O_CLOEXEC\"},{\"name\":\"mode\",\"u_int32\":0}]}"), lines.get(0));
        assertTrue(lines.get(1).endsWith("\"data\":[{\"name\":\"domain\",\"str\":\"AF_INET6\"},"
            + "{\"name\":\"type\",\"str\":\"SOCK_DGRAM|SOCK_NONBLOCK|SOCK_CLOEXEC\"},{\"name\":\"protocol\",\"int32\":17}]}"),
            lines.get(1));
        assertTrue(lines.get(2).endsWith("\"data\":[{\"name\":\"request\",\"str\":\"PTRACE_TRACEME\"},{\"name\":\"pid\",\"int32\":0}]}"),
            lines.get(2));
        assertTrue(lines.get(3).endsWith("\"data\":[{\"name\":\"option\",\"str\":\"PR_SET_PTRACER\"}]}"), lines.get(3));
        assertTrue(lines.get(4).endsWith("\"data\":[{\"name\":\"cmd\",\"str\":\"BPF_MAP_CREATE\"}]}"), lines.get(4));
        assertTrue(lines.get(5).endsWith("\"data\":[{\"name\":\"pid\",\"int32\":1},{\"name\":\"sig\",\"int32\":9}]}"),
            "Tracee leaves kill's sig a number: " + lines.get(5));
    }

    private static int event(final EventRecordWriter writer, final ExpandableArrayBuffer buffer, final String name,
        final Object[]... data)
    {
        writer.wrap(buffer, 0).block().timestamp(1_732_454_400L, 0).id(CATALOG.byName(name).id(), 0);
        writer.block().presence().timestamp(true);
        writer.data(data.length);
        for (final Object[] entry : data)
        {
            writer.dataEntry(((ValueType)entry[1]).value(), (Long)entry[2], ((String)entry[0]).getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        }
        return writer.finish();
    }

    @Test
    void onTheSyntheticSourceEveryArgumentOfTheTableAndNothingElseBecomesItsString() throws Exception
    {
        final Path plain = dir.resolve("plain.json");
        final Path parsed = dir.resolve("parsed.json");
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=3000,seed=11", "--output", "json:" + plain), sluice.err);
        assertEquals(ExitCodes.OK, sluice.run("--source", "synthetic:count=3000,seed=11", "--output", "option:parse-arguments",
            "--output", "json:" + parsed), sluice.err);
        final List<String> before = Sluice.lines(plain);
        final List<String> after = Sluice.lines(parsed);
        assertEquals(3000, before.size());
        assertEquals(before.size(), after.size());
        final List<ArgumentParsers.Entry> table = ArgumentParsers.table(System.getProperty("os.arch"));
        int replaced = 0;
        for (int i = 0; i < before.size(); i++)
        {
            String expected = TIMES.matcher(before.get(i)).replaceAll("");
            for (final ArgumentParsers.Entry entry : table)
            {
                if (entry.event().equals(Sluice.eventOf(before.get(i))))
                {
                    final String parsedLine = withString(expected, entry);
                    replaced += parsedLine.equals(expected) ? 0 : 1;
                    expected = parsedLine;
                }
            }
            assertEquals(expected, TIMES.matcher(after.get(i)).replaceAll(""));
        }
        assertTrue(replaced > 300, "too few parsed arguments to prove anything: " + replaced);
    }

    /** The line with the entry's argument written as the string its parser gives for the number the line holds. */
    private static String withString(final String line, final ArgumentParsers.Entry entry)
    {
        final Matcher value = Pattern.compile("\\{\"name\":\"" + entry.argument()
            + "\",\"(int32|u_int32|int64|u_int64)\":\"?(-?\\d+)\"?}").matcher(line);
        if (!value.find())
        {
            return line;
        }
        final long number = value.group(1).equals("u_int64") ? Long.parseUnsignedLong(value.group(2))
            : Long.parseLong(value.group(2));
        final long raw = value.group(1).equals("u_int32") ? number & 0xFFFF_FFFFL : number;
        final ExpandableArrayBuffer text = new ExpandableArrayBuffer(64);
        final String string = text.getStringWithoutLengthAscii(0, entry.parser().parse(raw, text, 0));
        return line.substring(0, value.start()) + "{\"name\":\"" + entry.argument() + "\",\"str\":\"" + string + "\"}"
            + line.substring(value.end());
    }
}
