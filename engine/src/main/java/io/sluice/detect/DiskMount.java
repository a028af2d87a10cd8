package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1014 {@code disk_mount}: in a started container, a device under {@code /dev/} is mounted, which can
 * expose the host's file systems for an escape.
 * <p>
 * Differs from Tracee: Tracee watches the {@code security_sb_mount} hook's {@code dev_name}; Sluice watches the
 * {@code mount} syscall's {@code source} and skips a mount that failed.
 */
public final class DiskMount implements Detector
{
    private static final byte[] SOURCE = "source".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final TextPattern[] DEVICE = FileAccess.patterns("/dev/*");
    private static final Threat THREAT = Threat.of("TRC-1014",
        "Container device mount detected",
        "Container device filesystem mount detected. A mount of a host device filesystem can be exploited by " +
        "adversaries to perform container escape.",
        Threat.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "disk_mount";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("mount");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!event.containerRunning() || event.hasRetval() && event.retval() < 0)
        {
            return false;
        }
        return FileAccess.matches(event, event.dataIndex(SOURCE), DEVICE);
    }
}
