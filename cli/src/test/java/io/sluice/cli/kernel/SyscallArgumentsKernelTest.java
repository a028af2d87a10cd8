package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generic syscall path carries every argument shape: a C program ({@code src/test/c/syscalls.c}) makes one call of
 * each syscall of the table below with known arguments, and for each row an event of that program must carry exactly
 * these values (integers of each width, paths, buffers the kernel filled such as readlink's and getcwd's, int[2]
 * filled at exit, sockaddrs the process passed and ones the kernel wrote, pointers, and exit_group, which never
 * returns). {@code ${key}} is a value the program printed (descriptors, ports, addresses), {@code ${dir}} the directory
 * it worked in and {@code ${pid}} its pid.
 */
class SyscallArgumentsKernelTest
{
    private static final List<List<String>> TABLE = List.of(
        row("creat", "pathname=created.txt", "mode=416"),
        row("dup2", "newfd=40", "returnValue=40"),
        row("write", "fd=40", "count=5", "returnValue=5"),
        row("close", "fd=40", "returnValue=0"),
        row("dup3", "newfd=41", "flags=524288", "returnValue=41"),
        row("lseek", "fd=41", "offset=1", "whence=0", "returnValue=1"),
        row("read", "fd=41", "count=7", "returnValue=4"),
        row("pread64", "fd=41", "count=4", "offset=1", "returnValue=4"),
        row("ftruncate", "fd=41", "length=4", "returnValue=0"),
        row("truncate", "path=created.txt", "length=3", "returnValue=0"),
        row("chmod", "pathname=created.txt", "mode=388", "returnValue=0"),
        row("fchmod", "fd=41", "mode=384", "returnValue=0"),
        row("fchownat", "dirfd=-100", "pathname=created.txt", "owner=0", "group=0", "flags=256", "returnValue=0"),
        row("fcntl", "fd=41", "cmd=2", "arg=1", "returnValue=0"),
        row("flock", "fd=41", "operation=1", "returnValue=0"),
        row("access", "pathname=created.txt", "mode=4", "returnValue=0"),
        row("faccessat", "dirfd=-100", "pathname=created.txt", "mode=2", "returnValue=0"),
        row("mkdir", "pathname=made", "mode=488", "returnValue=0"),
        row("rename", "oldpath=created.txt", "newpath=renamed.txt", "returnValue=0"),
        row("link", "oldpath=renamed.txt", "newpath=hard.txt", "returnValue=0"),
        row("symlink", "target=renamed.txt", "linkpath=soft.txt", "returnValue=0"),
        row("readlink", "pathname=soft.txt", "buf=renamed.txt", "bufsiz=100", "returnValue=11"),
        row("unlink", "pathname=hard.txt", "returnValue=0"),
        row("rmdir", "pathname=made", "returnValue=0"),
        row("chdir", "path=.", "returnValue=0"),
        row("fchdir", "returnValue=0"),
        row("getcwd", "buf=${dir}", "size=200"),
        row("pipe2", "pipefd=${pipe0},${pipe1}", "flags=2048", "returnValue=0"),
        row("socketpair", "domain=1", "type=2", "protocol=0", "sv=${sv0},${sv1}", "returnValue=0"),
        row("socket", "domain=2", "type=2", "protocol=0", "returnValue=${receiver}"),
        row("bind", "sockfd=${receiver}", "addr=AF_INET 127.0.0.1:0", "addrlen=16", "returnValue=0"),
        row("getsockname", "sockfd=${receiver}", "addr=AF_INET 127.0.0.1:${port}", "returnValue=0"),
        row("sendto", "sockfd=${sender}", "len=4", "flags=64", "dest_addr=AF_INET 127.0.0.1:${port}", "addrlen=16",
            "returnValue=4"),
        row("recvfrom", "sockfd=${receiver}", "len=64", "flags=0", "src_addr=AF_INET 127.0.0.1:${sender_port}", "returnValue=4"),
        row("shutdown", "sockfd=${sv0}", "how=1", "returnValue=0"),
        row("mmap", "addr=0", "length=8192", "prot=3", "flags=34", "fd=-1", "off=0", "returnValue=${map}"),
        row("mprotect", "addr=${map}", "len=4096", "prot=1", "returnValue=0"),
        row("munmap", "addr=${map}", "length=8192", "returnValue=0"),
        row("clone3", "cl_args=${clone_args}", "size=${clone_size}", "returnValue=${child}"),
        row("wait4", "pid=${child}", "options=0", "returnValue=${child}"),
        row("kill", "pid=${pid}", "sig=0", "returnValue=0"),
        row("getpid", "returnValue=${pid}"),
        row("setpgid", "pid=0", "pgid=0", "returnValue=0"),
        row("umask", "mask=23"),
        row("prctl", "option=15", "returnValue=0"),
        row("sched_yield", "returnValue=0"),
        row("nanosleep", "req=${pause}", "rem=0", "returnValue=0"),
        row("unshare", "flags=67108864", "returnValue=0"),
        row("sethostname", "name=sluice-uts", "len=10", "returnValue=0"),
        row("setns", "fd=${ns}", "nstype=67108864", "returnValue=0"),
        row("exit_group", "status=3", "returnValue=0"));

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    private static List<String> row(final String... cells)
    {
        return List.of(cells);
    }

    @Test
    void everySyscallOfTheTableCarriesItsArguments(@TempDir final Path dir) throws Exception
    {
        final Path program = KernelTestSupport.compile("syscalls", dir);
        final Path work = Files.createDirectory(dir.resolve("work"));
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Set<String> names = new LinkedHashSet<>();
        TABLE.forEach(row -> names.add(row.get(0)));
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", String.join(",", names), "--output", "json:" + output);
        final Map<String, String> values = new HashMap<>();
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process traced = new ProcessBuilder(program.toString(), work.toString()).redirectErrorStream(true).start();
            final String printed = new String(traced.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, traced.waitFor(), printed);
            for (final String line : printed.split("\n"))
            {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            values.put("pid", Long.toString(traced.pid()));
            values.put("dir", work.toRealPath().toString());
            Thread.sleep(500);
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));
        }
        finally
        {
            sluice.destroyForcibly();
        }

        final long pid = Long.parseLong(values.get("pid"));
        final List<Event> ours = KernelTestSupport.readEvents(output).stream()
            .filter(e -> e.getWorkload().getProcess().getHostPid().getValue() == pid).toList();
        final List<String> failures = new ArrayList<>();
        for (final List<String> row : TABLE)
        {
            final Map<String, String> expected = ArgumentRows.expected(row, values);
            final List<Event> candidates = ours.stream().filter(e -> e.getName().equals(row.get(0))).toList();
            if (candidates.stream().noneMatch(e -> ArgumentRows.carries(e, expected)))
            {
                failures.add(row.get(0) + " " + expected + " not among " +
                    candidates.stream().map(ArgumentRows::render).collect(Collectors.toList()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
