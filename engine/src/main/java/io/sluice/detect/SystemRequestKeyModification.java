package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1031 {@code system_request_key_mod}: in a started container, the magic SysRq key's configuration
 * ({@code /proc/sys/kernel/sysrq}) or trigger ({@code /proc/sysrq-trigger}) is opened for writing. The syscalls
 * carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class SystemRequestKeyModification implements Detector
{
    private static final TextPattern[] SYSRQ = FileAccess.patterns("/proc/sys/kernel/sysrq", "/proc/sysrq-trigger");
    private static final Threat THREAT = Threat.of("TRC-1031",
        "System request key configuration modification",
        "An attempt to modify and activate the System Request Key configuration file was detected. The system request " +
        "key allows immediate input to the kernel through simple key combinations. Adversaries may use this feature to " +
        "immediately shut down or restart a system. With read access to kernel logs, host related information such as " +
        "listing tasks and CPU registers may be disclosed and could be used for container escape.",
        Threat.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "system_request_key_mod";
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
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForWrite(event), SYSRQ);
    }
}
