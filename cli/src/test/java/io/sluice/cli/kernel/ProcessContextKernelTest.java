package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sensor reads of a process's context besides ids, proven on the real kernel: the UTS name ({@code uts=}
 * scope), capabilities (Tetragon's {@code capabilities} filter), containers first seen after start
 * ({@code container=new}), and the whole lineage with arguments for a stream's {@code pid_set} and
 * {@code parent_arguments_regex}. Each test reads a file with a name of its own and looks for who opened it.
 */
class ProcessContextKernelTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    /** The host pids that opened {@code file}, from a JSON capture. */
    private static Set<Long> openersOf(final Path json, final Path file) throws IOException
    {
        return KernelTestSupport.readEvents(json).stream()
            .filter(event -> event.getName().equals("openat"))
            .filter(event -> event.getDataList().stream().anyMatch(v -> v.getName().equals("pathname") &&
                v.getStr().equals(file.toString())))
            .map(event -> (long)event.getWorkload().getProcess().getHostPid().getValue())
            .collect(Collectors.toSet());
    }

    private static int run(final String... command) throws Exception
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        return process.exitValue();
    }

    private static void stop(final Process sluice, final Path stderr) throws Exception
    {
        Thread.sleep(500);
        sluice.destroy();
        assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, sluice.exitValue(), Files.readString(stderr));
    }

    @Test
    void utsScopeSelectsProcessesOfOneHostName(@TempDir final Path dir) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("uts-" + UUID.randomUUID()), "x");
        final Path json = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", "openat", "--scope", "uts=sluice-uts-*",
            "--output", "json:" + json);
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            assertEquals(0, run("cat", file.toString()), "on this host's name");
            assertEquals(0, run("unshare", "--uts", "sh", "-c", "hostname sluice-uts-test && cat " + file));
        }
        finally
        {
            stop(sluice, stderr);
        }
        final List<Event> events = KernelTestSupport.readEvents(json);
        assertTrue(!events.isEmpty() && events.stream().allMatch(e -> e.getWorkload().getProcess().getThread().getName().equals("cat")),
            "only the cat in the new UTS namespace: " + events);
        assertEquals(1, openersOf(json, file).size());
    }

    @Test
    void capabilitiesFilterSeesWhatTheProcessHolds(@TempDir final Path dir) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("caps-" + UUID.randomUUID()), "x");
        final Path json = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", "openat", "--scope", "comm=cat",
            "--export-allowlist", "{\"capabilities\": {\"effective\": {\"none\": [\"CAP_SYS_ADMIN\"]}}}",
            "--output", "json:" + json);
        final Process dropped;
        final Process full;
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            full = new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, full.waitFor());
            // setpriv drops CAP_SYS_ADMIN from the bounding and inheritable sets, then execs cat as root without it
            dropped = new ProcessBuilder("setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "cat", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, dropped.waitFor());
        }
        finally
        {
            stop(sluice, stderr);
        }
        assertEquals(Set.of(dropped.pid()), openersOf(json, file), "only the cat without CAP_SYS_ADMIN (root's has it)");
    }

    @Test
    void containerNewMeansFirstSeenAfterStart(@TempDir final Path dir) throws Exception
    {
        final Path cgroups = List.of(Path.of("/sys/fs/cgroup/pids"), Path.of("/sys/fs/cgroup/unified"), Path.of("/sys/fs/cgroup"))
            .stream().filter(path -> Files.isWritable(path.resolve("cgroup.procs"))).findFirst().orElse(null);
        KernelTestSupport.skipOrFailIf(cgroups == null, "no writable cgroup hierarchy under /sys/fs/cgroup");
        final String oldId = hexId();
        final String newId = hexId();
        final Path oldGroup = Files.createDirectories(cgroups.resolve("docker").resolve(oldId));
        final Path newGroup = cgroups.resolve("docker").resolve(newId);
        final Path file = Files.writeString(dir.resolve("containers-" + UUID.randomUUID()), "x");
        final Path json = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        // a "container" already running when sluice starts: a shell waiting in its cgroup
        final Path go = dir.resolve("go");
        final Process oldShell = new ProcessBuilder("sh", "-c",
            "echo $$ > " + oldGroup.resolve("cgroup.procs") + " && while [ ! -e " + go + " ]; do sleep 0.05; done; cat " + file)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final Process sluice;
        try
        {
            awaitMember(oldGroup);
            sluice = KernelTestSupport.startSluice(stderr, "--events", "openat", "--scope", "container=new",
                "--output", "json:" + json);
            try
            {
                KernelTestSupport.awaitReady(sluice, stderr);
                Files.createDirectories(newGroup);
                // as a runtime starts one: its first process joins the cgroup, then execs the entrypoint, which runs cat
                assertEquals(0, run("sh", "-c", "echo $$ > " + newGroup.resolve("cgroup.procs") +
                    " && exec sh -c 'cat " + file + "; sleep 0.5'"));
                Files.writeString(go, "");
                assertTrue(oldShell.waitFor(30, TimeUnit.SECONDS));
            }
            finally
            {
                stop(sluice, stderr);
            }
        }
        finally
        {
            oldShell.destroyForcibly();
            oldShell.waitFor(10, TimeUnit.SECONDS);
            removeGroup(oldGroup);
            removeGroup(newGroup);
        }
        final List<Event> opens = KernelTestSupport.readEvents(json).stream()
            .filter(event -> event.getDataList().stream().anyMatch(v -> v.getStr().equals(file.toString()))).toList();
        assertEquals(1, opens.size(), "the cat in the new container only: " + opens);
        assertEquals(newId, opens.get(0).getWorkload().getContainer().getId());
    }

    @Test
    void aStreamsPidSetAndParentArgumentsSeeTheWholeLineage(@TempDir final Path dir) throws Exception
    {
        final Path file = Files.writeString(dir.resolve("lineage-" + UUID.randomUUID()), "x");
        final Path all = dir.resolve("all.json");
        final Path byArguments = dir.resolve("by-arguments.json");
        final Path byPid = dir.resolve("by-pid.json");
        final Path stderr = dir.resolve("sluice.err");
        final String marker = "lineage-" + UUID.randomUUID();
        // the marked shell's grandchild opens the file: sh (marker) -> sh -> cat
        final Process outer = new ProcessBuilder("sh", "-c", "while [ ! -e " + dir.resolve("go") + " ]; do sleep 0.05; done; "
            + "sh -c 'cat " + file + "; true'; true", marker).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", "openat", "--scope", "comm=cat",
            "--output", "json:" + all,
            "--output", "destinations.args.type=file", "--output", "destinations.args.path=" + byArguments,
            "--output", "destinations.args.format=json",
            "--output", "streams.args.destinations=args",
            "--output", "streams.args.filters.allow={\"parent_arguments_regex\": [\"^-c \\\"cat \"]}",
            "--output", "destinations.pids.type=file", "--output", "destinations.pids.path=" + byPid,
            "--output", "destinations.pids.format=json",
            "--output", "streams.pids.destinations=pids",
            "--output", "streams.pids.filters.allow={\"pid_set\": [" + outer.pid() + "]}");
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            Files.writeString(dir.resolve("go"), "");
            assertTrue(outer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, run("cat", file.toString()), "a cat outside the marked tree, run by this JVM");
        }
        finally
        {
            outer.destroyForcibly();
            stop(sluice, stderr);
        }
        assertEquals(2, openersOf(all, file).size(), "both cats on the catch-all stream");
        assertEquals(1, openersOf(byPid, file).size(), "pid_set: the marked shell's grandchild only");
        assertEquals(openersOf(byPid, file), openersOf(byArguments, file),
            "parent_arguments_regex: the cat whose parent ran 'sh -c \"cat ...\"' (Tetragon quotes an argument with a space)");
    }

    private static String hexId()
    {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static void awaitMember(final Path group) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.readString(group.resolve("cgroup.procs")).isBlank())
        {
            assertTrue(System.nanoTime() < deadline, "nothing joined " + group);
            Thread.sleep(20);
        }
    }

    private static void removeGroup(final Path group) throws IOException
    {
        if (Files.isDirectory(group))
        {
            Files.delete(group);
        }
    }
}
