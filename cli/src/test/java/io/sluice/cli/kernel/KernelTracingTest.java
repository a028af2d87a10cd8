package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sluice traces this machine's kernel: run as a user would (JSON to a file), then run {@code /bin/echo} with a
 * unique argument and a program that opens a known file, connects to a loopback port it listens on and calls
 * {@code ptrace(PTRACE_TRACEME)}. Each shows up with the right pathname, argv, return value, sockaddr, pid, and
 * its parent as the first ancestor.
 */
class KernelTracingTest
{
    private static final long SELF = ProcessHandle.current().pid();

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void tracesExecFileNetworkAndPtraceOfOurChildren(@TempDir final Path dir) throws Exception
    {
        final Path victim = KernelTestSupport.compile("victim", dir);
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr,
            "--events", "sched_process_exec,execve,openat,connect,ptrace",
            "--output", "json:" + output);
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);

            final String unique = "sluice-" + UUID.randomUUID();
            final Process echo = new ProcessBuilder("/bin/echo", unique).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, echo.waitFor());
            final Path known = dir.resolve("known-" + unique + ".txt");
            Files.writeString(known, "x");
            final Process traced = new ProcessBuilder(victim.toString(), known.toString()).start();
            final String port = new String(traced.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, traced.waitFor(), "victim failed");
            Thread.sleep(500);

            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));

            final List<Event> events = KernelTestSupport.readEvents(output);
            // the JVM starts children through jspawnhelper, which then execs the program: two execs, one pid
            final Event exec = only(events, "sched_process_exec", echo.pid(), "cmdpath", "/bin/echo");
            assertEquals("jspawnhelper", arg(exec, "prev_comm").getStr());
            assertEquals(Path.of("").toAbsolutePath().toString(), arg(exec, "pwd").getStr());
            assertTrue(arg(exec, "pathname").getStr().endsWith("/echo"), arg(exec, "pathname").getStr());
            assertEquals(List.of("/bin/echo", unique), arg(exec, "argv").getStrArray().getValueList());
            assertEquals(echo.pid(), exec.getWorkload().getProcess().getHostPid().getValue());
            assertEquals(SELF, exec.getWorkload().getProcess().getAncestors(0).getHostPid(), "the test JVM is echo's parent");
            assertTrue(exec.getWorkload().getProcess().getExecutable().getPath().endsWith("/echo"));
            assertEquals("echo", exec.getWorkload().getProcess().getThread().getName());

            final Event execve = only(events, "execve", echo.pid(), "pathname", "/bin/echo");
            assertEquals("/bin/echo", arg(execve, "pathname").getStr());
            assertEquals(List.of("/bin/echo", unique), arg(execve, "argv").getStrArray().getValueList());
            assertEquals(0, arg(execve, "returnValue").getInt64());

            final Event open = events.stream()
                .filter(e -> e.getName().equals("openat") && e.getWorkload().getProcess().getHostPid().getValue() == traced.pid())
                .filter(e -> arg(e, "pathname").getStr().equals(known.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no openat of " + known));
            assertTrue(arg(open, "returnValue").getInt64() >= 0, "openat returned an fd");
            assertEquals(SELF, open.getWorkload().getProcess().getAncestors(0).getHostPid());
            assertTrue(open.getWorkload().getProcess().getExecutable().getPath().endsWith("/victim"));

            final Event connect = only(events, "connect", traced.pid());
            assertEquals("AF_INET", arg(connect, "addr").getSockaddr().getSaFamily().name());
            assertEquals("127.0.0.1", arg(connect, "addr").getSockaddr().getSinAddr());
            assertEquals(Integer.parseInt(port), arg(connect, "addr").getSockaddr().getSinPort());
            assertEquals(0, arg(connect, "returnValue").getInt64());

            final Event ptrace = only(events, "ptrace", traced.pid());
            assertEquals(0, arg(ptrace, "request").getInt64(), "PTRACE_TRACEME");
            assertEquals(0, arg(ptrace, "returnValue").getInt64());
            assertEquals(SELF, ptrace.getWorkload().getProcess().getAncestors(0).getHostPid());
        }
        finally
        {
            sluice.destroyForcibly();
        }
    }

    @Test
    void theProcessTreeFollowsExecsThatAreNotSelected(@TempDir final Path dir) throws Exception
    {
        final Path victim = KernelTestSupport.compile("victim", dir);
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr,
            "--events", "openat",
            "--output", "json:" + output);
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Path known = dir.resolve("known-" + UUID.randomUUID() + ".txt");
            Files.writeString(known, "x");
            // the shell opens /dev/null itself (seen as dash), then becomes the victim under the same pid
            final Process shell = new ProcessBuilder("/bin/sh", "-c", ": < /dev/null; exec " + victim + " " + known)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, shell.waitFor());
            Thread.sleep(500);
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));

            final List<Event> events = KernelTestSupport.readEvents(output);
            assertTrue(events.stream().allMatch(e -> e.getName().equals("openat")), "only the selected event is printed");
            final Event beforeExec = events.stream()
                .filter(e -> e.getWorkload().getProcess().getHostPid().getValue() == shell.pid())
                .filter(e -> arg(e, "pathname").getStr().equals("/dev/null"))
                .findFirst().orElseThrow(() -> new AssertionError("no openat of /dev/null by the shell"));
            assertTrue(beforeExec.getWorkload().getProcess().getExecutable().getPath().endsWith("sh"),
                beforeExec.getWorkload().getProcess().getExecutable().getPath());
            final Event afterExec = events.stream()
                .filter(e -> e.getWorkload().getProcess().getHostPid().getValue() == shell.pid())
                .filter(e -> arg(e, "pathname").getStr().equals(known.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no openat of " + known));
            assertEquals(victim.toString(), afterExec.getWorkload().getProcess().getExecutable().getPath(),
                "the exec was not selected, yet the tree knows the new image");
            assertEquals(SELF, afterExec.getWorkload().getProcess().getAncestors(0).getHostPid());
        }
        finally
        {
            sluice.destroyForcibly();
        }
    }



    private static Event only(final List<Event> events, final String name, final long hostPid)
    {
        final List<Event> matching = events.stream()
            .filter(e -> e.getName().equals(name) && e.getWorkload().getProcess().getHostPid().getValue() == hostPid)
            .toList();
        assertEquals(1, matching.size(), () -> name + " events of pid " + hostPid + ": " + matching);
        return matching.get(0);
    }

    private static Event only(final List<Event> events, final String name, final long hostPid, final String argName,
        final String argValue)
    {
        return only(events.stream().filter(e -> !e.getName().equals(name) || arg(e, argName).getStr().equals(argValue)).toList(),
            name, hostPid);
    }

    private static EventValue arg(final Event event, final String name)
    {
        return event.getDataList().stream().filter(v -> v.getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError(event.getName() + " has no " + name + ": " + event.getDataList()));
    }
}
