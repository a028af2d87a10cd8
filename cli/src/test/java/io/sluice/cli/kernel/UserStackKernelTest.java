package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.StackAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output option {@code stack-addresses} on the real kernel: {@code sluice} (its own JVM, the built sensor) traces
 * a test program that opens a marker file three calls deep, and the {@code openat} event carries the program's user
 * stack, innermost first: the syscall in {@code deepest()}, then the returns into {@code middle()}, {@code outer()} and
 * {@code main()}, all inside the program's own code as {@code /proc/self/maps} showed it. Without the option no
 * event carries a stack.
 */
class UserStackKernelTest
{
    /** The end of user space on x86_64 and arm64 with 4-level page tables (47-bit addresses). */
    private static final long USER_SPACE_END = 0x8000_0000_0000L;
    /** Tracee's MAX_STACK_DEPTH, the sensor's bound. */
    private static final int MAX_DEPTH = 20;

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void withStackAddressesTheEventCarriesTheStackOfTheThreadThatOpened(@TempDir final Path dir) throws Exception
    {
        final Traced traced = trace(dir, "--output", "stack-addresses");
        assertTrue(traced.event.getWorkload().getProcess().getThread().hasUserStackTrace(), traced.event.toString());
        final List<Long> addresses = traced.event.getWorkload().getProcess().getThread().getUserStackTrace()
            .getAddressesList().stream().map(StackAddress::getAddress).toList();
        assertFalse(addresses.isEmpty());
        assertTrue(addresses.size() <= MAX_DEPTH, addresses.toString());
        assertTrue(addresses.stream().allMatch(address -> address != 0
            && Long.compareUnsigned(address, USER_SPACE_END) < 0), "user-space addresses: " + hex(addresses));
        assertTrue(traced.inCode.test(addresses.get(0)), "the innermost frame is the syscall in deepest(): " + traced);
        assertTrue(addresses.stream().limit(4).allMatch(traced.inCode::test),
            "deepest, then the returns into middle, outer and main: " + traced);
    }

    @Test
    void withoutTheOptionNoEventCarriesAStack(@TempDir final Path dir) throws Exception
    {
        final Traced traced = trace(dir);
        assertFalse(traced.event.getWorkload().getProcess().getThread().hasUserStackTrace(), traced.event.toString());
    }

    /** Runs sluice with {@code options}, runs the program once, and answers its openat of the marker. */
    private static Traced trace(final Path dir, final String... options) throws Exception
    {
        final Path program = KernelTestSupport.compile("stacker", dir);
        final Path marker = Files.writeString(dir.resolve("stack-" + UUID.randomUUID()), "x");
        final Path json = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final List<String> args = new ArrayList<>(List.of("--events", "openat", "--scope", "comm=stacker",
            "--output", "json:" + json));
        args.addAll(List.of(options));
        final Process sluice = KernelTestSupport.startSluice(stderr, args.toArray(String[]::new));
        final String mappings;
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process stacker = new ProcessBuilder(program.toString(), marker.toString()).start();
            mappings = new String(stacker.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(stacker.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, stacker.exitValue());
            Thread.sleep(500);
        }
        finally
        {
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, sluice.exitValue(), Files.readString(stderr));
        final List<Event> opens = KernelTestSupport.readEvents(json).stream()
            .filter(event -> event.getDataList().stream().anyMatch(v -> v.getStr().equals(marker.toString()))).toList();
        assertEquals(1, opens.size(), "one openat of the marker: " + opens);
        return new Traced(opens.get(0), mappings, codeRanges(mappings));
    }

    private static LongPredicate codeRanges(final String mappings)
    {
        final List<long[]> ranges = new ArrayList<>();
        mappings.lines().forEach(line ->
        {
            final String[] bounds = line.trim().split(" ");
            ranges.add(new long[] {Long.parseUnsignedLong(bounds[0], 16), Long.parseUnsignedLong(bounds[1], 16)});
        });
        assertFalse(ranges.isEmpty(), "the program printed no code mapping");
        return address -> ranges.stream().anyMatch(range -> address >= range[0] && address < range[1]);
    }

    private static String hex(final List<Long> addresses)
    {
        return addresses.stream().map(Long::toHexString).toList().toString();
    }

    /** The traced openat, and where the program's code was. */
    private record Traced(Event event, String mappings, LongPredicate inCode)
    {
        @Override
        public String toString()
        {
            return "stack " + hex(event.getWorkload().getProcess().getThread().getUserStackTrace().getAddressesList()
                .stream().map(StackAddress::getAddress).toList()) + ", code at " + mappings.strip();
        }
    }
}
