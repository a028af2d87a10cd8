package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1021 {@code proc_kcore_read}: in a started container, {@code /proc/kcore} (the host's physical
 * memory) is opened for reading. The syscalls carry the path as the caller wrote it (Tracee's hook sees it
 * resolved), so a relative path does not match.
 */
public final class ProcKcoreRead implements Detector
{
    private static final TextPattern[] KCORE = FileAccess.patterns("*/proc/kcore");
    private static final Threat THREAT = Threat.of("TRC-1021",
        "Kcore memory file read",
        "An attempt to read /proc/kcore file was detected. KCore provides a full dump of the physical memory of the " +
        "system in the core file format. Adversaries may read this file to get all of the host memory and use this " +
        "information for container escape.",
        Threat.MEDIUM, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "proc_kcore_read";
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
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForRead(event), KCORE);
    }
}
