package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1012 {@code default_loader_mod}: the dynamic loader ({@code /lib*}{@code /ld*.so*}, Tracee's {@code
 * ^/(lib|usr/lib).*}{@code /ld.*\.so[^/]*}) is opened for writing or renamed into place, to hijack every dynamically
 * linked program. The syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative
 * path does not match.
 */
public final class DefaultLoaderModification implements Detector
{
    private static final Threat THREAT = Threat.of("TRC-1012",
        "Default dynamic loader modification detected",
        "The default dynamic loader has been modified. The dynamic loader is an executable file loaded to process " +
        "memory and run before the executable to load dynamic libraries to the process. An attacker might use this " +
        "technique to hijack the execution context of each new process and bypass defenses.",
        Threat.HIGH, "Defense Evasion", "T1574", "Hijack Execution Flow", "defense-evasion");

    @Override
    public String eventName()
    {
        return "default_loader_mod";
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
        return LoaderPath.matches(event, FileAccess.written(event));
    }
}
