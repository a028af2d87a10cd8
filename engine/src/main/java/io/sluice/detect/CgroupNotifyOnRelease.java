package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-106 {@code cgroup_notify_on_release}: in a started container, a cgroup {@code notify_on_release} file
 * is opened for writing, the switch that makes the kernel run the release agent on the host. The syscalls carry the
 * path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class CgroupNotifyOnRelease implements Detector
{
    private static final TextPattern[] NOTIFY_ON_RELEASE = FileAccess.patterns("*/notify_on_release");
    private static final Threat THREAT = Threat.of("TRC-106",
        "Cgroups notify_on_release file modification",
        "An attempt to modify Cgroup notify_on_release file was detected. Cgroups are a Linux kernel feature which " +
        "limits the resource usage of a set of processes. Adversaries may use this feature for container escaping.",
        Threat.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "cgroup_notify_on_release";
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
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForWrite(event), NOTIFY_ON_RELEASE);
    }
}
