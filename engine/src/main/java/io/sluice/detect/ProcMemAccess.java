package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1023 {@code proc_mem_access}: a process's memory file ({@code /proc/PID/mem} or {@code
 * /proc/self/mem}) is opened for reading, to dump credentials from it. The syscalls carry the path as the caller
 * wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class ProcMemAccess implements Detector
{
    private static final Threat THREAT = Threat.of("TRC-1023",
        "Process memory access detected",
        "Process memory access detected. Adversaries may access other processes memory to steal credentials and " +
        "secrets.",
        Threat.HIGH, "Credential Access", "T1003.007", "Proc Filesystem", "credential-access");

    @Override
    public String eventName()
    {
        return "proc_mem_access";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        return ProcMemPath.matches(event, FileAccess.openedForRead(event));
    }
}
