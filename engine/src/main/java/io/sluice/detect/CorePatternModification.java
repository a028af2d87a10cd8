package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1011 {@code core_pattern_modification}: in a started container, {@code /proc/sys/kernel/core_pattern}
 * is opened for writing; a piped core pattern runs a program on the host when a process crashes. The syscalls carry
 * the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class CorePatternModification implements Detector
{
    private static final TextPattern[] CORE_PATTERN = FileAccess.patterns("*/proc/sys/kernel/core_pattern");
    private static final Threat THREAT = Threat.of("TRC-1011",
        "Core dumps configuration file modification detected",
        "Modification of the core dump configuration file (core_pattern) detected. Core dumps are usually written to " +
        "disk when a program crashes. Certain modifications enable container escaping through the kernel core_pattern " +
        "feature.",
        Threat.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "core_pattern_modification";
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
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForWrite(event), CORE_PATTERN);
    }
}
