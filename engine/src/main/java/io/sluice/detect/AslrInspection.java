package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-109 {@code aslr_inspection}: {@code /proc/sys/kernel/randomize_va_space} is opened for reading, to
 * learn whether address space layout randomization is on before an exploit. The syscalls carry the path as the
 * caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class AslrInspection implements Detector
{
    private static final TextPattern[] RANDOMIZE_VA_SPACE = FileAccess.patterns("/proc/sys/kernel/randomize_va_space");
    private static final Threat THREAT = Threat.of("TRC-109",
        "ASLR inspection detected",
        "The ASLR (address space layout randomization) configuration was inspected. ASLR is used by Linux to prevent " +
        "memory vulnerabilities. An adversary may want to inspect and change the ASLR configuration in order to avoid " +
        "detection.",
        Threat.INFO, "Privilege Escalation", "T1068", "Exploitation for Privilege Escalation", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "aslr_inspection";
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
        return FileAccess.matches(event, FileAccess.openedForRead(event), RANDOMIZE_VA_SPACE);
    }
}
