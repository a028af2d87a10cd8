package io.sluice.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Reads what the process tree needs from {@code /proc}: used at start (seeding) and when an event names a process
 * the tree has not seen. Allocates; never on the per-event path of known processes.
 */
final class ProcFs
{
    private static final long TICKS_PER_SECOND = 100;

    private final Path root;
    private final long bootEpochNanos;

    ProcFs(final Path root)
    {
        this.root = root;
        this.bootEpochNanos = readBootEpochNanos(root);
    }

    static ProcFs system()
    {
        return new ProcFs(Paths.get("/proc"));
    }

    Path root()
    {
        return root;
    }

    /**
     * @return the host pids of all processes now, from the numeric entries of /proc.
     */
    int[] pids()
    {
        try (var entries = Files.list(root))
        {
            return entries.map(path -> path.getFileName().toString())
                .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                .mapToInt(Integer::parseInt)
                .toArray();
        }
        catch (final IOException ex)
        {
            return new int[0];
        }
    }

    /**
     * Fill an entry from /proc/PID.
     *
     * @return false when the process is gone.
     */
    boolean read(final int pid, final ProcessEntry entry)
    {
        final Path dir = root.resolve(Integer.toString(pid));
        try
        {
            final String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            final int close = stat.lastIndexOf(')');
            final String[] fields = stat.substring(close + 2).split(" ");
            final int ppid = Integer.parseInt(fields[1]);
            final long startTicks = Long.parseLong(fields[19]);
            final String comm = stat.substring(stat.indexOf('(') + 1, close);
            int nsPid = pid;
            int uid = 0;
            for (final String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8))
            {
                if (line.startsWith("NSpid:"))
                {
                    final String[] ids = line.substring(6).trim().split("\\s+");
                    nsPid = Integer.parseInt(ids[ids.length - 1]);
                }
                else if (line.startsWith("Uid:"))
                {
                    uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
            entry.reset(pid, nsPid, ppid, bootEpochNanos + startTicks * (1_000_000_000L / TICKS_PER_SECOND), uid);
            final byte[] commBytes = comm.getBytes(StandardCharsets.UTF_8);
            entry.comm(commBytes, commBytes.length);
            readExe(pid, entry);
            readArguments(pid, entry);
            entry.containerId = containerId(pid);
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * @return the container id of a live process from /proc/PID/cgroup, {@link ContainerIds#NONE} when none or gone.
     */
    byte[] containerId(final int pid)
    {
        final byte[] id = containerIdIfReadable(pid);
        return id == null ? ContainerIds.NONE : id;
    }

    /**
     * @return the container id of a live process from /proc/PID/cgroup, {@link ContainerIds#NONE} when it is in
     *         none, or null when the process is gone (a short-lived process may exit before the engine looks).
     */
    byte[] containerIdIfReadable(final int pid)
    {
        try
        {
            for (final String line : Files.readAllLines(root.resolve(pid + "/cgroup"), StandardCharsets.UTF_8))
            {
                final int colon = line.indexOf(':', line.indexOf(':') + 1);
                final byte[] id = ContainerIds.fromCgroupPath(line.substring(colon + 1));
                if (id.length > 0)
                {
                    return id;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
        return ContainerIds.NONE;
    }

    /** The arguments after argv[0] from /proc/PID/cmdline (NUL-separated), as Tetragon joins them. */
    void readArguments(final int pid, final ProcessEntry entry)
    {
        try
        {
            final byte[] cmdline = Files.readAllBytes(root.resolve(pid + "/cmdline"));
            entry.args.ofNulSeparated(cmdline, cmdline.length);
        }
        catch (final IOException | RuntimeException ex)
        {
            // gone, or a kernel thread: no arguments
        }
    }

    void readExe(final int pid, final ProcessEntry entry)
    {
        try
        {
            final byte[] exe = Files.readSymbolicLink(root.resolve(pid + "/exe")).toString().getBytes(StandardCharsets.UTF_8);
            entry.exe(exe, 0, exe.length);
        }
        catch (final IOException | RuntimeException ex)
        {
            // kernel threads have no exe; leave it empty
        }
    }

    private static long readBootEpochNanos(final Path root)
    {
        try
        {
            for (final String line : Files.readAllLines(root.resolve("stat"), StandardCharsets.UTF_8))
            {
                if (line.startsWith("btime "))
                {
                    return Long.parseLong(line.substring(6).trim()) * 1_000_000_000L;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // fall through
        }
        return 0;
    }
}
