package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1024 {@code proc_mem_code_injection}: a process's memory file ({@code /proc/PID/mem} or {@code
 * /proc/self/mem}) is opened for writing, to inject code into it. The syscalls carry the path as the caller wrote it
 * (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class ProcMemCodeInjection implements Detector
{
    private static final Threat THREAT = Threat.of("TRC-1024",
        "Code injection detected through /proc/<pid>/mem file",
        "Possible code injection into another process was detected. Code injection is an exploitation technique used to " +
        "run malicious code, adversaries may use it in order to execute their malware.",
        Threat.HIGH, "Defense Evasion", "T1055.009", "Proc Memory", "defense-evasion");

    @Override
    public String eventName()
    {
        return "proc_mem_code_injection";
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
        return ProcMemPath.matches(event, FileAccess.openedForWrite(event));
    }
}
