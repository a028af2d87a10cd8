package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1029 {@code sched_debug_recon}: in a started container, the scheduler's debug file (which lists the
 * host's processes and CPUs) is opened for reading. The syscalls carry the path as the caller wrote it (Tracee's
 * hook sees it resolved), so a relative path does not match.
 */
public final class SchedDebugRecon implements Detector
{
    private static final TextPattern[] SCHED_DEBUG = FileAccess.patterns("/proc/sched_debug", "/sys/kernel/debug/sched/debug");
    private static final Threat THREAT = Threat.of("TRC-1029",
        "sched_debug CPU file was read",
        "The sched_debug file was read. This file contains information about your CPU and processes. Adversaries may " +
        "read this file in order to gather that information for their use.",
        Threat.LOW, "Discovery", "T1613", "Container and Resource Discovery", "discovery");

    @Override
    public String eventName()
    {
        return "sched_debug_recon";
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
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForRead(event), SCHED_DEBUG);
    }
}
