package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * Tracee's LSM, memory and container events, derived by the sensor from syscalls and tracepoints (docs/sensor.md):
 * a C program ({@code src/test/c/derived.c}) does once what each is about, and for each row an event of that program
 * (or of the child it execs) must carry exactly these values. {@code ${key}} is a value the program printed,
 * {@code ${work}} the directory it worked in.
 */
class DerivedEventsKernelTest
{
    private static final String ELF_HEADER = "7f454c46020101" + "00".repeat(25);
    private static final List<List<String>> TABLE = List.of(
        row("security_file_open", "pathname=${work}/known.txt", "flags=32768", "dev=${dev}", "inode=${inode}",
            "syscall_pathname=known.txt"),
        row("security_inode_rename", "old_path=${work}/known.txt", "new_path=${work}/renamed.txt"),
        row("security_inode_unlink", "pathname=${work}/renamed.txt"),
        row("security_sb_mount", "dev_name=sluice-tmpfs", "path=${work}/mnt", "type=tmpfs", "flags=2"),
        row("security_bprm_check", "pathname=${true}", "argv=true,bprm-argument", "envp=SLUICE_BPRM=1"),
        row("magic_write", "pathname=${work}/dropped.bin", "bytes=" + ELF_HEADER, "inode=${elf_inode}", "returnValue=64"),
        row("security_socket_bind", "sockfd=${listener}", "local_addr=AF_INET 127.0.0.1:0"),
        row("security_socket_connect", "sockfd=${client}", "type=1", "remote_addr=AF_INET 127.0.0.1:${port}"),
        row("security_socket_accept", "sockfd=${listener}", "local_addr=AF_INET 127.0.0.1:${port}"),
        row("security_file_mprotect", "prot=7", "addr=${map}", "len=4096"),
        row("mem_prot_alert", "alert=2", "addr=${map}", "len=4096", "prot=7"),
        row("mem_prot_alert", "alert=1", "len=8192", "prot=7", "prev_prot=0"),
        row("container_create", "runtime=docker", "container_id=${container}"),
        row("container_remove", "runtime=docker", "container_id=${container}"),
        row("security_socket_create", "family=2", "type=1", "protocol=0", "kern=0"),
        row("security_socket_listen", "sockfd=${listener}", "local_addr=AF_INET 127.0.0.1:${port}", "backlog=1"),
        row("security_socket_setsockopt", "sockfd=${listener}", "level=1", "optname=2", "local_addr=AF_INET 127.0.0.1:${port}"),
        row("socket_accept", "sockfd=${listener}", "local_addr=AF_INET 127.0.0.1:${port}",
            "remote_addr=AF_INET 127.0.0.1:${client_port}"),
        row("socket_dup", "oldfd=${client}", "newfd=${duplicate}", "remote_addr=AF_INET 127.0.0.1:${port}"),
        row("vfs_write", "pathname=${work}/dropped.bin", "dev=${dev}", "inode=${elf_inode}", "count=64", "pos=0", "returnValue=64"),
        row("vfs_write", "pathname=${work}/dropped.bin", "count=11", "pos=64", "returnValue=11"),
        row("vfs_writev", "pathname=${work}/io.txt", "inode=${io_inode}", "vlen=2", "pos=0", "returnValue=4"),
        row("vfs_read", "pathname=${work}/io.txt", "inode=${io_inode}", "count=2", "pos=0", "returnValue=2"),
        row("vfs_readv", "pathname=${work}/io.txt", "inode=${io_inode}", "vlen=2", "pos=2", "returnValue=2"),
        row("security_mmap_file", "pathname=${work}/io.txt", "flags=32770", "dev=${dev}", "inode=${io_inode}", "prot=1",
            "mmap_flags=1"),
        row("do_mmap", "addr=${file_map}", "pathname=${work}/io.txt", "inode=${io_inode}", "pgoff=0", "len=4", "prot=1",
            "mmap_flags=1"),
        row("do_mmap", "addr=${map}", "len=4096", "prot=3", "mmap_flags=34"),
        row("do_truncate", "pathname=${work}/io.txt", "length=3"),
        row("do_truncate", "pathname=${work}/io.txt", "inode=${io_inode}", "dev=${dev}", "length=1"),
        row("chmod_common", "pathname=${work}/io.txt", "mode=384", "returnValue=0"),
        row("chmod_common", "pathname=${work}/io.txt", "mode=416", "returnValue=0"),
        row("security_inode_mknod", "file_name=${work}/fifo", "mode=4516", "dev=0"),
        row("security_inode_symlink", "linkpath=${work}/link", "target=known-target"),
        row("set_fs_pwd", "unresolved_path=.", "resolved_path=${work}"),
        row("security_sb_umount", "mountpoint=${work}/mnt", "flags=0"),
        row("security_bpf", "cmd=0"),
        row("security_bpf", "cmd=5"),
        row("security_bpf_map", "map_id=${map_id}", "map_name=sluice_map"),
        row("security_bpf_prog", "type=1", "name=sluice_prog", "load=true"),
        row("security_task_setrlimit", "target_host_pid=${pid}", "resource=7", "new_rlim_cur=${rlim_cur}",
            "new_rlim_max=${rlim_max}"),
        row("do_sigaction", "sig=10", "is_sa_initialized=true", "sa_flags=0", "sa_mask=0", "sa_handle_method=1", "sa_handler=0",
            "is_old_sa_initialized=true", "old_sa_handle_method=0", "old_sa_handler=0"),
        row("switch_task_ns", "pid=${child}", "new_uts=${uts}"),
        row("sched_switch", "prev_tid=${pid}", "prev_comm=derived"),
        row("cgroup_mkdir", "cgroup_id=${cgroup_id}", "cgroup_path=${cgroup}"),
        row("cgroup_attach_task", "cgroup_path=${cgroup}", "pid=${moved}"),
        row("cgroup_rmdir", "cgroup_path=${cgroup}"),
        row("vfs_utimes", "pathname=${work}/io.txt", "dev=${dev}", "inode=${io_inode}", "atime=1000000002", "mtime=3000000004"),
        row("vfs_utimes", "pathname=${work}/io.txt", "atime=5000000002", "mtime=3000000004"),
        row("process_execute_failed", "dirfd=-100", "flags=0", "pathname=/nonexistent/sluice-missing",
            "argv=missing,exec-argument", "envp=SLUICE_MISSING=1", "stdin_type=4096"),
        row("sys_enter", "syscall=${getppid_nr}"),
        row("sys_exit", "syscall=${getppid_nr}"),
        row("shared_object_loaded", "pathname=${true}"),
        row("cap_capable", "cap=21"),
        row("do_exit", "returnValue=768"),
        row("security_path_notify", "pathname=${work}/io.txt", "mask=10", "obj_type=0"),
        row("task_rename", "old_name=derived", "new_name=sluice-renamed"));

    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    private static List<String> row(final String... cells)
    {
        return List.of(cells);
    }

