package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1010 {@code cgroup_release_agent}: in a started container, a cgroup {@code release_agent} file is
 * opened for writing or renamed into place, the classic container escape (the kernel runs the agent on the host).
 * The syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not
 * match.
 */
public final class CgroupReleaseAgent implements Detector
{
    private static final byte[][] RELEASE_AGENT = FileAccess.utf8("release_agent");
    private static final Threat THREAT = Threat.of("TRC-1010",
        "Cgroups release agent file modification",
        "An attempt to modify Cgroup release agent file was detected. Cgroups are a Linux kernel feature which limits " +
        "the resource usage of a set of processes. Adversaries may use this feature for container escaping.",
        Threat.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "cgroup_release_agent";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS_AND_RENAMES;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int path = FileAccess.written(event);
        return path >= 0 && event.containerRunning()
            && FileAccess.baseNameIn(event.dataValue(path), event.dataValueLength(path), RELEASE_AGENT);
    }
}
