package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1026 {@code rcd_modification}: an rc script (run at boot and runlevel switch) is opened for writing
 * or renamed into place, or {@code update-rc.d} runs: a way to persist across a reboot. The syscalls carry the path
 * as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class RcdModification implements Detector
{
    private static final TextPattern[] RCD = FileAccess.patterns("/etc/rc.local", "/etc/init.d/rc.local", "/etc/rc1.d/*", "/etc/rc2.d/*",
        "/etc/rc3.d/*", "/etc/rc4.d/*", "/etc/rc5.d/*", "/etc/rc6.d/*", "/etc/rcs.d/*", "/etc/init.d/*", "/etc/rc.d/rc.local",
        "/etc/rc.d/init.d/*", "/etc/rc.d/*");
    private static final byte[][] COMMAND = FileAccess.utf8("update-rc.d");
    private static final Threat THREAT = Threat.of("TRC-1026",
        "Rcd modification detected",
        "The rcd files were modified. rcd files are scripts executed on boot and runlevel switch. Those scripts are " +
        "responsible for service control in runlevel switch. Adversaries may add or modify rcd files in order to " +
        "persist a reboot, thus maintaining malicious execution on the affected host.",
        Threat.MEDIUM, "Persistence", "T1037.004", "RC Scripts", "persistence");

    @Override
    public String eventName()
    {
        return "rcd_modification";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("sched_process_exec", "open", "openat", "openat2", "creat", "rename", "renameat", "renameat2");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (event.eventId() == Execs.EXEC)
        {
            return Execs.executableNamed(event, COMMAND);
        }
        return FileAccess.matches(event, FileAccess.written(event), RCD);
    }
}
