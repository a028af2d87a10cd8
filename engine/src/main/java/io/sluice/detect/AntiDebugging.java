package io.sluice.detect;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-102 {@code anti_debugging}: a process calls {@code ptrace(PTRACE_TRACEME)}, the classic way to keep a
 * debugger from attaching.
 */
public final class AntiDebugging implements Detector
{
    private static final long PTRACE_TRACEME = 0;
    private static final byte[] REQUEST = "request".getBytes(StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-102",
        "Anti-Debugging detected",
        "A process used anti-debugging techniques to block a debugger. Malware use anti-debugging to stay invisible and inhibit analysis of their behavior.",
        Threat.LOW, "Defense Evasion", "T1622", "Debugger Evasion", "defense-evasion");

    @Override
    public String eventName()
    {
        return "anti_debugging";
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
        return request >= 0 && event.dataInt(request) == PTRACE_TRACEME;
    }
}
