package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1025 {@code process_vm_write_inject}: a process writes into another process's memory with {@code
 * process_vm_writev} (the target {@code pid} is not its own), to inject code into it.
 */
public final class ProcessVmWriteCodeInjection implements Detector
{
    private static final byte[] PID = "pid".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-1025",
        "Code injection detected using process_vm_writev syscall",
        "Possible code injection into another process was detected. Code injection is an exploitation technique used to " +
        "run malicious code, adversaries may use it in order to execute their malware.",
        Threat.HIGH, "Defense Evasion", "T1055", "Process Injection", "defense-evasion");

    @Override
    public String eventName()
    {
        return "process_vm_write_inject";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("process_vm_writev");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int pid = event.dataIndex(PID);
        return pid >= 0 && (int) event.dataInt(pid) != event.pid();
    }
}