    /** Events of every task on the host at a high rate: traced in a run scoped to the helper, so they do not flood. */
    private static final Set<String> FLOODS = Set.of("sys_enter", "sys_exit", "sched_switch", "vfs_read", "vfs_readv",
        "vfs_write", "vfs_writev");

    @Test
    void eachDerivedEventCarriesWhatItIsAbout(@TempDir final Path dir) throws Exception
    {
        final Path program = KernelTestSupport.compile("derived", dir);
        final List<List<String>> rows = TABLE.stream().filter(row -> !FLOODS.contains(row.get(0))).toList();
        final List<List<String>> floods = TABLE.stream().filter(row -> FLOODS.contains(row.get(0))).toList();
        final List<String> failures = new ArrayList<>(check(program, Files.createDirectory(dir.resolve("all")), rows));
        failures.addAll(check(program, Files.createDirectory(dir.resolve("scoped")), floods, "--scope", "comm=derived"));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Runs sluice with the rows' events while the helper makes its calls; answers the rows it did not find. */
    private static List<String> check(final Path program, final Path dir, final List<List<String>> table, final String... scope)
        throws Exception
    {
        final Path work = Files.createDirectory(dir.resolve("work"));
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Set<String> names = new LinkedHashSet<>();
        table.forEach(row -> names.add(row.get(0)));
        final List<String> args = new ArrayList<>(List.of("--events", String.join(",", names), "--output", "json:" + output));
        args.addAll(List.of(scope));
        final Process sluice = KernelTestSupport.startSluice(stderr, args.toArray(new String[0]));
        final Map<String, String> values = new HashMap<>();
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process traced = new ProcessBuilder(program.toString(), work.toString(), containerHierarchy().toString())
                .redirectErrorStream(true).start();
            final String printed = new String(traced.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, traced.waitFor(), printed);
            for (final String line : printed.split("\n"))
            {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            values.put("pid", Long.toString(traced.pid()));
            values.put("work", work.toRealPath().toString());
            values.put("true", Path.of("/bin/true").toRealPath().toString());
            Thread.sleep(500);
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));
        }
        finally
        {
            sluice.destroyForcibly();
        }

        final Set<Long> pids = Set.of(Long.parseLong(values.get("pid")), Long.parseLong(values.get("child")),
            Long.parseLong(values.get("moved")));
        final List<Event> ours = KernelTestSupport.readEvents(output).stream()
            .filter(e -> pids.contains((long)e.getWorkload().getProcess().getHostPid().getValue())).toList();
        final List<String> failures = new ArrayList<>();
        for (final List<String> row : table)
        {
            final Map<String, String> expected = ArgumentRows.expected(row, values);
            final List<Event> candidates = ours.stream().filter(e -> e.getName().equals(row.get(0))).toList();
            if (candidates.stream().noneMatch(e -> ArgumentRows.carries(e, expected)))
            {
                failures.add(row.get(0) + " " + expected + " not among " +
                    candidates.stream().map(ArgumentRows::render).collect(Collectors.toList()));
            }
        }
        // removing a directory is not an unlink (Tracee's hook is security_inode_rmdir's)
        ours.stream().filter(e -> e.getName().equals("security_inode_unlink")
            && ArgumentRows.carries(e, Map.of("pathname", values.get("work") + "/gone")))
            .forEach(e -> failures.add("a directory's removal made " + ArgumentRows.render(e)));
        // the second write to dropped.bin starts at offset 64: not a magic_write
        final Map<String, String> notAtZero = Map.of("pathname", values.get("work") + "/dropped.bin", "returnValue", "11");
        ours.stream().filter(e -> e.getName().equals("magic_write") && ArgumentRows.carries(e, notAtZero))
            .forEach(e -> failures.add("a write at offset 64 made " + ArgumentRows.render(e)));
        return failures;
    }

    /** Where a cgroup may be made in the hierarchy the sensor finds containers in: cgroup v1's cpuset, else v2's. */
    private static Path containerHierarchy() throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/cgroups")))
        {
            final String[] fields = line.split("\\s+");
            if (fields.length > 1 && fields[0].equals("cpuset") && !fields[1].equals("0"))
            {
                return Path.of("/sys/fs/cgroup/cpuset");
            }
        }
        return Path.of("/sys/fs/cgroup");
    }
}
