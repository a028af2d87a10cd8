package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-103 {@code ptrace_code_injection}: a process writes into another's memory with {@code
 * ptrace(PTRACE_POKETEXT)} or {@code ptrace(PTRACE_POKEDATA)}, to inject code into it.
 */
public final class PtraceCodeInjection implements Detector
{
    private static final long PTRACE_POKETEXT = 4;
    private static final long PTRACE_POKEDATA = 5;
    private static final byte[] REQUEST = "request".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-103",
        "Code injection detected using ptrace",
        "Possible code injection into another process was detected. Code injection is an exploitation technique used to " +
        "run malicious code, adversaries may use it in order to execute their malware.",
        Threat.HIGH, "Defense Evasion", "T1055.008", "Ptrace System Calls", "defense-evasion");

    @Override
    public String eventName()
    {
        return "ptrace_code_injection";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("ptrace");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int request = event.dataIndex(REQUEST);
        if (request < 0)
        {
            return false;
        }
        final long value = event.dataInt(request);
        return value == PTRACE_POKETEXT || value == PTRACE_POKEDATA;
    }
}
