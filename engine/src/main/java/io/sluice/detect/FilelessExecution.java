package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-105 {@code fileless_execution}: a program executed from memory, a {@code memfd} file
 * ({@code /memfd:name (deleted)}) or a file under {@code /dev/shm}, leaving nothing on disk.
 */
public final class FilelessExecution implements Detector
{
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final TextPattern[] IN_MEMORY = {
        TextPattern.compile("memfd:*"), TextPattern.compile("/memfd:*"), TextPattern.compile("/dev/shm/*"),
        TextPattern.compile("/run/shm/*")};
    private static final Threat THREAT = Threat.of("TRC-105",
        "Fileless execution detected",
        "Fileless execution was detected. Executing a process from memory instead from a file in the filesystem may indicate that an adversary is trying to avoid execution detection.",
        Threat.HIGH, "Defense Evasion", "T1620", "Reflective Code Loading", "defense-evasion");

    @Override
    public String eventName()
    {
        return "fileless_execution";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("sched_process_exec");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int pathname = event.dataIndex(PATHNAME);
        if (pathname >= 0 && inMemory(event.dataValue(pathname), event.dataValueLength(pathname)))
        {
            return true;
        }
        return inMemory(event.executable(), event.executableLength());
    }

    private static boolean inMemory(final byte[] path, final int length)
    {
        for (final TextPattern pattern : IN_MEMORY)
        {
            if (pattern.matches(path, length))
            {
                return true;
            }
        }
        return false;
    }
}
