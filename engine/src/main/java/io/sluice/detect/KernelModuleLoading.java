package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1017 {@code kernel_module_loading}: a kernel module is loaded with {@code init_module} or
 * {@code finit_module}, a way for an adversary to run code in the kernel and persist. Tracee watches its derived
 * {@code module_load} event (a module the kernel accepted); Sluice watches the two syscalls and skips failed ones.
 */
public final class KernelModuleLoading implements Detector
{
    private static final Threat THREAT = Threat.of("TRC-1017",
        "Kernel module loading detected",
        "Loading of a kernel module was detected. Kernel modules are binaries meant to run in the kernel. Adversaries may try and load kernel modules to extend their capabilities and avoid detection by running in the kernel and not user space.",
        Threat.MEDIUM, "Persistence", "T1547.006", "Kernel Modules and Extensions", "persistence");

    @Override
    public String eventName()
    {
        return "kernel_module_loading";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("init_module", "finit_module");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        // a failed call loaded nothing
        return !event.hasRetval() || event.retval() >= 0;
    }
}
