package io.sluice.codec.catalog;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog holds every syscall event of Tracee under Tracee's name, public id and x86_64 number (Tracee's own id
 * for a syscall), as the committed facts table ({@code scripts/catalog/tracee-syscalls.tsv}) says; the numbers are
 * this machine's kernel headers' too; Tracee's sets resolve to their events (but {@code ipc} and {@code time}, which name
 * syscalls first); and {@code events.yaml} is what the
 * generator makes of the facts.
 */
class SyscallCatalogTest
{
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path FACTS = ROOT.resolve("scripts/catalog/tracee-syscalls.tsv");
    /** Tracee's names for syscalls the kernel headers spell otherwise. */
    private static final Map<String, String> HEADER_NAMES = Map.of("sysctl", "_sysctl", "afs", "afs_syscall");

    private final EventCatalog catalog = EventCatalog.standard();

    /** One line of the facts table: id, x86_64, arm64, i386, name, sets, args. */
    private static List<String[]> facts() throws IOException
    {
        final List<String[]> rows = new ArrayList<>();
        for (final String line : Files.readAllLines(FACTS, StandardCharsets.UTF_8))
        {
            if (!line.isEmpty() && !line.startsWith("#"))
            {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    @Test
    void everyTraceeSyscallIsInTheCatalogUnderItsNameIdAndNumbers() throws IOException
    {
        int count = 0;
        for (final String[] fact : facts())
        {
            final String name = fact[4];
            if (name.equals("break"))
            {
                continue; // i386's unimplemented syscall 17, left out by the generator (a Java keyword for protoc)
            }
            final EventDefinition event = catalog.byName(name);
            assertNotNull(event, name);
            assertEquals(Integer.parseInt(fact[0]), event.id(), name);
            assertEquals(fact[1].equals("-") ? -1 : Integer.parseInt(fact[1]), event.syscallNumber("x86_64"), name);
            assertEquals(fact[2].equals("-") ? -1 : Integer.parseInt(fact[2]), event.syscallNumber("arm64"), name);
            assertTrue(event.isSyscall(), name);
            count++;
        }
        assertTrue(count >= 445, "Tracee's syscall events: " + count);
        assertEquals(count, catalog.eventsNamed("syscalls").size(), "the syscalls set is every syscall event");
    }

    @Test
    void generatedEventsCarryTraceesArgumentNamesAndSets() throws IOException
    {
        final EventDefinition read = catalog.byName("read");
        assertEquals(List.of(new ArgDefinition("fd", ArgType.INT32), new ArgDefinition("buf", ArgType.U_INT64),
            new ArgDefinition("count", ArgType.U_INT64)), read.args());
        assertEquals(List.of("fs", "fs_read_write", "syscalls"), read.sets());
        assertEquals(List.of(new ArgDefinition("pipefd", ArgType.INT32_ARRAY), new ArgDefinition("flags", ArgType.INT32)),
            catalog.byName("pipe2").args());
        assertEquals(ArgType.SOCKADDR, catalog.byName("recvfrom").args().get(4).type());
        for (final String[] fact : facts())
        {
            final EventDefinition event = catalog.byName(fact[4]);
            if (event == null)
            {
                continue;
            }
            final List<String> argNames = new ArrayList<>();
            event.args().forEach(arg -> argNames.add(arg.name()));
            final List<String> traceeNames = new ArrayList<>();
            for (final String field : fact[6].isEmpty() ? new String[0] : fact[6].split(";"))
            {
                traceeNames.add(field.substring(0, field.indexOf(':')));
            }
            if (event.id() != 349) // openat2: Sluice's record (flags, mode, resolve) predates Tracee's (how, size)
            {
                assertEquals(traceeNames, argNames, fact[4]);
            }
            for (final String set : fact[5].split(","))
            {
                assertTrue(event.sets().contains(set), fact[4] + " in " + set);
                // a name is an event before it is a set (Tracee's syscalls ipc and time shadow its sets of those names)
                assertTrue(catalog.byName(set) != null || catalog.eventsNamed(set).contains(event), set + " resolves to " + fact[4]);
            }
        }
    }

    @Test
    void x86NumbersAreTheKernelHeadersNumbers() throws IOException
    {
        final Path header = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
        Assumptions.assumeTrue(Files.exists(header), "no x86_64 kernel headers here");
        final Map<String, Integer> numbers = new HashMap<>();
        final Matcher define = Pattern.compile("#define __NR_(\\w+) (\\d+)").matcher(Files.readString(header));
        while (define.find())
        {
            numbers.put(define.group(1), Integer.parseInt(define.group(2)));
        }
        int checked = 0;
        for (final EventDefinition event : catalog.events())
        {
            final int nr = event.syscallNumber("x86_64");
            if (nr >= 0)
            {
                assertEquals(numbers.get(HEADER_NAMES.getOrDefault(event.name(), event.name())), nr, event.name());
                checked++;
            }
        }
        assertTrue(checked >= 360, "x86_64 syscalls checked: " + checked);
    }

    @Test
    void eventsYamlIsWhatTheGeneratorMakesOfTheFacts() throws Exception
    {
        final Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        final Process check = new ProcessBuilder(python.toString(), ROOT.resolve("scripts/catalog/generate.py").toString(), "--check")
            .redirectErrorStream(true).start();
        final String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }
}
